"""Exchange files through each CAT tool's save and each way in: PO saved by translate-toolkit
and by polib, XLIFF by translate-toolkit and by lxml (a tool that rebuilds the document), each
with its notes dropped, its lines re-wrapped or re-indented and CRLF line breaks, taken out and
brought back by the commands and by the admin's exchange page. Each time the safe unit comes
in, each stale one is named with why, and nothing else in the database changes; a file refused
whole changes nothing at all."""

import html
import io
import re

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from lxml import etree
from translate.storage import po as toolkit_po
from translate.storage import xliff as toolkit_xliff

from skills.framework.models import SkillLevel
from tests.conftest import content_snapshot
from tests.editorial.conftest import database_rows
from tests.editorial.test_exchange import changed_rows

pytestmark = pytest.mark.django_db

PAGE = "/en/admin/skills/skill/exchange/"
XLIFF = "{urn:oasis:names:tc:xliff:document:1.2}"
LEVEL = "skill/SLMO/level/{}/description"
NEW_LEVEL_5 = "Stellt sicher, dass die vereinbarten Serviceebenen jederzeit eingehalten werden."


def windows(data):
    return data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


def po_by_translate_toolkit(path, changes):
    store = toolkit_po.pofile.parsefile(str(path))
    for unit in store.units:
        unit.automaticcomments = []  # the "#." notes
        if unit.getcontext() in changes:
            unit.target = changes[unit.getcontext()]
    path.write_bytes(windows(bytes(store)))


def po_by_polib(path, changes):
    catalogue = polib.pofile(str(path), wrapwidth=40)  # strings wrapped at 40 columns
    for entry in catalogue:
        entry.comment = ""  # the "#." notes
        if entry.msgctxt in changes:
            entry.msgstr = changes[entry.msgctxt]
    path.write_bytes(windows(str(catalogue).encode("utf-8")))


def xliff_by_translate_toolkit(path, changes):
    store = toolkit_xliff.xlifffile.parsefile(str(path))
    for unit in store.units:
        unit.removenotes()
        unit_id = unit.xmlelement.get("id")
        if unit_id in changes:
            unit.target = changes[unit_id]
    path.write_bytes(windows(bytes(store)))


def xliff_by_lxml(path, changes):
    """As a tool that rebuilds the document: notes and alternatives dropped, re-indented, its
    own state on what it translated."""
    tree = etree.parse(str(path))
    for unit in tree.iter(f"{XLIFF}trans-unit"):
        for extra in [*unit.findall(f"{XLIFF}note"), *unit.findall(f"{XLIFF}alt-trans")]:
            unit.remove(extra)
        if unit.get("id") in changes:
            target = unit.find(f"{XLIFF}target")
            if target is None:
                target = etree.SubElement(unit, f"{XLIFF}target")
            target.text = changes[unit.get("id")]
            target.set("state", "signed-off")
    etree.indent(tree, space="\t")
    path.write_bytes(windows(etree.tostring(tree, xml_declaration=True, encoding="UTF-8")))


TOOLS = {
    "de.po": [po_by_translate_toolkit, po_by_polib],
    "de.xlf": [xliff_by_translate_toolkit, xliff_by_lxml],
}
TOOL_CASES = [(name, tool) for name, tools in TOOLS.items() for tool in tools]


def take_out(way, client, tmp_path, name, language="de"):
    """The exchange file `name` of `language`, written by the command or downloaded."""
    path = tmp_path / name
    if way == "command":
        call_command("export_translations", "--language", language, str(path), stdout=io.StringIO())
    else:
        response = client.get(PAGE, {"language": language, "format": path.suffix[1:]})
        assert response.status_code == 200
        path.write_bytes(response.content)
    return path


def bring_back(way, client, path):
    """What the command printed, or the exchange page's text, after importing `path`."""
    if way == "command":
        out = io.StringIO()
        call_command("import_translations", str(path), stdout=out)
        return out.getvalue()
    sent = SimpleUploadedFile(path.name, path.read_bytes())
    response = client.post(PAGE, {"file": sent})
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def refused_whole(way, client, path):
    """The refusal of `path`, by the command or on the page, the database as it was."""
    before = database_rows()
    if way == "command":
        with pytest.raises(CommandError) as raised:
            call_command("import_translations", str(path), stdout=io.StringIO())
        message = str(raised.value)
    else:
        message = bring_back(way, client, path)
        assert "Nothing was imported: the file was refused" in message
    assert database_rows() == before
    return message


