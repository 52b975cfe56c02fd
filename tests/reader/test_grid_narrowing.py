"""The skills grid narrowed to a category and/or to the skills defined at a level, by a plain
GET form; values that name nothing are said so, in the reader's language."""

import re

import pytest

from tests.skills import named_copy_of_slmo

pytestmark = pytest.mark.django_db


@pytest.fixture
def three_skills(content):
    """SLMO (delivery and operation; levels 2–7), STPX (strategy; 1 and 7), ITSP (strategy;
    4–6)."""
    named_copy_of_slmo("STPX", {"en": "Strategic planning"}, "strategy-and-planning", {1, 7})
    named_copy_of_slmo("ITSP", {"en": "Strategy"}, "strategy-and-planning", {4, 5, 6})


def listed_codes(page):
    return re.findall(r'<th scope="row"><a href="[^"]+"><bdi class="code"[^>]*>(\w+)</bdi>', page)


def test_the_grid_narrows_to_a_category(client, three_skills):
    page = client.get("/de/skills/?category=strategy-and-architecture").text

    assert listed_codes(page) == ["ITSP", "STPX"]
    assert "Angezeigt: die Fähigkeiten der Kategorie Strategie und Architektur." in page
    assert '<option value="strategy-and-architecture" selected>' in page
    assert '<a href="/de/skills/">Alle Fähigkeiten anzeigen</a>' in page


def test_the_grid_narrows_to_a_level_and_to_both(client, three_skills):
    assert listed_codes(client.get("/en/skills/?level=7").text) == ["STPX", "SLMO"]
    both = client.get("/ru/skills/?category=strategy-and-architecture&level=5").text
    assert listed_codes(both) == ["ITSP"]
    assert "Показаны навыки категории «Стратегия и архитектура», определённые на уровне 5." in both
    assert '<option value="5" selected>5</option>' in both
    nothing = client.get("/it/skills/?category=delivery-and-operation&level=1").text
    assert listed_codes(nothing) == []
    assert "Nessuna abilità corrisponde a questa scelta." in nothing


def test_the_form_is_a_plain_get_form_in_the_page_language(client, three_skills):
    page = client.get("/ar/skills/").text

    assert '<form class="grid-narrowing" method="get" action="/ar/skills/">' in page
    assert '<option value="">جميع الفئات</option>' in page
    assert '<option value="delivery-and-operation">التقديم والتشغيل</option>' in page
    assert '<label for="narrow-level">معرّفة في المستوى</label>' in page
    assert "<script" not in page.split('<form class="grid-narrowing"')[1].split("</form>")[0]
    assert listed_codes(page) == ["ITSP", "STPX", "SLMO"]  # the whole grid


@pytest.mark.parametrize(
    "query",
    [
        "level=9",
        "level=%27%20OR%201%3D1%20--",
        "level=5%00",
        "level=%E2%80%AE7",
        "level=&level=9",
    ],
)
def test_a_level_that_is_none_is_said_so_and_every_level_shown(client, three_skills, query):
    response = client.get(f"/de/skills/?{query}")

    assert response.status_code == 200
    assert "Die angefragte Ebene ist keine der sieben Verantwortungsebenen" in response.text
    assert listed_codes(response.text) == ["ITSP", "STPX", "SLMO"]


@pytest.mark.parametrize(
    "category", ["no-such-category", "%3Cscript%3E", "%00", "x" * 300, "Strategy-and-architecture"]
)
def test_a_category_that_is_none_is_said_so_and_every_category_shown(
    client, three_skills, category
):
    response = client.get(f"/en/skills/?category={category}&level=7")

    assert response.status_code == 200
    assert "The category asked for is not one of the framework&#39;s" in response.text
    assert "<script>" not in response.text.split("<main")[1]
    assert listed_codes(response.text) == ["STPX", "SLMO"]  # the level still narrows


def test_the_language_switcher_keeps_the_narrowed_grid(client, three_skills):
    page = client.get("/de/skills/?level=5&category=strategy-and-architecture&utm=x").text

    assert (
        "/language/ar/?next=%2Far%2Fskills%2F%3Fcategory%3Dstrategy-and-architecture%26level%3D5"
    ) in page
    assert (
        '<link rel="alternate" hreflang="ru" '
        'href="http://testserver/ru/skills/?category=strategy-and-architecture&amp;level=5">'
    ) in page
    switched = client.get(
        "/language/ar/?next=%2Far%2Fskills%2F%3Fcategory%3Dstrategy-and-architecture%26level%3D5"
    )
    assert switched.url == "/ar/skills/?category=strategy-and-architecture&level=5"
