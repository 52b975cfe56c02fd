"""The admin's exchange page, clicked in Chromium: a PO file downloaded there, saved as polib
saves it (notes dropped, re-wrapped, CRLF) and uploaded with the file input. The report names
the text that came in and each unit that did not, with why; the database holds exactly that
change. A broken file is refused, naming its line, and changes nothing."""

import polib
import pytest

from skills.framework.models import SkillLevel
from tests.browser.test_browser import signed_in_as_superuser
from tests.conftest import content_snapshot
from tests.editorial.test_exchange import changed_rows

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LEVEL = "skill/SLMO/level/{}/description"
NEW_LEVEL_5 = "Stellt sicher, dass die vereinbarten Serviceebenen jederzeit eingehalten werden."


def imported(page, path, watched):
    page.locator("#id_file").set_input_files(str(path))
    page.get_by_role("button", name="Datei importieren").click()
    page.wait_for_load_state()
    watched.settle()


def test_a_po_file_uploaded_on_the_exchange_page_brings_in_its_safe_unit_alone(
    live_content, browser_page, tmp_path
):
    page = signed_in_as_superuser(browser_page, live_content, "editor")
    page.goto(f"{live_content.url}/de/admin/skills/skill/exchange/")
    page.get_by_label("Sprache").select_option("de")
    with page.expect_download() as download:
        page.get_by_role("button", name="Datei herunterladen").click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)

    catalogue = polib.pofile(str(path), wrapwidth=40)
    for entry in catalogue:
        entry.comment = ""
    by_id = {entry.msgctxt: entry for entry in catalogue}
    by_id[LEVEL.format(5)].msgstr = NEW_LEVEL_5
    by_id[LEVEL.format(3)].msgstr = "Neu übersetzt."
    by_id["skill/SLMO/guidance_notes"].msgstr = "Nur eine Zeile."
    path.write_bytes(str(catalogue).replace("\n", "\r\n").encode("utf-8"))
    lines = {entry.msgctxt: entry.linenum for entry in polib.pofile(str(path))}
    levels = SkillLevel.objects.filter(skill__code="SLMO")
    levels.filter(level=3).update(description_en="Monitors the service.")  # meanwhile
    before = content_snapshot()

    imported(page, path, browser_page)

    report = page.locator("#report")
    assert "0 neue und 1 geänderte Übersetzungen auf Deutsch" in report.inner_text()
    refused = report.locator(".refused-units li").all_inner_texts()
    assert len(refused) == 2
    assert refused[0].startswith(
        f"Zeile {lines['skill/SLMO/guidance_notes']}, Einheit skill/SLMO/guidance_notes: das "
        "Englische hat 7 Zeilen (Punkte, Absätze) und die aktuelle Übersetzung 6, diese "
        "Übersetzung 1"
    )
    assert refused[1] == (
        f"Zeile {lines[LEVEL.format(3)]}, Einheit {LEVEL.format(3)}: Ihr englischer Text hat "
        "sich seit dem Export geändert, jetzt: „Monitors the service.“; exportieren Sie sie "
        "erneut und übersetzen Sie den neuen englischen Text"
    )
    level_5 = levels.get(level=5)
    assert level_5.description_de == NEW_LEVEL_5
    changed = changed_rows(before, content_snapshot())
    assert changed == {
        ("SkillLevel", level_5.natural_key(), "description_de"),
        ("SkillLevel", level_5.natural_key(), "translation_state"),
    }

    # The same file with a string left open: refused whole, by its line.
    text = path.read_bytes().decode("utf-8")
    path.write_bytes(text.replace('"Neu übersetzt."', '"Neu übersetzt.', 1).encode("utf-8"))
    line = text[: text.index('"Neu übersetzt."')].count("\n") + 1
    before = content_snapshot()

    imported(page, path, browser_page)

    refusal = page.locator("#refused").inner_text()
    assert "Nichts wurde importiert: die Datei wurde abgelehnt" in refusal
    assert (
        f"{path.name}, Zeile {line}: kein wohlgeformtes PO: eine Zeichenkette ohne schließendes"
    ) in refusal
    assert content_snapshot() == before
    assert browser_page.console_errors == []
