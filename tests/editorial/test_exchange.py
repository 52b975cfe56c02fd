"""Exchange files (editorial/exchange.py): a language's texts written as gettext PO for a CAT
tool, read back here with polib, as Poedit or Weblate would read them."""

import polib
import pytest
from django.core.management import CommandError, call_command

from skills.framework.models import AttributeLevel, Category, Skill, SkillLevel

pytestmark = pytest.mark.django_db


def exported(tmp_path, *args):
    path = tmp_path / "de.po"
    call_command("export_translations", *args, str(path))
    return polib.pofile(str(path))


def entry(catalogue, unit_id):
    (found,) = [each for each in catalogue if each.msgctxt == unit_id]
    return found


def test_each_text_is_a_unit_with_its_stable_id_english_and_translation(content, tmp_path):
    catalogue = exported(tmp_path, "--language", "de")
    assert catalogue.metadata["Language"] == "de"
    slmo = Skill.objects.get(code="SLMO")
    name = entry(catalogue, "skill/SLMO/name")
    assert (name.msgid, name.msgstr) == (slmo.name_en, "Service-Level-Management")
    level = SkillLevel.objects.get(skill=slmo, level=2)
    described = entry(catalogue, "skill/SLMO/level/2/description")
    assert described.msgid == level.description_en
    assert described.msgstr.startswith("Überwacht und protokolliert die tatsächlich geleisteten")
    # The notes name the skill and the translation's state.
    assert f"SLMO: {slmo.name_en}" in described.comment
    assert "not yet reviewed" in described.comment
    assert not described.fuzzy
    # Only texts with an English source: level 1 of SLMO has none to translate.
    assert not [each for each in catalogue if each.msgctxt == "skill/SLMO/level/1/description"]


def test_every_kind_of_text_has_its_own_unique_id(content, tmp_path):
    ids = [each.msgctxt for each in exported(tmp_path, "--language", "de")]
    assert len(ids) == len(set(ids))
    level = AttributeLevel.objects.filter(description_en__gt="").select_related("attribute")[0]
    category = Category.objects.get(subcategories__skills__code="SLMO")
    for expected in [
        "level/3/guiding_phrase",
        f"category/{category.slug}/name",
        f"attribute/{level.attribute.code}/name",
        f"attribute/{level.attribute.code}/level/{level.level_id}/description",
    ]:
        assert expected in ids


def test_a_multi_line_text_is_one_unit_keeping_its_lines(content, tmp_path):
    catalogue = exported(tmp_path, "--language", "de")
    notes = entry(catalogue, "skill/SLMO/guidance_notes")
    slmo = Skill.objects.get(code="SLMO")
    english_lines = slmo.guidance_notes_en.split("\n")
    assert len(english_lines) > 3
    assert notes.msgid.split("\n") == english_lines
    # The German source text has one item fewer than the English: kept as it is.
    assert notes.msgstr.split("\n") == slmo.guidance_notes_de.split("\n")
    assert "Das Verhandeln, Implementieren und Überwachen der Service-Level-Agreements" in (
        notes.msgstr.split("\n")
    )


def test_only_missing_gives_the_untranslated_texts(content, tmp_path):
    level = SkillLevel.objects.get(skill__code="SLMO", level=5)
    level.description_de = None
    level.save()
    catalogue = exported(tmp_path, "--language", "de", "--only", "missing")
    ids = [each.msgctxt for each in catalogue]
    assert "skill/SLMO/level/5/description" in ids
    assert "skill/SLMO/name" not in ids
    assert all(each.msgstr == "" for each in catalogue)


def test_an_outdated_translation_is_fuzzy_and_says_why(content, tmp_path):
    # The English changes behind the translation's back (as an import of a new source does).
    Skill.objects.filter(code="SLMO").update(description_en="A changed English description.")
    catalogue = exported(tmp_path, "--language", "de", "--only", "outdated,unreviewed")
    description = entry(catalogue, "skill/SLMO/description")
    assert description.fuzzy
    assert description.msgid == "A changed English description."
    assert "outdated" in description.comment
    assert description.msgstr.startswith("Das Vereinbaren von Zielen")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--language", "en"], "--language en: not a translated language"),
        (["--language", "xx"], "--language xx: not a translated language"),
        (["--language", "de", "--only", "missing,late"], "--only: late is not a state"),
    ],
)
def test_a_wrong_argument_is_an_error_naming_it(content, tmp_path, args, message):
    with pytest.raises(CommandError, match=message):
        call_command("export_translations", *args, str(tmp_path / "x.po"))
    assert not (tmp_path / "x.po").exists()


def test_a_file_that_is_not_po_is_refused(content, tmp_path):
    with pytest.raises(CommandError, match=r"de\.txt: name a \.po file"):
        call_command("export_translations", "--language", "de", str(tmp_path / "de.txt"))


def test_a_file_that_cannot_be_written_is_an_error_naming_it(content, tmp_path):
    where = tmp_path / "no-such-folder" / "de.po"
    with pytest.raises(CommandError, match=r"no-such-folder/de\.po: cannot write it"):
        call_command("export_translations", "--language", "de", str(where))
