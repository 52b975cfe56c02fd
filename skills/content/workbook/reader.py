"""The official workbook (.xlsx), or CSV files exported from its sheets, → `Workbook`.

Pure Python, no Django: everything that can be checked without the database is checked here,
and every problem is a `WorkbookError` naming its file, sheet, row and column. The texts come
out as the source texts' parser gives them: one line a sentence, no blank lines, trailing
spaces gone, every other character as it was.
"""

import csv
import io
import os
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path

import openpyxl

from skills.content.sources.folders import CODE
from skills.content.sources.framework import slugify
from skills.content.workbook.archive import (
    MAX_COLUMNS,
    MAX_ROWS,
    MAX_TEXT_CHARACTERS,
    MAX_UNPACKED_BYTES,
    check_archive,
)
from skills.content.workbook.cells import (
    is_blank,
    level_mark,
    line_problem,
    lines_of,
    not_text,
    shown,
    unescape,
)
from skills.content.workbook.errors import Place, WorkbookError, WorkbookErrors
from skills.content.workbook.layout import (
    EDITION_WITHOUT_URL,
    FIRST_HEADERS,
    LEVEL_ROWS,
    LEVELS,
    LEVELS_URL_PATH,
    SHEETS,
    TABLES,
    TableLayout,
    address_pattern,
    column_letter,
    edition_name,
    split_guidance,
)
from skills.framework.languages import SOURCE_LANGUAGE
from skills.framework.levels import LEVEL_NUMBERS
from skills.framework.text import (
    MAX_GUIDING_PHRASE_LENGTH,
    MAX_NAME_LENGTH,
    MAX_NOTES_LENGTH,
    MAX_SLUG_LENGTH,
    MAX_TEXT_LENGTH,
)

# Far above the real workbook (SFIA 9's is about 1 MB, 147 skills): anything larger is not it,
# and is refused before it is read. A CSV file is one sheet, unpacked: at most what a whole
# workbook may unpack to (archive.py), whose bounds every sheet is read within.
MAX_FILE_BYTES = 32 * 1024 * 1024
MAX_CSV_BYTES = MAX_UNPACKED_BYTES
MAX_CSV_COMMAS = MAX_ROWS * MAX_COLUMNS + MAX_TEXT_CHARACTERS
# Columns read from each row: the widest sheet has 22; what stands beyond is reported.
READ_COLUMNS = 40


@dataclass(frozen=True)
class Sheet:
    path: str
    name: str
    layout: TableLayout | None = None  # None for the Levels sheet

    def place(self, row=None, key=None):
        column = self.layout.letter(key) if key else None
        return Place(self.path, self.name, row, column)


@dataclass(frozen=True)
class Entry:
    """A row of the Skills or the Attributes sheet: a skill or a generic attribute. Texts are
    None where the cell is empty."""

    sheet: Sheet
    row: int
    code: str
    name: str | None
    description: str | None
    guidance_intro: str | None
    guidance_notes: str | None
    # Skills: (category, subcategory); attributes: (type,), by name.
    placement: tuple
    defined: frozenset
    levels: dict  # level number → description, where the cell has one

    def place(self, key=None):
        return self.sheet.place(self.row, key)


@dataclass(frozen=True)
class LevelEntry:
    """A column of the Levels sheet: a level of responsibility."""

    sheet: Sheet
    number: int
    guiding_phrase: str | None
    essence: str | None

    def place(self, key):
        row = next(number for number, (_, name) in enumerate(LEVEL_ROWS, 1) if name == key)
        return Place(self.sheet.path, self.sheet.name, row, column_letter(self.number))


@dataclass(frozen=True)
class Edition:
    name: str  # "SFIA 9"
    place: Place


@dataclass(frozen=True)
class Workbook:
    paths: tuple
    language: str
    # None where the files have no such sheet (a CSV of one sheet brings only that one).
    skills: tuple | None
    attributes: tuple | None
    levels: tuple | None
    edition: Edition | None


