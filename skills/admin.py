"""The translators' admin: every language side by side (modeltranslation's tabbed admin), the
English source shown above each field being translated, history with revert (reversion), no
lost updates, and each translator limited to their own language (roles.py)."""

import copy
import functools
import hashlib

from django import forms
from django.conf import settings
from django.contrib import admin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Exists, OuterRef, Q
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import formats, translation
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline
from modeltranslation.translator import translator
from reversion.admin import VersionAdmin
from reversion.models import Version

from .models import Category, ResponsibilityLevel, Skill, SkillLevel, Subcategory
from .roles import SOURCE_LANGUAGE, TRANSLATED_LANGUAGES, editable_languages, may_edit_structure
from .translation_status import missing_in, translation_status

admin.site.site_title = _("SFIA administration")
admin.site.site_header = _("SFIA administration")


def translation_fields(model):
    """{"name_de": "de", …}: every per-language column of `model`, with its language."""
    options = translator.get_options_for_model(model)
    return {
        field.name: field.language for fields in options.all_fields.values() for field in fields
    }


@functools.cache
def with_source(widget_class):
    """`widget_class`, rendering the English source above the input."""

    class WithSource(widget_class):
        source = ""

        def render(self, name, value, attrs=None, renderer=None):
            field = super().render(name, value, attrs, renderer)
            return format_html(
                '<div class="translated-input"><p class="translation-source">'
                '<span class="source-label">{}</span> <span lang="en" dir="ltr">{}</span></p>'
                "{}</div>",
                _("English:"),
                self.source,
                field,
            )

    return WithSource


class ContentForm(forms.ModelForm):
    """Language-aware inputs: each marked with its language and direction, and each
    translation showing the English it translates."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, language in translation_fields(self._meta.model).items():
            field = self.fields.get(name)
            if field is None:
                continue
            widget = field.widget
            bidi = translation.get_language_info(language)["bidi"]
            widget.attrs.update({"lang": language, "dir": "rtl" if bidi else "ltr"})
            source = getattr(self.instance, name.rpartition("_")[0] + "_" + SOURCE_LANGUAGE, None)
            if language != SOURCE_LANGUAGE and source:
                field.widget = copy.copy(widget)
                field.widget.__class__ = with_source(type(widget))
                field.widget.source = source


def columns(queryset):
    """Every column of every row. Named one by one: modeltranslation answers a bare values()
    with the active language's columns only."""
    return list(queryset.values_list(*(f.attname for f in queryset.model._meta.concrete_fields)))


class GuardedContentForm(ContentForm):
    """Refuses to save over a change someone else made after this form was opened.

    The form carries a digest of the object as it was when opened (its row and the rows of
    `followed` relations, e.g. a skill's levels); on save, the digest of the row as it is now,
    read under a lock, must match. Any writer counts: another editor, import_sources, a revert.
    """

    followed = ()
    edit_token = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields["edit_token"].initial = self.current_token(lock=False)

    def current_token(self, lock):
        rows = type(self.instance).objects.filter(pk=self.instance.pk)
        if lock:
            rows = rows.select_for_update()
        state = [columns(rows)]
        for relation in self.followed:
            state.append(columns(getattr(self.instance, relation).order_by("pk")))
        return hashlib.sha256(repr(state).encode()).hexdigest()

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is not None and cleaned.get("edit_token") != self.current_token(
            lock=True
        ):
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


class SkillForm(GuardedContentForm):
    followed = ("levels",)


class LanguageRolesMixin:
    """Fields of languages the user may not change are read-only; so are codes, categories and
    defined levels, adding and deleting, unless the user edits the source."""

    def get_readonly_fields(self, request, obj=None):
        allowed = set(editable_languages(request.user))
        fields = translation_fields(self.model)
        locked = [name for name, language in fields.items() if language not in allowed]
        if not may_edit_structure(request.user):
            bare = set(translator.get_options_for_model(self.model).fields)
            locked += [
                field.name
                for field in self.model._meta.concrete_fields
                if field.editable
                and not field.auto_created
                and field.name not in fields
                and field.name not in bare
            ]
        return [*super().get_readonly_fields(request, obj), *locked]

    def has_add_permission(self, request, *args):
        return super().has_add_permission(request, *args) and may_edit_structure(request.user)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and may_edit_structure(request.user)


class ContentAdmin(LanguageRolesMixin, VersionAdmin, TabbedTranslationAdmin):
    form = GuardedContentForm
    history_latest_first = True
    change_form_template = "admin/skills/change_form.html"

    class Media:
        css = {"all": ["css/admin.css"]}
        # Named with what it must follow, so Django's media merging keeps it after them.
        js = [
            "admin/js/jquery.init.js",
            "modeltranslation/js/tabbed_translation_fields.js",
            "js/admin-translation-tabs.js",
        ]

    def revision_view(self, request, object_id, version_id, extra_context=None):
        # A revert restores every language at once: it is the editors' to do.
        if not may_edit_structure(request.user):
            raise PermissionDenied
        return super().revision_view(request, object_id, version_id, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        if not may_edit_structure(request.user):
            raise PermissionDenied
        return super().recover_view(request, version_id, extra_context)


class SkillLevelInline(LanguageRolesMixin, TranslationStackedInline):
    model = SkillLevel
    form = ContentForm
    fields = ["level", "defined", "description"]
    extra = 0
    max_num = 7
    ordering = ["level"]


class MissingTranslationFilter(admin.SimpleListFilter):
    title = _("missing in")
    parameter_name = "missing"

    def lookups(self, request, model_admin):
        names = dict(settings.LANGUAGES)
        return [(code, names[code]) for code in TRANSLATED_LANGUAGES]

    def queryset(self, request, queryset):
        if self.value() not in TRANSLATED_LANGUAGES:
            return queryset
        language = self.value()
        levels = SkillLevel.objects.filter(missing_in(SkillLevel, language), skill=OuterRef("pk"))
        return queryset.filter(missing_in(Skill, language) | Q(Exists(levels)))


@admin.register(Skill)
class SkillAdmin(ContentAdmin):
    form = SkillForm
    inlines = [SkillLevelInline]
    list_display = ["code", "name", "subcategory"]
    list_filter = [MissingTranslationFilter, "subcategory__category"]
    search_fields = ["code", *(f"name_{code}" for code in ["en", *TRANSLATED_LANGUAGES])]
    list_select_related = ["subcategory"]
    change_list_template = "admin/skills/skill/change_list.html"

    def get_urls(self):
        status = path(
            "translation-status/",
            self.admin_site.admin_view(self.translation_status_view),
            name="skills_translation_status",
        )
        return [status, *super().get_urls()]

    def translation_status_view(self, request):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "title": _("Translation status"),
            "opts": self.model._meta,
            "status": translation_status(),
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
