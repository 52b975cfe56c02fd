"""Exchange files (editorial/exchange/): a language's texts written as gettext PO for a CAT
tool, read back here with polib, as Poedit or Weblate would read them."""

import io
import json
import re

import polib
import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from reversion.models import Version

from skills.framework.models import AttributeLevel, Category, Skill, SkillLevel
from skills.framework.translation_state import Status, record_of, text_status
from tests.conftest import content_snapshot

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


# Bringing a file back: edited as a CAT tool edits it (polib reads and writes it here).

NEW_LEVEL_5 = "Stellt sicher, dass die vereinbarten Serviceebenen jederzeit eingehalten werden."


def edited(tmp_path, change, *args):
    """The German export, with `change(catalogue)` applied, saved as a CAT tool saves it."""
    catalogue = exported(tmp_path, "--language", "de", *args)
    change(catalogue)
    catalogue.save(str(tmp_path / "de.po"))
    return tmp_path / "de.po"


def translate_level_5(catalogue, text=NEW_LEVEL_5):
    entry(catalogue, "skill/SLMO/level/5/description").msgstr = text


def imported(path, *args):
    out = io.StringIO()
    call_command("import_translations", str(path), *args, stdout=out)
    return out.getvalue()


def test_a_changed_target_reaches_the_reader_page_recorded_and_in_the_history(
    content, tmp_path, client
):
    importer = get_user_model().objects.create_user("dora", password="x")
    report = imported(edited(tmp_path, translate_level_5), "--user", "dora")
    slmo = Skill.objects.get(code="SLMO")
    assert f"SLMO: {slmo.name_en}: 0 new, 1 changed" in report
    assert "0 new and 1 changed translations in German" in report
    level = SkillLevel.objects.get(skill=slmo, level=5)
    assert level.description_de == NEW_LEVEL_5
    assert text_status(level, "description", "de") == Status.UNREVIEWED  # current, not outdated
    assert record_of(level, "description", "de")["by"] == importer.pk
    page = client.get("/de/skills/slmo/").content.decode()
    assert NEW_LEVEL_5 in page
    latest = Version.objects.get_for_object(slmo).first().revision
    assert latest.user == importer
    assert json.loads(latest.comment) == [{"imported": {"files": ["de.po"], "language": "de"}}]


def test_an_outdated_translation_brought_back_is_current_again(content, tmp_path):
    Skill.objects.filter(code="SLMO").update(description_en="A changed English description.")

    def confirm(catalogue):
        description = entry(catalogue, "skill/SLMO/description")
        description.msgstr = "Eine geänderte deutsche Beschreibung."
        description.flags.remove("fuzzy")  # the translator's "done" in Poedit

    imported(edited(tmp_path, confirm, "--only", "outdated"))
    slmo = Skill.objects.get(code="SLMO")
    assert slmo.description_de == "Eine geänderte deutsche Beschreibung."
    assert text_status(slmo, "description", "de") == Status.UNREVIEWED


def test_a_target_still_marked_fuzzy_is_left_as_it_was(content, tmp_path):
    Skill.objects.filter(code="SLMO").update(description_en="A changed English description.")
    before = Skill.objects.get(code="SLMO").description_de

    def draft(catalogue):
        entry(catalogue, "skill/SLMO/description").msgstr = "Ein Entwurf."

    report = imported(edited(tmp_path, draft))
    assert Skill.objects.get(code="SLMO").description_de == before
    assert "1 marked as needing work (fuzzy) left as they were" in report


def test_a_new_translation_is_counted_new(content, tmp_path):
    SkillLevel.objects.filter(skill__code="SLMO", level=5).update(description_de=None)
    # A new translation keeps the English's lines: this English has four.
    four_lines = "\n".join(f"Satz {number}." for number in range(1, 5))
    report = imported(
        edited(tmp_path, lambda c: translate_level_5(c, four_lines), "--only", "missing")
    )
    assert "1 new and 0 changed translations in German" in report
    assert SkillLevel.objects.get(skill__code="SLMO", level=5).description_de == four_lines


def refused(path):
    before = content_snapshot()
    with pytest.raises(CommandError) as raised:
        call_command("import_translations", str(path))
    assert content_snapshot() == before
    message = str(raised.value)
    assert message.startswith("Nothing imported.")
    return message


