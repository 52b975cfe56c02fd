"""`manage.py export_spreadsheet`: the content of one language in the official layout, which
import_spreadsheet reads back to the same content."""

import io

import openpyxl
import pytest
from django.core.management import CommandError, call_command

from skills.content.workbook.layout import ATTRIBUTES, SKILLS, header_row
from skills.framework.languages import LANGUAGE_CODES
from skills.framework.models import Skill, SkillLevel
from tests.conftest import content_snapshot
from tests.content.workbook.books import (
    empty_the_database,
    export_spreadsheet,
    import_spreadsheet,
    workbook,
)

pytestmark = pytest.mark.django_db


def cells(path, sheet):
    """The sheet's rows, each as wide as the widest."""
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        rows = [list(row) for row in book[sheet].iter_rows(values_only=True)]
    finally:
        book.close()
    width = max(map(len, rows))
    return [row + [None] * (width - len(row)) for row in rows]


def imported(tmp_path, languages):
    """The synthetic workbook imported in `languages`, English first."""
    for language in languages:
        import_spreadsheet(workbook(tmp_path, language), language=language)


def test_the_export_is_the_published_layout_in_its_language(tmp_path):
    imported(tmp_path, ["en", "de"])
    path = tmp_path / "export-de.xlsx"

    output = export_spreadsheet(path, "de")

    assert output == f"Wrote {path} [de]: 5 skills, 3 attributes, 7 levels of responsibility.\n"
    assert openpyxl.load_workbook(path, read_only=True).sheetnames == [
        "Skills",
        "Attributes",
        "Levels",
    ]
    skills = cells(path, "Skills")
    assert skills[0] == header_row(SKILLS)
    assert skills[1] == [
        1,
        1,
        *[None] * 6,
        "XAAA",
        "https://sfia-online.org/de/skillcode/9/XAAA",
        "Synthetische Fähigkeit XAAA",
        "Erfundene Kategorie 1",
        "Erfundene Unterkategorie 1.1",
        "Beschreibt XAAA: first sentence.\nBeschreibt XAAA: second\u00a0sentence, it’s here.",
        "Beschreibt XAAA: a line of prose.\nZu den Aktivitäten gehören:\n\n"
        + "\n".join(f"Führt Aufgabe XAAA #{n} – with\u00a0’" for n in (1, 2, 3)),
        "Führt Aufgabe XAAA L1 s1.\nFührt Aufgabe XAAA L1 s2\u00a0end.",
        *[None] * 6,
    ]
    # Not translated: empty, never the English. XAAD's German has no description, XAAC's no
    # text at its top level, and neither has guidance notes.
    keys = [column.key for column in SKILLS.columns]
    by_code = {row[keys.index("code")]: row for row in skills[1:]}
    xaac, xaad = by_code["XAAC"], by_code["XAAD"]
    assert xaad[keys.index("description")] is None
    assert xaad[keys.index("guidance")] is not None
    assert xaac[keys.index("level 7")] is None
    assert xaac[keys.index("level 6")] is not None
    assert cells(path, "Attributes")[0] == header_row(ATTRIBUTES)
    assert cells(path, "Levels") == [
        ["Level", 1, 2, 3, 4, 5, 6, 7],
        ["Guiding phrase", *(f"Erfundene Leitphrase {n}" for n in range(1, 8))],
        [
            "Essence of the level",
            *(
                f"Erfundener Kern der Ebene {n}.\nA second\u00a0line, it’s there."
                for n in range(1, 8)
            ),
        ],
        ["URL", *(f"https://sfia-online.org/de/lor/9/{n}" for n in range(1, 8))],
    ]


def test_a_language_with_no_translation_exports_empty_texts(tmp_path):
    imported(tmp_path, ["en"])
    path = tmp_path / "export-ar.xlsx"

    export_spreadsheet(path, "ar")

    row = cells(path, "Skills")[1]
    assert row[8] == "XAAA" and row[1] == 1  # the code and the marks are the structure
    assert row[10:] == [None] * 12


@pytest.mark.parametrize("languages", [("en", "de"), LANGUAGE_CODES], ids=["en+de", "all"])
def test_exports_imported_into_an_empty_database_give_the_same_content(tmp_path, languages):
    imported(tmp_path, languages)
    before = content_snapshot()
    exports = []
    for language in languages:
        exports.append(tmp_path / f"export-{language}.xlsx")
        export_spreadsheet(exports[-1], language)
    empty_the_database()

    for language, path in zip(languages, exports, strict=True):
        import_spreadsheet(path, language=language)

    assert content_snapshot() == before
    assert before["Skill"][("XAAA",)]["name_de"] == "Synthetische Fähigkeit XAAA"


