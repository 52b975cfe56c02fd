"""The translators' admin: every language side by side (modeltranslation's tabbed admin), the
English source shown above each field being translated, history with revert (reversion), no
lost updates, and each translator limited to their own language (roles.py)."""

import copy
import functools
import hashlib

import reversion
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, router, transaction
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import formats, translation
from django.utils.functional import lazy
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname
from reversion.admin import VersionAdmin
from reversion.models import Version

from skills.editorial import history
from skills.editorial.exchange import language_name
from skills.editorial.exchange_admin import exchange_view
from skills.editorial.glossary import Glossary
from skills.editorial.review import TranslationReviewForm
from skills.editorial.roles import editable_languages, may_edit_structure
from skills.editorial.text_checks import check_characters, normalized
from skills.editorial.translation_status import every_text, objects_with, translation_status
from skills.framework.languages import (
    LANGUAGE_CODES,
    SOURCE_LANGUAGE,
    TRANSLATED_LANGUAGES,
    direction,
)
from skills.framework.levels import LEVEL_NUMBERS
from skills.framework.models import (
    AttributeGroup,
    AttributeLevel,
    Category,
    Edition,
    GenericAttribute,
    GlossaryTerm,
    ResponsibilityLevel,
    Skill,
    SkillLevel,
    Subcategory,
)
from skills.framework.translation import translated_fields
from skills.framework.translation_state import Status

admin.site.site_title = _("SFIA administration")
admin.site.site_header = _("SFIA administration")


def translation_fields(model):
    """{"name_en": "en", "name_de": "de", …}: every per-language column of `model`, field by
    field in the model's order (the page's), each in the languages' order. modeltranslation
    keeps its fields in sets, whose order changes from one process to the next."""
    return {
        build_localized_fieldname(field, code): code
        for field in translated_fields(model)
        for code in LANGUAGE_CODES
    }


class SourceText(forms.CharField):
    """Text as the sources hold it (text_checks.normalized). Browsers send a textarea's line
    breaks as CRLF; normalised here, before `has_changed` compares, a form sent back untouched
    has no changed field, and no CR reaches the pages."""

    default_validators = [check_characters]

    def to_python(self, value):
        return normalized(super().to_python(value))


@functools.cache
def with_source(widget_class):
    """`widget_class`, rendering the English source above the input and, on demand, the texts
    of the languages the form doesn't edit (each marked with its language and direction)."""

    class WithSource(widget_class):
        source = ""
        others = ()
        review = None  # review.py's review_state
        glossary = None  # glossary.py's Glossary, with the input's `language`
        language = None

        def render(self, name, value, attrs=None, renderer=None):
            context = {
                "source": self.source,
                "input": super().render(name, value, attrs, renderer),
                "others": self.others,
                "review": self.review,
                # Of the text as it is in the input: as stored, or as just sent back.
                "glossary": self.glossary.problems(self.source, value, self.language)
                if self.glossary
                else (),
            }
            return render_to_string("admin/skills/translated_input.html", context)

    return WithSource


def mark_languages(form):
    """Each of `form`'s translated inputs marked with its language and direction."""
    for name, language in translation_fields(form._meta.model).items():
        if name in form.fields:
            form.fields[name].widget.attrs.update({"lang": language, "dir": direction(language)})


class ContentForm(TranslationReviewForm, forms.ModelForm):
    """Language-aware inputs: each marked with its language and direction; each translation
    shows the English it translates, the texts of the languages this form doesn't edit, its
    state: outdated (with the change in the English), reviewed or not (review.py), and where
    it goes against the glossary (glossary.py; `glossary` is set by the admin)."""

    glossary = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        mark_languages(self)
        self.translations = {
            name: (name.removesuffix(f"_{language}"), language)
            for name, language in translation_fields(self._meta.model).items()
        }
        for name, (base, language) in self.translations.items():
            field = self.fields.get(name)
            if field is None:
                continue
            widget = field.widget
            if language == SOURCE_LANGUAGE:
                continue
            english = build_localized_fieldname(base, SOURCE_LANGUAGE)
            source = getattr(self.instance, english)
            if english not in self.fields and not source and not getattr(self.instance, name):
                # A translator's row with nothing to translate (an inline level, say).
                field.widget = forms.HiddenInput(attrs=widget.attrs)
                continue
            others = self.read_only_texts(base, language)
            if source or others:
                field.widget = copy.copy(widget)
                field.widget.__class__ = with_source(type(widget))
                field.widget.source = source
                field.widget.others = others
                field.widget.glossary, field.widget.language = self.glossary, language
                if self.instance.pk is not None:
                    field.widget.review = self.review_state(name, base, language)

    def read_only_texts(self, base, language):
        """The other translations of `base` that this form has no input for."""
        texts = []
        for code in TRANSLATED_LANGUAGES:
            name = build_localized_fieldname(base, code)
            text = getattr(self.instance, name)
            if code != language and name not in self.fields and text:
                info = translation.get_language_info(code)
                texts.append(
                    {
                        "code": code,
                        "dir": direction(code),
                        "name": info["name_translated"],
                        "text": text,
                    }
                )
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


