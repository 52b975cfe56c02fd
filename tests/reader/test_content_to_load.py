"""A site with only the sample skill (no generic attributes, no levels' essences) tells a
visitor, in their language, what a licensed organisation loads and how."""

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db

GERMAN_HEADING = "Die Inhalte dieser Website sind noch nicht geladen"


@pytest.fixture
def sample_skill_only(db):
    call_command("loaddata", "fixtures/sfia.json", verbosity=0)


def test_the_attributes_page_says_what_is_loaded_and_how(client, sample_skill_only):
    page = client.get("/de/attributes/").text

    assert GERMAN_HEADING in page
    assert "eine von der SFIA Foundation lizenzierte Organisation" in page
    assert (
        "die allgemeinen Attribute auf jeder Ebene und alle Fähigkeiten mit ihren "
        "Beschreibungen auf jeder Ebene"
    ) in page
    assert "<code>manage.py import_spreadsheet</code>" in page
    assert "<code>manage.py import_sources</code>" in page
    assert '<a href="https://sfia-online.org/">sfia-online.org</a>' in page


def test_the_level_pages_say_so_in_the_reader_s_language(client, sample_skill_only):
    assert "Содержимое этого сайта ещё не загружено" in client.get("/ru/levels/").text
    level = client.get("/ar/levels/5/").text
    assert "لم يُحمَّل محتوى هذا الموقع بعد" in level
    assert "<code>manage.py import_spreadsheet</code>" in level


def test_a_loaded_site_does_not(client, content):
    for path in ("/de/attributes/", "/de/levels/", "/de/levels/5/"):
        assert GERMAN_HEADING not in client.get(path).text, path
