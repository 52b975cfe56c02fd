"""Translated fields in templates, with English standing in, marked, where a translation is
missing: `{% translated_text obj "name" %}` inline, `{% translated_lines obj "description" %}`
for multi-line texts."""

from dataclasses import dataclass, field

from django import template
from django.utils import translation
from modeltranslation.utils import build_localized_fieldname

register = template.Library()

SOURCE_LANGUAGE = "en"


@dataclass(frozen=True)
class Translated:
    text: str
    # True where the page's language has no text and the English source stands in for it.
    fallback: bool


def translated(obj, field):
    language = translation.get_language()
    text = getattr(obj, build_localized_fieldname(field, language), None)
    if text:
        return Translated(text, fallback=False)
    source = getattr(obj, build_localized_fieldname(field, SOURCE_LANGUAGE), None) or ""
    return Translated(source, fallback=bool(source) and language != SOURCE_LANGUAGE)


@dataclass
class Block:
    """A paragraph (`text`) or a list (`items`)."""

    text: str = ""
    items: list = field(default_factory=list)


def blocks(text, as_list):
    """Lines → paragraphs and lists: a line starting with "- " is a list item (every line is,
    `as_list`); consecutive items form one list."""
    result = []
    for line in text.split("\n"):
        if as_list or line.startswith("- "):
            item = line if as_list else line[2:]
            if result and result[-1].items:
                result[-1].items.append(item)
            else:
                result.append(Block(items=[item]))
        else:
            result.append(Block(text=line))
    return result


@register.inclusion_tag("includes/_translated_text.html")
def translated_text(obj, field):
    return {"translated": translated(obj, field)}


@register.inclusion_tag("includes/_translated_lines.html")
def translated_lines(obj, field, style="paragraphs"):
    value = translated(obj, field)
    return {"translated": value, "blocks": blocks(value.text, as_list=style == "list")}


@register.filter
def has_text(obj, field):
    """Whether `field` has text to show on this page (its own, or English standing in)."""
    return bool(translated(obj, field).text)
