"""Where a value stands in a workbook, and the problems found there, each named as
`FILE: Skills row 12, column S: what is wrong`."""

from dataclasses import dataclass, replace

from skills.framework.text import printable


@dataclass(frozen=True)
class Place:
    """A file, and in it a sheet, a row and a column, as far as each is known."""

    path: str
    sheet: str | None = None
    row: int | None = None
    column: str | None = None  # a column letter: "S"

    def at(self, column):
        return replace(self, column=column)

    def __str__(self):
        where = self.path
        if self.sheet is not None:
            where += f": {self.sheet}"
            if self.row is not None:
                where += f" row {self.row}"
            if self.column is not None:
                where += f"{',' if self.row is not None else ''} column {self.column}"
        return where

    def sort_key(self):
        # Columns in the sheet's order: B before Z before AA.
        column = self.column or ""
        return (self.path, SHEET_ORDER.get(self.sheet, -1), self.row or 0, len(column), column)


# The order in which the sheets are read, reported and written.
SHEET_ORDER = {"Skills": 0, "Attributes": 1, "Levels": 2}


class WorkbookError(Exception):
    def __init__(self, place, message):
        self.place = place
        self.message = message
        # Printed on terminals: a file name or a cell can't forge a line of output.
        super().__init__(printable(f"{place}: {message}"))


class WorkbookErrors(Exception):
    """Every problem found in the files of one import; the import is refused as a whole."""

    def __init__(self, errors):
        self.errors = sorted(errors, key=lambda error: error.place.sort_key())
        super().__init__("\n".join(str(error) for error in self.errors))