@pytest.mark.parametrize("way", ["command", "admin page"])
@pytest.mark.parametrize(
    ("name", "tool"), TOOL_CASES, ids=lambda case: getattr(case, "__name__", case)
)
def test_a_file_saved_by_a_cat_tool_brings_its_safe_units_in_and_names_the_stale_ones(
    translator, client, tmp_path, way, name, tool
):
    path = take_out(way, client, tmp_path, name)
    tool(
        path,
        {
            LEVEL.format(5): NEW_LEVEL_5,
            LEVEL.format(4): "Meine Fassung.",
            LEVEL.format(3): "Neu übersetzt.",
        },
    )
    assert b"\r\n" in path.read_bytes()
    levels = SkillLevel.objects.filter(skill__code="SLMO")
    # Meanwhile, on the site: a colleague corrects level 4's German, an editor changes the
    # English of level 3 and of level 2 (which the translator left as it was).
    levels.filter(level=4).update(description_de="Korrigiert.")
    levels.filter(level=3).update(description_en="Monitors the service.")
    levels.filter(level=2).update(description_en="Records the service.")
    before = content_snapshot()

    report = bring_back(way, client, path)

    assert "0 new and 1 changed translations in German" in report
    assert "2 not imported" in report
    assert re.search(
        rf"Line \d+, unit {LEVEL.format(4)}: its translation was changed on the site after "
        "this file was exported",
        report,
    )
    assert re.search(
        rf"Line \d+, unit {LEVEL.format(3)}: its English changed since the export, to: "
        "“Monitors the service.”",
        report,
    )
    assert LEVEL.format(2) not in report
    level_5 = levels.get(level=5)
    assert level_5.description_de == NEW_LEVEL_5
    assert levels.get(level=4).description_de == "Korrigiert."
    # Level 5's German and, where the importer is a new author, its record: nothing else.
    key = level_5.natural_key()
    changed = changed_rows(before, content_snapshot())
    assert ("SkillLevel", key, "description_de") in changed
    assert changed <= {
        ("SkillLevel", key, "description_de"),
        ("SkillLevel", key, "translation_state"),
    }


def without_export_id(path):
    if path.suffix == ".po":
        catalogue = polib.pofile(str(path))
        del catalogue.metadata["X-SFIA-Export"]
        catalogue.save(str(path))
    else:
        text = path.read_text("utf-8")
        path.write_text(re.sub(r'original="[^"]*"', 'original="de.po"', text), "utf-8")


def broken(path):
    """`path` with a string left open (PO) or a bare "&" (XLIFF) from line 20 on; the line."""
    lines = path.read_text("utf-8").split("\n")
    for number in range(19, len(lines)):
        if path.suffix == ".po" and re.fullmatch(r'msgstr ".+"\r?', lines[number]):
            lines[number] = lines[number].rstrip().removesuffix('"')
            break
        if path.suffix == ".xlf" and "<source>" in lines[number]:
            lines[number] = lines[number].replace("<source>", "<source>& ")
            break
    path.write_text("\n".join(lines), "utf-8")
    return number + 1


@pytest.mark.parametrize("way", ["command", "admin page"])
@pytest.mark.parametrize("name", ["de.po", "de.xlf"])
def test_a_file_not_tied_to_an_export_or_broken_is_refused_whole(
    translator, client, tmp_path, way, name
):
    path = take_out(way, client, tmp_path, name)
    TOOLS[name][0](path, {LEVEL.format(5): NEW_LEVEL_5})
    without_export_id(path)
    message = refused_whole(way, client, path)
    assert f"{path.name}: it names no export of this site" in message

    path = take_out(way, client, tmp_path, name)
    TOOLS[name][0](path, {LEVEL.format(5): NEW_LEVEL_5})
    line = broken(path)
    kind = "PO" if name == "de.po" else "XML"
    assert re.search(
        rf"{name}, line {line}: not well-formed {kind}", refused_whole(way, client, path)
    )


@pytest.mark.parametrize("name", ["de.po", "de.xlf"])
def test_a_file_whose_language_is_not_its_exports_is_refused_whole(content, tmp_path, name):
    path = take_out("command", None, tmp_path, name, language="ru")
    text = path.read_text("utf-8")
    if name == "de.po":
        text = text.replace('"Language: ru\\n"', '"Language: de\\n"')
    else:
        text = text.replace('target-language="ru"', 'target-language="de"')
    path.write_text(text, "utf-8")

    message = refused_whole("command", None, path)
    assert f"{path} is in German, but its export was of Russian" in message


@pytest.mark.parametrize("way", ["command", "admin page"])
def test_a_file_whose_every_change_is_refused_leaves_the_database_as_it_was(
    translator, client, tmp_path, way
):
    path = take_out(way, client, tmp_path, "de.po")
    po_by_polib(path, {LEVEL.format(4): "Meine Fassung.", LEVEL.format(3): "Ein\x07Text."})
    SkillLevel.objects.filter(skill__code="SLMO", level=4).update(description_de="Korrigiert.")
    before = database_rows()

    report = bring_back(way, client, path)

    assert "0 new and 0 changed translations in German" in report
    assert "2 not imported" in report
    assert "a control character (U+0007) cannot be stored" in report
    assert database_rows() == before  # no revision, no record, nothing


def test_a_file_of_another_kind_is_refused_by_its_name_on_the_page(translator, client):
    sent = SimpleUploadedFile("de.sdlxliff", b"<xliff/>")  # a CAT tool's own working file
    before = database_rows()

    page = html.unescape(
        client.post("/de/admin/skills/skill/exchange/", {"file": sent}).content.decode()
    )

    assert "de.sdlxliff: Eine Austauschdatei ist eine .po-, .xlf- oder .xliff-Datei" in page
    assert database_rows() == before


def test_a_broken_xliff_file_is_named_by_its_line_without_a_second_position(content, tmp_path):
    path = take_out("command", None, tmp_path, "de.xlf")
    line = broken(path)

    message = refused_whole("command", None, path)

    assert re.search(rf"de\.xlf, line {line}: not well-formed XML: [^\n]*EntityRef", message)
    assert "column" not in message
