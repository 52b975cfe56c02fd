"""Exchange files as gettext PO, through polib: Poedit, OmegaT and Weblate read and write them
without plug-ins. The unit's id is its msgctxt (two texts may share their English: the context
keeps them apart), its English the msgid, the translation the msgstr; an outdated translation
is `fuzzy` (what those tools call "needs work") with the English it was made from as `#| msgid`,
and its notes name the skill or attribute, the translation's state and the glossary's terms.
The export's id is in the header (`X-SFIA-Export`), which every tool keeps. Read back only
after po_syntax.py found the file well-formed."""

import polib
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from skills.editorial.exchange import po_syntax
from skills.editorial.exchange.files import (
    ExchangeErrors,
    ExchangeFile,
    Target,
    read_text,
    site_language,
)
from skills.editorial.exchange.units import unit_notes
from skills.editorial.text_checks import normalized
from skills.framework.languages import BY_CODE
from skills.framework.translation_state import Status

EXPORT_HEADER = "X-SFIA-Export"


def translator_named(user):
    """`user` as PO's Last-Translator names a person: "Name <email>"."""
    if user is None:
        return "SFIA export_translations"
    name = user.get_full_name() or user.get_username()
    return f"{name} <{user.email}>" if user.email else name


def po_file(language, exported_units, glossary=None, export=None):
    """The units as a gettext PO file (polib's POFile), its language and `export`'s id in the
    header; with a `glossary`, each unit's notes name the terms its English has."""
    catalogue = polib.POFile(wrapwidth=0)
    now = timezone.now().strftime("%Y-%m-%d %H:%M%z")
    catalogue.metadata = {
        "Project-Id-Version": "SFIA",
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": now,
        "PO-Revision-Date": now,
        "Last-Translator": translator_named(export.user if export else None),
        "Language-Team": BY_CODE[language].name,
        "Language": language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Generator": "SFIA export_translations",
    }
    if export is not None:
        catalogue.metadata[EXPORT_HEADER] = str(export.pk)
    for unit in exported_units:
        outdated = unit.status == Status.OUTDATED
        catalogue.append(
            polib.POEntry(
                msgctxt=unit.id,
                msgid=unit.english,
                msgstr=unit.translation,
                comment="\n".join(unit_notes(unit, language, glossary)),
                flags=["fuzzy"] if outdated else [],
                # Poedit and Weblate show what changed in the English since.
                previous_msgid=unit.previous_english if outdated else None,
            )
        )
    return catalogue


SYNTAX_PROBLEMS = {
    "unterminated string": gettext_lazy("a string without its closing quote"),
    "bad escape": gettext_lazy(
        'a backslash that starts no escape (\\n, \\t, \\" and \\\\ are escapes)'
    ),
    "text after the string": gettext_lazy("text after the string's closing quote"),
    "not a string": gettext_lazy("a keyword without its text in double quotes"),
    "stray string": gettext_lazy("a string that belongs to no keyword"),
    "stray line": gettext_lazy("a line that is no comment, keyword or string"),
    "plural": gettext_lazy("a plural unit (msgid_plural): exchange files have none"),
    "repeated keyword": gettext_lazy("a keyword twice in one unit"),
    "out of order": gettext_lazy(
        "a keyword out of its place: msgctxt, msgid and msgstr come in this order"
    ),
    "comment": gettext_lazy(
        "a comment mark PO does not have (comments start with “# ”, “#.”, “#:”, “#,” or “#|”)"
    ),
    "line break": gettext_lazy(
        "a character that ends a line for some programs (a carriage return on its own, "
        "U+2028…) inside a line"
    ),
    "obsolete mixed": gettext_lazy(
        "lines of an obsolete unit (#~) in a current unit, or the reverse"
    ),
    "msgstr without msgid": gettext_lazy("a msgstr before its msgid"),
    "no msgid": gettext_lazy("a unit without msgid"),
    "no msgstr": gettext_lazy("a unit without msgstr"),
    "duplicate": gettext_lazy("a second unit with the same id and English as an earlier one"),
}


def read_po(path, name=None):
    """The ExchangeFile of a PO file; ExchangeErrors naming the file (as `name`, an upload's,
    if given) and the line where it is not well-formed PO, or names no language of the site."""
    name = name or str(path)
    text = read_text(path, name)
    syntax = po_syntax.problems(text)
    if syntax:
        raise ExchangeErrors(
            [
                _("%(file)s, line %(line)s: not well-formed PO: %(problem)s")
                % {"file": name, "line": problem.line, "problem": SYNTAX_PROBLEMS[problem.kind]}
                for problem in syntax
            ]
        )
    catalogue = polib.pofile(text, wrapwidth=0)
    language = site_language(catalogue.metadata.get("Language", ""), name)
    targets = [
        Target(
            entry.msgctxt or "",
            entry.msgid,
            # Stored as the admin stores a text: a CAT tool's CRLF or trailing spaces are
            # neither refused nor a change.
            normalized(entry.msgstr),
            entry.linenum,
            entry.fuzzy,
        )
        for entry in catalogue
        if not entry.obsolete
    ]
    export_id = catalogue.metadata.get(EXPORT_HEADER, "").strip() or None
    return ExchangeFile(name, language, export_id, targets)
