"""The admin's forms: each translated input marked with its language (TranslatedForm); the
content's, with the English above each translation and its review state (ContentForm); and a
guard against saving over someone else's change (EditGuard)."""

import hashlib

from django import forms
from django.core.exceptions import ValidationError
from django.utils import formats, translation
from django.utils.functional import lazy
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname
from reversion.models import Version

from skills.editorial.admin.widgets import TranslationInput
from skills.editorial.review import TranslationReviewForm
from skills.editorial.text_checks import check_characters, check_line_count, normalized
from skills.framework.languages import (
    LANGUAGE_CODES,
    SOURCE_LANGUAGE,
    TRANSLATED_LANGUAGES,
    direction,
    language_name,
)
from skills.framework.models import GlossaryTerm
from skills.framework.translation import translated_fields


def translation_fields(model):
    """{"name_en": "en", "name_de": "de", …}: every per-language column of `model`, field by
    field in the model's order (the page's), each in the languages' order. modeltranslation
    keeps its fields in sets, whose order changes from one process to the next."""
    return {
        build_localized_fieldname(field, code): code
        for field in translated_fields(model)
        for code in LANGUAGE_CODES
    }


def _language_label(verbose_name, language):
    if translation.get_language() is None:
        # Translations off: Django is storing a change's field names, language-neutral
        # (history.py words them for each reader), in modeltranslation's form.
        return f"{capfirst(verbose_name)} [{language}]"
    return gettext("%(field)s (%(language)s)") % {
        "field": capfirst(verbose_name),
        "language": language_name(language),
    }


language_label = lazy(_language_label, str)


class SourceText(forms.CharField):
    """Text as the sources hold it (text_checks.normalized). Browsers send a textarea's line
    breaks as CRLF; normalised here, before `has_changed` compares, a form sent back untouched
    has no changed field, and no CR reaches the pages."""

    default_validators = [check_characters]

    def to_python(self, value):
        return normalized(super().to_python(value))


class TranslatedForm(forms.ModelForm):
    """A form of a model with translated fields: each per-language input is marked with its
    language and direction and labelled with the language's name ("Name (German)").

    Set per request (admin/scope.py): `user`, who saves; `read_only`, every field shown but
    none taken from what is posted (a translator reading an earlier version).
    """

    user = None
    read_only = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.translations = {
            name: (name.removesuffix(f"_{language}"), language)
            for name, language in translation_fields(self._meta.model).items()
        }
        for name, (base, language) in self.translations.items():
            field = self.fields.get(name)
            if field is None:
                continue
            field.widget.attrs.update({"lang": language, "dir": direction(language)})
            verbose_name = self._meta.model._meta.get_field(base).verbose_name
            field.label = language_label(verbose_name, language)
        if self.read_only:
            for field in self.fields.values():
                field.disabled = True


class ContentForm(TranslationReviewForm, TranslatedForm):
    """The content's form: each translation shows the English it translates, the texts of the
    languages this form doesn't edit, its state: outdated (with the change in the English),
    reviewed or not (review.py), and where it goes against the glossary (glossary.py;
    `glossary` is set per request)."""

    glossary = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, (base, language) in self.translations.items():
            field = self.fields.get(name)
            if field is None or language == SOURCE_LANGUAGE:
                continue
            english = build_localized_fieldname(base, SOURCE_LANGUAGE)
            source = getattr(self.instance, english)
            if english not in self.fields and not source and not getattr(self.instance, name):
                # A translator's row with nothing to translate (an inline level, say).
                field.widget = forms.HiddenInput(attrs=field.widget.attrs)
                continue
            others = self.read_only_texts(base, language)
            if source or others:
                field.widget = TranslationInput(
                    field.widget,
                    language=language,
                    source=source,
                    others=others,
                    glossary=self.glossary,
                    review=self.review_state(name, base, language)
                    if self.instance.pk is not None
                    else None,
                )

    def clean(self):
        cleaned = super().clean()
        # A translation keeps its text's lines (list items, paragraphs), as an exchange file's
        # must: one rule for both.
        for name in self.changed_data:
            base, language = self.translations.get(name, (None, SOURCE_LANGUAGE))
            if language == SOURCE_LANGUAGE or name not in cleaned:
                continue
            english = build_localized_fieldname(base, SOURCE_LANGUAGE)
            source = cleaned.get(english, getattr(self.instance, english))
            try:
                check_line_count(source, self.initial.get(name), cleaned[name])
            except ValidationError as error:
                self.add_error(name, error)
        return cleaned

    def read_only_texts(self, base, language):
        """The other translations of `base` that this form has no input for."""
        texts = []
        for code in TRANSLATED_LANGUAGES:
            name = build_localized_fieldname(base, code)
            text = getattr(self.instance, name)
            if code != language and name not in self.fields and text:
                name = language_name(code)
                texts.append({"code": code, "dir": direction(code), "name": name, "text": text})
        return texts

    def glossary_problems(self):
        """(field's name, language, Problem) of each translation this form changed."""
        if not self.glossary:
            return []
        found = []
        for name in self.changed_data:
            base, language = self.translations.get(name, (None, SOURCE_LANGUAGE))
            if language == SOURCE_LANGUAGE:
                continue
            english = getattr(self.instance, build_localized_fieldname(base, SOURCE_LANGUAGE))
            label = self._meta.model._meta.get_field(base).verbose_name
            for problem in self.glossary.problems(english, self.cleaned_data.get(name), language):
                found.append((label, language, problem))
        return found


