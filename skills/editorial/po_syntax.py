"""A PO file's syntax, checked as strictly as GNU msgfmt checks it, before polib (which is
lenient: it takes `msgstr "Service-Level-Management` without its closing quote and drops the
last letter) reads it. Pure Python: msgfmt is not on every machine that runs the site.

The grammar (GNU gettext manual, "The Format of PO Files"): blank lines; comments (`#`, `#.`,
`#:`, `#,`, `#|`, obsolete `#~`); and entries of keywords, each followed by a string, each
string continued by lines holding only a string:

    [msgctxt STRING] msgid STRING [msgid_plural STRING] (msgstr STRING | msgstr[N] STRING…)

A string is in double quotes, with C's escapes (\\n \\t \\" \\\\ …). Exchange files have no plural
units, so `msgid_plural` is refused too, and so is a second unit with the same context and
English (msgfmt's "duplicate message definition").
"""

import re
from dataclasses import dataclass

KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(.*)")
ESCAPES = set('ntbrfva\\"?')


@dataclass(frozen=True)
class SyntaxProblem:
    line: int
    kind: str  # one of MESSAGES' keys (exchange.py words them)


def _string_problem(text):
    """Why `text` (the rest of a line, from its first quote) is not one C string, or None."""
    if not text.startswith('"'):
        return "not a string"
    position = 1
    while position < len(text):
        character = text[position]
        if character == "\\":
            following = text[position + 1 : position + 2]
            if following in ESCAPES:
                position += 2
            elif following and following in "01234567":
                position += 2
                while position < len(text) and text[position] in "01234567":
                    position += 1
            elif following == "x" and re.match(r"[0-9a-fA-F]", text[position + 2 : position + 3]):
                position += 3
                while position < len(text) and text[position] in "0123456789abcdefABCDEF":
                    position += 1
            else:
                return "bad escape"
            continue
        if character == '"':
            return None if not text[position + 1 :].strip() else "text after the string"
        position += 1
    return "unterminated string"


def problems(text):
    """The SyntaxProblems of the PO file `text`, in the order of their lines."""
    found = []
    # The entry being read: what its keywords were, in order, and where it started.
    keywords, started = [], None
    seen = {}  # (msgctxt, msgid) → the line of its first entry
    strings = {}  # keyword → its text so far (for the duplicate check)
    current = None  # the keyword a continuation string belongs to

    def close():
        nonlocal keywords, started, strings, current
        if keywords:
            if "msgid" not in keywords:
                found.append(SyntaxProblem(started, "no msgid"))
            elif not any(keyword.startswith("msgstr") for keyword in keywords):
                found.append(SyntaxProblem(started, "no msgstr"))
            else:
                key = (strings.get("msgctxt"), strings.get("msgid"))
                if key in seen:
                    found.append(SyntaxProblem(started, "duplicate"))
                else:
                    seen[key] = started
        keywords, started, strings, current = [], None, {}, None

    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        if not line:
            continue  # as msgfmt reads it: white space, even between a keyword and its strings
        if line.startswith("#"):
            if keywords and any(keyword.startswith("msgstr") for keyword in keywords):
                close()  # a comment starts the next entry
            continue
        if line.startswith('"'):
            if current is None:
                found.append(SyntaxProblem(number, "stray string"))
            elif problem := _string_problem(line):
                found.append(SyntaxProblem(number, problem))
            else:
                strings[current] = strings.get(current, "") + line[1:-1]
            continue
        match = KEYWORD.fullmatch(line)
        if not match:
            found.append(SyntaxProblem(number, "stray line"))
            current = None
            continue
        keyword, rest = match.groups()
        if keyword in ("msgctxt", "msgid") and any(k.startswith("msgstr") for k in keywords):
            close()  # a new entry without a blank line between
        if keyword == "msgid_plural":
            found.append(SyntaxProblem(number, "plural"))
        elif keyword in keywords:
            found.append(SyntaxProblem(number, "repeated keyword"))
        elif keyword.startswith("msgstr") and "msgid" not in keywords:
            found.append(SyntaxProblem(number, "msgstr without msgid"))
        elif keyword == "msgid" and any(k.startswith("msgstr") for k in keywords):
            found.append(SyntaxProblem(number, "stray line"))
        if started is None:
            started = number
        keywords.append(keyword)
        current = keyword
        if problem := _string_problem(rest):
            found.append(SyntaxProblem(number, problem))
        else:
            strings[keyword] = rest[1:-1]
    close()
    return found
