"""A workbook's cells as text: OOXML's escapes both ways, line breaks as the sources have them,
and the values that are not text where text belongs."""

import datetime
import re

from skills.framework.text import character_problem

# OOXML writes the characters XML can't carry (a carriage return, control characters, U+FFFE
# and U+FFFF) as `_xHHHH_`, and a literal `_xHHHH_` as `_x005F_xHHHH_`; openpyxl leaves both as
# they are.
_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
_NEEDS_ESCAPE = re.compile(r"[\x00-\x08\x0b-\x1f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)")


def unescape(text):
    """A cell's text as Excel meant it: "a_x000D_\\nb" → "a\\r\\nb"."""
    return _ESCAPE.sub(lambda match: chr(int(match[1], 16)), text)


def escape(text):
    """The reverse, for writing: "a\\r\\nb" → "a_x000D_\\nb", as Excel stores it."""
    return _NEEDS_ESCAPE.sub(lambda match: f"_x{ord(match[0]):04X}_", text)


def is_blank(value):
    return value is None or (isinstance(value, str) and not value.strip())


def not_text(value):
    """What a cell holds instead of text, for the error ("a number (42)"), or None if text."""
    if value is None or isinstance(value, str):
        return None
    if isinstance(value, bool):
        return f"a truth value ({str(value).upper()})"
    if isinstance(value, int | float):
        return f"a number ({value:g})"
    if isinstance(value, datetime.date | datetime.time | datetime.timedelta):
        return f"a date or time ({value})"
    return f"a value that is not text ({type(value).__name__})"


def lines_of(text):
    """A cell's text as lines: \\r\\n and \\r as \\n, each line without the spaces and tabs at
    its end, no blank lines at the start or the end. Every other character is kept."""
    lines = [
        line.rstrip(" \t") for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    ]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return lines


def line_problem(lines):
    """The first line with a character the database must not get, described, or None:
    "line 2 has a control character (U+0007) at column 5"."""
    for number, line in enumerate(lines, start=1):
        if problem := character_problem(line):
            return f"line {number} {problem}" if len(lines) > 1 else problem
    return None


def level_mark(value):
    """The level number a mark cell holds (4, 4.0 or "4"), None if blank, or the value as it
    was where it is no level number."""
    if is_blank(value):
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        return int(value.strip())
    return value


def shown(value):
    """A cell's value as an error message quotes it."""
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
