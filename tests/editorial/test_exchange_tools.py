"""Exchange files as CAT tools save them (translate-toolkit and polib standing in for the
tools): comments dropped, lines re-wrapped, CRLF; the export recorded on the site; malformed
files refused with their line; PO as msgfmt and Poedit expect it; XLIFF 1.2 both ways."""

import io
import re
import shutil
import subprocess
import uuid

import polib
import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from lxml import etree
from translate.storage import po as toolkit_po
from translate.storage import xliff as toolkit_xliff

from skills.editorial.exchange import po_syntax
from skills.framework.models import OriginalText, Skill, SkillLevel, TranslationExport
from skills.framework.translation_state import Status, text_status
from tests.conftest import content_snapshot, require_tool

pytestmark = pytest.mark.django_db

LEVEL_4 = "skill/SLMO/level/4/description"
LEVEL_5 = "skill/SLMO/level/5/description"
NEW_LEVEL_5 = "Stellt sicher, dass die vereinbarten Serviceebenen jederzeit eingehalten werden."
XLIFF = "{urn:oasis:names:tc:xliff:document:1.2}"


def export(tmp_path, name="de.po", *args):
    path = tmp_path / name
    call_command("export_translations", "--language", "de", *args, str(path), stdout=io.StringIO())
    return path


def imported(path):
    out = io.StringIO()
    call_command("import_translations", str(path), stdout=out)
    return out.getvalue()


def refused_whole(path):
    before = content_snapshot()
    with pytest.raises(CommandError) as raised:
        call_command("import_translations", str(path), stdout=io.StringIO())
    assert content_snapshot() == before
    return str(raised.value)


def as_a_tool_saves(path, change, crlf=False):
    """The PO file as translate-toolkit writes it back after `change(store)`: every extracted
    comment dropped (as some tools do), long strings re-wrapped its own way; CRLF if asked."""
    store = toolkit_po.pofile.parsefile(str(path))
    for unit in store.units:
        unit.automaticcomments = []  # the "#." notes: the ids, the English and the header stay
    change(store)
    data = bytes(store)
    path.write_bytes(data.replace(b"\n", b"\r\n") if crlf else data)
    return path


def unit_of(store, unit_id):
    (found,) = [unit for unit in store.units if unit.getcontext() == unit_id]
    return found


def translate(unit_id, text):
    def change(store):
        unit_of(store, unit_id).target = text

    return change


# The export on record.


def test_an_export_is_recorded_and_its_id_is_in_the_header(content, tmp_path):
    catalogue = polib.pofile(str(export(tmp_path)))
    record = TranslationExport.objects.get()
    assert catalogue.metadata["X-SFIA-Export"] == str(record.pk)
    assert record.language == "de"
    assert LEVEL_5 in record.units and len(record.units) == len(catalogue)


def test_a_file_whose_tool_dropped_every_comment_still_cannot_overwrite_a_newer_text(
    content, tmp_path
):
    path = export(tmp_path)
    as_a_tool_saves(path, translate(LEVEL_4, "Meine Fassung."), crlf=True)
    # A colleague corrects level 4 in the admin after the export.
    SkillLevel.objects.filter(skill__code="SLMO", level=4).update(description_de="Korrigiert.")
    assert "#." not in path.read_text("utf-8")

    report = imported(path)

    assert SkillLevel.objects.get(skill__code="SLMO", level=4).description_de == "Korrigiert."
    assert f"unit {LEVEL_4}: its translation was changed on the site after this file" in report
    assert "0 new and 0 changed" in report


def test_a_tool_that_rewraps_and_uses_crlf_brings_its_changes_back(content, tmp_path):
    path = export(tmp_path)
    as_a_tool_saves(path, translate(LEVEL_5, NEW_LEVEL_5), crlf=True)
    assert b"\r\n" in path.read_bytes()

    assert "0 new and 1 changed translations in German" in imported(path)
    level = SkillLevel.objects.get(skill__code="SLMO", level=5)
    assert level.description_de == NEW_LEVEL_5
    assert text_status(level, "description", "de") == Status.UNREVIEWED


