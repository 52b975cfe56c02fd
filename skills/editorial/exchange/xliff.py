"""Exchange files as XLIFF 1.2, through translate-toolkit: the format Trados, memoQ, Phrase
and Smartcat work in. The same units as the PO files (po.py), the same checks back.

Each <trans-unit> is named by the unit's id twice, as `id` and as `resname` (tools keep one or
the other); its notes are the PO file's; its <target>'s `state` is the translation's:
`needs-review-translation` where the English changed since (with the English it was made
from in a note and an <alt-trans>), `translated` where it is not yet reviewed, `final` where
it is; a text with no translation has no <target>. The export's id is in the <file>'s
`original`, the attribute every tool keeps to name what it translated.
"""

import re

from django.utils.translation import gettext as _
from lxml import etree
from translate.storage import xliff

from skills.editorial.exchange.files import (
    ExchangeErrors,
    ExchangeFile,
    Target,
    read_text,
    site_language,
)
from skills.editorial.exchange.units import unit_notes
from skills.editorial.text_checks import normalized
from skills.framework.languages import SOURCE_LANGUAGE
from skills.framework.translation_state import Status

NAMESPACE = "urn:oasis:names:tc:xliff:document:1.2"
STATES = {
    Status.OUTDATED: "needs-review-translation",
    Status.UNREVIEWED: "translated",
    Status.REVIEWED: "final",
}
# A target in one of these states is one the translator has not confirmed: left as it was.
NEEDING_WORK = {
    "new",
    "needs-translation",
    "needs-adaptation",
    "needs-l10n",
    "needs-review-translation",
    "needs-review-adaptation",
    "needs-review-l10n",
}
POSITION = re.compile(r", line \d+, column \d+$")
ORIGINAL = re.compile(r"sfia-[a-z]+-(?P<export>[0-9a-f-]{36})")


def xliff_file(language, exported_units, glossary=None, export=None):
    """The units as an XLIFF 1.2 document (translate-toolkit's xlifffile)."""
    original = f"sfia-{language}-{export.pk}" if export else f"sfia-{language}"
    skeleton = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="{NAMESPACE}">'
        f'<file original="{original}" source-language="{SOURCE_LANGUAGE}" '
        f'target-language="{language}" datatype="plaintext"><body/></file></xliff>'
    )
    document = xliff.xlifffile.parsestring(skeleton.encode())
    for unit in exported_units:
        element = document.UnitClass(unit.english)
        document.addunit(element)
        element.setid(unit.id)
        element.xmlelement.set("resname", unit.id)
        if unit.translation:
            element.target = unit.translation
            target = element.xmlelement.find(element.namespaced("target"))
            target.set("state", STATES[unit.status])
            if unit.status == Status.REVIEWED:
                element.xmlelement.set("approved", "yes")
            else:
                element.xmlelement.attrib.pop("approved", None)
        for note in unit_notes(unit, language, glossary):
            element.addnote(note, origin="developer")
        if unit.status == Status.OUTDATED and unit.previous_english:
            element.addnote(f"previous English: {unit.previous_english}", origin="developer")
            element.addalttrans(
                unit.translation, origin="previous-english", sourcetxt=unit.previous_english
            )
    return document


def read_xliff(path, name):
    """The ExchangeFile of an XLIFF 1.x file; ExchangeErrors naming the file, and the line
    where it is not well-formed XML."""
    text = read_text(path, name)
    try:
        document = xliff.xlifffile.parsestring(text.encode("utf-8"))
    except etree.XMLSyntaxError as error:
        raise ExchangeErrors(
            [
                _("%(file)s, line %(line)s: not well-formed XML: %(problem)s")
                # libxml2's words (in English), without the place it adds to them
                % {"file": name, "line": error.lineno, "problem": POSITION.sub("", error.msg)}
            ]
        ) from None
    except (ValueError, StopIteration):
        raise ExchangeErrors([_("%(file)s: not an XLIFF 1.2 file") % {"file": name}]) from None
    files = document.document.getroot().findall(document.namespaced("file"))
    if len(files) != 1:
        raise ExchangeErrors([_("%(file)s: not an XLIFF 1.2 file") % {"file": name}])
    language = site_language(files[0].get("target-language", ""), name)
    exported = ORIGINAL.fullmatch(files[0].get("original", ""))
    targets = []
    for unit in document.getunits():
        element = unit.xmlelement
        target = element.find(unit.namespaced("target"))
        state = target.get("state", "") if target is not None else ""
        targets.append(
            Target(
                element.get("resname") or element.get("id") or "",
                unit.source or "",
                normalized(unit.target or ""),
                element.sourceline,
                state in NEEDING_WORK,
            )
        )
    return ExchangeFile(name, language, exported["export"] if exported else None, targets)
