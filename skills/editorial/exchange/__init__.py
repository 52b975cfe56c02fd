"""Translators' exchange files for CAT tools: every translated text of the content as a unit a
tool can take out and bring back, as gettext PO (po.py; Poedit, OmegaT, Weblate) or XLIFF 1.2
(xliff.py; Trados, memoQ, Phrase, Smartcat), told apart by the file's name. The units and the
record of an export are units.py's; each format's reader gives the same Targets (files.py) to
the one import (importing.py)."""

from pathlib import Path

from django.utils.translation import gettext as _

from skills.editorial.exchange import po, xliff
from skills.editorial.exchange.files import ExchangeErrors

XLIFF_SUFFIXES = (".xlf", ".xliff")
PO_SUFFIXES = (".po",)


def is_xliff(name):
    return Path(name).suffix.lower() in XLIFF_SUFFIXES


def read_exchange_file(path, name=None):
    """The ExchangeFile of a PO or XLIFF file, told apart by its name's ending."""
    name = name or str(path)
    if is_xliff(name):
        return xliff.read_xliff(path, name)
    if Path(name).suffix.lower() in PO_SUFFIXES:
        return po.read_po(path, name)
    raise ExchangeErrors(
        [_("%(file)s: an exchange file is a .po, .xlf or .xliff file") % {"file": name}]
    )


def exchange_file_content(name, language, exported_units, glossary=None, export=None):
    """The bytes of the exchange file `name`: XLIFF or PO, as its name ends."""
    if is_xliff(name):
        return bytes(xliff.xliff_file(language, exported_units, glossary, export))
    return str(po.po_file(language, exported_units, glossary, export)).encode("utf-8")