def read_workbook(paths, language=SOURCE_LANGUAGE):
    """Read `paths` (one .xlsx, or CSV files of its sheets) holding texts in `language`;
    raise `WorkbookErrors` with every problem found."""
    errors = []
    raw = {}  # sheet name → (path, rows)
    for path in map(str, paths):
        try:
            sheets = _read_file(path)
        except WorkbookError as error:
            errors.append(error)
            continue
        for name, rows in sheets.items():
            if name in raw:
                errors.append(
                    WorkbookError(
                        Place(path, name), f"a second {name} sheet (the first is in {raw[name][0]})"
                    )
                )
            else:
                raw[name] = (path, rows)
    if errors:
        raise WorkbookErrors(errors)
    reader = _SheetReader(language)
    skills = reader.table("Skills", *raw["Skills"]) if "Skills" in raw else None
    attributes = reader.table("Attributes", *raw["Attributes"]) if "Attributes" in raw else None
    levels = reader.levels(*raw[LEVELS]) if LEVELS in raw else None
    edition = reader.edition()
    if reader.errors:
        raise WorkbookErrors(reader.errors)
    return Workbook(tuple(map(str, paths)), language, skills, attributes, levels, edition)


def _read_file(path):
    """{sheet name: rows of cell values} of one file."""
    suffix = Path(path).suffix.lower()
    if suffix == ".csv":
        return _read_csv(path)
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    raise WorkbookError(
        Place(path), "is neither an .xlsx workbook nor a .csv file exported from one of its sheets"
    )


def _file_bytes(path, limit):
    try:
        with open(path, "rb") as file:
            status = os.fstat(file.fileno())
            if not stat.S_ISREG(status.st_mode):
                raise WorkbookError(Place(path), "is not a regular file")
            data = file.read(limit + 1)
    except OSError as error:
        raise WorkbookError(Place(path), f"cannot be read: {error.strerror}") from None
    if len(data) > limit:
        raise WorkbookError(Place(path), f"is larger than {limit // 2**20} MB")
    return data


