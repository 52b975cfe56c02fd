"""A role profile's downloads, in the page's language: CSV (with a BOM, so that Excel reads
Arabic as UTF-8), JSON, and a Word document (python-docx), each named after the profile's
title (RFC 6266: a UTF-8 `filename*` and an ASCII fallback)."""

import io
import json
import re
import unicodedata
from urllib.parse import quote

from django.conf import settings
from django.http import HttpResponse
from django.utils.translation import get_language, gettext

from skills.framework.csv_files import csv_bytes
from skills.framework.languages import direction

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
DOWNLOADS = tuple(CONTENT_TYPES)


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


def columns():
    return [
        gettext("Code"),
        gettext("Skill"),
        gettext("Category"),
        gettext("Level"),
        gettext("Guiding phrase"),
        gettext("Description at this level"),
    ]


def rows(page):
    return [
        [
            entry.code,
            entry.name.text,
            entry.category.text,
            entry.number,
            entry.guiding_phrase.text,
            entry.description.text,
        ]
        for entry in page.entries
    ]


def _csv(page):
    return csv_bytes([columns(), *rows(page)])


def _json(page):
    profile = {
        "title": page.profile.title,
        "language": get_language(),
        "highest_level": page.highest_level,
        "entries": [
            {
                "code": entry.code,
                "level": entry.number,
                "name": entry.name.text,
                "category": entry.category.text,
                "guiding_phrase": entry.guiding_phrase.text,
                "description": entry.description.text,
                # Where the page's language has none yet, the English source stands in.
                "in_english": sorted(
                    field
                    for field in ("name", "category", "guiding_phrase", "description")
                    if getattr(entry, field).fallback
                ),
            }
            for entry in page.entries
        ],
        "attribution": attribution(),
    }
    return json.dumps(profile, ensure_ascii=False, indent=2).encode("utf-8")


def attribution():
    return gettext(
        "Content from the Skills Framework for the Information Age (SFIA), © %(name)s."
    ) % {"name": settings.SFIA_ATTRIBUTION["name"]}


def _right_to_left(document):
    """Every paragraph set from the right, its runs read right to left (Word's own setting for
    Arabic text; the codes and numbers in it keep their own direction)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    for paragraph in document.paragraphs:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        for run in paragraph.runs:
            run.font.rtl = True


def _docx(page):
    from docx import Document  # only a download needs it

    document = Document()
    document.core_properties.language = get_language()
    document.add_heading(page.profile.title or gettext("Role profile"), level=0)
    for code, name, category, number, phrase, description in rows(page):
        document.add_heading(f"{code} {name} — {gettext('Level')} {number}", level=1)
        document.add_paragraph(f"{gettext('Category')}: {category}")
        document.add_paragraph(phrase)
        for line in filter(None, description.split("\n")):
            document.add_paragraph(line.removeprefix("- "))
    document.add_paragraph(attribution())
    if direction(get_language()) == "rtl":
        _right_to_left(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
