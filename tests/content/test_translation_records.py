"""Every import and load records the translations it writes: which English each translates,
so a change to the English leaves them outdated; and backups and reverts bring the records
back as they were."""

import io
from datetime import UTC, datetime

import pytest
import reversion
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from reversion.models import Version

from skills.framework.languages import SOURCE_LANGUAGE, TRANSLATED_LANGUAGES
from skills.framework.models import (
    CONTENT_MODELS,
    Category,
    ImportedValue,
    OriginalText,
    ResponsibilityLevel,
    Skill,
    SkillLevel,
)
from skills.framework.translation import translated_fields
from skills.framework.translation_state import (
    Status,
    fingerprint,
    note_reviewed,
    note_translated,
    record_of,
    text_status,
)
from tests.conftest import content_snapshot
from tests.content.workbook.books import empty_the_database, import_spreadsheet, workbook

pytestmark = pytest.mark.django_db

NEW_ENGLISH = "An invented description of the skill, for the test."
NEW_GERMAN = "Eine erfundene Beschreibung der Fähigkeit, für den Test."
ADMIN_ENGLISH = "An invented description written in the admin."


def run_import(directory):
    call_command("import_sources", str(directory), stdout=io.StringIO())


def edit_source(sources_dir, language, old, new):
    path = sources_dir / "SLMO" / f"{language}.txt"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def slmo():
    return Skill.objects.get(code="SLMO")


def user(name):
    return get_user_model().objects.get_or_create(username=name)[0]


def reviewed(instance, field, language):
    """Save `instance` with its `field` in `language` reviewed."""
    at = datetime(2026, 1, 2, tzinfo=UTC)
    note_reviewed(instance, field, language, by=user("prüferin").pk, at=at)
    instance.save()


# import_sources


def test_an_import_that_changes_the_english_leaves_its_translations_outdated(sources_dir):
    run_import(sources_dir)
    old = slmo().description_en
    # As migration 0006 leaves a database: records, but none of the English kept.
    OriginalText.objects.all().delete()
    edit_source(sources_dir, "en", old, NEW_ENGLISH)

    run_import(sources_dir)

    skill = slmo()
    assert skill.description_en == NEW_ENGLISH
    for language in TRANSLATED_LANGUAGES:
        assert text_status(skill, "description", language) == Status.OUTDATED, language
    assert record_of(skill, "description", "de") == {"from": fingerprint(old), "by": None}
    assert OriginalText.objects.text_of(fingerprint(old)) == old
    # The texts whose English the import left alone are up to date.
    assert text_status(skill, "name", "de") == Status.UNREVIEWED


def test_a_new_translation_in_the_source_is_up_to_date_and_unreviewed(sources_dir):
    run_import(sources_dir)
    old_german = slmo().description_de
    edit_source(sources_dir, "en", slmo().description_en, NEW_ENGLISH)
    run_import(sources_dir)
    assert text_status(slmo(), "description", "de") == Status.OUTDATED
    edit_source(sources_dir, "de", old_german, NEW_GERMAN)

    run_import(sources_dir)

    skill = slmo()
    assert skill.description_de == NEW_GERMAN
    assert text_status(skill, "description", "de") == Status.UNREVIEWED
    assert record_of(skill, "description", "de") == {"from": fingerprint(NEW_ENGLISH), "by": None}
    assert text_status(skill, "description", "ru") == Status.OUTDATED  # its source unchanged


def test_a_reviewed_translation_the_import_changes_is_unreviewed_again(sources_dir):
    run_import(sources_dir)
    skill = slmo()
    reviewed(skill, "description", "de")
    reviewed(skill, "name", "de")
    assert text_status(slmo(), "description", "de") == Status.REVIEWED
    edit_source(sources_dir, "de", skill.description_de, NEW_GERMAN)

    run_import(sources_dir)

    skill = slmo()
    assert skill.description_de == NEW_GERMAN
    assert text_status(skill, "description", "de") == Status.UNREVIEWED
    assert "reviewed" not in record_of(skill, "description", "de")
    # What the import left alone keeps its review.
    assert text_status(skill, "name", "de") == Status.REVIEWED


