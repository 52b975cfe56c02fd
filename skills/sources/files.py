"""Reading source files as text and TOML, with errors that name the file and line."""

import re
import tomllib
from pathlib import Path

from .errors import SourceError


def read_text(path):
    """The file's text, decoded as UTF-8 (a leading byte-order mark is dropped)."""
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise SourceError(path, 1, f"cannot be read: {error.strerror}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise SourceError(
            path, line, f"is not UTF-8 text (byte 0x{data[error.start]:02x} cannot be decoded)"
        ) from None
    return text.removeprefix("\ufeff")


def read_toml(path):
    """The parsed TOML and its text."""
    text = read_text(path)
    if not text.strip():
        raise SourceError(path, 1, "the file is empty")
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as error:
        located = re.search(r"\(at line (\d+)", str(error))
        reason = re.sub(r"\s*\(at line.*\)$", "", str(error))
        raise SourceError(
            path, int(located[1]) if located else 1, f"is not valid TOML: {reason}"
        ) from None


def line_of(text, key, start=1):
    """The line on which `key = …` is set, at or after line `start` (1 if it isn't)."""
    pattern = re.compile(rf"^[ \t]*{re.escape(key)}[ \t]*=")
    for number, line in enumerate(text.split("\n"), start=1):
        if number >= start and pattern.match(line):
            return number
    return 1
