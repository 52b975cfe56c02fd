"""Reading source files as text and TOML, with errors that name the file and line."""

import os
import re
import stat
import tomllib
from pathlib import Path

from skills.content.sources.errors import SourceError
from skills.framework.text import character_problem

# Far above any real skill page (SLMO's longest text, the Arabic, is 7 kB): a larger file is not a
# source text, and is refused before it is read.
MAX_SOURCE_BYTES = 1024 * 1024


def read_text(path):
    """The file's text, decoded as UTF-8 (a leading byte-order mark is dropped).

    Only a regular file, not a symbolic link, of at most MAX_SOURCE_BYTES is read: a source
    tree must not lead the import to other files (`de.txt -> /etc/passwd`), devices or pipes.
    """
    data = _read_regular_file(Path(path))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise SourceError(
            path, line, f"is not UTF-8 text (byte 0x{data[error.start]:02x} cannot be decoded)"
        ) from None
    return text.removeprefix("\ufeff")


def _read_regular_file(path):
    # O_NOFOLLOW and O_NONBLOCK: a link is refused and a pipe can't hang the open; the checks
    # are made on the file opened, so it can't be swapped between check and read.
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    if path.is_symlink():
        raise SourceError(path, 1, "is a symbolic link: sources must be files inside the folder")
    try:
        descriptor = os.open(path, flags)
    except OSError as error:
        raise SourceError(path, 1, f"cannot be read: {error.strerror}") from None
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise SourceError(path, 1, "is not a regular file")
        if status.st_size > MAX_SOURCE_BYTES:
            raise SourceError(path, 1, f"is larger than {MAX_SOURCE_BYTES // 1024} kB")
        with os.fdopen(descriptor, "rb", closefd=False) as file:
            data = file.read(MAX_SOURCE_BYTES + 1)
    finally:
        os.close(descriptor)
    if len(data) > MAX_SOURCE_BYTES:  # it grew while being read
        raise SourceError(path, 1, f"is larger than {MAX_SOURCE_BYTES // 1024} kB")
    return data


def read_toml(path):
    """The parsed TOML and its text."""
    text = read_text(path)
    if not text.strip():
        raise SourceError(path, 1, "the file is empty")
    for number, line in enumerate(text.split("\n"), start=1):
        if problem := character_problem(line.rstrip("\r")):
            raise SourceError(path, number, problem)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        located = re.search(r"\(at line (\d+)", str(error))
        reason = re.sub(r"\s*\(at line.*\)$", "", str(error))
        raise SourceError(
            path, int(located[1]) if located else 1, f"is not valid TOML: {reason}"
        ) from None
    # The same characters written as escapes ("\u0000") only show once parsed.
    for key, value in _strings(data):
        if problem := character_problem(value):
            raise SourceError(path, line_of(text, key), f"{key} {problem}")
    return data, text


def _strings(data, key=None):
    """(key, string) for every string in parsed TOML, however deep."""
    if isinstance(data, str):
        yield key, data
    elif isinstance(data, dict):
        for name, value in data.items():
            yield from _strings(value, name)
    elif isinstance(data, list):
        for value in data:
            yield from _strings(value, key)


def line_of(text, key, start=1):
    """The line on which `key = …` is set, at or after line `start` (1 if it isn't)."""
    pattern = re.compile(rf"^[ \t]*{re.escape(key)}[ \t]*=")
    for number, line in enumerate(text.split("\n"), start=1):
        if number >= start and pattern.match(line):
            return number
    return 1
