"""Reviewing many translations at once (the lists' "Mark as reviewed in …" actions and the
translation status page), under the rules a form's "Reviewed" box follows (review.py): only a
text not yet reviewed, never an outdated one, never by who wrote or confirmed it.

Each text is checked again on the row as it is, locked until its save commits, so a text
changed since the reviewer's page was drawn is judged as it now is. Each object (a skill with
its levels) is one revision, its history saying what was reviewed, by whom, in the
language-neutral form saves use (history.py).
"""

import json
from collections import defaultdict
from dataclasses import dataclass, field

import reversion
from django.contrib.admin.models import CHANGE, LogEntry
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from skills.editorial.admin.forms import language_label
from skills.editorial.review import OUTDATED_REVIEW, OWN_CHANGE
from skills.framework.translation_state import Status, may_review, note_reviewed, record_of
from skills.framework.translation_state import text_status as status_of

GONE = _("This text is no longer there to review.")


@dataclass
class Outcome:
    """What a bulk review did: the texts (translation_status.Text) it marked reviewed, and
    (text, why) for each it refused."""

    reviewed: list = field(default_factory=list)
    refused: list = field(default_factory=list)


def mark_reviewed(user, language, texts):
    """Mark each of `texts` (translation_status.Text) reviewed in `language` by `user`, where
    the rules allow; already reviewed texts are left as they are."""
    outcome = Outcome()
    by_owner = defaultdict(list)
    for text in texts:
        by_owner[text.model, text.pk].append(text)
    for (owner_model, owner_pk), owned in by_owner.items():
        with transaction.atomic(), reversion.create_revision():
            rows = _locked_rows(owned)
            reviewed = _review(user, language, owned, rows, outcome)
            if not reviewed:
                continue
            owner = owner_model.objects.get(pk=owner_pk)
            message = _change_message(reviewed, language, rows, owner)
            reversion.set_user(user)
            reversion.set_comment(message)
            reversion.add_to_revision(owner)
            LogEntry.objects.log_actions(
                user.pk, [owner], CHANGE, change_message=message, single_object=True
            )
    return outcome


def _locked_rows(texts):
    """{(model, pk): the row, read and locked} for the rows of `texts`."""
    pks = defaultdict(set)
    for text in texts:
        pks[text.source].add(text.row_pk)
    return {
        (model, pk): row
        for model, keys in pks.items()
        for pk, row in model.objects.select_for_update().in_bulk(keys).items()
    }


def _review(user, language, texts, rows, outcome):
    """Note each text's review on its row and save the rows; return the texts reviewed."""
    reviewed, changed = [], set()
    now = timezone.now()
    for text in texts:
        row = rows.get((text.source, text.row_pk))
        status = row and status_of(row, text.field, language)
        if status in (Status.REVIEWED, Status.MISSING):
            continue  # nothing to do: reviewed already, or no translation to review
        if status == Status.UNREVIEWED and may_review(
            record_of(row, text.field, language), user.pk
        ):
            note_reviewed(row, text.field, language, by=user.pk, at=now)
            reviewed.append(text)
            changed.add((text.source, text.row_pk))
            continue
        why = {Status.UNREVIEWED: OWN_CHANGE, Status.OUTDATED: OUTDATED_REVIEW}
        outcome.refused.append((text, why.get(status, GONE)))
    for key in changed:
        rows[key].save(update_fields=["translation_state"])
    outcome.reviewed += reviewed
    return reviewed


def _change_message(reviewed, language, rows, owner):
    """The history's record of the reviews, as a form's (review.py's review_messages): each
    field by its language-neutral label, a level's under its name."""
    entries = defaultdict(list)
    with translation.override(None):
        for text in reviewed:
            row = rows[text.source, text.row_pk]
            verbose_name = text.source._meta.get_field(text.field).verbose_name
            entries[row].append(str(language_label(verbose_name, language)))
        message = []
        for row, fields in entries.items():
            entry = {"fields": fields}
            if row != owner:
                entry.update(name=str(row._meta.verbose_name), object=str(row))
            message.append({"reviewed": entry})
    return json.dumps(message)
