"""Each page in every language (reader/page_languages.py): the switcher's links, the hreflang
alternates, the canonical and x-default URLs, for the address asked, whatever was asked
before."""

import pytest
from django.test import RequestFactory
from django.urls import resolve
from django.utils import translation

from skills.reader.page_languages import page_languages as page_languages_of


def page_languages(path, host="testserver", secure=False):
    request = RequestFactory().get(path, HTTP_HOST=host, secure=secure)
    with translation.override(translation.get_language_from_path(path)):
        request.resolver_match = resolve(path)
        return page_languages_of(request)


def test_a_page_in_every_language():
    for _ in range(2):
        languages = page_languages("/de/skills/slmo/5/")

        assert languages["canonical_url"] == "http://testserver/de/skills/slmo/5/"
        assert [
            (language["code"], language["current"]) for language in languages["page_languages"]
        ] == [
            ("en", False),
            ("de", True),
            ("ru", False),
            ("it", False),
            ("ar", False),
        ]
        assert languages["page_languages"][4]["url"] == "http://testserver/ar/skills/slmo/5/"
        assert languages["page_languages"][4]["dir"] == "rtl"
        assert languages["page_language_name"] == "Deutsch"


def test_each_address_has_its_own_languages_at_the_sites_address(settings):
    settings.ALLOWED_HOSTS = ["testserver", "sfia.example"]
    german = page_languages("/de/skills/slmo/")
    arabic = page_languages("/ar/skills/slmo/")
    # Another host named in the request: still the site's own address (DJANGO_SITE_URL).
    elsewhere = page_languages("/de/skills/slmo/", host="sfia.example", secure=True)
    level = page_languages("/de/skills/slmo/5/")
    settings.SFIA_SITE_URL = "https://sfia.example"
    configured = page_languages("/de/skills/slmo/")

    assert german["canonical_url"] == "http://testserver/de/skills/slmo/"
    assert arabic["canonical_url"] == "http://testserver/ar/skills/slmo/"
    assert elsewhere["canonical_url"] == "http://testserver/de/skills/slmo/"
    assert configured["canonical_url"] == "https://sfia.example/de/skills/slmo/"
    assert configured["x_default_url"] == "https://sfia.example/skills/slmo/"
    assert (
        level["page_languages"][4]["switch_url"]
        == "/language/ar/?next=%2Far%2Fskills%2Fslmo%2F5%2F"
    )


def test_a_page_whose_arguments_cannot_be_remembered_has_its_languages():
    for _ in range(2):
        sitemap = page_languages("/sitemap.xml")

        assert sitemap["page_languages"][1]["url"] == "http://testserver/sitemap.xml"


@pytest.mark.django_db
def test_made_up_addresses_do_not_fill_the_memory(client):
    """Each 404 page's languages were remembered under its address (4,096 of them): long
    made-up addresses could hold hundreds of MB in each process."""
    from skills.reader.page_languages import _page_languages

    client.get("/de/skills/")  # a page: remembered
    remembered = _page_languages.cache_info().currsize

    for number in range(50):
        response = client.get(f"/de/{'x' * 3000}{number}/")
        assert response.status_code == 404
        # The switcher still keeps the reader's address, in Russian.
        assert f"/language/ru/?next=%2Fru%2F{'x' * 3000}{number}%2F" in response.text

    assert _page_languages.cache_info().currsize == remembered