def changed_rows(before, after):
    """{(model, key, field)} of what differs between two content snapshots."""
    return {
        (model, key, name)
        for model, rows in after.items()
        for key, row in rows.items()
        for name in row
        if row[name] != before[model].get(key, {}).get(name)
    }


def partly_imported(path):
    """The report of importing `path`, checking that level 5's new German came in and that
    nothing but level 5 changed (the refused unit's text stays as the site has it)."""
    before = content_snapshot()
    report = imported(path)
    level_5 = SkillLevel.objects.get(skill__code="SLMO", level=5)
    assert level_5.description_de == NEW_LEVEL_5
    # Level 5's text, and its record where it changed: nothing else.
    changed = changed_rows(before, content_snapshot())
    key = level_5.natural_key()
    assert ("SkillLevel", key, "description_de") in changed
    assert changed <= {
        ("SkillLevel", key, "description_de"),
        ("SkillLevel", key, "translation_state"),
    }
    assert "0 new and 1 changed translations in German" in report
    assert "1 not imported" in report
    return report


def translate_levels_4_and_5(catalogue):
    translate_level_5(catalogue)
    entry(catalogue, "skill/SLMO/level/4/description").msgstr = "Neu übersetzt."


def test_a_unit_whose_english_changed_since_the_export_is_refused_with_the_new_english(
    content, tmp_path
):
    path = edited(tmp_path, translate_levels_4_and_5)
    SkillLevel.objects.filter(skill__code="SLMO", level=4).update(description_en="Changed.")
    report = partly_imported(path)
    assert re.search(
        r"Not imported: Line \d+, unit skill/SLMO/level/4/description: its English changed "
        r"since the export, to: “Changed\.”",
        report,
    )


def test_a_translation_changed_on_the_site_since_the_export_is_never_written_over(
    content, tmp_path
):
    path = edited(tmp_path, translate_levels_4_and_5)
    # Someone else corrects the same text in the admin meanwhile.
    SkillLevel.objects.filter(skill__code="SLMO", level=4).update(description_de="Korrigiert.")
    before = content_snapshot()
    report = imported(path)
    assert (
        "unit skill/SLMO/level/4/description: its translation was changed on the site after "
        "this file was exported"
    ) in report
    assert SkillLevel.objects.get(skill__code="SLMO", level=4).description_de == "Korrigiert."
    assert SkillLevel.objects.get(skill__code="SLMO", level=5).description_de == NEW_LEVEL_5
    # Level 5's text alone (its record names the same English, by no one, as before).
    assert {name for _model, _key, name in changed_rows(before, content_snapshot())} == {
        "description_de"
    }


def test_a_unit_left_as_exported_keeps_the_sites_newer_text(content, tmp_path):
    path = edited(tmp_path, translate_level_5)
    SkillLevel.objects.filter(skill__code="SLMO", level=4).update(description_de="Korrigiert.")
    imported(path)
    levels = SkillLevel.objects.filter(skill__code="SLMO")
    assert levels.get(level=4).description_de == "Korrigiert."
    assert levels.get(level=5).description_de == NEW_LEVEL_5


def test_an_unknown_id_is_refused_and_the_rest_imported(content, tmp_path):
    def stray(catalogue):
        translate_level_5(catalogue)
        catalogue.append(polib.POEntry(msgctxt="skill/ZZZZ/name", msgid="x", msgstr="y"))

    report = partly_imported(edited(tmp_path, stray))
    assert "unit skill/ZZZZ/name: no text of the site has this id" in report


def test_a_dropped_list_item_is_refused_naming_both_counts(content, tmp_path):
    def drop_a_line(catalogue):
        translate_level_5(catalogue)
        notes = entry(catalogue, "skill/SLMO/guidance_notes")
        notes.msgstr = "\n".join(notes.msgstr.split("\n")[:-1])

    report = partly_imported(edited(tmp_path, drop_a_line))
    english = Skill.objects.get(code="SLMO").guidance_notes_en.count("\n") + 1
    assert (
        f"unit skill/SLMO/guidance_notes: the English has {english} lines (items, paragraphs) "
        f"and the current translation {english - 1}, this translation {english - 2}"
    ) in report


