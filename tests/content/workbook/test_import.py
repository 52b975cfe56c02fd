"""`manage.py import_spreadsheet`: the official workbook into the database, English first,
then its translations; merged three ways like import_sources, idempotent, telling what it
did."""

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from reversion.models import Revision, Version

from skills.content.synthetic_workbook import (
    SAMPLE_ATTRIBUTES,
    SAMPLE_SKILLS,
    attribute_texts,
    level_texts,
    skill_texts,
    write_csv_files,
)
from skills.framework.languages import LANGUAGE_CODES
from skills.framework.models import (
    AttributeGroup,
    AttributeLevel,
    Category,
    Edition,
    GenericAttribute,
    ResponsibilityLevel,
    Skill,
    SkillLevel,
    Subcategory,
)
from tests.conftest import content_snapshot
from tests.content.workbook.books import (
    empty_the_database,
    import_spreadsheet,
    open_admin_form,
    sheets,
    workbook,
)

pytestmark = pytest.mark.django_db

TRANSLATED_FIELDS = ("name", "description", "guidance_intro", "guidance_notes")


def stored(instance, field, language):
    return getattr(instance, f"{field}_{language}")


def assert_skill_as_in_the_workbook(skill, language):
    """Every text of `skill`'s row in `language` is in the database as the row says."""
    texts = skill_texts(skill, language)
    instance = Skill.objects.get(code=skill.code)
    for field in TRANSLATED_FIELDS:
        if texts[field] is not None or language == "en":
            assert stored(instance, field, language) == texts[field], (skill.code, field)
    levels = {level.level_id: level for level in instance.levels.all()}
    assert sorted(levels) == [1, 2, 3, 4, 5, 6, 7]
    assert {n for n, level in levels.items() if level.defined} == set(skill.defined)
    for number, text in texts["levels"].items():
        assert stored(levels[number], "description", language) == text


def test_english_brings_in_skills_attributes_levels_and_the_edition(tmp_path):
    import_spreadsheet(workbook(tmp_path))

    for skill in SAMPLE_SKILLS:
        assert_skill_as_in_the_workbook(skill, "en")
    xaaa = Skill.objects.get(code="XAAA")
    for language in LANGUAGE_CODES[1:]:
        assert all(stored(xaaa, field, language) is None for field in TRANSLATED_FIELDS)
    # \r\n became \n; U+00A0 and U+2019 are kept; the guidance is an intro and a list.
    assert xaaa.description_en == (
        "Describes XAAA: first sentence.\nDescribes XAAA: second\u00a0sentence, it’s here."
    )
    assert xaaa.guidance_intro_en == "Describes XAAA: a line of prose.\nActivities may include:"
    assert xaaa.guidance_notes_en.split("\n") == [
        f"Performs task XAAA #{n} – with\u00a0’" for n in (1, 2, 3)
    ]
    for attribute in SAMPLE_ATTRIBUTES:
        texts = attribute_texts(attribute, "en")
        instance = GenericAttribute.objects.get(code=attribute.code)
        for field in TRANSLATED_FIELDS:
            assert stored(instance, field, "en") == texts[field]
        assert instance.group.name_en == texts["type"]
        levels = AttributeLevel.objects.filter(attribute=instance)
        assert {level.level_id for level in levels if level.defined} == set(attribute.defined)
        for level in levels:
            assert level.description_en == texts["levels"].get(level.level_id)
    for level in ResponsibilityLevel.objects.all():
        assert level.guiding_phrase_en == level_texts(level.number, "en")["guiding_phrase"]
        assert level.essence_en == level_texts(level.number, "en")["essence"]
        assert level.guiding_phrase_de is None
    assert Edition.objects.get(pk=1).name == "SFIA 9"


def test_a_skill_at_level_1_only_one_at_6_and_7_only_and_one_without_guidance(tmp_path):
    import_spreadsheet(workbook(tmp_path))

    def defined(code):
        return list(
            SkillLevel.objects.filter(skill__code=code, defined=True).values_list(
                "level", flat=True
            )
        )

    assert defined("XAAA") == [1]
    assert defined("XAAB") == [6, 7]
    xaac = Skill.objects.get(code="XAAC")
    assert (xaac.guidance_intro_en, xaac.guidance_notes_en) == (None, None)
    # Undefined levels are there too, with no text.
    assert SkillLevel.objects.get(skill__code="XAAB", level=1).description_en is None


