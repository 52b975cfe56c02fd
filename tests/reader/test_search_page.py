"""The search page (/<lang>/search/?q=…): results in the page's language and the English
source, each marked with its language; the form in every page's header; the counts in each
language's plurals; any input a normal page; kept from crawlers; the OpenSearch description;
the page in every language keeping its query; and what a search costs in queries."""

import re
import xml.etree.ElementTree as ET
from functools import partial

import pytest
from django.utils import translation

from skills.framework.models import Skill
from skills.reader import page_languages
from skills.reader.templating.search import query_cut, results_found
from skills.search import engine
from tests.pages import LANGUAGES, PAGES

pytestmark = pytest.mark.django_db

# What each language calls a match in the English text, on its search page.
MATCHED_IN_ENGLISH = {
    "de": "Im englischen Text gefunden",
    "ru": "Найдено в английском тексте",
    "it": "Trovato nel testo inglese",
    "ar": "وُجدت في النص الإنجليزي",
}


def search_page(client, lang, query):
    response = client.get(f"/{lang}/search/", {"q": query})
    assert response.status_code == 200
    return response


def test_results_link_to_their_pages_with_the_words_marked(client, content):
    response = search_page(client, "en", "service")
    html = response.text

    assert '<p class="search-count">7 results for “<bdi>service</bdi>”</p>' in html
    # The name first, then each level whose text matched, linked to the skill at that level.
    assert (
        '<h2><a href="/en/skills/slmo/"><bdi class="code" translate="no">SLMO</bdi> '
        "Service level management</a></h2>"
    ) in html
    assert (
        '<a href="/en/skills/slmo/5/"><bdi class="code" translate="no">SLMO</bdi> '
        "Service level management — Level <bdi>5</bdi></a>"
    ) in html
    assert html.index('href="/en/skills/slmo/"') < html.index('href="/en/skills/slmo/5/"')
    assert '<p class="snippet">Ensures <mark>service</mark> delivery meets agreed' in html
    assert "matched-in" not in html  # English is the page's own language


def test_search_pages_are_kept_from_crawlers_and_caches(client, content):
    response = search_page(client, "de", "service")

    assert response["X-Robots-Tag"] == "noindex"
    assert '<meta name="robots" content="noindex">' in response.text
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    # Other pages are indexed.
    skill = client.get("/de/skills/slmo/")
    assert "noindex" not in skill.text and not skill.has_header("X-Robots-Tag")


def test_an_english_match_on_an_arabic_page_is_marked_english_and_left_to_right(client, content):
    html = search_page(client, "ar", "service").text

    # The name in Arabic; the English text that matched marked as English, under a label.
    assert (
        '<a href="/ar/skills/slmo/"><bdi class="code" translate="no">SLMO</bdi> '
        "إدارة مستوى الخدمة</a>"
    ) in html
    assert '<p class="snippet" lang="en" dir="ltr"><mark>Service</mark> level management</p>' in (
        html
    )
    assert f'<p class="matched-in">{MATCHED_IN_ENGLISH["ar"]}</p>' in html
    assert "المستوى <bdi>5</bdi>" in html
    assert '<p class="search-count">7 نتائج للبحث عن «<bdi>service</bdi>»</p>' in html


def test_a_match_in_the_page_language_carries_no_other_language(client, content):
    html = search_page(client, "de", "Vereinbarung").text

    assert '<p class="search-count">2 Ergebnisse für „<bdi>Vereinbarung</bdi>“</p>' in html
    assert '<p class="snippet">Das <mark>Vereinbaren</mark> von Zielen für Serviceebenen' in html
    assert "<mark>Vereinbarungen</mark>" in html
    assert MATCHED_IN_ENGLISH["de"] not in html
    assert "<h1>Suchen</h1>" in html
    assert "<title>Suche: Vereinbarung · SFIA</title>" in html


@pytest.mark.parametrize("lang", ["de", "ru", "it"])
def test_english_matches_on_translated_pages_are_labelled(client, content, lang):
    # "negotiation" is in SLMO's English texts only.
    html = search_page(client, lang, "negotiation").text

    assert f'<p class="matched-in">{MATCHED_IN_ENGLISH[lang]}</p>' in html
    assert '<p class="snippet" lang="en" dir="ltr">' in html
    assert "<mark>Negotiates</mark>" in html
    assert f'href="/{lang}/skills/slmo/5/"' in html


