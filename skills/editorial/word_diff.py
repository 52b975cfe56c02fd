"""How the English changed since a translation was made, word by word, as HTML: what was taken
out in <del>, what was put in in <ins>, every word escaped."""

import difflib
import re

from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

# Each word with the spaces after it (line breaks included), and any spaces the text starts
# with: joined, they give the text, and a run of changed words is one change.
TOKENS = re.compile(r"^\s+|\S+\s*")


def word_diff(old, new):
    """`old` → `new` as HTML: unchanged words as they are, removed ones in <del>, added ones in
    <ins>."""
    before, after = TOKENS.findall(old or ""), TOKENS.findall(new or "")
    parts = []
    # Words compared without their spaces: the text's last word, now followed by another, is
    # the same word.
    matcher = difflib.SequenceMatcher(
        a=[token.rstrip() for token in before],
        b=[token.rstrip() for token in after],
        autojunk=False,
    )
    for operation, a_start, a_end, b_start, b_end in matcher.get_opcodes():
        removed, added = "".join(before[a_start:a_end]), "".join(after[b_start:b_end])
        if operation == "equal":
            parts.append(format_html("{}", added))
            continue
        if removed:
            parts.append(format_html("<del>{}</del>", removed))
        if added:
            parts.append(format_html("<ins>{}</ins>", added))
    return format_html_join("", "{}", ((part,) for part in parts)) if parts else mark_safe("")
