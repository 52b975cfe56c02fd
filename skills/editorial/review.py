"""The translators' side of translation_state: in each translation's input, whether it is
outdated (with the change in the English since, word by word), a "still correct" checkbox to
confirm it without retyping, and a "reviewed" checkbox under the four-eyes rule; on save, the
records of what the form wrote, confirmed and reviewed.

The checkboxes are named after their input (`description_de__still_correct`, with the
form's prefix in an inline), so every form, the object's and each level's, reads its own.
"""

from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from skills.editorial.word_diff import word_diff
from skills.framework.languages import SOURCE_LANGUAGE
from skills.framework.models import OriginalText
from skills.framework.translation_state import (
    Status,
    may_review,
    note_confirmed,
    note_reviewed,
    note_translated,
    record_of,
    text_status,
)

CONFIRM, REVIEW = "__still_correct", "__reviewed"

OWN_CHANGE = _(
    "You wrote or confirmed this translation: another translator or an editor reviews it."
)
CHANGED_NOW = _("You are changing this translation: another translator or an editor reviews it.")
OUTDATED_REVIEW = _(
    "The English has changed since this was translated: update the translation, or confirm "
    "it is still correct, before it is reviewed."
)


class TranslationReviewForm:
    """A ContentForm's part in the records: `user` (set by the admin) is who saves it;
    `translations` are the form's {field name: (base, language)} of translated inputs."""

    user = None
    confirmed = reviewed = ()

    @property
    def user_id(self):
        return self.user.pk if self.user else None

    def translation_inputs(self):
        """{field name: (base, language)} of the translations this form may change."""
        return {
            name: (base, language)
            for name, (base, language) in self.translations.items()
            if language != SOURCE_LANGUAGE
            and name in self.fields
            and not self.fields[name].disabled
            and self.instance.pk is not None
        }

    def review_state(self, name, base, language):
        """What the input of a translation shows: its status, the change in the English
        since (HTML) where it is outdated, and the checkboxes this user may tick."""
        state = {"status": text_status(self.instance, base, language)}
        if name not in self.translation_inputs():
            return state
        record = record_of(self.instance, base, language)
        if state["status"] == Status.OUTDATED:
            english = getattr(self.instance, build_localized_fieldname(base, SOURCE_LANGUAGE))
            original = record and OriginalText.objects.text_of(record.get("from"))
            state["english_change"] = word_diff(original, english) if original else None
            state["confirm"] = self.add_prefix(name) + CONFIRM
        elif state["status"] == Status.UNREVIEWED:
            if may_review(record, self.user_id):
                state["review"] = self.add_prefix(name) + REVIEW
            else:
                state["own_change"] = OWN_CHANGE
        return state

    def clean(self):
        cleaned = super().clean()
        confirmed, reviewed = [], []
        for name, (base, language) in self.translation_inputs().items():
            status = text_status(self.instance, base, language)
            # A translation changed in the form is recorded as written; one confirmed by
            # someone else meanwhile is stale (GuardedContentForm), not confirmed twice.
            confirming = self._ticked(name + CONFIRM) and name not in self.changed_data
            if confirming and status == Status.OUTDATED:
                confirmed.append((name, base, language))
            if not self._ticked(name + REVIEW) or status in (Status.REVIEWED, Status.MISSING):
                continue
            if name in self.changed_data:
                self.add_error(name, ValidationError(CHANGED_NOW, code="four_eyes"))
            elif status == Status.OUTDATED:
                self.add_error(name, ValidationError(OUTDATED_REVIEW, code="outdated"))
            elif not may_review(record_of(self.instance, base, language), self.user_id):
                self.add_error(name, ValidationError(OWN_CHANGE, code="four_eyes"))
            else:
                reviewed.append((name, base, language))
        self.confirmed, self.reviewed = confirmed, reviewed
        return cleaned

    def _ticked(self, key):
        return bool(self.data.get(self.add_prefix(key)))

    def has_changed(self):
        return super().has_changed() or bool(self.confirmed or self.reviewed)

    def record_translations(self):
        """Record on the instance what this form wrote, confirmed and reviewed, keeping the
        English each translation was made from and each English the form replaced. Returns
        the fields to save besides the form's own: ["translation_state"] or []."""
        instance, before = self.instance, self.instance.translation_state
        by = self.user_id
        english_of = {}
        for name in self.changed_data:
            base, language = self.translations.get(name, (None, None))
            if language == SOURCE_LANGUAGE:
                english_of[name] = self.initial.get(name)  # the English it replaces
            elif base:
                english = getattr(instance, build_localized_fieldname(base, SOURCE_LANGUAGE))
                note_translated(instance, base, language, english=english, by=by)
                english_of[name] = english
        for name, base, language in self.confirmed:
            english = getattr(instance, build_localized_fieldname(base, SOURCE_LANGUAGE))
            note_confirmed(instance, base, language, english=english, by=by)
            english_of[name] = english
        now = timezone.now()
        for _name, base, language in self.reviewed:
            note_reviewed(instance, base, language, by=by, at=now)
        OriginalText.objects.remember(english_of.values())
        return ["translation_state"] if instance.translation_state != before else []

    def review_messages(self, inline=None):
        """The history's record of what the form confirmed and reviewed, as Django stores
        changes: JSON naming each field by its label, in no language (history.py words it).
        `inline`: the name of an inline's model, for its object."""
        messages = []
        with translation.override(None):
            for key, done in (("confirmed", self.confirmed), ("reviewed", self.reviewed)):
                if done:
                    fields = [str(self[name].label) for name, *_ in done]
                    entry = {"fields": fields}
                    if inline:
                        entry.update(name=str(inline), object=str(self.instance))
                    messages.append({key: entry})
        return messages
