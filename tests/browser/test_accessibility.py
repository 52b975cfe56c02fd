"""axe-core finds nothing (WCAG 2.0, 2.1, 2.2 A and AA, and best practices) on any page type
in any language, nor on the admin's change form."""

import io

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.test import Client

from skills.framework.models import GlossaryTerm, Skill
from tests.conftest import NODE_MODULES, require_tool
from tests.pages import EVERY_PAGE, LANGUAGES, OUTDATED_PAGES, outdate_translations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = NODE_MODULES / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


@pytest.fixture
def axe_page(chromium):
    require_tool(AXE, "run `npm ci` in the project")
    # Our own Content-Security-Policy (rightly) refuses injected scripts: axe is a guest.
    context = chromium.new_context(bypass_csp=True, viewport={"width": 1100, "height": 900})
    yield context.new_page()
    context.close()


def violations(page, url=None):
    """What axe finds on `url`, or on the page as it is now."""
    if url is not None:
        page.goto(url)
        page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS
    )
    return [
        (violation["id"], [node["target"] for node in violation["nodes"]][:3])
        for violation in result["violations"]
    ]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", EVERY_PAGE.values())
def test_reader_pages(live_content, axe_page, path, lang):
    assert violations(axe_page, live_content.url + path.format(lang=lang)) == []


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_reader_pages_with_outdated_translations(live_content, axe_page, lang):
    outdate_translations()
    for path in OUTDATED_PAGES.values():
        assert violations(axe_page, live_content.url + path.format(lang=lang)) == [], path


@pytest.mark.parametrize(
    ("lang", "group", "outdated"),
    [
        ("en", None, False),
        ("ar", None, False),
        ("de", "Translator (German)", False),
        ("ar", "Translator (Arabic)", False),
        ("ar", None, True),
        ("de", "Translator (German)", True),
    ],
)
def test_admin_change_form(live_content, axe_page, lang, group, outdated):
    """The editor's form, with every language's section closed and open, and a translator's
    field-by-field one; with outdated translations, their change in the English and the
    checkboxes of their state; with the glossary's warnings (SLMO's German name has no
    "Ebene")."""
    if outdated:
        outdate_translations()
    GlossaryTerm.objects.create(term_en="level", term_de="Ebene", term_ar="مستوى")
    if group is None:
        user = User.objects.create_superuser("axe", password="pw")
    else:
        call_command("setup_roles", stdout=io.StringIO())
        user = User.objects.create_user("axe", password="pw", is_staff=True)
        user.groups.add(Group.objects.get(name=group))
    client = Client()
    client.force_login(user)
    axe_page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_content.url}]
    )
    skill = Skill.objects.get(code="SLMO")

    url = f"{live_content.url}/{lang}/admin/skills/skill/{skill.pk}/change/"
    assert violations(axe_page, url) == []
    if group is None:
        axe_page.locator("#language-sections-choice").select_option("all")
        assert violations(axe_page) == []
