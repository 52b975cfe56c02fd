"""`manage.py import_sources DIR`: all or nothing, idempotent, and telling what it did."""

import io
import json
import shutil

import pytest
from django.core.management import CommandError, call_command

from skills.content.synthetic import write_skill
from skills.framework.models import Edition, Skill, SkillLevel
from tests.conftest import BARE_COMMAND_ENV, SLMO, content_snapshot, manage

pytestmark = pytest.mark.django_db


def run_import(directory):
    out = io.StringIO()
    call_command("import_sources", str(directory), stdout=out)
    return out.getvalue()


def test_first_import_adds_everything_and_says_so_per_language(sources_dir):
    output = run_import(sources_dir)

    assert "SLMO added in en, de, ru, it, ar" in output
    assert "Levels of responsibility added: 7" in output
    assert "Edition added: 1" in output
    assert Edition.objects.get().name == "SFIA 9"  # from framework.toml
    # Skills added, skills changed, levels added, levels changed: English and Arabic have no
    # level-1 text, German, Russian and Italian carry the "not observed" note there.
    assert "  en: 1, 0, 6, 0" in output
    assert "  de: 1, 0, 7, 0" in output
    assert "  ar: 1, 0, 6, 0" in output
    assert "Skills: 1 added, 0 changed, 0 unchanged." in output

    skill = Skill.objects.get(code="SLMO")
    assert skill.name_en == "Service level management"
    assert skill.name_de == "Service-Level-Management"
    assert skill.name_ar == "إدارة مستوى الخدمة"
    assert skill.guidance_notes_it is None  # the Italian edition has none: missing stays NULL
    assert skill.subcategory.name_en == "Service management"
    assert skill.subcategory.category.name_en == "Delivery and operation"
    levels = {level.level_id: level for level in skill.levels.all()}
    assert sorted(levels) == [1, 2, 3, 4, 5, 6, 7]
    assert [n for n, level in levels.items() if level.defined] == [2, 3, 4, 5, 6, 7]
    assert levels[1].description_en is None
    assert levels[1].description_de.startswith("Diese Fähigkeit wird typischerweise nicht")
    assert levels[1].description_ar is None
    assert levels[5].description_en.split("\n")[0] == (
        "Ensures service delivery meets agreed service levels."
    )


def test_second_import_changes_nothing(sources_dir):
    run_import(sources_dir)
    before = content_snapshot()

    output = run_import(sources_dir)

    assert content_snapshot() == before
    assert output.strip() == "Skills: 0 added, 0 changed, 1 unchanged."


def test_a_changed_translation_is_updated_and_reported(sources_dir):
    run_import(sources_dir)
    german = sources_dir / "SLMO" / "de.txt"
    german.write_text(
        german.read_text(encoding="utf-8").replace(
            "Überwacht die Leistungskennzahlen", "Prüft die Leistungskennzahlen"
        ),
        encoding="utf-8",
    )

    output = run_import(sources_dir)

    assert "SLMO changed — de: level 3" in output
    assert "  de: 0, 0, 0, 1" in output
    level = SkillLevel.objects.get(skill__code="SLMO", level=3)
    assert level.description_de.startswith("Prüft die Leistungskennzahlen")
    assert level.description_ru.startswith("Контролирует показатели")


def test_a_language_without_a_source_text_is_left_as_it_is(sources_dir):
    run_import(sources_dir)
    Skill.objects.filter(code="SLMO").update(name_it="Nome corretto in admin")
    (sources_dir / "SLMO" / "it.txt").unlink()

    run_import(sources_dir)

    assert Skill.objects.get(code="SLMO").name_it == "Nome corretto in admin"


def test_fixture_and_import_give_the_same_data(sources_dir):
    call_command("loaddata", "fixtures/sfia.json", verbosity=0)
    from_fixture = content_snapshot()
    Skill.objects.all().delete()

    run_import(sources_dir)

    assert content_snapshot() == from_fixture
    assert from_fixture["Skill"][("SLMO",)]["name_ru"] == "Управление уровнем услуг"


def test_import_over_the_loaded_fixture_changes_nothing(sources_dir):
    call_command("loaddata", "fixtures/sfia.json", verbosity=0)
    assert "Skills: 0 added, 0 changed, 1 unchanged." in run_import(sources_dir)


