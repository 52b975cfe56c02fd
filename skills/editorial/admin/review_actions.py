"""Reviewing at scale in the admin: each list's "Mark as reviewed in <language>" actions, and
the report of a bulk review (bulk_review.py) that they and the translation status page give."""

from django.contrib import messages
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from skills.editorial.bulk_review import mark_reviewed
from skills.editorial.roles import editable_languages
from skills.editorial.translation_status import every_text
from skills.framework.languages import SOURCE_LANGUAGE, language_name

# A report names this many refused texts, then counts the rest.
REFUSALS_NAMED = 20


def report(model_admin, request, language, outcome):
    """Say what a bulk review in `language` did: how many texts it marked, and why it refused
    each that it did not (the first REFUSALS_NAMED of them by name)."""
    name = language_name(language)
    if outcome.reviewed:
        count = len(outcome.reviewed)
        message = ngettext(
            "%(count)d text marked as reviewed in %(language)s.",
            "%(count)d texts marked as reviewed in %(language)s.",
            count,
        )
        model_admin.message_user(
            request, message % {"count": count, "language": name}, messages.SUCCESS
        )
    elif not outcome.refused:
        message = _(
            "Nothing to review in %(language)s: those texts are reviewed already, or not "
            "translated."
        )
        model_admin.message_user(request, message % {"language": name}, messages.INFO)
    for text, why in outcome.refused[:REFUSALS_NAMED]:
        message = _("Not marked as reviewed: %(text)s, %(field)s (%(language)s). %(why)s")
        values = {"text": text.label, "field": text.field_name, "language": name, "why": why}
        model_admin.message_user(request, message % values, messages.WARNING)
    rest = len(outcome.refused) - REFUSALS_NAMED
    if rest > 0:
        message = ngettext(
            "…and %(count)d more text not marked as reviewed.",
            "…and %(count)d more texts not marked as reviewed.",
            rest,
        )
        model_admin.message_user(request, message % {"count": rest}, messages.WARNING)


def review_action(language):
    """The list action that marks every not yet reviewed text of the selected objects (their
    levels' included) as reviewed in `language`."""

    def action(model_admin, request, queryset):
        selected = set(queryset.values_list("pk", flat=True))
        texts = [
            text for text in every_text() if text.model is model_admin.model and text.pk in selected
        ]
        report(model_admin, request, language, mark_reviewed(request.user, language, texts))

    action.__name__ = f"mark_reviewed_{language}"
    return action


def review_actions(request):
    """{name: (function, name, description)}, as ModelAdmin.get_actions gives them: one for
    each language the user translates."""
    actions = {}
    for language in editable_languages(request.user):
        if language == SOURCE_LANGUAGE:
            continue
        action = review_action(language)
        description = _("Mark as reviewed in %(language)s") % {"language": language_name(language)}
        actions[action.__name__] = (action, action.__name__, description)
    return actions