def test_a_name_with_no_translation_is_english_standing_in_marked(client, content):
    skill = Skill.objects.get(code="SLMO")
    skill.name_ar = None
    skill.save()

    html = search_page(client, "ar", "service").text

    assert (
        '<bdi class="code" translate="no">SLMO</bdi> '
        '<span class="fallback" lang="en" dir="ltr">Service level management</span> '
        '<span class="fallback-note">(لم تُترجم بعد)</span>'
    ) in html


def test_an_attribute_is_found_by_its_code(client, content):
    html = search_page(client, "de", "zeal").text

    # The attribute by its code, then its levels, whose English texts say "zeal".
    assert '<p class="search-count">6 Ergebnisse für „<bdi>zeal</bdi>“</p>' in html
    zeal = '<a href="/de/attributes/zeal/"><bdi class="code" translate="no">ZEAL</bdi> Eifer</a>'
    assert zeal in html
    assert '<p class="snippet"><bdi translate="no"><mark>ZEAL</mark></bdi></p>' in html


# The count of results, in each language's plural forms.
COUNTS = {
    "en": {1: "1 result for", 2: "2 results for", 5: "5 results for"},
    "de": {1: "1 Ergebnis für", 2: "2 Ergebnisse für", 21: "21 Ergebnisse für"},
    "ru": {
        1: "1 результат по запросу",
        3: "3 результата по запросу",
        5: "5 результатов по запросу",
        21: "21 результат по запросу",
        12: "12 результатов по запросу",
    },
    "it": {1: "1 risultato per", 2: "2 risultati per"},
    "ar": {
        1: "نتيجة واحدة (1) للبحث عن",
        2: "نتيجتان (2) للبحث عن",
        5: "5 نتائج للبحث عن",
        11: "11 نتيجةً للبحث عن",
        100: "100 نتيجة للبحث عن",
    },
}


@pytest.mark.parametrize("lang", COUNTS)
def test_the_count_takes_the_plural_form_of_the_page_language(lang):
    with translation.override(lang):
        for count, text in COUNTS[lang].items():
            found = results_found(count, "<b>")
            assert found.startswith(text), (count, found)
            assert "<bdi>&lt;b&gt;</bdi>" in found


@pytest.mark.parametrize(
    ("lang", "note"),
    [
        ("en", "Your search was cut to its first 200 characters."),
        ("de", "Ihre Suche wurde auf ihre ersten 200 Zeichen gekürzt."),
        ("ru", "Ваш запрос сокращён до первых 200 символов."),
        ("it", "La ricerca è stata troncata ai primi 200 caratteri."),
        ("ar", "اقتُطع بحثك إلى أول 200 حرف."),
    ],
)
def test_an_overlong_query_is_cut_with_a_note(client, content, lang, note):
    html = search_page(client, lang, "service or " + "x" * 250).text

    assert f'<p class="search-note">{note}</p>' in html
    value = re.search(r'id="search-page-query" name="q" value="([^"]*)"', html)[1]
    assert len(value) <= engine.MAX_QUERY_LENGTH
    assert "<mark>" in html  # and searched


@pytest.mark.parametrize(
    ("lang", "note"),
    [
        ("en", "Your search was cut to its first 16 words."),
        ("de", "Ihre Suche wurde auf ihre ersten 16 Wörter gekürzt."),
        ("ru", "Ваш запрос сокращён до первых 16 слов."),
        ("it", "La ricerca è stata troncata alle prime 16 parole."),
        ("ar", "اقتُطع بحثك إلى أول 16 كلمة."),
    ],
)
def test_a_query_of_too_many_words_is_cut_with_a_note(client, content, lang, note):
    html = search_page(client, lang, "service " * 20).text

    assert f'<p class="search-note">{note}</p>' in html
    value = re.search(r'id="search-page-query" name="q" value="([^"]*)"', html)[1]
    assert value == " ".join(["service"] * 16)
    assert "<mark>" in html


def test_plurals_of_the_cut_note():
    with translation.override("ar"):
        assert query_cut(2) == "اقتُطع بحثك إلى أول حرفين (2)."
        assert query_cut(5) == "اقتُطع بحثك إلى أول 5 أحرف."
    with translation.override("ru"):
        assert query_cut(21) == "Ваш запрос сокращён до первого 21 символа."


def test_more_results_than_shown_are_noted(client, content, monkeypatch):
    monkeypatch.setattr(engine, "search", partial(engine.search, limit=2))

    html = search_page(client, "it", "service").text

    assert html.count('<p class="snippet"') == 2
    assert "Ci sono più risultati di quelli mostrati qui" in html


