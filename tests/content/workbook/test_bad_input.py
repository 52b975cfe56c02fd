"""Bad input refuses the whole import, with one line a problem naming the file, the sheet, the
row and the column, and leaves the database exactly as it was."""

import datetime
import io
import os
import zipfile

import pytest
from django.core.management import CommandError, call_command
from openpyxl.utils import get_column_letter

from skills.content.synthetic_workbook import write_csv_files, write_workbook
from tests.conftest import BARE_COMMAND_ENV, content_snapshot, manage
from tests.content.workbook.books import (
    import_spreadsheet,
    parts_of,
    rewritten,
    set_cells,
    sheets,
    with_shared_strings,
    workbook,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(tmp_path):
    """The fixture's content and the synthetic workbook's, English and German: what a bad
    import must leave exactly as it is."""
    call_command("load_content", stdout=io.StringIO())
    import_spreadsheet(workbook(tmp_path, name="first-en.xlsx"))
    import_spreadsheet(workbook(tmp_path, "de", name="first-de.xlsx"), language="de")
    return content_snapshot()


def refused(*paths, language="en"):
    """The lines after "Nothing imported." of the refused import."""
    with pytest.raises(CommandError) as raised:
        import_spreadsheet(*paths, language=language)
    first, *lines = str(raised.value).split("\n")
    assert first == "Nothing imported."
    return lines


NAME_TOO_LONG = "N" * 201

# Case → (language, {sheet: {cell: value}}, the lines, after "PATH: ").
BAD_CELLS = {
    "a header not as published": (
        "en",
        {"Skills": {"K1": "Name"}},
        ['Skills row 1, column K: the header is "Name", expected "Skill"'],
    ),
    "a header where the published sheet has none": (
        "en",
        {"Attributes": {"C1": "Level 3"}},
        ['Attributes row 1, column C: the header is "Level 3", where the published sheet has none'],
    ),
    "a header beyond the published ones": (
        "en",
        {"Skills": {"W1": "Notes"}},
        [
            'Skills row 1, column W: the header "Notes" is not the published sheet\'s: it ends at '
            "column V"
        ],
    ),
    "a level marked without a description": (
        "en",
        {"Skills": {"S6": None}},
        ["Skills row 6, column S: level 4 is marked but has no description"],
    ),
    "an attribute's level marked without a description": (
        "en",
        {"Attributes": {"N2": "   "}},
        ["Attributes row 2, column N: level 1 is marked but has no description"],
    ),
    "a description at a level not marked": (
        "en",
        {"Skills": {"Q2": "Performs at level 2."}},
        ["Skills row 2, column Q: level 2 has a description but is not marked (column C)"],
    ),
    "a description at a level not marked, in a translation": (
        "de",
        {"Skills": {"Q2": "Führt auf Ebene 2."}},
        ["Skills row 2, column Q: level 2 has a description but is not marked (column C)"],
    ),
    "a mark that is not its column's level": (
        "en",
        {"Skills": {"D6": 4}},
        [
            "Skills row 6, column D: the mark 4 is not this column's level (3): the column holds "
            "3 where the level is defined, else nothing"
        ],
    ),
    "a mark that is no number": (
        "en",
        {"Attributes": {"B2": "x"}},
        [
            'Attributes row 2, column B: the mark "x" is not this column\'s level (2): the column '
            "holds 2 where the level is defined, else nothing"
        ],
    ),
    "a malformed code": (
        "en",
        {"Skills": {"I3": "it sp"}},
        [
            'Skills row 3, column I: "it sp" is not a code: 2 to 8 capital letters and digits, a '
            "letter first (such as ITSP)"
        ],
    ),
    "a missing code": (
        "en",
        {"Attributes": {"H3": None}},
        ["Attributes row 3, column H: the code is missing"],
    ),
    "a duplicate code": (
        "en",
        {"Skills": {"I4": "XAAA"}},
        ["Skills row 4, column I: XAAA appears twice (first in row 2)"],
    ),
    "a number where text belongs": (
        "en",
        {"Skills": {"K2": 42}},
        [
            "Skills row 2, column K: holds a number (42) where the skill's name belongs: text is "
            "expected"
        ],
    ),
    "a date where text belongs": (
        "de",
        {"Attributes": {"L3": datetime.datetime(2025, 1, 29)}},
        [
            "Attributes row 3, column L: holds a date or time (2025-01-29 00:00:00) where the "
            "overall description belongs: text is expected"
        ],
    ),
    "a truth value where a code belongs": (
        "en",
        {"Skills": {"I2": True}},
        [
            "Skills row 2, column I: holds a truth value (TRUE) where the code belongs: text is "
            "expected"
        ],
    ),
    "a control character": (
        "en",
        {"Skills": {"N2": "First line.\r\nSecond\x07line."}},
        [
            "Skills row 2, column N: the overall description line 2 has a control character "
            "(U+0007) at column 7"
        ],
    ),
    "a C1 control": (
        "de",
        {"Skills": {"K2": "Name\x85mit NEL"}},
        ["Skills row 2, column K: the skill's name has a control character (U+0085) at column 5"],
    ),
    "a noncharacter, as Excel writes it": (
        "de",
        {"Skills": {"N2": "Eine \ufffe Beschreibung."}},  # the file holds _xFFFE_
        [
            "Skills row 2, column N: the overall description has U+FFFE, which is not a "
            "character (a noncharacter or a lone surrogate), at column 6"
        ],
    ),
    "a bidi control left open": (
        "ar",
        {"Skills": {"K3": "اسم \u202e"}},
        [
            "Skills row 3, column K: the skill's name leaves a bidi control open (U+202E "
            "RIGHT-TO-LEFT OVERRIDE at column 5): each embedding, override or isolate must be "
            "closed on its line"
        ],
    ),
    "a name longer than the database takes": (
        "en",
        {"Skills": {"K2": NAME_TOO_LONG}},
        ["Skills row 2, column K: the skill's name is 201 characters long: at most 200"],
    ),
    "a description longer than a description may be": (
        "de",
        {"Skills": {"N2": "Wort " * 2000 + "x"}},
        ["Skills row 2, column N: the overall description is 10001 characters long: at most 10000"],
    ),
    "guidance notes longer than notes may be": (
        "en",
        {"Skills": {"O2": "Activities include:\n\n" + "an item\n" * 4000}},
        ["Skills row 2, column O: the guidance notes is 32020 characters long: at most 30000"],
    ),
    "a level's text longer than a level's text may be": (
        "de",
        {"Skills": {"T3": "Satz. " * 1700}},
        ["Skills row 3, column T: the level 5 description is 10199 characters long: at most 10000"],
    ),
    "a name on two lines": (
        "en",
        {"Attributes": {"J2": "Two\nlines"}},
        ["Attributes row 2, column J: the attribute's name has a line break: it is one line"],
    ),
    "a guiding phrase longer than the database takes": (
        "en",
        {"Levels": {"C2": "p" * 101}},
        ["Levels row 2, column C: level 2's guiding phrase is 101 characters long: at most 100"],
    ),
    "a category whose address would be too long": (
        "en",
        {"Skills": {"L2": "Category " + "c" * 50}},
        [
            f'Skills row 2, column L: the category "Category {"c" * 50}" makes the address '
            f'"category-{"c" * 50}": it must have letters or digits, and at most 50 characters'
        ],
    ),
    "two category names, one address": (
        "en",
        {"Skills": {"L5": "Invented Category 1"}},
        [
            'Skills row 5, column L: the category "Invented Category 1" makes the same address '
            '"invented-category-1" as "Invented category 1" (row 2): one name for one category'
        ],
    ),
    "an English text missing": (
        "en",
        {"Skills": {"N2": None}, "Attributes": {"K4": ""}},
        [
            "Skills row 2, column N: the overall description is missing",
            "Attributes row 4, column K: the type is missing",
        ],
    ),
    "no level marked": (
        "en",
        {"Skills": {"B2": None, "P2": None}},
        ["Skills row 2: no level is marked: it must be defined at one level at least"],
    ),
    "a value beyond the last column": (
        "en",
        {"Skills": {"X4": "stray"}},
        ['Skills row 4, column X: holds "stray", beyond the sheet\'s last column'],
    ),
    "an address that is not the SFIA site's": (
        "en",
        {"Skills": {"J2": "https://example.org/skillcode/9/XAAA"}},
        [
            'Skills row 2, column J: "https://example.org/skillcode/9/XAAA" is not an address of '
            "the SFIA site (such as https://sfia-online.org/en/skillcode/9/…)"
        ],
    ),
    "addresses of two editions": (
        "en",
        {"Attributes": {"I3": "https://sfia-online.org/en/shortcode/8/YAAB"}},
        ["Attributes row 3, column I: says SFIA 8, but Skills row 2 says SFIA 9"],
    ),
    "a Levels sheet's column not its level's": (
        "en",
        {"Levels": {"B1": 2}},
        ["Levels row 1, column B: holds 2: this column is level 1's"],
    ),
    "a Levels sheet's row not as published": (
        "en",
        {"Levels": {"A3": "Essence"}},
        ['Levels row 3, column A: the header is "Essence", expected "Essence of the level"'],
    ),
    "a Levels sheet's row too many": (
        "en",
        {"Levels": {"A5": "Notes"}},
        ["Levels row 5, column A: is not a row of the published sheet, which ends at the URL"],
    ),
    "a guiding phrase missing": (
        "en",
        {"Levels": {"H2": None}},
        ["Levels row 2, column H: level 7's guiding phrase is missing"],
    ),
    "a translation's code the database does not have": (
        "de",
        {"Skills": {"I3": "XZZZ"}, "Attributes": {"H2": "YZZZ"}},
        [
            "Skills row 3, column I: XZZZ: the database has no such skill (another language only "
            "translates what the English workbook brought in)",
            "Attributes row 2, column H: YZZZ: the database has no such attribute (another "
            "language only translates what the English workbook brought in)",
        ],
    ),
    "a translation's marks not English's": (
        "it",
        {"Skills": {"C2": 2, "Q2": "Livello 2.", "E6": None, "S6": None}},
        [
            "Skills row 2, column C: level 2 is marked here, but not in English (in the database)",
            "Skills row 6, column E: level 4 is not marked here, but in English (in the database)",
        ],
    ),
    "a translation naming one category two ways": (
        "de",
        {"Skills": {"L5": "Andere Kategorie"}},
        [
            'Skills row 5, column L: names the category "Andere Kategorie", which row 2 names '
            '"Erfundene Kategorie 1"'
        ],
    ),
    "a translation of another edition": (
        "de",
        {
            "Skills": {
                f"J{row}": f"https://sfia-online.org/de/skillcode/8/X{row}" for row in range(2, 7)
            },
            "Attributes": {f"I{row}": None for row in range(2, 5)},
            "Levels": {f"{column}4": None for column in "BCDEFGH"},
        },
        [
            "Skills row 2, column J: says SFIA 8, but the database's content is SFIA 9: import "
            "the English workbook of this edition first"
        ],
    ),
}


@pytest.mark.parametrize("case", BAD_CELLS)
def test_a_bad_cell_refuses_the_whole_workbook(tmp_path, content, case):
    language, changes, expected = BAD_CELLS[case]
    path = workbook(tmp_path, language, name="sfia-9.xlsx", changes=changes)

    lines = refused(path, language=language)

    assert lines == [f"{path}: {line}" for line in expected]
    assert content_snapshot() == content


def test_every_problem_is_reported_in_the_sheets_order(tmp_path, content):
    path = workbook(
        tmp_path,
        name="sfia-9.xlsx",
        changes={
            "Levels": {"B2": None},
            "Attributes": {"H2": "bad"},
            "Skills": {"S6": None, "I3": "XAAA"},
        },
    )

    lines = refused(path)

    assert [line.split(": ")[1] for line in lines] == [
        "Skills row 3, column I",
        "Skills row 6, column S",
        "Attributes row 2, column H",
        "Levels row 2, column B",
    ]
    assert content_snapshot() == content


def test_a_file_that_is_not_a_workbook(tmp_path, content):
    path = tmp_path / "sfia-9.xlsx"
    path.write_text("Code,Skill\n")
    assert refused(path) == [f"{path}: is not an .xlsx workbook (it is not even a zip file)"]


def test_a_zip_that_is_not_a_workbook(tmp_path, content):
    path = tmp_path / "sfia-9.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "hello")

    (line,) = refused(path)

    assert line.startswith(f"{path}: cannot be read as an .xlsx workbook: ")
    assert content_snapshot() == content


def test_a_file_of_another_kind_a_missing_one_and_a_second_sheet(tmp_path, content):
    other = tmp_path / "sfia-9.xls"
    other.write_bytes(b"\xd0\xcf\x11\xe0")
    first = workbook(tmp_path)
    second = write_csv_files(tmp_path, {"Levels": sheets()["Levels"]})[0]

    lines = refused(other, tmp_path / "nowhere.xlsx", first, second)

    assert lines == [
        f"{second}: Levels: a second Levels sheet (the first is in {first})",
        f"{tmp_path / 'nowhere.xlsx'}: cannot be read: No such file or directory",
        f"{other}: is neither an .xlsx workbook nor a .csv file exported from one of its sheets",
    ]
    assert content_snapshot() == content


def test_a_required_sheet_missing(tmp_path, content):
    book = sheets()
    del book["Levels"]
    path = write_workbook(tmp_path / "sfia-9.xlsx", book)

    assert refused(path) == [f'{path}: has no sheet "Levels" (its sheets: Skills, Attributes)']


def test_a_csv_that_is_no_sheet_of_the_workbook(tmp_path, content):
    path = tmp_path / "other.csv"
    path.write_text("Foo,Bar\n1,2\n", encoding="utf-8")
    latin = tmp_path / "latin.csv"
    latin.write_bytes("#,Levels\n1,\xe9\n".encode("latin-1"))

    assert refused(path, latin) == [
        f"{latin}: is not UTF-8 text (byte 0xe9 on line 2 cannot be decoded)",
        f"{path}: is none of the workbook's sheets: its first header is \"Foo\", a sheet's is "
        '"#" (Skills), "Levels" (Attributes), "Level" (Levels)',
    ]


def test_a_bad_csv_cell_is_located_as_in_its_sheet(tmp_path, content):
    book = set_cells(sheets(), "Skills", S6=None)
    skills_csv = write_csv_files(tmp_path, {"Skills": book["Skills"]})[0]

    assert refused(skills_csv) == [
        f"{skills_csv}: Skills row 6, column S: level 4 is marked but has no description"
    ]


def test_an_sfia_8_sheet_is_located_by_its_own_columns(tmp_path, content):
    # Without the URL column, the level 4 description is in column R.
    path = workbook(tmp_path, edition=8, changes={"Skills": {"R6": None}})

    assert refused(path) == [
        f"{path}: Skills row 6, column R: level 4 is marked but has no description"
    ]


def test_an_english_import_without_levels_into_an_empty_database(tmp_path):
    path = write_csv_files(tmp_path, {"Skills": sheets()["Skills"]})[0]

    assert refused(path) == [
        f"{path}: has no Levels sheet, and the database has no levels of responsibility yet: "
        "import the Levels sheet too"
    ]


def test_a_translation_into_an_empty_database_creates_nothing(tmp_path):
    path = workbook(tmp_path, "de")

    lines = refused(path, language="de")

    assert (
        f"{path}: Skills row 2, column I: XAAA: the database has no such skill (another "
        in (lines[0])
    )
    assert len(lines) == 5 + 3 + 7  # each skill, each attribute, each level
    assert all(not rows for rows in content_snapshot().values())


def test_the_command_exits_non_zero_with_the_lines_and_no_traceback(tmp_path):
    path = workbook(tmp_path, name="sfia-9.xlsx", changes={"Skills": {"S6": None}})
    result = manage(BARE_COMMAND_ENV, "import_spreadsheet", str(path), check=False)

    assert result.returncode == 1
    assert result.stderr == (
        "CommandError: Nothing imported.\n"
        f"{path}: Skills row 6, column S: level 4 is marked but has no description\n"
    )
    assert "Traceback" not in result.stderr


@pytest.fixture
def unparsed(monkeypatch):
    """openpyxl made unable to open a workbook: a test that passes refused the file unparsed."""

    def not_parsed(*args, **kwargs):
        raise AssertionError("the workbook was parsed")

    monkeypatch.setattr("openpyxl.load_workbook", not_parsed)


def bombed(tmp_path, member, size):
    """The synthetic workbook with `member` added, `size` bytes of one letter: a few dozen KB
    that unpack to `size`."""
    path = workbook(tmp_path, name="sfia-9.xlsx")
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(member, "a" * size)
    return path


@pytest.mark.parametrize(
    ("member", "megabytes"), [("xl/sharedStrings2.xml", 17), ("xl/worksheets/sheet9.xml", 120)]
)
def test_a_workbook_that_unpacks_to_more_than_a_workbook_can_need_is_refused_unread(
    tmp_path, content, unparsed, member, megabytes
):
    """A 364 KB file unpacking to 121 MB took 42 s of CPU to refuse; one with 102 MB of shared
    strings took 41 s and 660 MB, and was imported. The zip's directory says it at once."""
    path = bombed(tmp_path, member, megabytes * 2**20)
    assert path.stat().st_size < 200 * 1024

    (line,) = refused(path)

    assert line == (
        f"{path}: unpacks to {megabytes} MB ({member} alone: {megabytes} MB), more than the "
        "16 MB a workbook of SFIA can need: it is not read"
    )
    assert content_snapshot() == content


def test_a_workbook_of_hundreds_of_files_is_refused_unread(tmp_path, content):
    path = workbook(tmp_path, name="sfia-9.xlsx")
    with zipfile.ZipFile(path, "a") as archive:
        for number in range(100):
            archive.writestr(f"xl/media/image{number}.png", b"")

    (line,) = refused(path)

    assert line == f"{path}: holds 111 files: an .xlsx workbook holds a few dozen at most"
    assert content_snapshot() == content


def test_a_part_that_packs_like_a_bomb_is_refused_unread(tmp_path, content, unparsed):
    """Under 16 MB unpacked, the same shapes still cost seconds: a million shared strings of a
    few letters, packed 400 times, took 7.7 s to import. Real XML packs 5 to 20 times."""
    path = with_shared_strings(workbook(tmp_path, name="sfia-9.xlsx"), ["a"] * 150_000)
    with zipfile.ZipFile(path) as archive:
        part = archive.getinfo("xl/sharedStrings.xml")
    assert path.stat().st_size < 50 * 1024

    assert refused(path) == [
        f"{path}: xl/sharedStrings.xml unpacks to {part.file_size / 2**20:.1f} MB from "
        f"{part.compress_size // 1024} KB, {part.file_size / part.compress_size:.0f} times: a "
        "workbook's parts pack less than 100 times, so it is not read"
    ]
    assert content_snapshot() == content


def test_a_part_read_whole_that_is_bigger_than_such_a_part_needs_is_refused_unread(
    tmp_path, content, unparsed
):
    """openpyxl reads the styles whole: 12 MB of cell formats, packing like real XML, took
    6.7 s and 440 MB."""
    path = workbook(tmp_path, name="sfia-9.xlsx")
    parts = parts_of(path)
    formats = "".join(
        f'<xf numFmtId="{number % 164}" fontId="0" fillId="0" borderId="0" xfId="{number}"/>'
        for number in range(40_000)
    )
    parts["xl/styles.xml"] = parts["xl/styles.xml"].replace(
        b"</cellXfs>", formats.encode() + b"</cellXfs>"
    )
    size = len(parts["xl/styles.xml"])
    rewritten(path, parts)

    assert refused(path) == [
        f"{path}: xl/styles.xml unpacks to {size / 2**20:.1f} MB, more than the 2.0 MB such a "
        "part of a workbook needs: it is not read"
    ]
    assert content_snapshot() == content


def test_a_row_of_more_cells_than_any_sheet_has_is_refused_unread(tmp_path, content, unparsed):
    """openpyxl builds a whole row before it hands over its first columns: a row of 500,000
    cells (1.3 MB) took 4.3 s and 430 MB."""
    wide = {f"{get_column_letter(number)}9": number for number in range(1, 301)}
    path = workbook(tmp_path, name="sfia-9.xlsx", changes={"Skills": wide})

    assert refused(path) == [
        f"{path}: Skills row 9: has more than 256 cells: the workbook's widest sheet has 22 columns"
    ]
    assert content_snapshot() == content


def test_a_sheet_of_more_rows_than_the_workbook_is_refused_unread(tmp_path, content, unparsed):
    """5,000 rows of skills, a few hundred KB, took 75 s to import; SFIA has 147."""
    path = workbook(tmp_path, name="sfia-9.xlsx", changes={"Attributes": {"A501": "x"}})

    assert refused(path) == [
        f"{path}: Attributes: has a row 501: more than 500 rows, it is not the workbook"
    ]
    assert content_snapshot() == content


def test_more_shared_strings_than_a_workbook_has_are_refused_unread(tmp_path, content, unparsed):
    """600,000 different shared strings (packed 3.5 times, 4 MB) took 7 s to import."""
    numbers = [f"text {number}" for number in range(100_001)]
    path = with_shared_strings(workbook(tmp_path, name="sfia-9.xlsx"), numbers)

    assert refused(path) == [
        f"{path}: has more than 100,000 different texts (shared strings): the workbook has a "
        "few thousand"
    ]
    assert content_snapshot() == content


def test_a_part_that_declares_a_dtd_is_refused_unread(tmp_path, content, unparsed):
    path = workbook(tmp_path, name="sfia-9.xlsx")
    parts = parts_of(path)
    parts["xl/worksheets/sheet1.xml"] = (
        b'<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaa">]>' + parts["xl/worksheets/sheet1.xml"]
    )
    rewritten(path, parts)

    assert refused(path) == [
        f"{path}: cannot be read as an .xlsx workbook: a part declares a DTD, which no workbook has"
    ]
    assert content_snapshot() == content


def test_text_one_shared_string_repeats_past_what_a_workbook_holds_is_refused_as_read(
    tmp_path, content
):
    """499 rows whose every text was one shared 9,999-character string, a 38 KB file, took
    25 s and 460 MB to import, and put 40 M characters into the database (4,999 rows: 268 s,
    2.2 GB, a 2.4 GB database)."""
    # A cell holds at most 32,767 characters (Excel's limit, and openpyxl's): eight of 12,500
    # are 100,000 a row.
    long_text = ("Invented words for a test, " * 500)[:12_500]
    texts = {f"{column}{row}": long_text for row in range(2, 100) for column in "NOPQRSTU"}
    path = with_shared_strings(workbook(tmp_path, name="sfia-9.xlsx", changes={"Skills": texts}))
    assert path.stat().st_size < 50 * 1024

    # Rows 2 to 40 hold 3.9 M characters, and the headers, codes and names far less than
    # 100,000: row 41 is the one that passes 4 M.
    assert refused(path) == [
        f"{path}: Skills row 41: brings the file's text past 4,000,000 characters (SFIA's "
        "whole workbook has well under a million): it is not read further"
    ]
    assert content_snapshot() == content


def test_a_csv_row_of_more_cells_than_any_sheet_has_is_refused(tmp_path, content):
    path = write_csv_files(tmp_path, {"Skills": sheets()["Skills"] + [[""] * 6000]})[0]

    assert refused(path) == [
        f"{path}: row 7 has 6000 cells, more than 256: the workbook's widest sheet has 22 columns"
    ]
    assert content_snapshot() == content


def test_a_csv_of_more_commas_than_a_sheet_could_hold_is_refused_unread(tmp_path, content):
    """16 MB of commas are one row of 16 M cells, which Python's csv module builds whole before
    its width can be seen: 0.7 s and 420 MB."""
    path = tmp_path / "skills.csv"
    path.write_text("#,Levels\n" + "," * 5_000_000 + "\n", encoding="utf-8")

    assert refused(path) == [
        f"{path}: holds 5,000,001 commas, more than a sheet of 500 rows of 256 cells and "
        "4,000,000 characters of text could"
    ]
    assert content_snapshot() == content


def test_a_large_picture_in_a_workbook_is_no_bomb(tmp_path, content):
    """openpyxl leaves pictures unread: a 3 MB logo costs nothing, and is not refused as the
    XML parts over 2 MB are."""
    path = workbook(tmp_path, name="sfia-9.xlsx")
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("xl/media/image1.png", os.urandom(3 * 2**20))

    assert "Skills, 5 skills" in import_spreadsheet(path)