def test_a_control_character_is_refused_naming_where(content, tmp_path):
    def bell(catalogue):
        translate_level_5(catalogue)
        entry(catalogue, "skill/SLMO/name").msgstr = "Ein\x07Text"

    report = partly_imported(edited(tmp_path, bell))
    assert "Line 1, column 4: a control character (U+0007) cannot be stored" in report


@pytest.mark.parametrize(
    ("typed", "refusal"),
    [
        # (U+0085, NEXT LINE, ends a line for some programs: the PO check refuses the file.)
        ("Ein\x9bText", "Line 1, column 4: a control character (U+009B) cannot be stored"),
        (
            "Ein\uffffText",
            "Line 1, column 4: U+FFFF is not a character (a noncharacter or half of a surrogate "
            "pair) and cannot be stored",
        ),
    ],
)
def test_a_c1_control_or_a_noncharacter_is_refused_naming_where(content, tmp_path, typed, refusal):
    def typed_in(catalogue):
        translate_level_5(catalogue)
        entry(catalogue, "skill/SLMO/name").msgstr = typed

    report = partly_imported(edited(tmp_path, typed_in))
    assert refusal in report
    assert typed not in Skill.objects.get(code="SLMO").name_de


def test_a_unit_longer_than_its_kind_may_be_is_refused_naming_where(content, tmp_path):
    """A 1.5 MB unit was a 500 on PostgreSQL ("string is too long for tsvector")."""

    def huge(catalogue):
        translate_level_5(catalogue)
        entry(catalogue, "skill/SLMO/description").msgstr = "Wort " * 300_000

    report = partly_imported(edited(tmp_path, huge))

    assert "unit skill/SLMO/description: 1499999 characters, at most 10000 fit" in report


def test_a_language_the_site_lacks_refuses_the_file(content, tmp_path):
    def french(catalogue):
        catalogue.metadata["Language"] = "fr"

    assert "Language (fr) is not a translated language of the site" in refused(
        edited(tmp_path, french)
    )


def test_a_malformed_file_is_refused_naming_its_line(content, tmp_path):
    path = tmp_path / "broken.po"
    path.write_text('msgid ""\nmsgstr ""\n"Language: de\\n"\n\nmsgid "a"\nnot PO at all\n', "utf-8")
    message = refused(path)
    assert (
        "broken.po, line 6: not well-formed PO: a line that is no comment, keyword or string"
    ) in message
    assert "/tmp" not in message.replace(str(tmp_path), "")  # no path of polib's own


def test_a_file_not_in_utf_8_is_refused_naming_the_byte(content, tmp_path):
    path = tmp_path / "latin1.po"
    path.write_bytes(
        b'msgid ""\nmsgstr ""\n"Language: de\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        b'\nmsgid "a"\nmsgstr "Gr\xfc\xdfe"\n'
    )
    assert "latin1.po: byte" in refused(path)


def test_a_file_that_is_not_there_is_named(content, tmp_path):
    assert f"{tmp_path / 'de.po'}: no such file" in refused(tmp_path / "de.po")


def test_a_file_as_poedit_saves_it_is_read(content, tmp_path):
    """Written by hand as Poedit writes: its own header, fields reordered, a region in the
    language, long strings wrapped over several lines, the fuzzy mark taken off."""
    level = SkillLevel.objects.get(skill__code="SLMO", level=5)
    english = level.description_en
    export = exported(tmp_path, "--language", "de").metadata["X-SFIA-Export"]
    # Poedit breaks a string after each \n and wraps long lines: a quoted piece a line.
    first, *rest = english.split("\n")
    half = len(first) // 2
    pieces = [first[:half], first[half:] + "\\n", *(line + "\\n" for line in rest)]
    pieces[-1] = pieces[-1].removesuffix("\\n")
    wrapped = "\n".join(f'"{piece}"' for piece in pieces)
    path = tmp_path / "poedit.po"
    path.write_text(
        'msgid ""\n'
        'msgstr ""\n'
        '"Last-Translator: Dora <dora@example.org>\\n"\n'
        '"Language-Team: German\\n"\n'
        '"Language: de_DE\\n"\n'
        '"MIME-Version: 1.0\\n"\n'
        '"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Content-Transfer-Encoding: 8bit\\n"\n'
        '"X-Generator: Poedit 3.4.2\\n"\n'
        f'"X-SFIA-Export: {export}\\n"\n'
        "\n"
        "#. SLMO: Service level management\n"
        'msgctxt "skill/SLMO/level/5/description"\n'
        f'msgid ""\n{wrapped}\n'
        'msgstr ""\n'
        '"Stellt sicher, dass die vereinbarten "\n'
        '"Serviceebenen jederzeit eingehalten werden."\n',
        "utf-8",
    )
    assert "0 new and 1 changed translations in German" in imported(path)
    assert SkillLevel.objects.get(pk=level.pk).description_de == NEW_LEVEL_5


