"""The levels of responsibility: each with its essence; a level's page with the generic
attributes described at it and its skills; the skill at a level with the level's essence.
(Every page in every language: test_views.)"""

import re

import pytest

from skills.framework.models import GenericAttribute
from tests.pages import ENGLISH_STANDING_IN, section
from tests.skills import copy_of_slmo

pytestmark = pytest.mark.django_db


def test_the_level_list_shows_each_levels_essence_where_it_has_one(client, content):
    page = client.get("/de/levels/").text
    items = re.findall(r"<li>\s*<h2>.*?</li>", page, re.S)

    assert len(items) == 7
    assert "Ebene <bdi>1</bdi> — Befolgen" in items[0]
    assert "<p>Erfundener Kern der Ebene 1: arbeitet mit erfundener Sorgfalt.</p>" in items[0]
    # Level 3 has no essence in any language: no empty text, no note.
    assert '<div class="text">' not in items[2] and "fallback" not in items[2]
    assert "1 Fähigkeit auf dieser Ebene definiert" in items[2]


def test_a_level_shows_only_the_attributes_described_at_it_by_group(client, content):
    level_5 = client.get("/en/levels/5/").text
    level_7 = client.get("/en/levels/7/").text
    level_1 = client.get("/en/levels/1/").text

    # Level 5: both groups, in their order, each attribute in its group's order.
    positions = [
        level_5.index(text)
        for text in ("Invented qualities", "Zeal", "Tact", "Invented habits", "Pace")
    ]
    assert positions == sorted(positions)
    assert "<p>Keeps an invented pace at level 5.</p>" in level_5
    # ZEAL has a row at level 7, not described: it isn't there; nor is PACE, nor its group.
    assert "<p>Handles invented people with tact at level 7.</p>" in level_7
    assert "/en/attributes/zeal/" not in level_7 and "Invented habits" not in level_7
    assert "/en/attributes/pace/" in level_1 and "Invented qualities" not in level_1


def test_a_level_groups_its_skills_by_category_in_framework_order(client, content):
    copy_of_slmo("STPX", subcategory="strategy-and-planning", defined={4, 5})

    page = section(client.get("/en/levels/5/").text, '<section class="skills-at-level">')

    assert "<h2>2 skills defined at this level</h2>" in page
    assert re.findall(r"<h3>([^<]+)</h3>", page) == [
        "Strategy and architecture",
        "Delivery and operation",
    ]
    # Each skill links to its page at this level, under its category.
    strategy, delivery = page.split("<h3>")[1:]
    assert 'href="/en/skills/stpx/5/"' in strategy
    assert 'href="/en/skills/slmo/5/"' in delivery


def test_a_level_with_no_essence_and_no_attributes_shows_its_skills(client, content):
    GenericAttribute.objects.all().delete()

    page = client.get("/ru/levels/3/").text

    assert 'id="essence"' not in page and "attribute-group" not in page
    assert "<h2>1 навык определён на этом уровне</h2>" in page


def test_missing_translations_on_a_level_are_the_english_marked(client, content):
    italian = client.get("/it/levels/5/").text
    german = client.get("/de/levels/5/").text

    essence = section(italian, '<section class="essence"')
    assert "Non ancora tradotto: mostrato in inglese." in essence
    english = "<p>Invented essence of level 5: works with invented care.</p>"
    assert f"{ENGLISH_STANDING_IN}\n{english}" in essence
    # PACE has no German at level 5; ZEAL has, and isn't marked.
    pace = section(german, '<section class="attribute-at-level" aria-labelledby="attribute-pace">')
    assert f"{ENGLISH_STANDING_IN}\n<p>Keeps an invented pace at level 5.</p>" in pace
    assert "Noch nicht übersetzt: auf Englisch angezeigt." in pace
    zeal = section(german, '<section class="attribute-at-level" aria-labelledby="attribute-zeal">')
    assert "fallback" not in zeal


def test_the_skill_at_a_level_shows_the_levels_essence_and_links_to_it(client, content):
    english = section(client.get("/en/skills/slmo/5/").text, '<section class="level-essence"')
    italian = section(client.get("/it/skills/slmo/5/").text, '<section class="level-essence"')
    arabic = section(client.get("/ar/skills/slmo/3/").text, '<section class="level-essence"')

    assert '<p class="guiding-phrase">Ensure, advise</p>' in english
    assert "<p>Invented essence of level 5: works with invented care.</p>" in english
    assert '<a href="/en/levels/5/">' in english
    assert '<p class="guiding-phrase">Garantire, consigliare</p>' in italian
    assert f"{ENGLISH_STANDING_IN}\n<p>Invented essence of level 5" in italian
    # Level 3 has no essence: its guiding phrase and the link, and nothing standing in.
    assert '<p class="guiding-phrase">تطبيق</p>' in arabic
    assert '<a href="/ar/levels/3/">' in arabic
    assert "<div" not in arabic
