"""Whether a translated page's texts have all been reviewed, which its content's one note says
(templates/jinja2/base.html). Each view names the texts its page shows, from what it already
read: the records come with the texts, so this costs no query."""

import functools

from django.utils.translation import get_language

from skills.framework.languages import SOURCE_LANGUAGE
from skills.framework.translation_state import Status
from skills.reader.text import translated


def page_review(*texts):
    """Status.REVIEWED where every translation a page shows in the active language is reviewed,
    Status.UNREVIEWED where one is not (unreviewed, outdated, or English standing in for it);
    None on an English page and on one with no translations. `texts`: iterables of
    text.Translated; a text with no English (a note only that language's edition has) is no
    translation, to review or not."""
    if get_language() == SOURCE_LANGUAGE:
        return None
    translations = [text for each in texts for text in each if text.fallback or text.status]
    if not translations:
        return None
    if all(text.status == Status.REVIEWED for text in translations):
        return Status.REVIEWED
    return Status.UNREVIEWED


def texts_of(objects, *fields):
    """`objects`' translated `fields` as text.Translated, in the active language: a field of a
    related object is named through the relation ("attribute.group.name")."""
    language = get_language()
    for obj in objects:
        for path in fields:
            *relations, field = path.split(".")
            yield translated(functools.reduce(getattr, relations, obj), field, language)
