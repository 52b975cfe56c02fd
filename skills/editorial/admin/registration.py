"""Each model's admin, registered: the content (ContentAdmin), the edition and the glossary."""

import functools

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.functional import lazy
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from reversion.admin import VersionAdmin

from skills.editorial.admin.base import (
    ContentAdmin,
    GuardedVersionAdmin,
    LevelsInline,
    PossibleIdsOnly,
)
from skills.editorial.admin.filters import TRANSLATION_FILTERS
from skills.editorial.admin.forms import GenericAttributeForm, GlossaryTermForm, SkillForm
from skills.editorial.admin.review_actions import report
from skills.editorial.bulk_review import mark_reviewed
from skills.editorial.exchange_admin import exchange_view
from skills.editorial.glossary import Glossary
from skills.editorial.roles import editable_languages, may_edit_structure
from skills.editorial.text_checks import check_characters
from skills.editorial.translation_status import every_text, translation_status
from skills.framework.languages import LANGUAGE_CODES, SOURCE_LANGUAGE, direction, language_name
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
from skills.framework.translation_state import may_review

admin.site.site_title = _("SFIA administration")
admin.site.site_header = _("SFIA administration")


# The status page lists this many texts not yet reviewed, per language: a reviewer's batch.
UNREVIEWED_LISTED = 200


def unreviewed_row(text, language, user, reviewing):
    """A not yet reviewed text as the status page lists it: the text, its translation, and
    whether `user` may tick it (`reviewing` the language, and not who wrote or confirmed it)."""
    record = text.state.get(language, {}).get(text.field)
    return {
        "text": text,
        "translation": text.translations[language],
        "dir": direction(language),
        "may_review": reviewing and may_review(record, user.pk),
    }


class SkillLevelInline(LevelsInline):
    model = SkillLevel


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
        if request.method == "POST":
            return self.review_from_status_page(request)
        texts = every_text()
        status = translation_status(texts)
        glossary = Glossary.load()
        reviewing = self.reviewing_languages(request)
        for language, counts in status.items():
            counts.glossary = glossary.inconsistencies(texts, language)
            counts.reviewing = language in reviewing
            counts.to_review = [
                unreviewed_row(text, language, request.user, language in reviewing)
                for text in counts.unreviewed[:UNREVIEWED_LISTED]
            ]
        context = {
            **self.admin_site.each_context(request),
            "title": _("Translation status"),
            "opts": self.model._meta,
            "status": status,
            "glossary": glossary,
            "unreviewed_listed": UNREVIEWED_LISTED,
        }
        return TemplateResponse(request, "admin/skills/translation_status.html", context)

    def reviewing_languages(self, request):
        """The languages whose texts the user may mark as reviewed on the status page."""
        if not self.has_change_permission(request):
            return []
        return [code for code in editable_languages(request.user) if code != SOURCE_LANGUAGE]

    def review_from_status_page(self, request):
        """Mark the texts the reviewer ticked (or every one listed) as reviewed in one
        language, and say what was done and refused."""
        language = request.POST.get("language")
        if language not in self.reviewing_languages(request):
            raise PermissionDenied
        wanted = set(request.POST.getlist("shown" if "all" in request.POST else "text"))
        texts = [text for text in every_text() if text.key in wanted]
        if texts:
            report(self, request, language, mark_reviewed(request.user, language, texts))
        else:
            self.message_user(request, _("No text was selected."), messages.WARNING)
        address = reverse("admin:skills_translation_status")
        return HttpResponseRedirect(f"{address}#unreviewed-{language}")


@admin.register(ResponsibilityLevel)
class ResponsibilityLevelAdmin(ContentAdmin):
    list_display = ["number", "guiding_phrase"]
    list_filter = TRANSLATION_FILTERS

    def get_readonly_fields(self, request, obj=None):
        # The number is the level's identity: fixed once it exists.
        fields = super().get_readonly_fields(request, obj)
        return fields if obj is None or "number" in fields else [*fields, "number"]


@admin.register(Category)
class CategoryAdmin(ContentAdmin):
    list_display = ["name", "position"]
    list_filter = TRANSLATION_FILTERS


@admin.register(Subcategory)
class SubcategoryAdmin(ContentAdmin):
    list_display = ["name", "category", "position"]
    list_filter = [*TRANSLATION_FILTERS, "category"]


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
    list_filter = TRANSLATION_FILTERS


@admin.register(Edition)
class EditionAdmin(PossibleIdsOnly, VersionAdmin):
    """Nothing to translate: the editors' alone. Its name, on every page and in every file, is
    held to the text policy as every other text is."""

    list_display = ["name"]
    formfield_overrides = {models.CharField: {"validators": [check_characters]}}

    def has_add_permission(self, request):
        return may_edit_structure(request.user) and not Edition.objects.exists()

    def has_change_permission(self, request, obj=None):
        return may_edit_structure(request.user)

    def has_delete_permission(self, request, obj=None):
        return False


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
class GlossaryTermAdmin(GuardedVersionAdmin):
    """The glossary: editors add and remove terms and change their English; each translator
    keeps their language's word for each and the words to avoid, with the English above."""

    form = GlossaryTermForm
    exclude = ["avoid_en"]  # the English term is the source: nothing in English to avoid
    list_display = [term_in(code) for code in LANGUAGE_CODES]
    search_fields = [f"term_{code}" for code in LANGUAGE_CODES]

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if may_edit_structure(request.user):
            return fieldsets
        # The translator's fields, after the English term (read-only) they are for.
        (name, options), *rest = fieldsets
        return [(name, {**options, "fields": ["term_en", *options["fields"]]}), *rest]
