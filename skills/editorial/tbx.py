"""The glossary as a term base for CAT tools (TBX), beside each exchange file."""

from lxml import etree
from translate.storage import tbx

from skills.framework.languages import SOURCE_LANGUAGE

# TBX's administrative status of a term (ISO 30042's TBX-Basic): CAT tools with a term base
# (OmegaT, memoQ, Trados) suggest the preferred term and flag a deprecated one.
PREFERRED, DEPRECATED = "preferredTerm-admn-sts", "deprecatedTerm-admn-sts"


def tbx_file(glossary, language):
    """The glossary as a TBX term base for `language` (translate-toolkit's tbxfile): each
    term's English, and its word in `language` as the preferred term and the words to avoid
    as deprecated ones, where the glossary has them."""
    base = tbx.tbxfile(sourcelanguage=SOURCE_LANGUAGE, targetlanguage=language)
    for entry in glossary:
        unit = base.addsourceunit(entry.english)
        approved = [entry.approved[language]] if entry.approved[language] else []
        statuses = [PREFERRED] * len(approved) + [DEPRECATED] * len(entry.avoided[language])
        if not statuses:
            continue
        unit.set_target_terms(approved + entry.avoided[language], language)
        # translate-toolkit reads a term's status but sets none: each <tig> gets its own
        # <termNote>, through the unit's lxml element.
        terms = unit.get_target_dom(language).findall(unit.namespaced("tig"))
        for term, administrative in zip(terms, statuses, strict=True):
            note = etree.SubElement(term, unit.namespaced("termNote"), type="administrativeStatus")
            note.text = administrative
    return base