class EditGuard(forms.ModelForm):
    """Refuses to save over a change someone else made after this form was opened.

    The form carries a digest of the object as it was when opened (its row and the rows of
    `followed` relations, e.g. a skill's levels); on save, the digest of the rows as they are
    now, read under a lock held until the save commits, must match. Any writer counts: another
    editor, import_sources (which locks the same rows), a revert.

    A revert's form shows the version, not the object as it is: `state_token`, where the view
    sets it, is the digest of the object as it really is (read before the version was put in
    its place), and stands in for reading it.
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


def model_fields(instance, form_fields):
    """The names among `form_fields` that are columns of `instance` (not the edit token)."""
    columns = {field.name for field in instance._meta.concrete_fields}
    return [name for name in form_fields if name in columns]


def reading_a_version(request):
    """Whether a translator is reading an earlier version: it may be read and copied, not
    restored (its page is reversion's revert form)."""
    match = request.resolver_match
    return (
        not may_edit_structure(request.user)
        and match is not None
        and (match.url_name or "").endswith("_revision")
    )


def for_request(form_class, request):
    """`form_class` for `request`'s user, who is who its records name (review.py), with the
    glossary its translations are checked against (read once a request)."""
    if not hasattr(request, "glossary"):
        request.glossary = Glossary.load()
    attributes = {"user": request.user, "glossary": request.glossary}
    return type(form_class.__name__, (form_class,), attributes)


def read_only(form_class):
    """`form_class` with every field disabled: shown with its language and direction, as
    inputs are, and never taken from what is posted."""

    class ReadOnly(form_class):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            for field in self.fields.values():
                field.disabled = True

    return ReadOnly


class LanguageRolesMixin:
    """Fields of languages the user may not change are read-only; so are codes, categories and
    defined levels, adding and deleting, unless the user edits the source.

    A translator's form is their language's fields in the page's order, each with the English
    above it and the other languages on demand (ContentForm), after the structure, read-only.
    """

    # Every multi-line text, in every language, normalised the same way (single-line inputs
    # are stripped by Django's CharField already, and can't hold a line break); every text
    # checked for characters the pages must not carry.
    formfield_overrides = {
        models.TextField: {"form_class": SourceText},
        models.CharField: {"validators": [check_characters]},
    }

    def structure_fields(self):
        """Codes, categories, level numbers…: what isn't text in some language."""
        translated = translation_fields(self.model)
        bare = set(translator.get_options_for_model(self.model).fields)
        names = [
            field.name
            for field in self.model._meta.concrete_fields
            if field.editable
            and not field.auto_created
            and field.name not in translated
            and field.name not in bare
        ]
        return [name for name in self.fields if name in names] if self.fields else names

    def get_readonly_fields(self, request, obj=None):
        allowed = set(editable_languages(request.user))
        fields = translation_fields(self.model)
        locked = [name for name, language in fields.items() if language not in allowed]
        if not may_edit_structure(request.user):
            locked += self.structure_fields()
        return [*super().get_readonly_fields(request, obj), *locked]

    def get_form(self, request, obj=None, **kwargs):
        form = for_request(super().get_form(request, obj, **kwargs), request)
        return read_only(form) if reading_a_version(request) else form

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.form = for_request(formset.form, request)
        if reading_a_version(request):
            formset.form = read_only(formset.form)
        return formset

    def get_fieldsets(self, request, obj=None):
        if may_edit_structure(request.user):
            return super().get_fieldsets(request, obj)
        allowed = editable_languages(request.user)
        translated = [
            name
            for name, language in translation_fields(self.model).items()
            if language in allowed and self.has_text_to_translate(obj, name, language)
        ]
        # The form's own fields (the edit token) come along, as they do in Django's fieldsets.
        fields = [*self.structure_fields(), *translated, *self.form.declared_fields]
        return [(None, {"fields": fields})]

    def has_text_to_translate(self, obj, name, language):
        # An inline's fieldsets serve all its rows: ContentForm hides a row's empty field.
        return True

    def has_add_permission(self, request, *args):
        return super().has_add_permission(request, *args) and may_edit_structure(request.user)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and may_edit_structure(request.user)


class ContentAdmin(LanguageRolesMixin, VersionAdmin, TabbedTranslationAdmin):
    form = GuardedContentForm
    history_latest_first = True
    change_form_template = "admin/skills/change_form.html"
    object_history_template = "reversion/skills/object_history.html"

    def has_text_to_translate(self, obj, name, language):
        """Whether `obj` has an English text for the field `name`, or one in its `language`
        already: a field that exists only in a third language is not for this translator."""
        if obj is None:
            return True
        english = build_localized_fieldname(name.removesuffix(f"_{language}"), SOURCE_LANGUAGE)
        return bool(getattr(obj, english) or getattr(obj, name))

    class Media:
        css = {"all": ["css/admin.css"]}
        # Named with what it must follow, so Django's media merging keeps it after them.
        js = [
            "admin/js/jquery.init.js",
            "modeltranslation/js/tabbed_translation_fields.js",
            "js/admin-translation-tabs.js",
        ]

    # A save that changes nothing saves, records and announces nothing: no row written (so no
    # new version and no content-version bump), no LogEntry, no revision.

    def save_model(self, request, obj, form, change):
        recorded = form.record_translations()
        if not change:
            super().save_model(request, obj, form, change)
        elif form.has_changed():
            # Only what this form changed: a German save never writes an English column,
            # whatever else happened to the row (GuardedContentForm holds it locked).
            obj.save(update_fields=model_fields(obj, form.changed_data) + recorded)

    def save_formset(self, request, form, formset, change):
        formset.save(commit=False)  # fills changed_objects, new_objects, deleted_objects
        forms_of = {id(each.instance): each for each in formset.forms}
        for obj, changed in formset.changed_objects:
            recorded = forms_of[id(obj)].record_translations()
            obj.save(update_fields=model_fields(obj, changed) + recorded)
        for obj in formset.new_objects:
            forms_of[id(obj)].record_translations()
            obj.save()
        for obj in formset.deleted_objects:
            obj.delete()

    def construct_change_message(self, request, form, formsets, add=False):
        """Django's message, with what the forms confirmed and reviewed (review.py); an inline
        row that was only reviewed is not also "changed" in no field."""
        message = [
            entry
            for entry in super().construct_change_message(request, form, formsets, add)
            if entry.get("changed", {}).get("fields", True)
        ]
        message += form.review_messages()
        for formset in formsets or ():
            inline = formset.model._meta.verbose_name
            for each in formset.forms:
                message += each.review_messages(inline)
        return message

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if change and not form.has_changed() and any(f.has_changed() for f in formsets):
            # Only an inline row changed: the object's version (with its levels) still marks
            # the change in the object's own history.
            reversion.add_to_revision(form.instance)
        self.warn_of_glossary(request, [form, *(each for f in formsets for each in f.forms)])

    def warn_of_glossary(self, request, saved_forms):
        """Saved, but said: each changed translation that goes against the glossary."""
        for each in saved_forms:
            if not hasattr(each, "glossary_problems") or not hasattr(each, "cleaned_data"):
                continue
            for label, language, problem in each.glossary_problems():
                where = _("%(object)s, %(field)s (%(language)s)") % {
                    "object": each.instance,
                    "field": label,
                    "language": translation.get_language_info(language)["name_translated"],
                }
                message = _("Saved, but against the glossary: %(where)s. %(problem)s")
                self.message_user(
                    request,
                    message % {"where": where, "problem": problem.message()},
                    messages.WARNING,
                )

    def log_change(self, request, obj, message):
        if not message:
            return None
        return self.with_neutral_comment(super().log_change(request, obj, message))

    def log_addition(self, request, obj, message):
        return self.with_neutral_comment(super().log_addition(request, obj, message))

    @staticmethod
    def with_neutral_comment(entry):
        """VersionAdmin stores the revision's comment rendered in the saver's language; store
        the LogEntry's JSON instead, which each reader's admin renders in their language
        (Revision.get_comment, history.py)."""
        if reversion.is_active():
            reversion.set_comment(entry.change_message)
        return entry

    def history_view(self, request, object_id, extra_context=None):
        context = {"may_revert": may_edit_structure(request.user), **(extra_context or {})}
        return super().history_view(request, object_id, context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        # A revert restores every language at once: it is the editors' to do. Translators may
        # open a version, to read and copy an older text, but not restore it.
        may_revert = may_edit_structure(request.user)
        if not may_revert and request.method != "GET":
            raise PermissionDenied
        context = {"may_revert": may_revert, **(extra_context or {})}
        with transaction.atomic(using=router.db_for_write(self.model)):
            # The object as it is, before reversion puts the version in its place: what the
            # editor is shown a digest of, and what a revert must find unchanged (GuardedForm).
            obj = self.get_object(request, unquote(object_id))
            if obj is not None:
                followed = getattr(self.form, "followed", ())
                request.state_token = state_token(obj, followed, lock=request.method == "POST")
            response = super().revision_view(request, object_id, version_id, context)
        if request.method == "POST" and response.status_code == 302:
            self.with_neutral_revert_comment(object_id, version_id)
        return response

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        token = getattr(request, "state_token", None)
        return type(form.__name__, (form,), {"state_token": token}) if token else form

    def with_neutral_revert_comment(self, object_id, version_id):
        """reversion words a revert's comment in the editor's language; store it neutral, as
        saves are, for each reader's admin to word in theirs (history.py)."""
        reverted_to = Version.objects.get(pk=version_id).revision.date_created
        latest = Version.objects.get_for_object_reference(self.model, object_id).first()
        latest.revision.comment = history.reverted_comment(reverted_to)
        latest.revision.save(update_fields=["comment"])

    def recover_view(self, request, version_id, extra_context=None):
        if not may_edit_structure(request.user):
            raise PermissionDenied
        return super().recover_view(request, version_id, extra_context)


class LevelsInline(LanguageRolesMixin, TranslationStackedInline):
    """A skill's or an attribute's seven levels, in order, under it."""

    form = ContentForm
    fields = ["level", "defined", "description"]
    extra = 0
    max_num = len(LEVEL_NUMBERS)
    ordering = ["level"]


class SkillLevelInline(LevelsInline):
    model = SkillLevel


class TranslationStatusFilter(admin.SimpleListFilter):
    """The objects with a text, their levels' included, in one Status in a language."""

    status = None

    def lookups(self, request, model_admin):
        names = dict(settings.LANGUAGES)
        return [(code, names[code]) for code in TRANSLATED_LANGUAGES]

    def queryset(self, request, queryset):
        if self.value() not in TRANSLATED_LANGUAGES:
            return queryset
        return queryset.filter(pk__in=objects_with(self.status, self.value(), queryset.model))


class MissingTranslationFilter(TranslationStatusFilter):
    title = _("missing in")
    parameter_name = "missing"
    status = Status.MISSING


class OutdatedTranslationFilter(TranslationStatusFilter):
    title = _("outdated in")
    parameter_name = "outdated"
    status = Status.OUTDATED


class UnreviewedTranslationFilter(TranslationStatusFilter):
    title = _("not yet reviewed in")
    parameter_name = "unreviewed"
    status = Status.UNREVIEWED


TRANSLATION_FILTERS = [
    MissingTranslationFilter,
    OutdatedTranslationFilter,
    UnreviewedTranslationFilter,
]


@admin.register(Skill)
class SkillAdmin(ContentAdmin):
    form = SkillForm
    inlines = [SkillLevelInline]
    list_display = ["code", "name", "subcategory"]
    list_filter = [*TRANSLATION_FILTERS, "subcategory__category"]
    search_fields = ["code", *(f"name_{code}" for code in LANGUAGE_CODES)]
    list_select_related = ["subcategory"]
    change_list_template = "admin/skills/skill/change_list.html"

    def changelist_view(self, request, extra_context=None):
        # Above the list: how far each language is, over the whole content.
        context = {"status": translation_status(), **(extra_context or {})}
        return super().changelist_view(request, context)

    def get_urls(self):
        status = path(
            "translation-status/",
            self.admin_site.admin_view(self.translation_status_view),
            name="skills_translation_status",
        )
        exchange = path(
            "exchange/",
            self.admin_site.admin_view(functools.partial(exchange_view, self)),
            name="skills_exchange",
        )
        return [status, exchange, *super().get_urls()]

    def translation_status_view(self, request):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        texts = every_text()
        status = translation_status(texts)
        glossary = Glossary.load()
        for language, counts in status.items():
            counts.glossary = glossary.inconsistencies(texts, language)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Translation status"),
            "opts": self.model._meta,
            "status": status,
            "glossary": glossary,
        }
        return TemplateResponse(request, "admin/skills/translation_status.html", context)


@admin.register(ResponsibilityLevel)
class ResponsibilityLevelAdmin(ContentAdmin):
    list_display = ["number", "guiding_phrase"]

    def get_readonly_fields(self, request, obj=None):
        # The number is the level's identity: fixed once it exists.
        fields = super().get_readonly_fields(request, obj)
        return fields if obj is None or "number" in fields else [*fields, "number"]


@admin.register(Category)
class CategoryAdmin(ContentAdmin):
    list_display = ["name", "position"]


@admin.register(Subcategory)
class SubcategoryAdmin(ContentAdmin):
    list_display = ["name", "category", "position"]
    list_filter = ["category"]


class AttributeLevelInline(LevelsInline):
    model = AttributeLevel


@admin.register(GenericAttribute)
class GenericAttributeAdmin(ContentAdmin):
    form = GenericAttributeForm
    inlines = [AttributeLevelInline]
    list_display = ["code", "name", "group"]
    list_filter = [*TRANSLATION_FILTERS, "group"]
    search_fields = ["code", *(f"name_{code}" for code in LANGUAGE_CODES)]
    list_select_related = ["group"]


@admin.register(AttributeGroup)
class AttributeGroupAdmin(ContentAdmin):
    list_display = ["name", "position"]


@admin.register(Edition)
class EditionAdmin(VersionAdmin):
    """Nothing to translate: the editors' alone."""

    list_display = ["name"]

    def has_add_permission(self, request):
        return may_edit_structure(request.user) and not Edition.objects.exists()

    def has_change_permission(self, request, obj=None):
        return may_edit_structure(request.user)

    def has_delete_permission(self, request, obj=None):
        return False


class GlossaryTermForm(EditGuard):
    """A glossary term: its English and, in each language, the word agreed for it and the words
    to avoid. The glossary keeps no translation records (it is not Translatable): there is
    nothing to record or review."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        mark_languages(self)

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

    def record_translations(self):
        return []

    def review_messages(self, inline=None):
        return []


def term_in(language):
    """The glossary list's column of `language`'s agreed words, headed by the language's name
    and each word marked with its language."""

    @admin.display(description=lazy(language_name, str)(language), ordering=f"term_{language}")
    def column(term):
        word = getattr(term, f"term_{language}")
        if not word:
            return None  # the admin's "-"
        return format_html(
            '<span lang="{}" dir="{}">{}</span>', language, direction(language), word
        )

    column.__name__ = f"term_{language}"  # the column's class in the list: column-term_de
    return column


@admin.register(GlossaryTerm)
class GlossaryTermAdmin(ContentAdmin):
    """The glossary: editors add and remove terms and change their English; each translator
    keeps their language's word for each and the words to avoid, with the English above."""

    form = GlossaryTermForm
    exclude = ["avoid_en"]  # the English term is the source: nothing in English to avoid
    list_display = [term_in(code) for code in LANGUAGE_CODES]
    search_fields = [f"term_{code}" for code in LANGUAGE_CODES]

    def has_text_to_translate(self, obj, name, language):
        return True  # each language's word, and its words to avoid, are this form's own

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if may_edit_structure(request.user):
            return fieldsets
        # The translator's fields, after the English term (read-only) they are for.
        (name, options), *rest = fieldsets
        return [(name, {**options, "fields": ["term_en", *options["fields"]]}), *rest]
