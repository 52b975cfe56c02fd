"""Translated fields of model instances in templates, with English standing in, marked, where
a translation is missing: `{% translated_text obj "name" %}` inline,
`{% translated_lines obj "description" %}` for multi-line texts (reading.Translated renders
both)."""

from django import template
from django.utils import translation

from ..reading import translated

register = template.Library()


@register.simple_tag
def translated_text(obj, field):
    return translated(obj, field, translation.get_language()).inline


@register.simple_tag
def translated_lines(obj, field, style="paragraphs"):
    text = translated(obj, field, translation.get_language())
    return text.items if style == "list" else text.paragraphs