def test_unknown_categories_and_groups_are_created_after_the_known_ones(tmp_path):
    call_command("load_content", stdout=io.StringIO())
    known = {category.slug: category.position for category in Category.objects.all()}
    slmo = content_snapshot()["Skill"][("SLMO",)]

    import_spreadsheet(workbook(tmp_path))

    created = Category.objects.exclude(slug__in=known).order_by("position")
    assert [(c.slug, c.position, c.name_en) for c in created] == [
        (f"invented-category-{n}", max(known.values()) + n, f"Invented category {n}")
        for n in (1, 2, 3)
    ]
    assert all(c.name_de is None and c.name_ar is None for c in created)
    assert {c.slug: c.position for c in Category.objects.filter(slug__in=known)} == known
    subcategories = Subcategory.objects.filter(category__slug="invented-category-1")
    assert [(s.slug, s.position, s.name_en) for s in subcategories] == [
        ("invented-subcategory-1-1", 1, "Invented subcategory 1.1"),
        ("invented-subcategory-1-2", 2, "Invented subcategory 1.2"),
    ]
    assert Skill.objects.get(code="XAAD").subcategory.slug == "invented-subcategory-1-2"
    groups = AttributeGroup.objects.all()
    assert [(g.slug, g.position, g.name_en) for g in groups] == [
        ("invented-attributes", 1, "Invented attributes"),
        ("invented-factors", 2, "Invented factors"),
    ]
    assert [(a.code, a.group.slug, a.position) for a in GenericAttribute.objects.all()] == [
        ("YAAA", "invented-attributes", 1),
        ("YAAB", "invented-factors", 1),
        ("YAAC", "invented-factors", 2),
    ]
    # A skill the workbook doesn't have is left as it is.
    assert content_snapshot()["Skill"][("SLMO",)] == slmo


def test_the_report_says_what_was_added_per_object_and_language_and_each_sheet(tmp_path):
    path = workbook(tmp_path)

    lines = import_spreadsheet(path).splitlines()

    assert lines[:3] == [
        f"{path}: Levels, 7 levels",
        f"{path}: Skills, 5 skills",
        f"{path}: Attributes, 3 attributes",
    ]
    assert "Categories added: 3" in lines
    assert "Edition added: 1" in lines
    assert "Levels of responsibility added: 7" in lines
    assert "XAAB added in en" in lines
    # Skills added, skills changed, levels added, levels changed.
    assert "  en: 5, 0, 14, 0" in lines
    assert "Skills: 5 added, 0 changed, 0 unchanged." in lines
    assert "  en: 3, 0, 20, 0" in lines
    assert lines[-1] == "Attributes: 3 added, 0 changed, 0 unchanged."


def test_a_second_run_changes_nothing_and_makes_no_revision(tmp_path):
    path = workbook(tmp_path)
    import_spreadsheet(path)
    before = content_snapshot()

    output = import_spreadsheet(path)

    assert content_snapshot() == before
    assert output.splitlines()[3:] == [
        "Skills: 0 added, 0 changed, 5 unchanged.",
        "Attributes: 0 added, 0 changed, 3 unchanged.",
    ]
    assert [json.loads(revision.comment) for revision in Revision.objects.all()] == [
        [{"imported": {"files": [Path(path).name]}}]
    ]


def test_an_import_is_one_revision_and_a_skill_history_shows_its_levels(tmp_path):
    import_spreadsheet(workbook(tmp_path))
    changed = workbook(
        tmp_path, name="changed.xlsx", changes={"Skills": {"P2": "Reworded at level 1."}}
    )

    output = import_spreadsheet(changed)

    assert "XAAA changed — en: level 1" in output
    assert json.loads(Revision.objects.order_by("pk").last().comment) == [
        {"imported": {"files": ["changed.xlsx"]}}
    ]
    assert Revision.objects.count() == 2
    assert Version.objects.get_for_object(Skill.objects.get(code="XAAA")).count() == 2
    assert Version.objects.get_for_object(Skill.objects.get(code="XAAB")).count() == 1


def all_but_german(snapshot):
    """`snapshot` without the German columns and the records of the German translations."""
    return {
        model: {key: without_german(row) for key, row in rows.items()}
        for model, rows in snapshot.items()
    }


def without_german(row):
    kept = {name: value for name, value in row.items() if not name.endswith("_de")}
    if "translation_state" in kept:
        kept["translation_state"] = {
            language: records
            for language, records in kept["translation_state"].items()
            if language != "de"
        }
    return kept