def test_many_skills_in_every_layout(tmp_path):
    write_skill(tmp_path, "AAAA", defined=(1, 2, 3, 4, 5))
    write_skill(tmp_path, "BBBB", defined=(3, 4, 5, 6), bullets=0, guidance=False)
    write_skill(
        tmp_path, "CCCC", defined=(2, 3, 4, 5, 6, 7), blank_lines=True, languages=["en", "ar"]
    )

    output = run_import(tmp_path)

    assert "Skills: 3 added, 0 changed, 0 unchanged." in output
    defined = {
        code: [
            level.level_id for level in SkillLevel.objects.filter(skill__code=code, defined=True)
        ]
        for code in ("AAAA", "BBBB", "CCCC")
    }
    assert defined == {"AAAA": [1, 2, 3, 4, 5], "BBBB": [3, 4, 5, 6], "CCCC": [2, 3, 4, 5, 6, 7]}
    cccc = Skill.objects.get(code="CCCC")
    assert cccc.name_ar == "مهارة اصطناعية cccc" and cccc.name_de is None


def break_skill(root, code="BRKN", **files):
    """A copy of SLMO under another code, with `files` (name → bytes, or None to delete)."""
    folder = root / code
    shutil.copytree(SLMO, folder)
    toml = folder / "skill.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace("SLMO", code), encoding="utf-8")
    for language in ("de", "ru", "it", "ar"):
        text = folder / f"{language}.txt"
        text.write_text(text.read_text(encoding="utf-8").replace("SLMO", code), encoding="utf-8")
    for name, content in files.items():
        name = name.replace("_", ".")
        if content is None:
            (folder / name).unlink()
        else:
            (folder / name).write_bytes(content)
    return folder


def en_with(old, new):
    return (SLMO / "en.txt").read_text(encoding="utf-8").replace(old, new).encode()


BAD_INPUT = {
    "a file that is not one of the five languages": (
        {"fr_txt": b"Gestion des niveaux de service"},
        "fr.txt:1:",
        '"fr.txt" is not a source text',
    ),
    "text that is not UTF-8": (
        {"de_txt": "Titel BRKN\nBeschreibung.\n\xdcberwacht".encode("latin-1")},
        "de.txt:3:",
        "is not UTF-8 text",
    ),
    "an empty file": ({"ru_txt": b""}, "ru.txt:1:", "the file is empty"),
    "skill.toml missing": ({"skill_toml": None}, "skill.toml:1:", "is missing"),
    "skill.toml not TOML": (
        {"skill_toml": b'code = "BRKN"\nname = "Broken\n'},
        "skill.toml:2:",
        "is not valid TOML",
    ),
    "skill.toml not UTF-8": (
        {"skill_toml": 'code = "BRKN"\nname = "\xe9"\n'.encode("latin-1")},
        "skill.toml:2:",
        "is not UTF-8 text",
    ),
    "skill.toml's code not its folder's": (
        {
            "skill_toml": b'name = "Broken"\ncode = "SLMO"\ncategory = "Delivery and operation"\n'
            b'subcategory = "Service management"\n'
        },
        "skill.toml:2:",
        'code "SLMO" does not match its folder "BRKN"',
    ),
    "an unknown category": (
        {
            "skill_toml": b'code = "BRKN"\nname = "Broken"\ncategory = "Cooking"\n'
            b'subcategory = "Service management"\n'
        },
        "skill.toml:3:",
        'unknown category "Cooking"',
    ),
    "no English text": ({"en_txt": None}, "en.txt:1:", "the English text is missing"),
    "a level outside 1–7": (
        {"en_txt": en_with("Level 7Set strategy", "Level 9Set strategy")},
        "en.txt:34:",
        "level 9 is outside 1–7",
    ),
    "a repeated level": (
        {"en_txt": en_with("Level 4Enable", "Level 3Apply")},
        "en.txt:18:",
        "level 3 appears twice (first on line 15)",
    ),
    "a level listed as defined without text": (
        {
            "it_txt": (SLMO / "it.txt")
            .read_text(encoding="utf-8")
            .replace("SLMO", "BRKN")
            .replace("2 3 4 5 6 7", "1 2 3 4 5 6 7")
            .replace("Questa abilità non viene in genere osservata", "")
            .replace("o praticata a questo livello di responsabilità e affidabilità.", "")
            .encode()
        },
        "it.txt:11:",
        "level 1 is listed as defined (line 9) but has no text",
    ),
    "text that cannot be placed": (
        {"en_txt": en_with("Skill description\n", "Copied from the web\nSkill description\n")},
        "en.txt:1:",
        "this text cannot be placed: it comes before any heading",
    ),
    "a guiding phrase that contradicts the framework": (
        {"en_txt": en_with("Level 5Ensure, advise", "Level 5Enable")},
        "en.txt:22:",
        'level 5 is "Enable" here, but "Ensure, advise" in the levels of responsibility',
    ),
}