def _read_xlsx(path):
    data = _file_bytes(path, MAX_FILE_BYTES)
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise WorkbookError(Place(path), "is not an .xlsx workbook (it is not even a zip file)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            check_archive(path, archive, SHEETS)
    except (zipfile.BadZipFile, ValueError) as error:
        raise WorkbookError(Place(path), f"cannot be read as an .xlsx workbook: {error}") from None
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl reports a damaged file with whatever its parser raises
        raise WorkbookError(Place(path), f"cannot be read as an .xlsx workbook: {error}") from None
    try:
        missing = ", ".join(f'"{name}"' for name in SHEETS if name not in book.sheetnames)
        if missing:
            raise WorkbookError(
                Place(path), f"has no sheet {missing} (its sheets: {', '.join(book.sheetnames)})"
            )
        sheets = {}
        text = _TextCount()
        for name in SHEETS:
            worksheet = book[name]
            # A file's own idea of its size may be wrong (openpyxl's read-only mode says so).
            worksheet.reset_dimensions()
            rows = _bounded(
                Place(path, name),
                text,
                worksheet.iter_rows(values_only=True, max_col=READ_COLUMNS),
                lambda value: unescape(value) if isinstance(value, str) else value,
            )
            sheets[name] = rows
        return sheets
    except WorkbookError:
        raise
    except Exception as error:  # as above: a sheet damaged inside
        raise WorkbookError(Place(path), f"cannot be read as an .xlsx workbook: {error}") from None
    finally:
        book.close()


def _read_csv(path):
    data = _file_bytes(path, MAX_CSV_BYTES)
    # Python's csv module reads a row whole before its width can be seen: a row of millions of
    # commas would be millions of cells first.
    commas = data.count(b",")
    if commas > MAX_CSV_COMMAS:
        raise WorkbookError(
            Place(path),
            f"holds {commas:,} commas, more than a sheet of {MAX_ROWS} rows of {MAX_COLUMNS} "
            f"cells and {MAX_TEXT_CHARACTERS:,} characters of text could",
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise WorkbookError(
            Place(path),
            f"is not UTF-8 text (byte 0x{data[error.start]:02x} on line {line} cannot be decoded)",
        ) from None
    try:
        rows = _bounded(
            Place(path),
            _TextCount(),
            csv.reader(io.StringIO(text, newline="")),
            lambda cell: cell or None,
        )
    except csv.Error as error:
        raise WorkbookError(Place(path), f"cannot be read as CSV: {error}") from None
    if not rows or all(is_blank(value) for value in rows[0]):
        raise WorkbookError(Place(path), "is empty: a CSV of a sheet starts with its header row")
    first = (rows[0][0] or "").strip()
    if first not in FIRST_HEADERS:
        known = ", ".join(f'"{header}" ({sheet})' for header, sheet in FIRST_HEADERS.items())
        raise WorkbookError(
            Place(path),
            f"is none of the workbook's sheets: its first header is \"{first}\", a sheet's is "
            f"{known}",
        )
    return {FIRST_HEADERS[first]: rows}


def _bounded(place, text, rows, value):
    """The rows, each cell's `value`, read one at a time and refused at the first past the
    bounds (archive.py): a row after MAX_ROWS, a row of more than MAX_COLUMNS cells (openpyxl
    stops at READ_COLUMNS: a CSV row's), text past the file's MAX_TEXT_CHARACTERS."""
    read = []
    for number, row in enumerate(rows, start=1):
        if number > MAX_ROWS:
            raise WorkbookError(place, f"has more than {MAX_ROWS} rows: it is not the workbook")
        if len(row) > MAX_COLUMNS:
            raise _row_error(
                place,
                number,
                f"has {len(row)} cells, more than {MAX_COLUMNS}: the workbook's widest sheet has "
                "22 columns",
            )
        row = tuple(map(value, row))
        text.characters += sum(len(cell) for cell in row if isinstance(cell, str))
        if text.characters > MAX_TEXT_CHARACTERS:
            raise _row_error(
                place,
                number,
                f"brings the file's text past {MAX_TEXT_CHARACTERS:,} characters (SFIA's whole "
                "workbook has well under a million): it is not read further",
            )
        read.append(row)
    return read


@dataclass
class _TextCount:
    """The characters of one file's cells so far (all its sheets): shared strings can repeat
    one long text in every cell of a small file."""

    characters: int = 0


def _row_error(place, number, message):
    if place.sheet is None:  # a CSV file, whose sheet its header names once it is read
        return WorkbookError(place, f"row {number} {message}")
    return WorkbookError(Place(place.path, place.sheet, number), message)


def _padded(row, width):
    return tuple(row) + (None,) * (width - len(row))


def _header(value):
    return "" if value is None else str(value).strip()


# How the errors name what a cell holds, by its layout key.
LABELS = {
    ("Skills", "name"): "the skill's name",
    ("Attributes", "name"): "the attribute's name",
    "category": "the category",
    "subcategory": "the subcategory",
    "type": "the type",
    "description": "the overall description",
    "guidance": "the guidance notes",
    "code": "the code",
    "url": "the URL",
    "guiding_phrase": "the guiding phrase",
    "essence": "the essence of the level",
}


def _label(sheet, key):
    if key.startswith("level "):
        return f"the {key} description"
    return LABELS.get((sheet, key)) or LABELS[key]


class _SheetReader:
    def __init__(self, language):
        self.language = language
        self.english = language == SOURCE_LANGUAGE
        self.errors = []
        self.editions = []  # (edition, place, how it says so)
        # (sheet, column, parent's slug, slug) → (English name, row): one address, one name.
        self.slugs = {}

    def fail(self, place, message):
        self.errors.append(WorkbookError(place, message))

    def text(self, value, place, label, *, one_line=False, max_length=None):
        """A cell's text (None if empty), checked; or None, with the problem noted."""
        return _joined(self.lines(value, place, label, one_line=one_line, max_length=max_length))

    def lines(self, value, place, label, *, one_line=False, max_length=None):
        if (other := not_text(value)) is not None:
            self.fail(place, f"holds {other} where {label} belongs: text is expected")
            return []
        lines = lines_of(value or "")
        if one_line:
            lines = [line.strip(" \t") for line in lines]
        if problem := line_problem(lines):
            self.fail(place, f"{label} {problem}")
            return []
        if one_line and len(lines) > 1:
            self.fail(place, f"{label} has a line break: it is one line")
            return []
        length = sum(map(len, lines)) + len(lines) - 1 if lines else 0
        if max_length and length > max_length:
            self.fail(place, f"{label} is {length} characters long: at most {max_length}")
            return []
        return lines

    def header(self, name, path, header):
        """The sheet's layout, from its header row (SFIA 9's, or SFIA 8's without URL), or
        None with every header that is not as published noted."""
        with_url, without_url = TABLES[name]
        after_code = with_url.columns.index(next(c for c in with_url.columns if c.key == "url"))
        header = _padded(header, READ_COLUMNS)
        layout = with_url if _header(header[after_code]) == "URL" else without_url
        sheet = Sheet(path, name, layout)
        ok = True
        for index, found in enumerate(map(_header, header)):
            expected = layout.columns[index].header if index < len(layout.columns) else ""
            if found == expected:
                continue
            ok = False
            place = Place(path, name, 1, column_letter(index))
            if index >= len(layout.columns):
                self.fail(
                    place,
                    f'the header "{found}" is not the published sheet\'s: it ends at '
                    f"column {column_letter(len(layout.columns) - 1)}",
                )
            elif not expected:
                self.fail(place, f'the header is "{found}", where the published sheet has none')
            elif not found:
                self.fail(place, f'the header is empty, expected "{expected}"')
            else:
                self.fail(place, f'the header is "{found}", expected "{expected}"')
        if not layout.has_url:
            self.editions.append(
                (EDITION_WITHOUT_URL, Place(path, name, 1), f"{name} row 1 (no URL column)")
            )
        return sheet if ok else None

    def table(self, name, path, rows):
        sheet = self.header(name, path, rows[0]) if rows else None
        if sheet is None:
            if not rows:
                self.fail(Place(path, name), "is empty: it starts with a header row")
            return ()
        entries = []
        first_row = {}  # code → the row it first appears in
        width = len(sheet.layout.columns)
        for number, values in enumerate(rows[1:], start=2):
            values = _padded(values, READ_COLUMNS)
            if all(is_blank(value) for value in values):
                continue
            for index in range(width, READ_COLUMNS):
                if not is_blank(values[index]):
                    self.fail(
                        Place(path, name, number, column_letter(index)),
                        f"holds {shown(values[index])}, beyond the sheet's last column",
                    )
            cells = {column.key: values[i] for i, column in enumerate(sheet.layout.columns)}
            entry = self.entry(sheet, number, cells)
            if entry is None:
                continue
            if entry.code in first_row:
                self.fail(
                    entry.place("code"),
                    f"{entry.code} appears twice (first in row {first_row[entry.code]})",
                )
                continue
            first_row[entry.code] = number
            entries.append(entry)
        return tuple(entries)

    def entry(self, sheet, row, cells):
        """One row → an Entry, or None where its code can't be read (its other problems are
        noted all the same)."""
        errors_before = len(self.errors)

        def place(key=None):
            return sheet.place(row, key)

        def text(key, **limits):
            return self.text(cells[key], place(key), _label(sheet.name, key), **limits)

        code = self.code(cells["code"], place("code"))
        if sheet.layout.has_url:
            self.url(cells["url"], place("url"), sheet.layout.url_path)
        name = text("name", one_line=True, max_length=MAX_NAME_LENGTH)
        keys = ("category", "subcategory") if sheet.name == "Skills" else ("type",)
        placement = tuple(text(key, one_line=True, max_length=MAX_NAME_LENGTH) for key in keys)
        description = text("description", max_length=MAX_TEXT_LENGTH)
        guidance = self.lines(
            cells["guidance"],
            place("guidance"),
            _label(sheet.name, "guidance"),
            max_length=MAX_NOTES_LENGTH,
        )
        intro, items = split_guidance(guidance)
        marks = dict(self.marks(sheet, row, cells))
        defined = frozenset(number for number, good in marks.items() if good)
        levels = {}
        for number in LEVEL_NUMBERS:
            if description_text := text(f"level {number}", max_length=MAX_TEXT_LENGTH):
                levels[number] = description_text
        if self.english:
            for key, value in (("name", name), ("description", description)) + tuple(
                zip(keys, placement, strict=True)
            ):
                if value is None and is_blank(cells[key]):
                    self.fail(place(key), f"{_label(sheet.name, key)} is missing")
            self.addresses(sheet, row, keys, placement)
            if not defined and len(self.errors) == errors_before:
                self.fail(place(), "no level is marked: it must be defined at one level at least")
        # A level whose mark can't be read is neither marked nor not: its text is not checked.
        self.level_texts(sheet, row, cells, defined, levels, unread=set(marks) - defined)
        if code is None:
            return None
        return Entry(
            sheet,
            row,
            code,
            name,
            description,
            _joined(intro),
            _joined(items),
            placement,
            defined,
            levels,
        )

    def code(self, value, place):
        if (other := not_text(value)) is not None:
            self.fail(place, f"holds {other} where the code belongs: text is expected")
            return None
        code = (value or "").strip()
        if not code:
            self.fail(place, "the code is missing")
            return None
        if not CODE.fullmatch(code):
            self.fail(
                place,
                f'"{code}" is not a code: 2 to 8 capital letters and digits, a letter first '
                "(such as ITSP)",
            )
            return None
        return code

    def url(self, value, place, url_path):
        url = self.text(value, place, "the URL", one_line=True)
        if url is None:
            return
        matched = address_pattern(url_path).fullmatch(url)
        if not matched:
            self.fail(
                place,
                f'"{url}" is not an address of the SFIA site (such as '
                f"https://sfia-online.org/en/{url_path}/9/…)",
            )
            return
        self.editions.append(
            (edition_name(int(matched[1])), place, f"{place.sheet} row {place.row}")
        )

    def marks(self, sheet, row, cells):
        """(level, whether its mark is good) for each level marked."""
        for number in LEVEL_NUMBERS:
            key = f"mark {number}"
            mark = level_mark(cells[key])
            if mark is None:
                continue
            good = mark == number and not isinstance(mark, bool)
            yield number, good
            if not good:
                self.fail(
                    sheet.place(row, key),
                    f"the mark {shown(mark)} is not this column's level ({number}): the column "
                    f"holds {number} where the level is defined, else nothing",
                )

    def level_texts(self, sheet, row, cells, defined, levels, unread):
        for number in sorted(set(LEVEL_NUMBERS) - unread):
            place = sheet.place(row, f"level {number}")
            if number in defined and number not in levels and self.english:
                if is_blank(cells[f"level {number}"]):
                    self.fail(place, f"level {number} is marked but has no description")
            elif number in levels and number not in defined:
                self.fail(
                    place,
                    f"level {number} has a description but is not marked (column "
                    f"{sheet.layout.letter(f'mark {number}')})",
                )

    def addresses(self, sheet, row, keys, names):
        """English names make the addresses of categories and groups: two names, one
        address would be one category under two names."""
        parent = ""
        for key, name in zip(keys, names, strict=True):
            if name is None:
                return
            slug = slugify(name)
            place = sheet.place(row, key)
            if not slug or len(slug) > MAX_SLUG_LENGTH:
                self.fail(
                    place,
                    f'{_label(sheet.name, key)} "{name}" makes the address "{slug}": it must have '
                    f"letters or digits, and at most {MAX_SLUG_LENGTH} characters",
                )
                return
            seen = self.slugs.setdefault((sheet.name, key, parent, slug), (name, row))
            if seen[0] != name:
                self.fail(
                    place,
                    f'{_label(sheet.name, key)} "{name}" makes the same address "{slug}" as '
                    f'"{seen[0]}" (row {seen[1]}): one name for one {key}',
                )
                return
            parent = slug

    def levels(self, path, rows):
        sheet = Sheet(path, LEVELS)
        rows = [_padded(row, READ_COLUMNS) for row in rows]
        # A sheet may carry empty rows after its last (formatted, say); SFIA 8's may have no URL.
        while rows and all(is_blank(value) for value in rows[-1]):
            rows.pop()
        for number, row in enumerate(rows, start=1):
            place = Place(path, LEVELS, number, "A")
            if number > len(LEVEL_ROWS):
                self.fail(place, "is not a row of the published sheet, which ends at the URL")
                continue
            header = LEVEL_ROWS[number - 1][0]
            if _header(row[0]) != header:
                self.fail(place, f'the header is "{_header(row[0])}", expected "{header}"')
            for index in range(len(LEVEL_NUMBERS) + 1, READ_COLUMNS):
                if not is_blank(row[index]):
                    self.fail(
                        Place(path, LEVELS, number, column_letter(index)),
                        f"holds {shown(row[index])}, beyond the sheet's last column (H)",
                    )
        if len(rows) < len(LEVEL_ROWS) - 1:
            self.fail(
                Place(path, LEVELS),
                f"has {len(rows)} rows: the published sheet has the level, its guiding phrase, "
                "its essence (and its URL)",
            )
            return ()
        if any(error.place.sheet == LEVELS and error.place.path == path for error in self.errors):
            return ()
        levels = []
        for number in LEVEL_NUMBERS:
            levels.append(self.level(sheet, number, [row[number] for row in rows]))
        return tuple(level for level in levels if level is not None)

    def level(self, sheet, number, cells):
        column = column_letter(number)

        def place(row):
            return Place(sheet.path, LEVELS, row, column)

        if level_mark(cells[0]) != number or isinstance(cells[0], bool):
            self.fail(place(1), f"holds {shown(cells[0])}: this column is level {number}'s")
            return None
        phrase = self.text(
            cells[1],
            place(2),
            f"level {number}'s guiding phrase",
            one_line=True,
            max_length=MAX_GUIDING_PHRASE_LENGTH,
        )
        if phrase is None and self.english and is_blank(cells[1]):
            self.fail(place(2), f"level {number}'s guiding phrase is missing")
        essence = self.text(
            cells[2], place(3), f"level {number}'s essence", max_length=MAX_TEXT_LENGTH
        )
        if len(cells) > 3:
            url = self.text(cells[3], place(4), "the URL", one_line=True)
            if url is not None:
                matched = address_pattern(LEVELS_URL_PATH).fullmatch(url)
                if matched:
                    self.editions.append(
                        (edition_name(int(matched[1])), place(4), f"{LEVELS} row 4")
                    )
                else:
                    self.fail(
                        place(4),
                        f'"{url}" is not an address of the SFIA site (such as '
                        f"https://sfia-online.org/en/{LEVELS_URL_PATH}/9/{number})",
                    )
        return LevelEntry(sheet, number, phrase, essence)

    def edition(self):
        """The edition all the sheets' addresses agree on, or None if none says."""
        if not self.editions:
            return None
        name, place, how = self.editions[0]
        for other, other_place, _ in self.editions[1:]:
            if other != name:
                self.fail(other_place, f"says {other}, but {how} says {name}")
                # One line says it: the rows after it mostly say the same.
                break
        return Edition(name, place)


def _joined(lines):
    return "\n".join(line for line in lines if line) or None