def test_a_translation_fills_only_its_language_and_its_empty_cells_leave_texts_alone(
    tmp_path,
):
    import_spreadsheet(workbook(tmp_path))
    xaad = Skill.objects.get(code="XAAD")  # its German row has no description
    xaad.description_de = "Schon übersetzt."
    xaad.save()
    english = all_but_german(content_snapshot())

    output = import_spreadsheet(workbook(tmp_path, "de"), language="de")

    for skill in SAMPLE_SKILLS:
        assert_skill_as_in_the_workbook(skill, "de")
    assert Skill.objects.get(code="XAAD").description_de == "Schon übersetzt."
    # XAAC's German leaves its top level untranslated: still none.
    assert SkillLevel.objects.get(skill__code="XAAC", level=7).description_de is None
    assert "XAAD changed — de: name, guidance_intro, guidance_notes, level 5, level 6, level 7" in (
        output.splitlines()
    )
    assert Category.objects.get(slug="invented-category-1").name_de == "Erfundene Kategorie 1"
    assert (
        Subcategory.objects.get(slug="invented-subcategory-2-1").name_de
        == "Erfundene Unterkategorie 2.1"
    )
    assert AttributeGroup.objects.get(slug="invented-factors").name_de == "Erfundene Faktoren"
    level = ResponsibilityLevel.objects.get(number=4)
    assert (level.guiding_phrase_de, level.essence_de) == (
        "Erfundene Leitphrase 4",
        "Erfundener Kern der Ebene 4.\nA second\u00a0line, it’s there.",
    )
    yaab = GenericAttribute.objects.get(code="YAAB")
    assert yaab.name_de == "Erfundenes Merkmal YAAB"
    assert yaab.levels.get(level=3).description_de == "Beschreibt YAAB at level 3.\nIt’s\u00a0so."
    # Every other column, English's and the other languages' (and their records), is as it was.
    assert all_but_german(content_snapshot()) == english


def test_a_translation_run_twice_changes_nothing(tmp_path):
    import_spreadsheet(workbook(tmp_path))
    german = workbook(tmp_path, "de")
    import_spreadsheet(german, language="de")
    before = content_snapshot()

    output = import_spreadsheet(german, language="de")

    assert content_snapshot() == before
    assert "Skills: 0 added, 0 changed, 5 unchanged." in output


def test_every_language_in_turn(tmp_path):
    import_spreadsheet(workbook(tmp_path))
    for language in LANGUAGE_CODES[1:]:
        import_spreadsheet(workbook(tmp_path, language), language=language)

    for language in LANGUAGE_CODES:
        for skill in SAMPLE_SKILLS:
            assert_skill_as_in_the_workbook(skill, language)
    assert Skill.objects.get(code="XAAA").name_ar == "مهارة اصطناعية XAAA"


def test_the_csv_route_gives_what_the_workbook_gives(tmp_path):
    import_spreadsheet(workbook(tmp_path))
    import_spreadsheet(workbook(tmp_path, "ru"), language="ru")
    from_xlsx = content_snapshot()
    empty_the_database()
    english, russian = tmp_path / "en", tmp_path / "ru"
    english.mkdir()
    russian.mkdir()

    output = import_spreadsheet(*write_csv_files(english, sheets("en")))
    import_spreadsheet(*write_csv_files(russian, sheets("ru")), language="ru")

    assert content_snapshot() == from_xlsx
    assert f"{english / 'skills.csv'}: Skills, 5 skills" in output


def test_csv_files_of_some_sheets_only(tmp_path):
    import_spreadsheet(workbook(tmp_path))
    book = sheets("de")
    write_csv_files(tmp_path, {"Levels": book["Levels"]})

    output = import_spreadsheet(tmp_path / "levels.csv", language="de")

    assert "Levels of responsibility changed: 7" in output
    assert "Skills:" not in output
    assert ResponsibilityLevel.objects.get(number=1).guiding_phrase_de == "Erfundene Leitphrase 1"
    assert Skill.objects.get(code="XAAA").name_de is None


def test_an_sfia_8_workbook_has_no_url_column_and_says_sfia_8(tmp_path):
    import_spreadsheet(workbook(tmp_path, edition=8))

    assert Edition.objects.get(pk=1).name == "SFIA 8"
    for skill in SAMPLE_SKILLS:
        assert_skill_as_in_the_workbook(skill, "en")