def test_a_translation_from_the_source_translates_the_sources_english_not_a_kept_edit(
    sources_dir,
):
    run_import(sources_dir)
    skill = slmo()
    old_english, old_german = skill.description_en, skill.description_de
    skill.description_en = ADMIN_ENGLISH
    skill.save()
    edit_source(sources_dir, "en", old_english, NEW_ENGLISH)
    edit_source(sources_dir, "de", old_german, NEW_GERMAN)

    run_import(sources_dir)

    skill = slmo()
    assert skill.description_en == ADMIN_ENGLISH  # the conflict is kept
    assert skill.description_de == NEW_GERMAN
    assert record_of(skill, "description", "de") == {"from": fingerprint(NEW_ENGLISH), "by": None}
    assert text_status(skill, "description", "de") == Status.OUTDATED
    assert OriginalText.objects.text_of(fingerprint(NEW_ENGLISH)) == NEW_ENGLISH


def test_the_framework_rows_are_recorded_too(sources_dir):
    run_import(sources_dir)

    level = ResponsibilityLevel.objects.get(number=3)
    assert text_status(level, "guiding_phrase", "ar") == Status.UNREVIEWED
    category = Category.objects.get(slug="delivery-and-operation")
    assert record_of(category, "name", "it") == {"from": fingerprint(category.name_en), "by": None}


def queries_of_an_import(directory):
    with CaptureQueriesContext(connection) as queries:
        run_import(directory)
    return len(queries)


def first_line(instance, language):
    return getattr(instance, f"description_{language}").split("\n")[0]


def test_recording_the_translations_costs_no_query_a_text(sources_dir):
    # Two imports over the same content: one changes the English of five levels, the other
    # their English and their German, Russian and Italian too.
    run_import(sources_dir)
    levels = list(SkillLevel.objects.filter(skill__code="SLMO", level__gte=3).order_by("level"))
    for level in levels:
        edit_source(sources_dir, "en", first_line(level, "en"), f"Invented {level.level_id}.")
    english_only = queries_of_an_import(sources_dir)
    for level in levels:
        edit_source(sources_dir, "en", f"Invented {level.level_id}.", f"New {level.level_id}.")
        for language in ("de", "ru", "it"):
            edit_source(
                sources_dir, language, first_line(level, language), f"Neu {level.level_id}."
            )

    assert queries_of_an_import(sources_dir) == english_only
    assert text_status(
        SkillLevel.objects.get(skill__code="SLMO", level=5), "description", "it"
    ) == (Status.UNREVIEWED)


# import_spreadsheet


def xaaa():
    return Skill.objects.get(code="XAAA")


def test_an_english_workbook_that_changes_a_text_leaves_its_translations_outdated(tmp_path):
    import_spreadsheet(workbook(tmp_path))
    import_spreadsheet(workbook(tmp_path, "de"), language="de")
    old = xaaa().description_en
    assert text_status(xaaa(), "description", "de") == Status.UNREVIEWED

    import_spreadsheet(
        workbook(tmp_path, name="changed.xlsx", changes={"Skills": {"N2": NEW_ENGLISH}})
    )

    skill = xaaa()
    assert skill.description_en == NEW_ENGLISH
    assert text_status(skill, "description", "de") == Status.OUTDATED
    assert record_of(skill, "description", "de")["from"] == fingerprint(old)
    assert OriginalText.objects.text_of(fingerprint(old)) == old
    assert text_status(skill, "name", "de") == Status.UNREVIEWED
    # The same German again changes no text: it stays outdated.
    import_spreadsheet(workbook(tmp_path, "de"), language="de")
    assert text_status(xaaa(), "description", "de") == Status.OUTDATED


