"""Workbooks for the tests: the synthetic one written, changed cell by cell, imported and
exported through the commands (test helpers)."""

import io
import re

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
