"""The pages the imported content gives (the reader's site grows in later work)."""

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


@pytest.fixture
def content():
    call_command("loaddata", "fixtures/sfia.json", verbosity=0)


def test_every_url_has_a_language_prefix(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 302
    assert response["Location"] == "/de/"
    assert client.get("/").headers["Location"] == "/en/"


def test_home_lists_the_skills_in_the_page_language(client, content):
    response = client.get("/ru/")
    assert response.status_code == 200
    assert '<html lang="ru" dir="ltr">' in response.text
    assert "Управление уровнем услуг" in response.text
    assert 'href="/ru/skills/slmo/"' in response.text


def test_skill_page_in_arabic_is_right_to_left(client, content):
    response = client.get("/ar/skills/slmo/")
    assert response.status_code == 200
    assert '<html lang="ar" dir="rtl">' in response.text
    assert "إدارة مستوى الخدمة" in response.text
    assert "يراقب ويسجل الخدمة الفعلية المقدمة." in response.text


def test_skill_code_in_another_case_redirects_permanently(client, content):
    response = client.get("/de/skills/SLMO/")
    assert response.status_code == 301
    assert response["Location"] == "/de/skills/slmo/"


def test_unknown_skill_is_404(client, content):
    assert client.get("/en/skills/nope/").status_code == 404