@pytest.mark.parametrize("url", ["/de/search/", "/de/search/?q=", "/de/search/?q=%20%20%00"])
def test_no_query_gives_the_form_and_a_hint(client, content, url):
    response = client.get(url)
    html = response.text

    assert response.status_code == 200
    assert '<p class="search-hint">Geben Sie den Namen oder Code einer Fähigkeit' in html
    assert 'id="search-page-query" name="q" value=""' in html
    assert "search-results" not in html and "no-results" not in html
    assert "<title>Suchen · SFIA</title>" in html


# What the page says when nothing matches, and the English term it suggests.
NO_RESULTS = {
    "en": ("No results for “<bdi>xqzzy</bdi>”", "Check the spelling", None),
    "de": (
        "Keine Ergebnisse für „<bdi>xqzzy</bdi>“",
        "Prüfen Sie die Schreibweise",
        "Versuchen Sie es mit dem englischen Begriff",
    ),
    "ru": (
        "По запросу «<bdi>xqzzy</bdi>» ничего не найдено",
        "Проверьте написание",
        "Попробуйте английский термин",
    ),
    "it": (
        "Nessun risultato per «<bdi>xqzzy</bdi>»",
        "Controlla l’ortografia",
        "Prova il termine inglese",
    ),
    "ar": ("لا نتائج للبحث عن «<bdi>xqzzy</bdi>»", "تحقّق من الإملاء", "جرّب المصطلح الإنجليزي"),
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_results_help_in_the_page_language(client, content, lang):
    html = search_page(client, lang, "xqzzy").text
    heading, spelling, english_term = NO_RESULTS[lang]

    assert f'<h2 class="no-results">{heading}</h2>' in html
    assert spelling in html
    if english_term:
        assert english_term in html
    else:
        assert "English term" not in html  # English is what the page searches already
    main = html[html.index("<main") :]
    assert f'<a href="/{lang}/skills/">' in main
    assert f'<a href="/{lang}/levels/">' in main


def test_a_query_given_twice_is_searched_once(client, content):
    html = client.get("/en/search/?q=xqzzy&q=zeal").text

    assert '<p class="search-count">6 results for “<bdi>zeal</bdi>”</p>' in html
    assert html.count('value="zeal"') == 2  # the header's form and the page's
    assert "xqzzy" not in html


HOSTILE = [
    "a" * 2000,
    "\"quoted\" 'single'",
    "' OR 1=1 --",
    "!:*&|<->()",
    "service & !level | (<->):*",
    "\x00",
    "service\x00level",
    "\u202eecivres\u202c",
    "\u2066service\u2069",
    '<script>alert("x")</script>',
    '"><img src=x onerror=alert(1)>',
]


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("query", HOSTILE)
def test_any_input_gives_a_normal_page(client, content, lang, query):
    html = search_page(client, lang, query).text

    assert "<h1>" in html
    assert "<script" not in html and "<img" not in html
    assert "\x00" not in html and "\u202e" not in html and "\u2066" not in html


@pytest.mark.parametrize("raw", ["%ff", "%ff%fe", "q%ff", "%00", "%e2%80%ae", "%C0%AF"])
def test_bytes_that_are_no_utf8_give_a_normal_page(client, content, raw):
    response = client.get(f"/de/search/?q={raw}")

    assert response.status_code == 200
    assert "<h1>Suchen</h1>" in response.text


def test_a_script_in_the_query_is_shown_escaped(client, content):
    html = search_page(client, "en", "<script>alert(1)</script>").text

    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


@pytest.mark.parametrize("page", [*PAGES.values(), "/{lang}/skills/nope/", "/{lang}/search/"])
def test_every_page_has_the_search_form_in_its_header(client, content, page):
    html = client.get(page.format(lang="de")).text
    header = html[html.index("<header") : html.index("</header>")]

    assert '<form class="search-form" role="search" aria-label="Suche auf der Website"' in header
    assert 'action="/de/search/" method="get"' in header
    assert (
        '<label class="visually-hidden" for="site-search">'
        "Nach Fähigkeiten und allgemeinen Attributen suchen</label>"
    ) in header
    assert '<input type="search" id="site-search" name="q"' in header
    assert '<button type="submit">Suchen</button>' in header
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids))


def test_the_search_page_and_the_404_offer_a_form_of_their_own(client, content):
    search = search_page(client, "ru", "соглашение").text
    missing = client.get("/ru/skills/nope/")

    for html in (search, missing.text):
        main = html[html.index("<main") :]
        assert 'role="search" aria-label="Поиск по системе навыков"' in main
    assert 'id="search-page-query" name="q" value="соглашение"' in search
    assert 'id="site-search" name="q" value="соглашение"' in search
    assert missing.status_code == 404
    assert '<input type="search" id="not-found-query" name="q" value=""' in missing.text


