"""What the admin and an imported exchange file refuse in a text, as the source-text parser does
(skills/framework/text.py): control characters the database can't store or that reach the
pages raw, and direction controls left open, which would reorder the text after them (display
spoofing). Each error says where, in the editor's language. And how both store a text's lines
(`normalized`)."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from skills.framework.text import find_character_problem, named

MESSAGES = {
    "control": _(
        "Line %(line)s, column %(column)s: a control character (%(character)s) cannot be "
        "stored. Remove it."
    ),
    "not a character": _(
        "Line %(line)s, column %(column)s: %(character)s is not a character (a noncharacter "
        "or half of a surrogate pair) and cannot be stored. Remove it."
    ),
    "not open": _(
        "Line %(line)s, column %(column)s: this direction control (%(character)s) closes "
        "nothing. Remove it."
    ),
    "left open": _(
        "Line %(line)s, column %(column)s: this direction control (%(character)s) is not "
        "closed on its line, so it would reorder the text after it. Close it or remove it."
    ),
}


def check_characters(text):
    for number, line in enumerate(text.split("\n"), start=1):
        problem = find_character_problem(line)
        if problem:
            raise ValidationError(
                MESSAGES[problem.kind],
                code="characters",
                params={
                    "line": number,
                    "column": problem.column,
                    "character": named(problem.character),
                },
            )


def normalized(text):
    """Text as the sources hold it: lines broken by LF (not a browser's or a CAT tool's CRLF
    or CR), none ending in spaces. Stored so, a text sent back untouched is unchanged."""
    if not text:
        return text
    return "\n".join(line.rstrip() for line in re.split(r"\r\n|\r|\n", text))


def line_count(text):
    """How many lines `text` has; 0 if it is empty."""
    return text.count("\n") + 1 if text else 0


def check_line_count(english, current, translation):
    """A text's lines are its list items and paragraphs: a translation keeps the English's,
    or those of the translation it replaces (`current`; the sources give some languages' level
    texts as one paragraph where the English has a line a sentence). The admin and the
    exchange files both hold a translation to it."""
    if not translation:
        return
    lines, english, current = line_count(translation), line_count(english), line_count(current)
    if lines in {english, current or english}:
        return
    counts = {"english": english, "current": current, "lines": lines}
    if current:
        message = _(
            "the English has %(english)s lines (items, paragraphs) and the current translation "
            "%(current)s, this translation %(lines)s; keep one line of translation for each "
            "line of English"
        )
    else:
        message = _(
            "the English has %(english)s lines (items, paragraphs), this translation "
            "%(lines)s; keep one line of translation for each line of English"
        )
    raise ValidationError(message, code="lines", params=counts)
