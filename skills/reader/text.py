"""Translated texts as a reader sees them: the page language's own, or the English source
standing in for a missing translation. A `Translated` text renders itself, marking English
with `lang="en"` and a note, once for each run of texts that stand in (`together`).
"""

import itertools
import operator
from dataclasses import dataclass

from django.template import engines
from django.utils.html import escape, format_html
from django.utils.translation import gettext
from markupsafe import Markup
from modeltranslation.utils import build_localized_fieldname

from skills.framework.languages import SOURCE_LANGUAGE


@dataclass(frozen=True)
class Translated:
    text: str
    # True where the page's language has no text and the English source stands in for it.
    fallback: bool

    @classmethod
    def choose(cls, own, source, language):
        """The page language's text, or else the English source (marked, unless the page is
        English)."""
        if own:
            return cls(own, fallback=False)
        return cls(source or "", fallback=bool(source) and language != SOURCE_LANGUAGE)

    def __bool__(self):
        return bool(self.text)

    @property
    def inline(self):
        """As HTML inside a heading or a link."""
        if self.fallback:
            return format_html(
                '<span class="fallback" lang="en" dir="ltr">{}</span> '
                '<span class="fallback-note">{}</span>',
                escape(self.text),
                gettext("(not yet translated)"),
            )
        return escape(self.text)

    @property
    def paragraphs(self):
        """One paragraph a line; lines starting with "- " make a list."""
        return self._block(as_list=False)

    @property
    def items(self):
        """Every line a list item."""
        return self._block(as_list=True)

    def _block(self, as_list):
        return Block(_paragraphs(self.text, as_list), self.fallback)


@dataclass(frozen=True)
class Block:
    """A text as paragraphs, each a (line, None) or a list's (None, items), marked where
    English stands in. It renders itself (`{{ text.paragraphs }}`); texts shown one after
    another are rendered `together`."""

    paragraphs: tuple
    fallback: bool

    def __html__(self):
        if not self.paragraphs:  # an empty text (an essence not yet written…): no markup at all
            return Markup()
        return _text_html([("", self.fallback, self.paragraphs)])

    __str__ = __html__


def together(*blocks):
    """Blocks shown one after another in one section, as HTML: each run of English standing in
    is one element marked `lang="en"` under one note, so the reader is told once."""
    shown = (block for block in blocks if block.paragraphs)
    runs = [
        ("\n" if index else "", fallback, [part for block in run for part in block.paragraphs])
        for index, (fallback, run) in enumerate(
            itertools.groupby(shown, key=operator.attrgetter("fallback"))
        )
    ]
    return _text_html(runs)


def _text_html(runs):
    """Runs of paragraphs as HTML, from the template (includes/_text.html), which escapes every
    line: (separator, fallback, paragraphs) each."""
    return engines["jinja2"].env.get_template("includes/_text.html").module.text(runs)


def _paragraphs(text, as_list):
    """Lines → paragraphs: a line, or the items of a list, which each run of lines starting
    with "- " makes (every line is an item, `as_list`)."""
    paragraphs, items = [], None
    for line in text.split("\n") if text else ():
        if as_list or line.startswith("- "):
            if items is None:
                items = []
                paragraphs.append((None, items))
            items.append(line if as_list else line[2:])
        else:
            items = None
            paragraphs.append((line, None))
    return tuple(paragraphs)


def translated(obj, field, language):
    """`obj`'s `field` in `language`, or the English source standing in."""
    return Translated.choose(
        getattr(obj, build_localized_fieldname(field, language), None),
        getattr(obj, build_localized_fieldname(field, SOURCE_LANGUAGE), None),
        language,
    )