def test_a_cat_tools_line_breaks_and_trailing_spaces_are_stored_as_the_admin_stores_them(
    content, tmp_path
):
    slmo = Skill.objects.get(code="SLMO")
    lines = slmo.guidance_notes_de.split("\n")
    assert len(lines) > 1

    def as_windows_saves(text_lines):
        def change(catalogue):
            entry(catalogue, "skill/SLMO/guidance_notes").msgstr = "\r\n".join(
                f"{line}  " for line in text_lines
            )

        return change

    before = content_snapshot()
    assert "0 new and 0 changed" in imported(edited(tmp_path, as_windows_saves(lines)))
    assert content_snapshot() == before  # the same text, not a change

    lines[0] = "Neu eingeleitet."
    imported(edited(tmp_path, as_windows_saves(lines)))
    assert Skill.objects.get(pk=slmo.pk).guidance_notes_de == "\n".join(lines)


def test_a_file_as_omegat_saves_it_is_read(content, tmp_path):
    """Written by hand as OmegaT's PO filter writes on Windows: CRLF line endings, its own
    header (language with a region, fields in its order), the notes kept, the fuzzy mark of
    an outdated text taken off once the translator has confirmed it, a quote escaped."""
    Skill.objects.filter(code="SLMO").update(description_en="A changed English description.")
    catalogue = exported(tmp_path, "--language", "de")
    outdated = entry(catalogue, "skill/SLMO/description")
    assert outdated.fuzzy
    notes = "".join(f"#. {line}\n" for line in outdated.comment.split("\n"))
    lines = [
        'msgid ""',
        'msgstr ""',
        '"X-Generator: OmegaT 6.0.1\\n"',
        '"Language: de-DE\\n"',
        '"Content-Type: text/plain; charset=UTF-8\\n"',
        '"Content-Transfer-Encoding: 8bit\\n"',
        '"MIME-Version: 1.0\\n"',
        f'"X-SFIA-Export: {catalogue.metadata["X-SFIA-Export"]}\\n"',
        "",
        *notes.rstrip("\n").split("\n"),
        'msgctxt "skill/SLMO/description"',
        'msgid "A changed English description."',
        'msgstr "Eine geänderte \\"Beschreibung\\"."',
        "",
    ]
    path = tmp_path / "omegat.po"
    path.write_bytes("\r\n".join(lines).encode("utf-8"))

    assert "0 new and 1 changed translations in German" in imported(path)
    slmo = Skill.objects.get(code="SLMO")
    assert slmo.description_de == 'Eine geänderte "Beschreibung".'
    assert text_status(slmo, "description", "de") == Status.UNREVIEWED  # current again


def test_a_unit_left_as_exported_is_not_refused_when_its_english_changed_since(content, tmp_path):
    """The translator did not touch level 4: the English changing meanwhile refuses nothing
    (the report would otherwise list texts the translator never changed)."""
    path = edited(tmp_path, translate_level_5)
    SkillLevel.objects.filter(skill__code="SLMO", level=4).update(description_en="Changed.")

    report = imported(path)

    assert "0 new and 1 changed translations in German" in report
    assert "0 not imported" in report
    assert "level/4" not in report
    assert SkillLevel.objects.get(skill__code="SLMO", level=5).description_de == NEW_LEVEL_5


def test_a_file_a_windows_editor_saved_with_a_byte_order_mark_is_read(content, tmp_path):
    path = edited(tmp_path, translate_level_5)
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())

    assert "0 new and 1 changed translations in German" in imported(path)
    assert SkillLevel.objects.get(skill__code="SLMO", level=5).description_de == NEW_LEVEL_5
