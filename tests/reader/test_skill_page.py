"""A skill page read in one query, in the page's language with English standing in, and
translated texts rendered as HTML."""

import re

import pytest
from django.core.management import call_command
from django.utils import translation

from skills.framework.models import Skill, SkillLevel
from skills.framework.translation_state import Status
from skills.reader.skill_page import read_skill_page
from skills.reader.text import Translated, together
from tests.skills import named_copy_of_slmo

pytestmark = pytest.mark.django_db


@pytest.fixture
def content():
    call_command("loaddata", "fixtures/sfia.json", verbosity=0)


def test_a_german_skill_page_holds_the_german_texts_in_one_query(
    content, django_assert_num_queries
):
    with django_assert_num_queries(1):
        page = read_skill_page("SLMO", "de")

    assert page.code == "SLMO"
    # Each with its state, read with it: the fixture's translations are not yet reviewed.
    unreviewed = Status.UNREVIEWED
    assert page.name == Translated("Service-Level-Management", fallback=False, status=unreviewed)
    assert page.category.text == "Bereitstellung und Betrieb"
    assert page.subcategory.text == "Servicemanagement"
    assert page.guidance_notes.text.startswith("Das Planen, Implementieren, Kontrollieren")
    assert [level.number for level in page.levels] == [1, 2, 3, 4, 5, 6, 7]
    assert page.defined_levels == [2, 3, 4, 5, 6, 7]
    assert page.level(3).guiding_phrase == Translated("Anwenden", False, unreviewed)
    assert page.level(3).description.text.startswith("Überwacht die Leistungskennzahlen")
    # Links in the language it was read in, whatever the active one.
    assert page.get_absolute_url() == "/de/skills/slmo/"
    assert page.level(3).get_absolute_url() == "/de/skills/slmo/3/"
    assert page.nearest_defined_levels(1) == (None, 2)


def test_a_missing_translation_is_the_english_text_marked_as_such(content):
    Skill.objects.filter(code="SLMO").update(name_it=None, description_it="")
    SkillLevel.objects.filter(skill__code="SLMO", level=4).update(description_it=None)

    page = read_skill_page("SLMO", "it")

    assert page.name == Translated("Service level management", fallback=True)
    assert page.description.fallback
    assert page.description.text.startswith("Agreeing targets for service levels")
    assert page.level(4).description.fallback
    assert not page.level(5).description.fallback
    # An English page has nothing to mark.
    assert not read_skill_page("SLMO", "en").name.fallback


def test_no_such_skill_is_none(content):
    assert read_skill_page("NOPE", "de") is None


def test_a_skill_with_no_levels_yet_has_a_page_without_them(client, content):
    SkillLevel.objects.filter(skill__code="SLMO").delete()

    assert read_skill_page("SLMO", "en").levels == []
    response = client.get("/en/skills/slmo/")
    assert response.status_code == 200
    assert "Service level management" in response.text
    assert 'id="level-' not in response.text


def test_lines_are_paragraphs_with_dashed_lines_as_lists_all_escaped():
    text = Translated("First <b>one</b>\n- a & b\n- c\nLast", fallback=False)

    assert str(text.paragraphs) == (
        '\n<div class="text">'
        "\n<p>First &lt;b&gt;one&lt;/b&gt;</p>"
        "\n<ul><li>a &amp; b</li><li>c</li></ul>"
        "\n<p>Last</p>"
        "\n</div>"
    )
    assert str(Translated("x\n<y>", fallback=False).items) == (
        '\n<div class="text">\n<ul><li>x</li><li>&lt;y&gt;</li></ul>\n</div>'
    )
    assert str(Translated("", fallback=False).paragraphs) == ""


def test_english_standing_in_is_marked_in_the_page_language():
    with translation.override("de"):
        inline = Translated("Service <level>", fallback=True).inline
        block = str(Translated("One line.", fallback=True).paragraphs)

    assert inline == (
        '<span class="fallback" lang="en" dir="ltr">Service &lt;level&gt;</span> '
        '<span class="fallback-note">(noch nicht übersetzt)</span>'
    )
    assert block == (
        '<p class="fallback-note">Noch nicht übersetzt: auf Englisch angezeigt.</p>\n'
        '<div class="text fallback" lang="en" dir="ltr">\n<p>One line.</p>\n</div>'
    )


def test_english_standing_in_for_texts_one_after_another_is_one_block_under_one_note():
    intro, items = Translated("Intro.", fallback=True), Translated("a\nb", fallback=True)
    own = Translated("Eigener Text.", fallback=False)
    with translation.override("de"):
        both = together(intro.paragraphs, items.items)
        apart = together(intro.paragraphs, own.paragraphs, items.items)
        # An empty text is no block: it neither splits a run nor adds a note.
        empty = Translated("", fallback=False)
        with_empty = together(intro.paragraphs, empty.paragraphs, items.items)

    assert both == (
        '<p class="fallback-note">Noch nicht übersetzt: auf Englisch angezeigt.</p>\n'
        '<div class="text fallback" lang="en" dir="ltr">'
        "\n<p>Intro.</p>\n<ul><li>a</li><li>b</li></ul>\n</div>"
    )
    # A translated text between two stand-ins: each stand-in has its own note.
    assert apart.count("Noch nicht übersetzt") == 2
    assert '<div class="text">\n<p>Eigener Text.</p>\n</div>' in apart
    assert with_empty == both


def test_a_skill_page_lists_the_other_skills_of_its_subcategory(client, content):
    named_copy_of_slmo("AVMT", {"de": "Verfügbarkeitsmanagement"}, "service-management")
    named_copy_of_slmo("ZZSM", {"en": "Zone management", "de": None}, "service-management")
    named_copy_of_slmo("STPX", {"de": "Strategische Planung"}, "strategy-and-planning")

    page = client.get("/de/skills/slmo/").text
    others = page.split('<nav class="other-skills"')[1].split("</nav>")[0]

    assert '<h2 id="other-skills">Weitere Fähigkeiten in Servicemanagement</h2>' in others
    # In the framework's order (by code), English standing in marked; not the skill itself,
    # nor another subcategory's.
    assert re.findall(r'<li><a href="([^"]+)"><bdi class="code" translate="no">(\w+)', others) == [
        ("/de/skills/avmt/", "AVMT"),
        ("/de/skills/zzsm/", "ZZSM"),
    ]
    assert "Verfügbarkeitsmanagement" in others
    assert '<span class="fallback" lang="en" dir="ltr">Zone management</span>' in others
    assert "STPX" not in others and "SLMO" not in others


def test_a_skill_alone_in_its_subcategory_lists_none(client, content):
    assert 'class="other-skills"' not in client.get("/en/skills/slmo/").text