def test_lines_lose_trailing_spaces_and_nothing_else(tmp_path):
    cell = "  Indented\u00a0start.  \r\nNext\u2019s line.\t\r\n\r\n\u202bمرحبا\u202c\r\n"
    import_spreadsheet(workbook(tmp_path, changes={"Skills": {"N2": cell}}))

    assert Skill.objects.get(code="XAAA").description_en == (
        "  Indented\u00a0start.\nNext\u2019s line.\n\u202bمرحبا\u202c"
    )


def test_excel_escapes_are_read_as_excel_means_them(tmp_path):
    # Excel stores a carriage return as _x000D_, and a literal "_x000D_" as "_x005F_x000D_".
    path = workbook(tmp_path, changes={"Skills": {"N2": "One.\r\nTwo _x0041_ stays."}})

    import_spreadsheet(path)

    assert Skill.objects.get(code="XAAA").description_en == "One.\nTwo _x0041_ stays."


# Three ways, as import_sources: what the last import wrote, the admin's now, the workbook's.


def test_an_edit_in_the_admin_is_kept_and_reported(tmp_path):
    import_spreadsheet(workbook(tmp_path))
    import_spreadsheet(workbook(tmp_path, "de"), language="de")
    level = SkillLevel.objects.get(skill__code="XAAA", level=1)
    level.description_de = "Vom Übersetzer verbessert."
    level.save()
    changed = workbook(
        tmp_path, "de", name="de-2.xlsx", changes={"Skills": {"P2": "Neu im Arbeitsbuch."}}
    )

    output = import_spreadsheet(changed, language="de")

    assert SkillLevel.objects.get(pk=level.pk).description_de == "Vom Übersetzer verbessert."
    assert (
        f"{changed}: Skills row 2, column P: XAAA level 1 [de]: changed in the admin since the "
        "last import; kept"
    ) in output.splitlines()
    assert (
        "Edits made in the admin: 1, of which 1 conflict with a change in the source (kept; "
        "--overwrite-edits replaces them)."
    ) in output

    import_spreadsheet(changed, language="de", overwrite_edits=True)

    assert SkillLevel.objects.get(pk=level.pk).description_de == "Neu im Arbeitsbuch."


def test_an_edit_unchanged_in_the_workbook_is_kept_and_the_rest_follows_it(tmp_path):
    path = workbook(tmp_path)
    import_spreadsheet(path)
    skill = Skill.objects.get(code="XAAB")
    skill.name_en = "Renamed in the admin"
    skill.save()
    changed = workbook(tmp_path, name="changed.xlsx", changes={"Skills": {"N3": "New text."}})

    output = import_spreadsheet(changed)

    skill.refresh_from_db()
    assert (skill.name_en, skill.description_en) == ("Renamed in the admin", "New text.")
    assert (
        f"{changed}: Skills row 3, column K: XAAB name [en]: changed in the admin, unchanged in "
        "the source; kept"
    ) in output.splitlines()


def test_a_change_by_an_import_makes_an_open_admin_form_stale(admin_client, tmp_path):
    import_spreadsheet(workbook(tmp_path))
    skill = Skill.objects.get(code="XAAE")
    url, fields = open_admin_form(admin_client, "skill", skill)
    # The import changes only a level's text: the skill's own row is as it was.
    import_spreadsheet(workbook(tmp_path, name="2.xlsx", changes={"Skills": {"S6": "Newer."}}))

    response = admin_client.post(url, {**fields, "name_de": "Meine Änderung"})

    assert response.status_code == 200
    assert "an import saved this on" in response.text
    assert Skill.objects.get(pk=skill.pk).name_de is None


def test_a_change_to_an_attribute_level_makes_an_open_attribute_form_stale(admin_client, tmp_path):
    import_spreadsheet(workbook(tmp_path))
    attribute = GenericAttribute.objects.get(code="YAAB")
    url, fields = open_admin_form(admin_client, "genericattribute", attribute)
    import_spreadsheet(
        workbook(tmp_path, name="2.xlsx", changes={"Attributes": {"P3": "Newer at 3."}})
    )

    response = admin_client.post(url, {**fields, "name_de": "Meine Änderung"})

    assert response.status_code == 200
    assert "an import saved this on" in response.text
    assert GenericAttribute.objects.get(pk=attribute.pk).name_de is None
    assert attribute.levels.get(level=3).description_en == "Newer at 3."
