"""Sheets of cell values → an .xlsx workbook, or a CSV file a sheet, as Excel writes them."""

import csv
import io
from pathlib import Path

import openpyxl
from openpyxl.cell import WriteOnlyCell

from skills.content.workbook.cells import escape


def write_xlsx(path, sheets):
    """Write {sheet name: rows of values} to `path`, every text as text: openpyxl would take
    one starting with "=" for a formula, and a spreadsheet would run it."""
    book = openpyxl.Workbook(write_only=True)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append([_cell(sheet, value) for value in row])
    # Built in memory, then written: a path that can't be written fails before any of it.
    built = io.BytesIO()
    book.save(built)
    Path(path).write_bytes(built.getvalue())


def _cell(sheet, value):
    if not isinstance(value, str):
        return value
    cell = WriteOnlyCell(sheet, value=escape(value))
    cell.data_type = "s"
    return cell


def write_csv(path, rows):
    """One sheet as CSV, UTF-8 with the byte-order mark Excel writes ("CSV UTF-8")."""
    with open(path, "w", encoding="utf-8-sig", newline="") as file:
        csv.writer(file).writerows(rows)
