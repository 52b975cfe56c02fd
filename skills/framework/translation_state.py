"""Which English each translation was made from, and whether a second person has reviewed it.

Every translated row keeps, in its `translation_state` column, a record for each text and
language it has a translation of: {language: {field: record}}, a record being

    {"from": the fingerprint of the English the translation was made from,
     "by": the id of the user who wrote its words (None: an import, or not known),
     "confirmed_by": the id of the user who last confirmed it still correct for a new
                     English, where someone did since the words were written,
     "reviewed": {"by": the reviewer's id, "at": ISO 8601 time}, once reviewed}

Kept in the row, the records travel with the texts: read in the same query, saved in every
version of the history (so a revert restores those of the version), dumped and loaded with
the row. A translation is *outdated* when its English's fingerprint is no longer the one on
record; the English it was made from is kept, by fingerprint, in `OriginalText`, for the admin
to show what changed.

Every path that writes a translation records it here (`note_translated`): the admin, the
importers. A translation saved without a record (a row created in code, a backup from before
records were kept) gets one from the English it is saved with (`record_unrecorded`).
"""

import hashlib
from enum import StrEnum

from skills.framework.languages import SOURCE_LANGUAGE, TRANSLATED_LANGUAGES

FINGERPRINT_LENGTH = 16  # hex digits: 64 bits, for a few thousand texts


def fingerprint(text):
    """A short digest of an English text: equal texts, equal fingerprints."""
    return hashlib.sha256(text.encode()).hexdigest()[:FINGERPRINT_LENGTH]


class Status(StrEnum):
    """A translated text's state in one language, the first that applies."""

    MISSING = "missing"  # English has a text, the language none
    OUTDATED = "outdated"  # the English changed since the translation was made
    UNREVIEWED = "unreviewed"
    REVIEWED = "reviewed"


def status(english, translation, record):
    """The Status of a translation of `english` (None where there is no English to translate)."""
    if not english:
        return None
    if not translation:
        return Status.MISSING
    if not record or record.get("from") != fingerprint(english):
        return Status.OUTDATED
    return Status.REVIEWED if record.get("reviewed") else Status.UNREVIEWED


def record_of(instance, field, language):
    """The record of `instance`'s `field` in `language`, or None."""
    return (instance.translation_state or {}).get(language, {}).get(field)


def text_status(instance, field, language):
    """The Status of `instance`'s `field` in `language`."""
    return status(
        getattr(instance, f"{field}_{SOURCE_LANGUAGE}"),
        getattr(instance, f"{field}_{language}"),
        record_of(instance, field, language),
    )


def _with_record(instance, field, language, record):
    """Set (or, with None, remove) a record, in a new dict: the instance's old state stays as
    it was for whoever still holds it (a form's initial data, a version)."""
    state = {code: dict(fields) for code, fields in (instance.translation_state or {}).items()}
    if record is None:
        state.get(language, {}).pop(field, None)
    else:
        state.setdefault(language, {})[field] = record
    instance.translation_state = {code: fields for code, fields in state.items() if fields}


def note_translated(instance, field, language, *, english, by=None):
    """Record that `instance`'s `field` in `language` (as it now is) translates `english`,
    its words written by the user with id `by` (None: an import); not yet reviewed."""
    translation = getattr(instance, f"{field}_{language}")
    record = {"from": fingerprint(english), "by": by} if translation and english else None
    _with_record(instance, field, language, record)


def note_confirmed(instance, field, language, *, english, by):
    """Record that the user with id `by` confirmed `instance`'s `field` in `language` as still
    correct for `english`: made from it now, not yet reviewed, its words still their author's
    (who, like the confirmer, may not review them)."""
    record = record_of(instance, field, language) or {"by": None}
    record = {key: value for key, value in record.items() if key != "reviewed"}
    _with_record(
        instance, field, language, {**record, "from": fingerprint(english), "confirmed_by": by}
    )


def note_reviewed(instance, field, language, *, by, at):
    """Record that the user with id `by` reviewed the translation at `at`."""
    record = record_of(instance, field, language)
    _with_record(
        instance, field, language, {**record, "reviewed": {"by": by, "at": at.isoformat()}}
    )


def may_review(record, user_id):
    """The four-eyes rule: neither who wrote a translation's words nor who confirmed them
    still correct reviews them."""
    if record is None:
        return False
    return user_id not in (record.get("by"), record.get("confirmed_by"))


def record_unrecorded(instance, fields):
    """Give every translation among `fields` that has no record one from the English it is
    saved with, by no one. Returns whether it gave any."""
    unrecorded = [
        (field, language)
        for field in fields
        for language in TRANSLATED_LANGUAGES
        if getattr(instance, f"{field}_{SOURCE_LANGUAGE}")
        and getattr(instance, f"{field}_{language}")
        and record_of(instance, field, language) is None
    ]
    for field, language in unrecorded:
        english = getattr(instance, f"{field}_{SOURCE_LANGUAGE}")
        note_translated(instance, field, language, english=english)
    return bool(unrecorded)