OPENSEARCH = "{http://a9.com/-/spec/opensearch/1.1/}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_language_has_its_opensearch_description(client, content, lang):
    response = client.get(f"/{lang}/opensearch.xml")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/opensearchdescription+xml; charset=utf-8"
    root = ET.fromstring(response.content)
    assert root.tag == f"{OPENSEARCH}OpenSearchDescription"
    short_name = root.find(f"{OPENSEARCH}ShortName").text
    assert short_name.startswith("SFIA (") and len(short_name) <= 16
    assert root.find(f"{OPENSEARCH}InputEncoding").text == "UTF-8"
    assert root.find(f"{OPENSEARCH}Language").text == lang
    urls = {url.get("type"): url.get("template") for url in root.iter(f"{OPENSEARCH}Url")}
    assert urls["text/html"] == f"http://testserver/{lang}/search/?q={{searchTerms}}"
    # Every page of the language names it, under the same name.
    page = client.get(f"/{lang}/levels/").text
    assert (
        f'<link rel="search" type="application/opensearchdescription+xml" title="{short_name}" '
        f'href="/{lang}/opensearch.xml">'
    ) in page


def test_the_opensearch_description_is_in_its_language(client, content):
    root = ET.fromstring(client.get("/de/opensearch.xml").content)

    assert root.find(f"{OPENSEARCH}ShortName").text == "SFIA (Deutsch)"
    assert root.find(f"{OPENSEARCH}Description").text.startswith(
        "Die Fähigkeiten und allgemeinen Attribute von SFIA durchsuchen"
    )


def test_robots_txt_keeps_crawlers_out_of_every_languages_search(client):
    lines = client.get("/robots.txt").text.splitlines()

    for lang in LANGUAGES:
        assert f"Disallow: /{lang}/search/" in lines
    assert "Disallow: /language/" in lines


def test_the_page_in_every_language_keeps_the_query(client, content):
    html = client.get("/de/search/?q=Vereinbarung").text

    switch = "/language/ru/?next=%2Fru%2Fsearch%2F%3Fq%3DVereinbarung"
    assert f'<a href="{switch}" hreflang="ru"' in html
    followed = client.get(switch)
    assert followed.status_code == 302
    assert followed["Location"] == "/ru/search/?q=Vereinbarung"
    assert '<link rel="canonical" href="http://testserver/de/search/?q=Vereinbarung">' in html
    assert (
        '<link rel="alternate" hreflang="ar" href="http://testserver/ar/search/?q=Vereinbarung">'
    ) in html
    assert (
        '<link rel="alternate" hreflang="x-default" href="http://testserver/search/?q=Vereinbarung">'
    ) in html


def test_a_kept_query_is_encoded_and_other_parameters_are_dropped(client, content):
    html = client.get("/ru/search/", {"q": "соглашение & <b>", "utm_source": "x"}).text

    query = "q=%D1%81%D0%BE%D0%B3%D0%BB%D0%B0%D1%88%D0%B5%D0%BD%D0%B8%D0%B5+%26+%3Cb%3E"
    assert f'hreflang="it" href="http://testserver/it/search/?{query}"' in html
    assert "utm_source" not in html
    next_url = "%2Fen%2Fsearch%2F%3Fq%3D%25D1%2581"
    assert f'<a href="/language/en/?next={next_url}' in html


def test_queries_do_not_grow_the_remembered_languages(client, content):
    client.get("/en/search/?q=first")
    size = page_languages._page_languages.cache_info().currsize
    for number in range(50):
        client.get(f"/en/search/?q=query{number}")

    assert page_languages._page_languages.cache_info().currsize == size


@pytest.mark.parametrize("caching", [False, True])
def test_a_search_with_results_costs_at_most_three_queries(
    client, content, settings, caching, django_assert_max_num_queries
):
    settings.SFIA_PAGE_CACHE = caching
    client.get("/de/search/?q=Vereinbarung")  # what each process remembers of the site
    # With caching on: the index's state, the search, the footer's edition; asked again, the
    # results are remembered.
    with django_assert_max_num_queries(3):
        html = client.get("/de/search/?q=service").text
    assert "<mark>Service</mark>" in html
    with django_assert_max_num_queries(2 if caching else 3):
        assert "<mark>Service</mark>" in client.get("/de/search/?q=service").text