@pytest.mark.parametrize("case", BAD_INPUT)
def test_bad_input_refuses_the_whole_batch(sources_dir, case):
    files, location, message = BAD_INPUT[case]
    folder = break_skill(sources_dir, **files)
    before = content_snapshot()

    with pytest.raises(CommandError) as raised:
        run_import(sources_dir)

    assert f"\n{folder}/{location} {message}" in str(raised.value)
    # Nothing written, not even the valid SLMO beside it.
    assert content_snapshot() == before
    assert not Skill.objects.exists()


def test_bad_input_leaves_existing_data_exactly_as_it_was(sources_dir):
    run_import(sources_dir)
    german = sources_dir / "SLMO" / "de.txt"
    german.write_text(
        german.read_text(encoding="utf-8").replace("Ebene 3", "Ebene 9"), encoding="utf-8"
    )
    (sources_dir / "SLMO" / "ru.txt").write_text("", encoding="utf-8")
    before = content_snapshot()

    with pytest.raises(CommandError) as raised:
        run_import(sources_dir)

    assert content_snapshot() == before
    # Every problem is reported, not only the first.
    assert f"{german}:30: level 9 is outside 1–7" in str(raised.value)
    assert f"{sources_dir / 'SLMO' / 'ru.txt'}:1: the file is empty" in str(raised.value)


def test_a_missing_directory_is_an_error(tmp_path):
    with pytest.raises(CommandError, match="is not a folder of skill sources"):
        run_import(tmp_path / "nowhere")


def test_the_command_exits_non_zero_with_the_location(sources_dir):
    break_skill(sources_dir, en_txt=None)
    result = manage(BARE_COMMAND_ENV, "import_sources", str(sources_dir), check=False)
    assert result.returncode == 1
    assert f"{sources_dir}/BRKN/en.txt:1: the English text is missing" in result.stderr


def test_an_import_is_one_revision_in_the_history(sources_dir):
    from reversion.models import Revision, Version

    run_import(sources_dir)
    german = sources_dir / "SLMO" / "de.txt"
    german.write_text(
        german.read_text(encoding="utf-8").replace("Überwacht die", "Prüft die"), encoding="utf-8"
    )
    run_import(sources_dir)
    run_import(sources_dir)  # no change: no revision

    revisions = list(Revision.objects.order_by("pk"))
    # Named by the folder's name alone: the server's paths are not in the history.
    comment = json.dumps([{"imported": {"files": [sources_dir.name]}}])
    assert [revision.comment for revision in revisions] == [comment] * 2
    assert all(revision.user is None for revision in revisions)
    # The skill's own history shows the change to its level.
    skill = Skill.objects.get(code="SLMO")
    assert Version.objects.get_for_object(skill).count() == 2


# Three-way: what the last import wrote, what the admin holds now, what the source says now.


def edit_in_admin(level=5, **texts):
    """Save texts of SLMO's `level` as the admin does (through the model)."""
    skill_level = SkillLevel.objects.get(skill__code="SLMO", level=level)
    for name, text in texts.items():
        setattr(skill_level, name, text)
    skill_level.save()


def edit_source(sources_dir, language, old, new):
    path = sources_dir / "SLMO" / f"{language}.txt"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def level_text(level, language):
    return getattr(
        SkillLevel.objects.get(skill__code="SLMO", level=level), f"description_{language}"
    )


def test_an_import_keeps_an_edit_made_in_the_admin_and_says_so(sources_dir):
    run_import(sources_dir)
    edit_in_admin(description_de="Vom Übersetzer verbessert.")
    skill = Skill.objects.get(code="SLMO")
    skill.name_it = "Gestione dei livelli di servizio (rivisto)"
    skill.save()

    output = run_import(sources_dir)

    assert level_text(5, "de") == "Vom Übersetzer verbessert."
    assert Skill.objects.get(code="SLMO").name_it == "Gestione dei livelli di servizio (rivisto)"
    assert (
        f"{sources_dir}/SLMO/de.txt: SLMO level 5 [de]: changed in the admin, unchanged in the "
        "source; kept"
    ) in output.splitlines()
    assert (
        f"{sources_dir}/SLMO/it.txt: SLMO name [it]: changed in the admin, unchanged in the "
        "source; kept"
    ) in output.splitlines()
    assert "Edits made in the admin: 2, of which 0 conflict with a change in the source." in output


