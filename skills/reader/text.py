"""Translated texts as a reader sees them: the page language's own, or the English source
standing in for a missing translation. A `Translated` text renders itself, marking English
with `lang="en"` and a note, and a translation whose English has changed since it was made
with `data-translation="outdated"` and a note: once for each run of texts marked alike
(`together`).
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
from skills.framework.translation_state import Status, record_of, status

FALLBACK, OUTDATED = "fallback", "outdated"  # how a text is marked, if it is


@dataclass(frozen=True)
class Translated:
    text: str
    # True where the page's language has no text and the English source stands in for it.
    fallback: bool
    # The translation's translation_state.Status; None on an English page and where English
    # stands in (marked as such already).
    status: Status | None = None

    @classmethod
    def choose(cls, own, source, language, record=None):
        """The page language's text, with its Status from its `record` (translation_state), or
        else the English source (marked, unless the page is English)."""
        if not own:
            return cls(source or "", fallback=bool(source) and language != SOURCE_LANGUAGE)
        if language == SOURCE_LANGUAGE:
            return cls(own, fallback=False)
        return cls(own, fallback=False, status=status(source, own, record))

    def __bool__(self):
        return bool(self.text)

    @property
    def marking(self):
        """FALLBACK, OUTDATED, or None for a text shown as it is."""
        if self.fallback:
            return FALLBACK
        return OUTDATED if self.status == Status.OUTDATED else None

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
        if self.marking == OUTDATED:
            return _text_template().outdated_inline(self.text)
        return escape(self.text)

    @property
    def paragraphs(self):
        """One paragraph a line; lines starting with "- " make a list."""
        return self._block(as_list=False)

    @property
    def items(self):
        """Every line a list item."""
        return self._block(as_list=True)

    def lines(self, as_list=False):
        """A Block for each line, unmarked: the compare pages set a translation's lines beside
        another language's one by one."""
        return tuple(Block(_paragraphs(line, as_list), None) for line in self.text.split("\n"))

    def _block(self, as_list):
        return Block(_paragraphs(self.text, as_list), self.marking)


@dataclass(frozen=True)
class Block:
    """A text as paragraphs, each a (line, None) or a list's (None, items), marked where
    English stands in or the translation is outdated. It renders itself
    (`{{ text.paragraphs }}`); texts shown one after another are rendered `together`."""

    paragraphs: tuple
    # FALLBACK, OUTDATED or None, as Translated.marking.
    marking: str | None

    def __html__(self):
        if not self.paragraphs:  # an empty text (an essence not yet written…): no markup at all
            return Markup()
        return _text_template().text([("", self.marking, self.paragraphs)])

    __str__ = __html__


def together(*blocks):
    """Blocks shown one after another in one section, as HTML: each run of blocks marked alike
    (English standing in, outdated) is one marked element under one note, so the reader is
    told once."""
    shown = (block for block in blocks if block.paragraphs)
    runs = [
        ("\n" if index else "", marking, [part for block in run for part in block.paragraphs])
        for index, (marking, run) in enumerate(
            itertools.groupby(shown, key=operator.attrgetter("marking"))
        )
    ]
    return _text_template().text(runs)


def _text_template():
    """The macros of includes/_text.html, which escape every line: `text(runs)`, runs of
    (separator, marking, paragraphs), and `outdated_inline(text)`."""
    return engines["jinja2"].env.get_template("includes/_text.html").module


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
        record_of(obj, field, language),
    )


def translated_columns(field, language, related=""):
    """The values() that read a translated `field` (of `related`, a lookup such as
    "skill__subcategory", where given): in `language`, in English, and (but for English) the
    record of its translation, a key of the JSON column."""
    prefix = f"{related}__" if related else ""
    own, source = (build_localized_fieldname(field, each) for each in (language, SOURCE_LANGUAGE))
    columns = [f"{prefix}{own}", f"{prefix}{source}"]
    if language != SOURCE_LANGUAGE:
        columns.append(f"{prefix}translation_state__{language}__{field}")
    return columns


def translated_value(row, field, language, related=""):
    """`field` (of `related`) in a values() row read with translated_columns, as a Translated."""
    own, source, *record = (row[column] for column in translated_columns(field, language, related))
    return Translated.choose(own, source, language, *record)
