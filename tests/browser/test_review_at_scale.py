"""A reviewer works through the translation status page in Chromium: ticks texts, marks them
reviewed, and reads the report; the database has exactly those reviews."""

import io

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command

from skills.framework.models import Skill
from skills.framework.translation_state import Status, text_status
from tests.conftest import sign_in

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
