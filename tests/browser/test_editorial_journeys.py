"""The translators' and reviewers' journeys, clicked in Chromium, each compared with the
database: a new German translator fills a missing text; the English changes, the German form
shows the change word by word and "Still correct" clears it; a second translator reviews it,
and neither the author nor the confirmer can; a reviewer works through the status page; an
exchange file is downloaded, edited as a CAT tool saves it and uploaded on the exchange page."""

import io
import re

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command

from skills.framework.models import Skill
from skills.framework.translation_state import Status, text_status
from tests.conftest import Watched, content_snapshot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def signed_in(browser_page, live_server, username, group):
    call_command("setup_roles", stdout=io.StringIO())
    user = User.objects.create_user(username, password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return sign_in(browser_page, live_server, user)


def test_a_reviewer_ticks_texts_on_the_status_page_and_marks_them_reviewed(
    live_content, browser_page
):
    skill = Skill.objects.get(code="SLMO")
    level = skill.levels.get(level=5)
    page = signed_in(browser_page, live_content, "greta", "Translator (German)")
    page.goto(f"{live_content.url}/de/admin/skills/skill/translation-status/")

    section = page.locator("form.review-texts:has(input[name=language][value=de])")
    section.get_by_role("checkbox", name="SLMO: Name").check()
    section.get_by_role("checkbox", name="SLMO · 5: Beschreibung").check()
    section.get_by_role("button", name="Angekreuzte Texte als geprüft markieren").click()
    page.wait_for_load_state()
    browser_page.settle()

    assert page.locator(".messagelist").inner_text() == "2 Texte als geprüft markiert (Deutsch)."
    assert page.url.endswith("/translation-status/#unreviewed-de")
    skill.refresh_from_db()
    level.refresh_from_db()
    assert text_status(skill, "name", "de") == Status.REVIEWED
    assert text_status(level, "description", "de") == Status.REVIEWED
    assert text_status(skill, "description", "de") == Status.UNREVIEWED
    assert text_status(skill, "name", "ru") == Status.UNREVIEWED
    assert browser_page.console_errors == []


def as_user(chromium, live_server, username, group):
    """A browser of its own, signed in as a new member of `group`."""
    call_command("setup_roles", stdout=io.StringIO())
    user = User.objects.create_user(username, password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    context = chromium.new_context(viewport={"width": 1100, "height": 900})
    watched = Watched(context.new_page())
    sign_in(watched, live_server, user)
    return user, watched


def save(watched):
    watched.page.locator('input[name="_continue"]').click()
    watched.page.wait_for_load_state()
    watched.settle()


def test_a_german_translation_from_missing_to_reviewed_under_four_eyes(live_content, chromium):
    skill = Skill.objects.get(code="SLMO")
    SkillLevel = skill.levels.model
    SkillLevel.objects.filter(skill=skill, level=5).update(description_de=None)
    change = f"{live_content.url}/de/admin/skills/skill/{skill.pk}/change/"
    anna, anna_page = as_user(chromium, live_content, "anna", "Translator (German)")
    bernd, bernd_page = as_user(chromium, live_content, "bernd", "Translator (German)")
    clara, clara_page = as_user(chromium, live_content, "clara", "Translator (German)")

    # Anna, new, fills the missing German of level 5, a line for each of the English's.
    lines = SkillLevel.objects.get(skill=skill, level=5).description_en.count("\n") + 1
    german = "\n".join(f"Stellt sicher, dass Ziel {n} eingehalten wird." for n in range(lines))
    page = anna_page.page
    page.goto(change)
    level_5 = page.locator("#id_levels-4-description_de")
    assert level_5.input_value() == ""
    level_5.fill(german)
    save(anna_page)
    level = SkillLevel.objects.get(skill=skill, level=5)
    assert level.description_de == german
    assert text_status(level, "description", "de") == Status.UNREVIEWED

    # The English changes: Anna's form shows what changed, word by word.
    english = level.description_en
    level.description_en = english.replace("Monitors", "Checks", 1) + " Extra."
    skill.levels.model.objects.filter(pk=level.pk).update(description_en=level.description_en)
    from skills.framework.models import OriginalText

    OriginalText.objects.remember([english])
    page.goto(change)
    diff = page.locator(".translated-input:has(#id_levels-4-description_de) .english-change-text")
    assert diff.locator("ins").first.inner_text().strip() != ""
    assert "Extra." in diff.inner_text()
    assert text_status(SkillLevel.objects.get(pk=level.pk), "description", "de") == Status.OUTDATED

    # Bernd confirms Anna's words still correct: not outdated any more, not reviewed.
    page = bernd_page.page
    page.goto(change)
    page.locator("#id_levels-4-description_de__still_correct").check()
    save(bernd_page)
    level = SkillLevel.objects.get(pk=level.pk)
    assert text_status(level, "description", "de") == Status.UNREVIEWED
    assert level.description_de == german

    # Neither Anna (who wrote it) nor Bernd (who confirmed it) may review it.
    for watched in (anna_page, bernd_page):
        watched.page.goto(change)
        assert watched.page.locator("#id_levels-4-description_de__reviewed").count() == 0
        assert (
            "geschrieben oder bestätigt"
            in watched.page.locator("#skilllevel_set-group, .inline-group").first.inner_text()
        )

    # Clara reviews it.
    page = clara_page.page
    page.goto(change)
    page.locator("#id_levels-4-description_de__reviewed").check()
    save(clara_page)
    level = SkillLevel.objects.get(pk=level.pk)
    assert text_status(level, "description", "de") == Status.REVIEWED
    assert level.translation_state["de"]["description"]["reviewed"]["by"] == clara.pk
    history = page.goto(f"{live_content.url}/de/admin/skills/skill/{skill.pk}/history/")
    assert history.status == 200
    table = page.locator("#change-history").inner_text()
    assert "clara" in table and "bernd" in table and "anna" in table
    for watched in (anna_page, bernd_page, clara_page):
        assert watched.console_errors == []
        watched.page.context.close()


def test_an_exchange_file_edited_as_a_cat_tool_saves_it_is_uploaded_on_the_exchange_page(
    live_content, chromium, tmp_path
):
    from translate.storage import po as toolkit_po

    user, watched = as_user(chromium, live_content, "dora", "Translator (German)")
    page = watched.page
    page.goto(f"{live_content.url}/de/admin/skills/skill/exchange/")
    with page.expect_download() as download:
        page.get_by_role("button", name="Datei herunterladen").click()
    path = tmp_path / "sfia-de.po"
    download.value.save_as(path)
    store = toolkit_po.pofile.parsefile(str(path))
    for unit in store.units:
        unit.automaticcomments = []
        if unit.getcontext() == "skill/SLMO/level/5/description":
            unit.target = "Stellt sicher, dass die vereinbarten Serviceebenen eingehalten werden."
        if unit.getcontext() == "skill/SLMO/level/4/description":
            unit.target = "Meine Fassung."
    path.write_bytes(bytes(store).replace(b"\n", b"\r\n"))
    # Meanwhile a colleague corrects level 4 in the admin.
    skill = Skill.objects.get(code="SLMO")
    skill.levels.filter(level=4).update(description_de="Korrigiert.")
    before = content_snapshot()

    page.locator("#id_file").set_input_files(str(path))
    page.get_by_role("button", name="Datei importieren").click()
    page.wait_for_load_state()
    watched.settle()

    report = page.locator("#report").inner_text()
    assert "0 neue und 1 geänderte Übersetzungen auf Deutsch" in report
    assert re.search(r"Einheit skill/SLMO/level/4/description: Die Übersetzung wurde auf", report)
    assert skill.levels.get(level=4).description_de == "Korrigiert."
    assert skill.levels.get(level=5).description_de.startswith("Stellt sicher, dass die vereinb")
    assert content_snapshot() != before
    assert watched.console_errors == []
    watched.page.context.close()
