"""A role profile's downloads, in the page's language, as complete as its page: CSV (with a BOM,
so that Excel reads Arabic as UTF-8), JSON (in the API's vocabulary), and a Word document
(python-docx), each named after the profile's title (RFC 6266: a UTF-8 `filename*` and an
ASCII fallback). Where the page's language has no text yet, the English source stands in, and
each file says so, as the page does."""

import io
import json
import re
import unicodedata
from urllib.parse import quote

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language, gettext, gettext_noop

from skills.framework.csv_files import csv_bytes
from skills.framework.languages import SOURCE_LANGUAGE, direction
from skills.framework.links import absolute, readable, remembered_reverse, stable_path
from skills.reader.text import Translated, translated

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
DOWNLOADS = tuple(CONTENT_TYPES)

# The API's name for the list of a text's fields given in English (opendata.documents names it
# too; the reader may not import that layer, so the name is repeated here).
FALLBACK_FIELDS = "fallback_fields"

# The CSV's columns: a heading, and the entry's attribute it holds.
COLUMNS = (
    (gettext_noop("Code"), "code"),
    (gettext_noop("Skill"), "name"),
    (gettext_noop("Category"), "category"),
    (gettext_noop("Level"), "number"),
    (gettext_noop("Guiding phrase"), "guiding_phrase"),
    (gettext_noop("Description at this level"), "description"),
)
ENTRY_TEXTS = ("name", "category", "guiding_phrase", "description")
# The headings of the row's texts given in English, for want of a translation (as the API's
# CSV tables say it).
IN_ENGLISH = gettext_noop("In English, not yet translated")

# First strong isolate and pop directional isolate: a plain-text <bdi>, so that a code, a
# number, a date or an address keeps its own direction inside Arabic text.
FSI, PDI = "\u2068", "\u2069"


def download(page, download_format):
    """The profile page `page` (profile_page.read_profile_page) as a file."""
    content = {"csv": _csv, "json": _json, "docx": _docx}[download_format](page)
    response = HttpResponse(content, content_type=CONTENT_TYPES[download_format])
    response["Content-Disposition"] = content_disposition(
        f"{page.profile.title or gettext('Role profile')}.{download_format}"
    )
    response["Content-Language"] = get_language()
    response["X-Robots-Tag"] = "noindex"
    return response


def content_disposition(name):
    """An attachment named `name`: in UTF-8 for the browsers that read `filename*` (all of
    today's), and as ASCII letters, digits and dashes for the others."""
    stem, _, extension = name.rpartition(".")
    ascii_stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    ascii_stem = re.sub(r"[^A-Za-z0-9]+", "-", ascii_stem).strip("-")[:60] or "profile"
    utf8 = re.sub(r'[\\/:*?"<>|\s]+', " ", stem).strip() or "profile"
    return (
        f'attachment; filename="{ascii_stem}.{extension}"; '
        f"filename*=UTF-8''{quote(utf8 + '.' + extension, safe='')}"
    )


def address(page):
    """The profile page's own address, in the page's language, absolute."""
    query = page.usable.query()
    return absolute(f"{remembered_reverse('skills:profile')}?{query}")


def attributes(page, language):
    """(code, name, description) of each generic attribute at the profile's highest level."""
    return [
        (
            attribute_level.attribute.code,
            translated(attribute_level.attribute, "name", language),
            translated(attribute_level, "description", language),
        )
        for attribute_level in page.attribute_levels
    ]


def attribution():
    return gettext(
        "Content from the Skills Framework for the Information Age (SFIA), © %(name)s."
    ) % {"name": settings.SFIA_ATTRIBUTION["name"]}


def in_english(*texts):
    """The names of the `texts` ((name, Translated) pairs) the English source stands in for."""
    return [name for name, text in texts if text.fallback]


# CSV


def _csv(page):
    rows = [[gettext(heading) for heading, _ in COLUMNS] + [gettext(IN_ENGLISH)]]
    for entry in page.entries:
        values = [(heading, getattr(entry, name)) for heading, name in COLUMNS]
        rows.append(
            [value.text if isinstance(value, Translated) else value for _, value in values]
            + [
                "; ".join(
                    gettext(heading)
                    for heading, value in values
                    if isinstance(value, Translated) and value.fallback
                )
            ]
        )
    return csv_bytes(rows)


# JSON


def _api_links(language, api_view, reader_view, api_kwargs, reader_kwargs, fragment=""):
    """`href` (the API's resource), `url` (the reader's page in this language) and `uri` (its
    language-neutral address), as the API gives them (opendata.documents.Shape.links)."""
    return {
        "href": absolute(remembered_reverse(f"api:{api_view}", kwargs=api_kwargs))
        + f"?lang={language}",
        "url": absolute(remembered_reverse(reader_view, kwargs=reader_kwargs)) + fragment,
        "uri": absolute(stable_path(reader_view, **reader_kwargs)),
    }


def _json_entry(entry, language):
    code = entry.code.lower()
    return {
        "code": code,
        "level": entry.number,
        **{name: getattr(entry, name).text for name in ENTRY_TEXTS},
        FALLBACK_FIELDS: in_english(*((name, getattr(entry, name)) for name in ENTRY_TEXTS)),
        **_api_links(
            language,
            "skill_level",
            "skills:skill_level",
            {"code": code, "number": entry.number},
            {"code": code, "level": entry.number},
        ),
    }


def _json_attribute(code, name, description, language, level):
    code = code.lower()
    return {
        "attribute": code,
        "name": name.text,
        "description": description.text,
        FALLBACK_FIELDS: in_english(("name", name), ("description", description)),
        # The attribute's page at the profile's level, as the API's levels link it.
        **_api_links(
            language,
            "attribute",
            "skills:attribute",
            {"code": code},
            {"code": code},
            fragment=f"#level-{level}",
        ),
    }