def test_a_file_with_no_export_id_is_refused_whole(content, tmp_path):
    path = export(tmp_path)
    catalogue = polib.pofile(str(path))
    del catalogue.metadata["X-SFIA-Export"]
    catalogue.save(str(path))

    message = refused_whole(path)
    assert "it names no export of this site (X-SFIA-Export)" in message


def test_a_file_naming_an_unknown_or_garbled_export_is_refused_whole(content, tmp_path):
    path = export(tmp_path)
    for value in (str(uuid.uuid4()), "not-a-uuid", "' OR 1=1 --"):
        catalogue = polib.pofile(str(path))
        catalogue.metadata["X-SFIA-Export"] = value
        catalogue.save(str(path))
        assert "it names no export of this site" in refused_whole(path)


def test_a_unit_the_export_did_not_hold_is_refused(content, tmp_path):
    # Only the missing texts were exported: the name (translated) was not in it.
    SkillLevel.objects.filter(skill__code="SLMO", level=5).update(description_de=None)
    path = export(tmp_path, "de.po", "--only", "missing")
    catalogue = polib.pofile(str(path))
    catalogue.append(
        polib.POEntry(
            msgctxt="skill/SLMO/name", msgid=Skill.objects.get(code="SLMO").name_en, msgstr="Neu"
        )
    )
    catalogue.save(str(path))

    report = imported(path)
    assert "unit skill/SLMO/name: this text was not in the export the file was made from" in report
    assert Skill.objects.get(code="SLMO").name_de != "Neu"


# Malformed files: refused whole, with the line, as msgfmt --check would.

HEADER = 'msgid ""\nmsgstr ""\n"Language: de\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


@pytest.mark.parametrize(
    ("body", "line", "problem"),
    [
        (
            'msgctxt "skill/SLMO/name"\nmsgid "Service level management"\n'
            'msgstr "Service-Level-Management\n',
            8,
            "a string without its closing quote",
        ),
        ('msgid "a"\nmsgstr "b"\nnot PO at all\n', 8, "a line that is no comment, keyword or"),
        ('msgid "a"\nmsgstr "b\\q"\n', 7, "a backslash that starts no escape"),
        ('msgid "a"\nmsgstr "b" trailing\n', 7, "text after the string's closing quote"),
        ('msgid "a"\nmsgid_plural "as"\nmsgstr[0] "b"\n', 7, "a plural unit (msgid_plural)"),
        ('msgid "a"\nmsgstr "b"\n\nmsgid "a"\nmsgstr "c"\n', 9, "a second unit with the same id"),
        ('#. a note\nmsgstr "b"\n', 7, "a msgstr before its msgid"),
        ('msgid "a"\n', 6, "a unit without msgstr"),
        ('# c\n"orphan"\nmsgid "a"\nmsgstr "b"\n', 7, "a string that belongs to no keyword"),
        ('msgid a\nmsgstr "b"\n', 6, "a keyword without its text in double quotes"),
        ('msgid "a"\nmsgstr "b"\nmsgstr "c"\n', 8, "a keyword twice in one unit"),
        ('msgid "a"\nmsgctxt "c"\nmsgstr "b"\n', 7, "a keyword out of its place: msgctxt,"),
        ('msgid "a"\nmsgstr[0] "b"\n', 7, "a plural unit"),
        ('msgid "a"\n# a note\nmsgstr "b"\n', 6, "a unit without msgstr"),
        ('msgctxt "c"\n\n#. a note\nmsgid "a"\nmsgstr "b"\n', 6, "a unit without msgid"),
        ('#| msgid "Service level\nmsgid "a"\nmsgstr "b"\n', 6, "a string without its closing"),
        ('#| "Service level"\nmsgid "a"\nmsgstr "b"\n', 6, "a string that belongs to no"),
        ('#~ msgid "x\n#~ msgstr "y"\n', 6, "a string without its closing quote"),
        ("#~ nonsense\n", 6, "a line that is no comment, keyword or string"),
        ('#~ msgid "x"\nmsgstr "y"\n', 7, "lines of an obsolete unit (#~) in a current unit"),
        ('msgid "a"\nmsgstr "b"\n\n#~ msgid "a"\n#~ msgstr "c"\n', 9, "a second unit with"),
        ('msgid ""\nmsgstr "b"\n', 6, "a second unit with the same id"),  # a second header
    ],
)
def test_a_malformed_po_file_is_refused_with_its_line(content, tmp_path, body, line, problem):
    path = tmp_path / "broken.po"
    path.write_text(HEADER + body, "utf-8")

    message = refused_whole(path)

    assert f"broken.po, line {line}: not well-formed PO: {problem}" in message
    if shutil.which("msgfmt"):  # GNU gettext agrees that the file is broken
        checked = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], check=False)
        assert checked.returncode != 0