def test_a_text_unchanged_in_the_admin_follows_the_source(sources_dir):
    run_import(sources_dir)
    edit_in_admin(description_de="Vom Übersetzer verbessert.")
    edit_source(sources_dir, "de", "Überwacht die", "Prüft die")  # level 3, untouched in the admin

    output = run_import(sources_dir)

    assert level_text(3, "de").startswith("Prüft die")
    assert level_text(5, "de") == "Vom Übersetzer verbessert."
    assert "SLMO changed — de: level 3" in output


def test_a_text_changed_in_both_is_a_conflict_kept_as_the_admin_left_it(sources_dir):
    run_import(sources_dir)
    edit_in_admin(description_de="Vom Übersetzer verbessert.")
    edit_source(sources_dir, "de", "Gewährleistet, dass die", "Stellt sicher, dass die")

    output = run_import(sources_dir)

    assert level_text(5, "de") == "Vom Übersetzer verbessert."
    assert (
        f"{sources_dir}/SLMO/de.txt: SLMO level 5 [de]: changed in the admin since the last "
        "import; kept"
    ) in output.splitlines()
    assert (
        "Edits made in the admin: 1, of which 1 conflict with a change in the source (kept; "
        "--overwrite-edits replaces them)."
    ) in output
    # Still kept the next time: the record is of what the import wrote, not of the source.
    assert "SLMO level 5 [de]: changed in the admin since the last import; kept" in run_import(
        sources_dir
    )
    assert level_text(5, "de") == "Vom Übersetzer verbessert."


def test_overwrite_edits_writes_the_source_over_a_conflict_only(sources_dir):
    run_import(sources_dir)
    edit_in_admin(description_de="Vom Übersetzer verbessert.", description_ru="Исправлено.")
    edit_source(sources_dir, "de", "Gewährleistet, dass die", "Stellt sicher, dass die")

    out = io.StringIO()
    call_command("import_sources", str(sources_dir), "--overwrite-edits", stdout=out)

    assert level_text(5, "de").startswith("Stellt sicher, dass die")
    assert level_text(5, "ru") == "Исправлено."  # the source didn't change: nothing to overwrite
    assert (
        f"{sources_dir}/SLMO/de.txt: SLMO level 5 [de]: changed in the admin since the last "
        "import; overwritten"
    ) in out.getvalue().splitlines()
    # And the next import follows the source again.
    edit_source(sources_dir, "de", "Stellt sicher, dass die", "Sorgt dafür, dass die")
    run_import(sources_dir)
    assert level_text(5, "de").startswith("Sorgt dafür, dass die")


def test_an_edit_after_a_load_without_records_is_kept(sources_dir):
    # A database loaded before imports kept records (plain loaddata): the import can't tell
    # an edit from an older import, so it keeps what is there, unless the source agrees.
    call_command("loaddata", "fixtures/sfia.json", verbosity=0)
    edit_in_admin(description_de="Vom Übersetzer verbessert.")
    edit_source(sources_dir, "de", "Überwacht die", "Prüft die")

    output = run_import(sources_dir)

    assert level_text(5, "de") == "Vom Übersetzer verbessert."
    assert level_text(3, "de").startswith("Überwacht die")
    assert (
        f"{sources_dir}/SLMO/de.txt: SLMO level 3 [de]: differs from the source, and no earlier "
        "import is on record; kept"
    ) in output.splitlines()


def test_a_text_added_in_the_admin_where_the_source_has_none_is_kept(sources_dir):
    run_import(sources_dir)
    assert level_text(1, "ar") is None  # the Arabic source has no level-1 note
    edit_in_admin(level=1, description_ar="نص جديد.")

    output = run_import(sources_dir)

    assert level_text(1, "ar") == "نص جديد."
    assert "SLMO level 1 [ar]: changed in the admin, unchanged in the source; kept" in output


def test_the_framework_keeps_edits_too(sources_dir):
    from skills.framework.models import ResponsibilityLevel

    run_import(sources_dir)
    level = ResponsibilityLevel.objects.get(number=3)
    level.guiding_phrase_de = "Anwenden (überarbeitet)"
    level.save()

    output = run_import(sources_dir)

    assert ResponsibilityLevel.objects.get(number=3).guiding_phrase_de == "Anwenden (überarbeitet)"
    assert (
        "framework.toml: level of responsibility 3 guiding phrase [de]: changed in the admin"
        in output
    )
