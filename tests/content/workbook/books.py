"""Workbooks for the tests: the synthetic one written, changed cell by cell, imported and
exported through the commands (test helpers)."""

import io
import re
import zipfile
from xml.sax.saxutils import escape

from django.core.management import call_command
from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

from skills.content.synthetic_workbook import workbook_sheets, write_workbook
from skills.framework.models import CONTENT_MODELS, ImportedValue
from tests.forms import form_fields


def sheets(language="en", **options):
    return workbook_sheets(language, **options)


def set_cells(sheets, sheet, **cells):
    """Set cells of `sheet` by coordinate ("S12"), growing its rows where needed."""
    rows = sheets[sheet]
    for coordinate, value in cells.items():
        letters, row = coordinate_from_string(coordinate)
        column = column_index_from_string(letters) - 1
        while len(rows) < row:
            rows.append([])
        line = rows[row - 1]
        line.extend([None] * (column + 1 - len(line)))
        line[column] = value
    return sheets


def workbook(tmp_path, language="en", name=None, changes=None, **options):
    """The synthetic workbook in `language` written to tmp_path, with `changes`
    ({sheet: {coordinate: value}}) made to it first."""
    book = sheets(language, **options)
    for sheet, cells in (changes or {}).items():
        set_cells(book, sheet, **cells)
    return write_workbook(tmp_path / (name or f"sfia-{language}.xlsx"), book)


def import_spreadsheet(*paths, language="en", overwrite_edits=False):
    out = io.StringIO()
    options = ["--language", language] + (["--overwrite-edits"] if overwrite_edits else [])
    call_command("import_spreadsheet", *map(str, paths), *options, stdout=out)
    return out.getvalue()


def export_spreadsheet(path, language):
    out = io.StringIO()
    call_command("export_spreadsheet", str(path), "--language", language, stdout=out)
    return out.getvalue()


def empty_the_database():
    """No content and no record of imports: a database just migrated."""
    for model in reversed(CONTENT_MODELS):
        model.objects.all().delete()
    ImportedValue.objects.all().delete()


def open_admin_form(client, model, instance, language="en"):
    """The admin's change form of `instance` as the browser would post it: (url, fields)."""
    url = f"/{language}/admin/skills/{model}/{instance.pk}/change/"
    page = client.get(url)
    return url, form_fields(page.text, re.search(r'<form [^>]*id="(\w+_form)"', page.text)[1])


_INLINE = re.compile(
    r'<c r="([A-Z]+[0-9]+)" t="inlineStr"><is><t(?: xml:space="preserve")?>(.*?)</t></is></c>',
    re.DOTALL,
)
_SHARED_STRINGS_TYPE = (
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
)
_SHARED_STRINGS_RELATIONSHIP = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
)


def with_shared_strings(path, more_strings=()):
    """The workbook at `path` (written by openpyxl, whose texts are inline) rewritten as Excel
    writes one: each different text once, in the shared strings, and every cell pointing at it;
    with `more_strings` after them, pointed at by no cell."""
    strings = {}

    def shared(match):
        index = strings.setdefault(match[2], len(strings))
        return f'<c r="{match[1]}" t="s"><v>{index}</v></c>'

    parts = parts_of(path)
    for name, content in parts.items():
        if name.startswith("xl/worksheets/"):
            parts[name] = _INLINE.sub(shared, content.decode()).encode()
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>",
        f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_SHARED_STRINGS_TYPE}"/>'
        "</Types>".encode(),
    )
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>",
        f'<Relationship Id="rIdStrings" Type="{_SHARED_STRINGS_RELATIONSHIP}" '
        'Target="sharedStrings.xml"/></Relationships>'.encode(),
    )
    items = "".join(f'<si><t xml:space="preserve">{text}</t></si>' for text in strings)
    items += "".join(f"<si><t>{escape(text)}</t></si>" for text in more_strings)
    parts["xl/sharedStrings.xml"] = (
        f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{items}</sst>'
    ).encode()
    return rewritten(path, parts)


def rewritten(path, parts):
    """The file at `path` written again with `parts` ({name: bytes}), each packed."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return path


def parts_of(path):
    with zipfile.ZipFile(path) as archive:
        return {info.filename: archive.read(info.filename) for info in archive.infolist()}
