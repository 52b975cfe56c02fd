"""Change messages stored language-neutral, rendered in each reader's language.

Django stores a change as JSON naming each field by its label with translations off:
"Description [ar]", English verbose name and language code (modeltranslation's label). Django's
own rendering translates the sentence but not such a label; this renders both, the language by
its name ("Beschreibung (Arabisch)"). Imports store which files they read
(framework/revision_comments.py), by name only.
"""

import functools
import json
import re
from datetime import datetime

from django.apps import apps
from django.contrib.admin.models import LogEntry
from django.utils import formats, translation
from django.utils.text import capfirst, get_text_list
from django.utils.timezone import template_localtime
from django.utils.translation import gettext, gettext_lazy

from skills.framework.languages import BY_CODE, language_name
from skills.framework.revision_comments import imported_comment

TRANSLATION_LABEL = re.compile(r"(?P<label>.+) \[(?P<language>[a-z-]+)\]")


@functools.cache
def verbose_names():
    """{"Description": _("description"), …}: each content field's stored label, with the
    translatable name it was made from."""
    fields = [
        field
        for model in apps.get_app_config("skills").get_models()
        for field in model._meta.concrete_fields
    ]
    with translation.override(None):
        return {str(capfirst(field.verbose_name)): field.verbose_name for field in fields}


def field_label(stored):
    """A stored field label in the active language, the language named:
    "Description [ar]" → "Beschreibung (Arabisch)"."""
    match = TRANSLATION_LABEL.fullmatch(stored)
    label, language = match.groups() if match else (stored, None)
    verbose_name = verbose_names().get(label)
    if verbose_name is None:
        return stored
    translated = capfirst(verbose_name)
    if language not in BY_CODE:
        return translated
    return gettext("%(field)s (%(language)s)") % {
        "field": translated,
        "language": language_name(language),
    }


# What imports stored before their comments were language-neutral: "Imported from PATH, …",
# "Translations in de imported from PATH".
OLD_IMPORT = re.compile(r"(?:Translations in (?P<language>[a-z]+) i|I)mported from (?P<paths>.+)")


def _imported(details):
    files = get_text_list(list(details.get("files", ())), gettext("and"))
    language = details.get("language")
    if language in BY_CODE:
        return gettext("Translations into %(language)s imported from %(files)s") % {
            "language": language_name(language),
            "files": files,
        }
    return gettext("Imported from %(files)s") % {"files": files}


def reverted_comment(saved_on):
    """A revert's comment, language-neutral: the date of the version it restored."""
    return json.dumps([{"reverted": {"saved_on": saved_on.isoformat()}}])


def describe_change(message):
    """A LogEntry's or a revision's stored change message, in the active language."""
    try:
        changes = json.loads(message)
    except ValueError:
        old_import = OLD_IMPORT.fullmatch(message)
        if old_import:  # named by its files, as imports are now, never by a server's paths
            paths = old_import["paths"].split(", ")
            return _imported(
                json.loads(imported_comment(paths, old_import["language"]))[0]["imported"]
            )
        return message  # written as text (an older save)
    if not isinstance(changes, list):
        return message
    if changes and "imported" in changes[0]:
        return _imported(changes[0]["imported"])
    if changes and "reverted" in changes[0]:
        saved_on = datetime.fromisoformat(changes[0]["reverted"]["saved_on"])
        return gettext("Reverted to previous version, saved on %(datetime)s") % {
            "datetime": formats.localize(template_localtime(saved_on))
        }
    for change in changes:
        for details in change.values():
            if "fields" in details:
                details["fields"] = [field_label(label) for label in details["fields"]]
    reviews = [change for change in changes if REVIEW_ACTIONS.keys() & change.keys()]
    djangos = [change for change in changes if change not in reviews]
    # Only reviews or confirmations: Django would call what changed nothing "No fields changed".
    described = (
        [LogEntry(change_message=json.dumps(djangos)).get_change_message()]
        if djangos or not reviews
        else []
    )
    return " ".join(filter(None, described + [_describe_review(change) for change in reviews]))


# What review.py records beside Django's changes, as the history says it.
REVIEW_ACTIONS = {
    "confirmed": (
        gettext_lazy("Confirmed as still correct: {fields}."),
        gettext_lazy("Confirmed as still correct: {fields} for {name} “{object}”."),
    ),
    "reviewed": (
        gettext_lazy("Reviewed: {fields}."),
        gettext_lazy("Reviewed: {fields} for {name} “{object}”."),
    ),
}


def _describe_review(change):
    (action, details), *_ = change.items()
    own, inline = REVIEW_ACTIONS[action]
    fields = get_text_list(details["fields"], gettext("and"))
    if "name" in details:
        name = gettext(details["name"])
        return str(inline).format(fields=fields, name=name, object=details["object"])
    return str(own).format(fields=fields)