def _json(page):
    language = get_language()
    profile = {
        "title": page.profile.title,
        "language": language,
        "date": timezone.localdate().isoformat(),
        "url": address(page),
        # The profile in each reader's language, as the API's `uri` of a page is.
        "uri": absolute(f"{stable_path('skills:profile')}?{page.usable.query()}"),
        "highest_level": page.highest_level,
        "entries": [_json_entry(entry, language) for entry in page.entries],
        "attributes": [
            _json_attribute(*attribute, language, page.highest_level)
            for attribute in attributes(page, language)
        ],
        "attribution": attribution(),
    }
    return json.dumps(profile, ensure_ascii=False, indent=2).encode("utf-8")


# Word


# The language Word is told each text is in, so that it proofs it with that language's
# dictionary: a site language with the region Word's own dictionaries are named by.
WORD_LANGUAGES = {"en": "en-GB", "de": "de-DE", "ru": "ru-RU", "it": "it-IT", "ar": "ar-SA"}


def _isolated(text):
    return f"{FSI}{text}{PDI}"


def _plain(message, **values):
    """A message the page shows with <bdi> markup, as plain text isolated the same way."""
    return message.replace("<bdi>", FSI).replace("</bdi>", PDI) % values


class _WordDocument:
    """A python-docx document in the page's language: every run says its language (w:lang),
    and in a right-to-left language every paragraph runs right to left (w:bidi) and its runs
    too (w:rtl, which python-docx sets). python-docx has no API for w:lang and w:bidi: they are
    set on its XML elements (`element`), its documented way to reach what it doesn't wrap."""

    def __init__(self, language):
        from docx import Document  # only a download needs it

        self.language = language
        self.rtl = direction(language) == "rtl"
        self.document = Document()
        self.document.core_properties.language = language
        self._default_language()

    def _lang(self, language):
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        element = OxmlElement("w:lang")
        tag = WORD_LANGUAGES.get(language, language)
        element.set(qn("w:val"), tag)
        if direction(language) == "rtl":
            element.set(qn("w:bidi"), tag)
        return element

    def _default_language(self):
        """The document's default run properties say the page's language (the template says
        en-US)."""
        from docx.oxml.ns import qn

        defaults = self.document.styles.element.find(qn("w:docDefaults"))
        run_properties = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
        for old in run_properties.findall(qn("w:lang")):
            run_properties.remove(old)
        run_properties.append(self._lang(self.language))

    def _run(self, paragraph, text, language):
        run = paragraph.add_run(text)
        if direction(language) == "rtl":
            run.font.rtl = True
        # Appended last: w:lang follows w:rtl in the run properties' schema order.
        run.element.get_or_add_rPr().append(self._lang(language))

    def paragraph(self, *pieces, style=None, note=True):
        """A paragraph of `pieces`, plain text in the page's language or Translated texts;
        English standing in is marked with its language and, unless `note` is false, a note."""
        from docx.oxml import OxmlElement

        paragraph = self.document.add_paragraph(style=style)
        if self.rtl:
            # The paragraph's element (<w:p>), as python-docx's proxies give it.
            paragraph.paragraph_format.element.get_or_add_pPr().append(OxmlElement("w:bidi"))
        for piece in pieces:
            if isinstance(piece, Translated) and piece.fallback:
                text = _isolated(piece.text) if self.rtl else piece.text
                self._run(paragraph, text, SOURCE_LANGUAGE)
                if note:
                    self._run(paragraph, f" {gettext('(not yet translated)')}", self.language)
            else:
                self._run(paragraph, getattr(piece, "text", piece), self.language)
        return paragraph

    def heading(self, level, *pieces):
        return self.paragraph(*pieces, style="Title" if level == 0 else f"Heading {level}")

    def lines(self, text):
        """A paragraph a line (a list's "- " dropped); English standing in noted once, at the
        end."""
        lines = [line.removeprefix("- ") for line in text.text.split("\n") if line]
        for number, line in enumerate(lines, start=1):
            self.paragraph(Translated(line, text.fallback, text.status), note=number == len(lines))

    def save(self):
        out = io.BytesIO()
        self.document.save(out)
        return out.getvalue()


def _docx(page):
    language = get_language()
    word = _WordDocument(language)
    # The title is a paragraph of its own, in its own direction: no isolates, which
    # LibreOffice's title font shows as a stroke.
    word.heading(0, page.profile.title or gettext("Role profile"))
    today = date_format(timezone.localdate(), "DATE_FORMAT")
    word.paragraph(_plain(gettext("Date: <bdi>%(date)s</bdi>"), date=today))
    word.paragraph(
        _plain(
            gettext("This profile’s address: <bdi>%(address)s</bdi>"),
            address=readable(address(page)),
        )
    )
    for entry in page.entries:
        word.heading(
            1,
            f"{_isolated(entry.code)} ",
            entry.name,
            f" — {_plain(gettext('Level <bdi>%(number)s</bdi>'), number=entry.number)}",
        )
        word.paragraph(f"{gettext('Category:')} ", entry.category)
        word.paragraph(entry.guiding_phrase)
        word.lines(entry.description)
    if page.entries:
        word.heading(
            1,
            _plain(
                gettext("The generic attributes at level <bdi>%(number)s</bdi>"),
                number=page.highest_level,
            ),
        )
        word.paragraph(
            gettext(
                "A role carries the responsibility of its highest level, so the generic "
                "attributes are those of the profile’s highest level."
            )
        )
        for _, name, description in attributes(page, language):
            word.heading(2, name)
            word.lines(description)
    word.paragraph(attribution())
    return word.save()