@pytest.mark.parametrize(
    ("body", "line", "problem", "as_polib_reads_it"),
    [
        ('msgid "Level"\nmsgstr "Ebene\\x41"\n', 7, "a backslash that starts no", "Ebene\\x41"),
        ('msgid "Level"\nmsgstr "Ebene\\101"\n', 7, "a backslash that starts no", "Ebene\\101"),
        ('msgid "Level"\nmsgstr "Ebene\u2028Stufe"\n', 7, "a character that ends a line", OSError),
        ('msgid "Level"\nmsgstr "Ebene\rStufe"\n', 7, "a character that ends a line", OSError),
        ('#Ebene\nmsgid "Level"\nmsgstr "Ebene"\n', 6, "a comment mark PO does not have", OSError),
    ],
)
def test_a_file_msgfmt_reads_one_way_and_polib_another_is_refused(
    content, tmp_path, body, line, problem, as_polib_reads_it
):
    """msgfmt takes these (`\\x41` is "A" to it), polib reads them otherwise or not at all:
    what is imported must be what the translator's tool meant, so they are refused."""
    text = HEADER + body
    if as_polib_reads_it is OSError:
        with pytest.raises(OSError):
            polib.pofile(text)
    else:
        assert polib.pofile(text)[0].msgstr == as_polib_reads_it
    path = tmp_path / "tool.po"
    path.write_bytes(text.encode("utf-8"))

    assert f"tool.po, line {line}: not well-formed PO: {problem}" in refused_whole(path)


def test_the_unterminated_string_is_refused_on_the_admin_page_and_nothing_stored(
    client, translator
):
    text = client.get("/de/admin/skills/skill/exchange/", {"language": "de"}).content.decode()
    broken = text.replace(
        'msgstr "Service-Level-Management"', 'msgstr "Service-Level-Managements', 1
    )
    assert broken != text
    before = content_snapshot()

    sent = SimpleUploadedFile("de.po", broken.encode(), "text/x-gettext-translation")
    page = client.post("/de/admin/skills/skill/exchange/", {"file": sent}).content.decode()

    assert re.search(
        r"de\.po, Zeile \d+: kein wohlgeformtes PO: eine Zeichenkette ohne schließendes", page
    )
    assert content_snapshot() == before


# PO as the tools expect it.