def test_a_german_workbook_records_its_german_from_the_english_in_the_database(tmp_path):
    import_spreadsheet(workbook(tmp_path))

    import_spreadsheet(
        workbook(tmp_path, "de", changes={"Skills": {"N2": NEW_GERMAN}}), language="de"
    )

    skill = xaaa()
    assert skill.description_de == NEW_GERMAN
    assert record_of(skill, "description", "de") == {
        "from": fingerprint(skill.description_en),
        "by": None,
    }
    assert text_status(skill, "description", "de") == Status.UNREVIEWED
    assert text_status(skill.levels.get(level=1), "description", "de") == Status.UNREVIEWED
    level = ResponsibilityLevel.objects.get(number=4)
    assert text_status(level, "essence", "de") == Status.UNREVIEWED
    assert text_status(skill, "description", "ru") == Status.MISSING


# load_content, backups, reverts


def translations(model):
    """(instance, field, language) of every translation of `model`'s rows that has English."""
    for instance in model.objects.all():
        for field in translated_fields(model):
            for language in TRANSLATED_LANGUAGES:
                english = getattr(instance, f"{field}_{SOURCE_LANGUAGE}")
                if english and getattr(instance, f"{field}_{language}"):
                    yield instance, field, language


def test_the_loaded_fixture_has_every_translation_up_to_date_and_unreviewed():
    call_command("load_content", stdout=io.StringIO())

    every = [text for model in CONTENT_MODELS for text in translations(model)]
    assert len(every) > 100
    for instance, field, language in every:
        assert text_status(instance, field, language) == Status.UNREVIEWED, (instance, field)
        assert record_of(instance, field, language)["by"] is None
    skill = slmo()
    assert OriginalText.objects.text_of(fingerprint(skill.description_en)) == skill.description_en
    assert not ImportedValue.objects.filter(field="translation_state").exists()


def test_a_backup_restores_the_records_and_the_english_they_name(tmp_path):
    call_command("load_content", stdout=io.StringIO())
    skill = slmo()
    old_english = skill.description_en
    skill.description_en = NEW_ENGLISH  # the German is now outdated
    skill.save()
    reviewed(skill, "name", "de")
    before = content_snapshot()  # the texts and their records, by natural keys
    originals = dict(OriginalText.objects.values_list("fingerprint", "text"))
    backup = tmp_path / "backup.json"
    call_command(
        "dumpdata", "skills", "--natural-foreign", "--natural-primary", "--output", str(backup)
    )
    empty_the_database()
    OriginalText.objects.all().delete()

    call_command("loaddata", str(backup), verbosity=0)

    skill = slmo()
    assert text_status(skill, "description", "de") == Status.OUTDATED
    assert record_of(skill, "description", "de")["from"] == fingerprint(old_english)
    assert text_status(skill, "name", "de") == Status.REVIEWED
    assert text_status(skill, "guidance_intro", "de") == Status.UNREVIEWED
    assert content_snapshot() == before
    assert dict(OriginalText.objects.values_list("fingerprint", "text")) == originals
    assert OriginalText.objects.text_of(fingerprint(old_english)) == old_english


def test_a_revert_restores_the_versions_texts_and_records():
    call_command("load_content", stdout=io.StringIO())
    skill = slmo()
    reviewed(skill, "name", "de")
    with reversion.create_revision():
        skill.save()
    version = Version.objects.get_for_object(skill).order_by("pk").last()
    name_en, name_de = skill.name_en, skill.name_de
    name_record = record_of(skill, "name", "de")
    level = skill.levels.get(level=5)
    level_english = level.description_en
    # An editor changes the English and German name and the English of level 5.
    skill.name_en, skill.name_de = "Invented name", "Erfundener Name"
    note_translated(skill, "name", "de", english="Invented name", by=user("editor").pk)
    skill.save()
    level.description_en = NEW_ENGLISH
    level.save()
    assert text_status(slmo(), "name", "de") == Status.UNREVIEWED
    assert text_status(skill.levels.get(level=5), "description", "de") == Status.OUTDATED

    version.revision.revert()

    skill = slmo()
    assert (skill.name_en, skill.name_de) == (name_en, name_de)
    assert record_of(skill, "name", "de") == name_record
    assert text_status(skill, "name", "de") == Status.REVIEWED
    level = skill.levels.get(level=5)
    assert level.description_en == level_english
    assert text_status(level, "description", "de") == Status.UNREVIEWED