# What the workbook has no place for: a skill's responsibility and development notes, and a
# level's note where the skill is not defined (the German, Russian and Italian SLMO have them).
NOT_IN_THE_WORKBOOK = ("responsibility_notes_", "development_notes_")


def what_the_workbook_carries(snapshot):
    skills = {
        key: {
            name: value for name, value in row.items() if not name.startswith(NOT_IN_THE_WORKBOOK)
        }
        for key, row in snapshot["Skill"].items()
    }
    levels = {key: row for key, row in snapshot["SkillLevel"].items() if row["defined"]}
    used = {row["subcategory"] for row in skills.values()}
    subcategories = {
        key: {name: value for name, value in row.items() if name != "position"}
        for key, row in snapshot["Subcategory"].items()
        if key in used
    }
    categories = {
        key: {name: value for name, value in row.items() if name != "position"}
        for key, row in snapshot["Category"].items()
        if key in {(category,) for category, _ in used}
    }
    return {
        "Edition": snapshot["Edition"],
        "ResponsibilityLevel": snapshot["ResponsibilityLevel"],
        "Category": categories,
        "Subcategory": subcategories,
        "Skill": skills,
        "SkillLevel": levels,
    }


def test_the_source_texts_content_survives_a_round_trip_in_what_the_workbook_carries(tmp_path):
    call_command("load_content", stdout=io.StringIO())
    before = content_snapshot()
    outputs = {}
    for language in LANGUAGE_CODES:
        outputs[language] = export_spreadsheet(tmp_path / f"{language}.xlsx", language)
    empty_the_database()

    for language in LANGUAGE_CODES:
        import_spreadsheet(tmp_path / f"{language}.xlsx", language=language)

    assert what_the_workbook_carries(content_snapshot()) == what_the_workbook_carries(before)
    # SLMO's guidance: an intro and a list, as the source texts give it.
    slmo = Skill.objects.get(code="SLMO")
    assert slmo.guidance_intro_en == "Activities may include, but are not limited to:"
    assert len(slmo.guidance_notes_ru.split("\n")) == len(
        before["Skill"][("SLMO",)]["guidance_notes_ru"].split("\n")
    )
    # And the export said what it left out.
    assert (
        "Left out, as the workbook has no place for them: 1 skills' development notes."
        in (outputs["ar"])
    )
    assert (
        "Left out, as the workbook has no place for them: 1 skill level texts where the skill "
        "is not defined."
    ) in outputs["de"]


def test_a_text_that_looks_like_a_formula_stays_text(tmp_path):
    imported(tmp_path, ["en"])
    Skill.objects.filter(code="XAAA").update(description_en='=HYPERLINK("x")', name_en="_x0041_")
    path = tmp_path / "export.xlsx"

    export_spreadsheet(path, "en")

    book = openpyxl.load_workbook(path)
    cell = book["Skills"]["N2"]
    assert (cell.value, cell.data_type) == ('=HYPERLINK("x")', "s")
    before = content_snapshot()
    import_spreadsheet(path)
    assert content_snapshot() == before
    assert Skill.objects.get(code="XAAA").name_en == "_x0041_"


def test_the_export_needs_an_xlsx_name_and_a_writable_place(tmp_path):
    with pytest.raises(CommandError, match=r"export.csv: the workbook's name must end in \.xlsx"):
        export_spreadsheet(tmp_path / "export.csv", "en")
    with pytest.raises(CommandError, match="nowhere/export.xlsx: cannot be written: No such file"):
        export_spreadsheet(tmp_path / "nowhere" / "export.xlsx", "en")


def test_an_undefined_level_keeps_its_note_in_the_database(tmp_path):
    # The note is left out of the export, not out of the database.
    call_command("load_content", stdout=io.StringIO())
    note = SkillLevel.objects.get(skill__code="SLMO", level=1).description_de
    export_spreadsheet(tmp_path / "de.xlsx", "de")
    import_spreadsheet(tmp_path / "de.xlsx", language="de")

    assert SkillLevel.objects.get(skill__code="SLMO", level=1).description_de == note