def columns(queryset):
    """Every column of every row. Named one by one: modeltranslation answers a bare values()
    with the active language's columns only."""
    return list(queryset.values_list(*(f.attname for f in queryset.model._meta.concrete_fields)))


def state_token(instance, followed, lock):
    """A digest of `instance`'s row and the rows of its `followed` relations (a skill's levels),
    read under a lock where `lock`: equal digests, equal content."""
    rows = type(instance).objects.filter(pk=instance.pk)
    related = [getattr(instance, relation).order_by("pk") for relation in followed]
    if lock:
        rows, related = rows.select_for_update(), [rel.select_for_update() for rel in related]
    state = [columns(rows), *(columns(rel) for rel in related)]
    return hashlib.sha256(repr(state).encode()).hexdigest()


class EditGuard(TranslatedForm):
    """Refuses to save over a change someone else made after this form was opened.

    The form carries a digest of the object as it was when opened (its row and the rows of
    `followed` relations, e.g. a skill's levels); on save, the digest of the rows as they are
    now, read under a lock held until the save commits, must match. Any writer counts: another
    editor, import_sources (which locks the same rows), a revert.

    A revert's form shows the version, not the object as it is: `state_token`, where the admin
    sets it (admin/scope.py), is the digest of the object as it really is (read before the
    version was put in its place), and stands in for reading it.
    """

    followed = ()
    state_token = None
    edit_token = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields["edit_token"].initial = self.state_token or self.current_token(lock=False)

    def current_token(self, lock):
        return state_token(self.instance, self.followed, lock)

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is None:
            return cleaned
        current = self.state_token or self.current_token(lock=True)
        if cleaned.get("edit_token") != current:
            raise ValidationError(self.stale_message(), code="stale")
        return cleaned

    def stale_message(self):
        latest = (
            Version.objects.get_for_object(self.instance).select_related("revision__user").first()
        )
        if latest is None:
            return _(
                "Someone else saved this since you opened it. Nothing was saved: copy your "
                "changes, reload the page to see theirs, then make yours again."
            )
        return _(
            "%(user)s saved this on %(when)s, after you opened it. Nothing was saved: copy your "
            "changes, reload the page to see theirs, then make yours again."
        ) % {
            "user": latest.revision.user or _("an import"),
            "when": formats.date_format(latest.revision.date_created, "DATETIME_FORMAT"),
        }


class GuardedContentForm(EditGuard, ContentForm):
    """The content's form (ContentForm), refusing a stale save (EditGuard)."""


class SkillForm(GuardedContentForm):
    followed = ("levels",)


class GenericAttributeForm(GuardedContentForm):
    # An attribute's levels are on its page, as a skill's: a change to one (by an import or
    # another editor) makes the page stale.
    followed = ("levels",)


class GlossaryTermForm(EditGuard):
    """A glossary term: its English and, in each language, the word agreed for it and the words
    to avoid. The glossary keeps no translation records (it is not Translatable): there is
    nothing to record or review."""

    def clean(self):
        cleaned = super().clean()
        for language in TRANSLATED_LANGUAGES:
            approved = cleaned.get(f"term_{language}") or ""
            avoided = GlossaryTerm.lines_of(cleaned.get(f"avoid_{language}"))
            if approved and approved.casefold() in (word.casefold() for word in avoided):
                message = _(
                    "“%(term)s” is this language's word for the term: it cannot also be one "
                    "to avoid."
                )
                self.add_error(f"avoid_{language}", message % {"term": approved})
        return cleaned
