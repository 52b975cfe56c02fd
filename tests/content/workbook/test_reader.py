"""The workbook's reader and layout on their own (pure Python, no database): guidance notes
split as the source texts split them, cells read as Excel meant them, and any cell at all
either read or refused with a located error."""

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skills.content.synthetic_workbook import write_workbook
from skills.content.workbook.cells import escape, lines_of, unescape
from skills.content.workbook.errors import WorkbookErrors
from skills.content.workbook.layout import SKILLS, column_letter, join_guidance, split_guidance
from skills.content.workbook.reader import read_workbook
from tests.content.workbook.books import set_cells, sheets, workbook


def guidance(cell):
    return split_guidance(lines_of(cell))


def test_the_guidance_notes_as_published_are_an_intro_and_a_list():
    cell = "Prose first.\r\nActivities may include, but are not limited to:\r\n\r\none\r\ntwo\r\n"
    assert guidance(cell) == (
        ["Prose first.", "Activities may include, but are not limited to:"],
        ["one", "two"],
    )


def test_the_lead_in_is_the_line_ending_with_a_colon_that_a_blank_line_follows():
    cell = "Two parts:\nfirst part.\nActivities:\n\none: the first\ntwo"
    assert guidance(cell) == (
        ["Two parts:", "first part.", "Activities:"],
        ["one: the first", "two"],
    )


def test_without_a_blank_line_the_first_line_ending_with_a_colon_leads_in():
    assert guidance("Activities may include:\none\ntwo") == (
        ["Activities may include:"],
        ["one", "two"],
    )
    assert guidance("Zu den Aktivitäten gehören：\neins") == (
        ["Zu den Aktivitäten gehören："],
        ["eins"],
    )


def test_guidance_without_a_lead_in_is_prose():
    assert guidance("A paragraph.\n\nAnother paragraph.") == (
        ["A paragraph.", "Another paragraph."],
        [],
    )
    assert guidance("") == ([], [])


line = (
    st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1)
    .map(lambda text: text.strip(" \t"))
    .filter(bool)
)


@settings(max_examples=200, deadline=None)
@given(
    # Prose before the lead-in does not itself end in a colon: the workbook marks no list, so
    # the first line ending in one is where the items begin (the format can't say otherwise).
    st.lists(line.filter(lambda text: not text.endswith(":")), min_size=1, max_size=4),
    st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), max_size=30),
    st.lists(line, max_size=5),
)
def test_an_intro_ending_in_a_lead_in_and_its_items_read_back_as_written(intro, lead_in, items):
    intro = [*intro, lead_in.strip(" \t") + ":"]
    assert split_guidance(lines_of(join_guidance(intro, items))) == (intro, items)


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",))))
def test_excel_escapes_read_back_as_written(text):
    assert unescape(escape(text)) == text
    assert "\r" not in escape(text)


def test_column_letters():
    assert [column_letter(i) for i in (0, 18, 21, 25, 26, 27)] == ["A", "S", "V", "Z", "AA", "AB"]
    assert SKILLS.letter("level 4") == "S"


def test_the_reader_gives_each_row_as_the_workbook_has_it(tmp_path):
    book = read_workbook([workbook(tmp_path)])

    assert book.edition.name == "SFIA 9"
    assert [entry.code for entry in book.skills] == ["XAAA", "XAAB", "XAAC", "XAAD", "XAAE"]
    xaab = book.skills[1]
    assert (xaab.row, xaab.defined, sorted(xaab.levels)) == (3, frozenset({6, 7}), [6, 7])
    assert xaab.placement == ("Invented category 2", "Invented subcategory 2.2")
    assert [level.number for level in book.levels] == [1, 2, 3, 4, 5, 6, 7]
    assert book.attributes[0].placement == ("Invented attributes",)


# Any value in any cell: a number, a date, a truth value, text with any character.
cell_values = st.one_of(
    st.none(),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=40),
    st.integers(-10, 10),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.datetimes(min_value=datetime.datetime(1900, 3, 1)),
)
coordinates = st.tuples(
    st.sampled_from(["Skills", "Attributes", "Levels"]),
    st.integers(0, 25).map(column_letter),
    st.integers(1, 8),
)


@pytest.mark.parametrize("language", ["en", "de"])
@settings(max_examples=40, deadline=None)
@given(changes=st.lists(st.tuples(coordinates, cell_values), min_size=1, max_size=4))
def test_any_cell_is_read_or_refused_with_its_place(tmp_path_factory, language, changes):
    book = sheets(language)
    for (sheet, column, row), value in changes:
        set_cells(book, sheet, **{f"{column}{row}": value})
    path = write_workbook(tmp_path_factory.mktemp("any") / "sfia.xlsx", book)
    try:
        read_workbook([path], language)
    except WorkbookErrors as errors:
        assert errors.errors
        assert all(str(error).startswith(f"{path}: ") for error in errors.errors)


def test_a_levels_sheet_without_its_url_row_and_with_empty_rows_after_it(tmp_path):
    book = sheets(edition=8)
    book["Levels"] = [*book["Levels"][:3], [None] * 8, [None, None]]
    path = write_workbook(tmp_path / "sfia-8.xlsx", book)

    levels = read_workbook([path]).levels

    assert [(level.number, level.guiding_phrase) for level in levels] == [
        (number, f"Invented phrase {number}") for number in range(1, 8)
    ]
