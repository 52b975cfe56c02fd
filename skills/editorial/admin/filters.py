"""The lists' filters by the state of a translation: missing, outdated, not yet reviewed in a
language."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from skills.editorial.translation_status import objects_with
from skills.framework.languages import TRANSLATED_LANGUAGES, language_name
from skills.framework.translation_state import Status


class TranslationStatusFilter(admin.SimpleListFilter):
    """The objects with a text, their levels' included, in one Status in a language."""

    status = None

    def lookups(self, request, model_admin):
        return [(code, language_name(code)) for code in TRANSLATED_LANGUAGES]

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