def test_the_po_file_passes_msgfmt_check_with_the_headers_tools_expect(content, tmp_path):
    require_tool("/usr/bin/msgfmt", "apt-get install gettext")
    User.objects.create_user("dora", email="dora@example.org", first_name="Dora", last_name="M")
    # An outdated unit too, whose previous English (several lines) is written as `#|` lines.
    slmo = Skill.objects.get(code="SLMO")
    OriginalText.objects.remember([slmo.guidance_notes_en])
    Skill.objects.filter(pk=slmo.pk).update(guidance_notes_en="Activities include:\nNone.")
    path = export(tmp_path, "de.po", "--user", "dora")
    catalogue = polib.pofile(str(path))

    (outdated,) = [unit for unit in catalogue if unit.msgctxt == "skill/SLMO/guidance_notes"]
    assert outdated.previous_msgid == slmo.guidance_notes_en and outdated.fuzzy
    assert po_syntax.problems(path.read_text("utf-8")) == []  # as its import will read it
    assert catalogue.metadata["Last-Translator"] == "Dora M <dora@example.org>"
    assert catalogue.metadata["Language-Team"] == "German"
    assert re.fullmatch(
        r"\d{4}-\d\d-\d\d \d\d:\d\d[+-]\d{4}", catalogue.metadata["PO-Revision-Date"]
    )
    checked = subprocess.run(
        ["msgfmt", "-c", "-o", "/dev/null", str(path)], capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stderr


def test_an_outdated_unit_carries_its_previous_english(content, tmp_path, admin_client):
    slmo = Skill.objects.get(code="SLMO")
    old = slmo.description_en
    # An editor's change in the admin, which remembers the English it replaced.
    url = f"/en/admin/skills/skill/{slmo.pk}/change/"
    from tests.editorial.test_admin import open_form, save

    save(admin_client, url, open_form(admin_client, url), description_en="A new English.")
    catalogue = polib.pofile(str(export(tmp_path)))

    (unit,) = [each for each in catalogue if each.msgctxt == "skill/SLMO/description"]
    assert unit.fuzzy
    assert unit.previous_msgid == old
    assert f'#| msgid "{old[:20]}' in path_text(tmp_path / "de.po")


def path_text(path):
    return path.read_text("utf-8")


def test_an_export_with_nothing_in_it_says_so_and_writes_no_file(content, tmp_path):
    with pytest.raises(CommandError, match="No text in de is outdated: nothing to export"):
        export(tmp_path, "de.po", "--only", "outdated")
    assert not (tmp_path / "de.po").exists()
    assert not TranslationExport.objects.exists()


def test_the_admin_page_says_there_is_nothing_to_download(client, translator):
    response = client.get(
        "/de/admin/skills/skill/exchange/", {"language": "de", "only": "outdated"}
    )

    assert "Content-Disposition" not in response
    assert (
        "Kein Text (Deutsch) ist in den gewählten Zuständen: Es gibt nichts herunterzuladen."
        in response.content.decode()
    )


# XLIFF 1.2.


def test_the_xliff_file_names_each_unit_with_its_state_notes_and_previous_english(
    content, tmp_path
):
    slmo = Skill.objects.get(code="SLMO")
    OriginalText.objects.remember([slmo.description_en])
    old = slmo.description_en
    slmo.description_en = "A new English."
    slmo.save()
    path = export(tmp_path, "de.xlf")
    root = etree.parse(str(path)).getroot()

    assert root.get("version") == "1.2"
    (file,) = root.findall(f"{XLIFF}file")
    assert (file.get("source-language"), file.get("target-language")) == ("en", "de")
    assert str(TranslationExport.objects.get().pk) in file.get("original")
    units = {unit.get("id"): unit for unit in root.iter(f"{XLIFF}trans-unit")}
    name = units["skill/SLMO/name"]
    assert name.get("resname") == "skill/SLMO/name"
    assert name.find(f"{XLIFF}target").get("state") == "translated"
    described = units["skill/SLMO/description"]
    assert described.find(f"{XLIFF}target").get("state") == "needs-review-translation"
    notes = [note.text for note in described.iter(f"{XLIFF}note")]
    assert f"previous English: {old}" in notes
    assert described.find(f"{XLIFF}alt-trans/{XLIFF}source").text == old


def test_an_xliff_file_edited_in_a_tool_comes_back_from_the_command(content, tmp_path):
    path = export(tmp_path, "de.xlf")
    store = toolkit_xliff.xlifffile.parsefile(str(path))
    (level_5,) = [unit for unit in store.units if unit.getid().endswith(LEVEL_5)]
    level_5.target = NEW_LEVEL_5
    (level_4,) = [unit for unit in store.units if unit.getid().endswith(LEVEL_4)]
    level_4.target = "Neu übersetzt."
    path.write_bytes(bytes(store).replace(b"\n", b"\r\n"))
    SkillLevel.objects.filter(skill__code="SLMO", level=4).update(description_en="Changed.")

    report = imported(path)

    levels = SkillLevel.objects.filter(skill__code="SLMO")
    assert levels.get(level=5).description_de == NEW_LEVEL_5
    assert levels.get(level=4).description_de != "Neu übersetzt."
    assert re.search(rf"Line \d+, unit {LEVEL_4}: its English changed since the export", report)


@pytest.mark.parametrize(
    ("typed", "refusal"),
    [
        # XML carries C1 controls and most noncharacters (not U+FFFE, U+FFFF): the policy
        # refuses them in an XLIFF target as in a PO unit.
        ("Ein\x85Text", "column 4: a control character (U+0085) cannot be stored"),
        ("Ein\ufdd0Text", "column 4: U+FDD0 is not a character"),
        ("Ein\U0001fffeText", "column 4: U+1FFFE is not a character"),
        ("Ein " * 2600, "characters, at most 10000 fit"),
    ],
)
def test_an_xliff_target_is_held_to_the_text_policy(content, tmp_path, typed, refusal):
    path = export(tmp_path, "de.xlf")
    store = toolkit_xliff.xlifffile.parsefile(str(path))
    (level_5,) = [unit for unit in store.units if unit.getid().endswith(LEVEL_5)]
    level_5.target = typed
    path.write_bytes(bytes(store))
    before = content_snapshot()

    report = imported(path)

    assert re.search(rf"Not imported: Line \d+, unit {LEVEL_5}: .*{re.escape(refusal)}", report)
    assert content_snapshot() == before


def test_an_xliff_file_comes_back_from_the_admin_page(client, translator, tmp_path):
    response = client.get("/de/admin/skills/skill/exchange/", {"language": "de", "format": "xlf"})
    assert response["Content-Disposition"] == 'attachment; filename="sfia-de.xlf"'
    store = toolkit_xliff.xlifffile.parsestring(response.content)
    (level_5,) = [unit for unit in store.units if unit.getid().endswith(LEVEL_5)]
    level_5.target = NEW_LEVEL_5

    sent = SimpleUploadedFile("sfia-de.xlf", bytes(store), "application/xliff+xml")
    page = client.post("/de/admin/skills/skill/exchange/", {"file": sent}).content.decode()

    assert "0 neue und 1 geänderte Übersetzungen auf Deutsch" in page
    assert SkillLevel.objects.get(skill__code="SLMO", level=5).description_de == NEW_LEVEL_5


def test_an_xliff_target_still_needing_review_is_left_as_it_was(content, tmp_path):
    path = export(tmp_path, "de.xlf")
    text = path.read_text("utf-8")
    before = SkillLevel.objects.get(skill__code="SLMO", level=5).description_de
    tree = etree.fromstring(text.encode())
    for unit in tree.iter(f"{XLIFF}trans-unit"):
        if unit.get("id") == LEVEL_5:
            target = unit.find(f"{XLIFF}target")
            target.text = NEW_LEVEL_5
            target.set("state", "needs-review-translation")
    path.write_bytes(etree.tostring(tree, xml_declaration=True, encoding="UTF-8"))

    assert "1 marked as needing work (fuzzy) left as they were" in imported(path)
    assert SkillLevel.objects.get(skill__code="SLMO", level=5).description_de == before


def test_a_malformed_xliff_file_is_refused_with_its_line(content, tmp_path):
    path = export(tmp_path, "de.xlf")
    lines = path.read_text("utf-8").split("\n")
    lines[3] = lines[3].replace(">", "", 1)  # a tag left open
    path.write_text("\n".join(lines), "utf-8")

    assert re.search(r"de\.xlf, line \d+: not well-formed XML", refused_whole(path))
