"""A PO file's syntax, checked as strictly as GNU msgfmt checks it, before polib (which is
lenient: it takes `msgstr "Service-Level-Management` without its closing quote and drops the
last letter) reads it. Pure Python: msgfmt is not on every machine that runs the site.

The grammar (GNU gettext manual, "The Format of PO Files"): blank lines; comments (`# `, `#.`,
`#:`, `#,`, previous strings `#|`, obsolete entries `#~`); and entries of keywords in this
order, each followed by a string, each string continued by lines holding only a string:

    [msgctxt STRING] msgid STRING [msgid_plural STRING] (msgstr STRING | msgstr[N] STRING…)

A string is in double quotes, with C's escapes. Exchange files have no plural units, so
`msgid_plural` and `msgstr[N]` are refused, and so is a second unit with the same context and
English (msgfmt's "duplicate message definition", obsolete entries included).

Three refusals msgfmt would not make, each where polib would read the file otherwise than
msgfmt does (or not at all): an escape other than \\n \\t \\r \\" \\\\ (polib keeps `\\x41` as
written, msgfmt reads "A"); a comment mark msgfmt skips and polib rejects (`#foo`); and a
character Python breaks lines at inside a line (CR alone, U+2028…), where polib would see two
lines and msgfmt one.
"""

import re
from dataclasses import dataclass

KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(.*)")
PREVIOUS = re.compile(r"(msgctxt|msgid_plural|msgid)\s+(.*)")
# A keyword's place in an entry: each comes after those of a lower rank; the previous strings
# (`#| msgid`) first.
RANK = {
    "#| msgctxt": -3,
    "#| msgid": -2,
    "#| msgid_plural": -1,
    "msgctxt": 0,
    "msgid": 1,
    "msgid_plural": 2,
    "msgstr": 3,
}
ESCAPES = set('ntr"\\')
COMMENTS = ("#", "#.", "#:", "#,")  # as the line's first word; and "##…"
# str.splitlines()'s line boundaries other than LF, which polib splits its text at.
LINE_BREAKS = re.compile("[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


@dataclass(frozen=True)
class SyntaxProblem:
    line: int
    kind: str  # one of po.SYNTAX_PROBLEMS' keys, which word it


def _string_problem(text):
    """Why `text` (the rest of a line, from its first quote) is not one C string, or None."""
    if not text.startswith('"'):
        return "not a string"
    position = 1
    while position < len(text):
        character = text[position]
        if character == "\\":
            if text[position + 1 : position + 2] not in ESCAPES:
                return "bad escape"
            position += 2
            continue
        if character == '"':
            return None if not text[position + 1 :].strip() else "text after the string"
        position += 1
    return "unterminated string"


class _Reader:
    """Reads a PO file line by line, noting each problem: the entry being read (its keywords
    in order, where it started, its strings so far, whether it is obsolete) and the
    (msgctxt, msgid) of those read."""

    def __init__(self):
        self.found = []
        self.seen = set()
        self._start_entry()

    def _start_entry(self):
        self.keywords, self.started, self.strings = [], None, {}
        self.current = self.obsolete = None

    def problem(self, number, kind):
        self.found.append(SyntaxProblem(number, kind))

    def has_msgstr(self):
        return "msgstr" in self.keywords

    def close(self):
        """The entry read so far is complete: check it has what an entry needs, and is new."""
        if self.keywords:
            if "msgid" not in self.keywords:
                if not self.has_msgstr():  # else its msgstr was refused as "without msgid"
                    self.problem(self.started, "no msgid")
            elif not self.has_msgstr():
                self.problem(self.started, "no msgstr")
            elif (key := (self.strings.get("msgctxt"), self.strings.get("msgid"))) in self.seen:
                self.problem(self.started, "duplicate")
            else:
                self.seen.add(key)
        self._start_entry()

    def comment(self, number, line):
        mark, rest = (line.split(None, 1) + [""])[:2]
        if mark in ("#|", "#~|"):
            # The English a translation was made from: the start of the next entry.
            if self.has_msgstr() or (self.keywords and RANK[self.keywords[-1]] >= 0):
                self.close()
            return self.entry_line(number, rest, mark == "#~|", previous=True)
        if mark == "#~" and not rest.startswith("#"):
            # An obsolete entry's line (`#~ msgid "…"`), checked as an entry's, as msgfmt does.
            return self.entry_line(number, rest, obsolete=True) if rest else self.stray(number)
        if self.keywords:
            self.close()  # a comment ends an entry (msgfmt: "missing 'msgstr' section")
        if mark == "#~":
            mark = rest.split(None, 1)[0]  # an obsolete entry's comment
        if mark not in COMMENTS and not mark.startswith("##"):
            self.problem(number, "comment")

    def stray(self, number):
        self.current = None
        self.problem(number, "stray line")

    def entry_line(self, number, line, obsolete=False, previous=False):
        if line.startswith('"'):
            return self.continuation(number, line, obsolete, previous)
        match = (PREVIOUS if previous else KEYWORD).fullmatch(line)
        if not match:
            return self.stray(number)
        keyword, rest = match.groups()
        self.keyword(number, f"#| {keyword}" if previous else keyword, obsolete)
        if problem := _string_problem(rest):
            self.problem(number, problem)
        else:
            self.strings[self.current] = rest[1:-1]

    def continuation(self, number, line, obsolete, previous):
        if self.current is None or self.current.startswith("#|") != previous:
            return self.problem(number, "stray string")
        self.check_obsolete(number, obsolete)
        if problem := _string_problem(line):
            self.problem(number, problem)
        else:
            self.strings[self.current] = self.strings.get(self.current, "") + line[1:-1]

    def keyword(self, number, keyword, obsolete):
        if keyword in ("msgctxt", "msgid") and self.has_msgstr():
            self.close()  # the next entry, without a blank line between
        self.check_obsolete(number, obsolete)
        name = keyword.split("[")[0]
        if keyword.endswith("msgid_plural") or keyword != name:
            self.problem(number, "plural")
        elif name in self.keywords:
            self.problem(number, "repeated keyword")
        elif name == "msgstr" and "msgid" not in self.keywords:
            self.problem(number, "msgstr without msgid")
        elif self.keywords and RANK[name] < RANK[self.keywords[-1]]:
            self.problem(number, "out of order")
        if self.started is None:
            self.started = number
        self.keywords.append(name)
        self.current = keyword

    def check_obsolete(self, number, obsolete):
        """An entry's lines are all obsolete (`#~`) or none is (msgfmt: "inconsistent use of
        #~")."""
        if self.obsolete is None:
            self.obsolete = obsolete
        elif self.obsolete != obsolete:
            self.problem(number, "obsolete mixed")


def problems(text):
    """The SyntaxProblems of the PO file `text`, in the order of their lines."""
    reader = _Reader()
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        if LINE_BREAKS.search(line):
            reader.problem(number, "line break")
            line = LINE_BREAKS.sub(" ", line)
        if not line:
            continue  # as msgfmt reads it: white space, even between a keyword and its strings
        if line.startswith("#"):
            reader.comment(number, line)
        else:
            reader.entry_line(number, line)
    reader.close()
    return sorted(reader.found, key=lambda problem: problem.line)
