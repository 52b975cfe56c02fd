"""Every skill from A to Z by its name in the page's language, sorted as an index in that
language sorts: case and marks folded, Arabic's article passed over."""

import re

import pytest

from skills.reader.skill_grid import sort_key
from tests.skills import named_copy_of_slmo

pytestmark = pytest.mark.django_db


@pytest.fixture
def named_skills(content):
    named_copy_of_slmo(
        "DTAN",
        {"ru": "Анализ данных", "ar": "أمن المعلومات", "de": "Datenanalyse"},
    )
    named_copy_of_slmo(
        "CPMG",
        {"ru": "Ёмкостное планирование", "ar": "التخطيط الاستراتيجي", "de": "Änderungen"},
    )
    named_copy_of_slmo("BSMO", {"ru": "бизнес-модели", "ar": "برمجة", "de": "Betrieb"})
    named_copy_of_slmo("ITSP", {"en": "Strategy", "ru": None, "ar": "تطوير", "de": "Zugang"})


def index(page):
    """[(initial, [code, …]), …] as the page lists them."""
    sections = re.findall(r'<h2 id="initial-\d+">([^<]+)</h2>(.*?)</section>', page, re.S)
    return [
        (initial, re.findall(r'<bdi class="code" translate="no">(\w+)</bdi>', skills))
        for initial, skills in sections
    ]


def test_russian_sorts_yo_with_ye_and_ignores_case(client, named_skills):
    page = client.get("/ru/skills/a-z/").text

    # "Ё" sorts as "Е" (in Unicode it is after "я"), "бизнес" with "Б"; English standing in
    # is marked, sorted as it reads.
    assert index(page) == [
        ("S", ["ITSP"]),
        ("А", ["DTAN"]),
        ("Б", ["BSMO"]),
        ("Е", ["CPMG"]),
        ("У", ["SLMO"]),
    ]
    assert '<span class="fallback" lang="en" dir="ltr">Strategy</span>' in page
    assert "<h1>Навыки от А до Я</h1>" in page
    assert '<a href="/ru/skills/dtan/">Анализ данных' in page


def test_arabic_sorts_hamza_forms_as_alif_and_passes_over_the_article(client, named_skills):
    page = client.get("/ar/skills/a-z/").text

    # إدارة and أمن under ا (by their next letters: د before م); التخطيط under ت.
    assert index(page) == [
        ("ا", ["SLMO", "DTAN"]),
        ("ب", ["BSMO"]),
        ("ت", ["CPMG", "ITSP"]),
    ]
    assert '<a href="#initial-3">ت</a>' in page


def test_german_sorts_umlauts_with_their_letters(client, named_skills):
    page = client.get("/de/skills/a-z/").text

    assert index(page) == [
        ("A", ["CPMG"]),
        ("B", ["BSMO"]),
        ("D", ["DTAN"]),
        ("S", ["SLMO"]),
        ("Z", ["ITSP"]),
    ]
    # The grid links to it.
    assert (
        '<a href="/de/skills/a-z/">Alle Fähigkeiten von A bis Z</a>'
        in client.get("/de/skills/").text
    )


def test_the_sort_key_folds_case_and_marks():
    names = ["Zebra", "ärger", "Apfel", "ёлка", "Еда", "яма"]
    assert sorted(names, key=sort_key) == ["Apfel", "ärger", "Zebra", "Еда", "ёлка", "яма"]
