"""Two languages side by side: a skill, an attribute or a level in the page's language and in
another, row by row, each cell in its own language and direction, a missing translation an
empty cell labelled in the page's language (never the English again)."""

import html
import re

import pytest

from skills.framework.languages import TRANSLATED_LANGUAGES
from skills.framework.models import Skill
from tests.attributes import ATTRIBUTES, ESSENCES, ZEAL_LEVELS

pytestmark = pytest.mark.django_db

DIRECTION = {"en": "ltr", "de": "ltr", "ru": "ltr", "it": "ltr", "ar": "rtl"}
# Every pair of languages with Arabic on one side or the other, the page's language first.
WITH_ARABIC = [
    pair for other in ("en", "de", "ru", "it") for pair in (("ar", other), (other, "ar"))
]
NOT_TRANSLATED = {
    "en": "Not translated",
    "de": "Nicht übersetzt",
    "ru": "Не переведено",
    "it": "Non tradotto",
    "ar": "غير مترجم",
}


def plain(markup):
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def compared(page):
    """{heading: [row, …]} of a compare page, each row its two cells as (lang, dir, text), a
    missing text as ("missing", the label's lang, the label)."""
    texts = {}
    for body in re.findall(r"<tbody>(.*?)</tbody>", page, re.S):
        heading = re.search(r'<th scope="rowgroup" colspan="2"[^>]*>(.*?)</th>', body, re.S)
        rows = []
        for row in re.findall(r"<tr>\s*(<td.*?</td>)\s*(<td.*?</td>)\s*</tr>", body, re.S):
            cells = []
            for cell in row:
                lang, direction, rest = re.match(
                    r'<td lang="(\w+)" dir="(\w+)" data-language="[^"]+"(.*)</td>', cell, re.S
                ).groups()
                label = re.match(
                    r' class="not-translated"><span class="not-translated-note" '
                    r'lang="(\w+)" dir="(\w+)">(.*)</span>$',
                    rest,
                    re.S,
                )
                if label:
                    cells.append((lang, direction, ("missing", *label.groups())))
                else:
                    cells.append((lang, direction, plain(rest.removeprefix(">"))))
            rows.append(cells)
        texts[plain(heading[1])] = rows
    return texts


def cell(lang, text):
    return (lang, DIRECTION[lang], text)


def missing(lang, page_lang):
    return (
        lang,
        DIRECTION[lang],
        ("missing", page_lang, DIRECTION[page_lang], NOT_TRANSLATED[page_lang]),
    )


@pytest.mark.parametrize(("lang", "other"), WITH_ARABIC)
def test_a_skill_beside_arabic_row_by_row_each_cell_in_its_language(client, content, lang, other):
    slmo = Skill.objects.get(code="SLMO")
    page = compared(client.get(f"/{lang}/skills/slmo/compare/{other}/").text)

    name = [cell(code, getattr(slmo, f"name_{code}")) for code in (lang, other)]
    description = [cell(code, getattr(slmo, f"description_{code}")) for code in (lang, other)]
    rows = list(page.values())
    assert rows[0] == [name]
    assert rows[1] == [description]
    # Level 5, defined in every language: its text beside its translation, line by line where
    # both have as many lines, else whole.
    level_5 = slmo.levels.get(level=5)
    texts = [getattr(level_5, f"description_{code}").split("\n") for code in (lang, other)]
    if len(texts[0]) == len(texts[1]):
        expected = [
            [cell(lang, mine), cell(other, theirs)] for mine, theirs in zip(*texts, strict=True)
        ]
    else:
        expected = [[cell(lang, " ".join(texts[0])), cell(other, " ".join(texts[1]))]]
    fives = [rows for heading, rows in page.items() if "5" in heading]
    assert fives == [expected]


@pytest.mark.parametrize(("lang", "other"), WITH_ARABIC)
def test_an_attribute_beside_arabic_aligned_line_by_line(client, content, lang, other):
    zeal = ATTRIBUTES["ZEAL"]
    page = compared(client.get(f"/{lang}/attributes/zeal/compare/{other}/").text)
    rows = list(page.values())

    assert rows[1] == [[cell(code, zeal["description"][code]) for code in (lang, other)]]
    # The guidance: its introduction and each item a row, where both languages have them.
    intro, notes = zeal["guidance_intro"], zeal["guidance_notes"]
    if intro[lang] and intro[other]:
        items = zip(notes[lang].split("\n"), notes[other].split("\n"), strict=True)
        assert rows[2] == [
            [cell(lang, intro[lang]), cell(other, intro[other])],
            *([cell(lang, mine), cell(other, theirs)] for mine, theirs in items),
        ]
    else:  # Russian and Italian have none: an empty cell beside the Arabic, labelled
        arabic = [cell("ar", intro["ar"]), cell("ar", " ".join(notes["ar"].split("\n")))]
        absent = missing(other if lang == "ar" else lang, lang)
        expected = [[text, absent] if lang == "ar" else [absent, text] for text in arabic]
        assert rows[2] == expected
    assert rows[-1] == [[cell(code, ZEAL_LEVELS[6][code]) for code in (lang, other)]]


@pytest.mark.parametrize(("lang", "other"), WITH_ARABIC)
def test_a_level_beside_arabic(client, content, lang, other):
    page = compared(client.get(f"/{lang}/levels/4/compare/{other}/").text)
    rows = list(page.values())

    assert rows[1] == [[cell(code, ESSENCES[4][code]) for code in (lang, other)]]
    tact = [rows for heading, rows in page.items() if heading == ATTRIBUTES["TACT"]["name"][lang]]
    if lang == "ar":  # TACT has no Arabic name: the English stands in, marked, in the heading
        tact = [rows for heading, rows in page.items() if heading.startswith("Tact")]
    assert tact == [[[cell(code, ATTRIBUTES["TACT"]["levels"][4][code]) for code in (lang, other)]]]


def test_lines_that_dont_pair_up_are_one_row(client, content):
    """SLMO's guidance lists six items in German and seven in Arabic."""
    page = client.get("/de/skills/slmo/compare/ar/").text
    guidance = compared(page)["Leitfaden"]

    assert len(guidance) == 2  # the introduction, then both lists whole
    german, arabic = guidance[1]
    assert german[0] == "de" and arabic[:2] == ("ar", "rtl")
    assert arabic[2].startswith("تخطيط وتنفيذ وضبط ومراجعة")
    assert section_of(page, "Leitfaden").count("<li>") == 13


def section_of(page, heading):
    return next(body for body in re.findall(r"<tbody>(.*?)</tbody>", page, re.S) if heading in body)


def test_a_missing_translation_is_an_empty_labelled_cell_not_the_english(client, content):
    russian = client.get("/en/attributes/zeal/compare/ru/").text
    arabic = client.get("/de/attributes/tact/compare/ar/").text
    italian = client.get("/ar/levels/5/compare/it/").text

    guidance = compared(russian)["Guidance notes"]
    assert guidance == [
        [cell("en", "Invented zeal shows in:"), missing("ru", "en")],
        [
            cell("en", "taking up invented tasks unasked finishing what was started"),
            missing("ru", "en"),
        ],
    ]
    assert russian.count("Invented zeal shows in:") == 1  # in the English column only
    assert compared(arabic)["Name"] == [[cell("de", "Takt"), missing("ar", "de")]]
    assert '<span class="fallback" lang="en"' not in arabic
    # The Arabic page labels the missing Italian essence in Arabic.
    assert compared(italian)["جوهر المستوى"] == [
        [cell("ar", ESSENCES[5]["ar"]), missing("it", "ar")]
    ]
    assert ESSENCES[5]["en"] not in italian


def test_english_is_compared_like_any_language(client, content):
    slmo = Skill.objects.get(code="SLMO")
    german = compared(client.get("/de/skills/slmo/compare/en/").text)
    english = compared(client.get("/en/skills/slmo/compare/ar/").text)

    assert german["Beschreibung"] == [
        [cell("de", slmo.description_de), cell("en", slmo.description_en)]
    ]
    assert english["Description"] == [
        [cell("en", slmo.description_en), cell("ar", slmo.description_ar)]
    ]


def test_the_columns_are_headed_by_each_language_in_itself(client, content):
    page = client.get("/de/skills/slmo/compare/ar/").text

    assert '<th scope="col" lang="de" dir="ltr">Deutsch</th>' in page
    assert '<th scope="col" lang="ar" dir="rtl">العربية</th>' in page
    assert "<title>Nebeneinander: Service-Level-Management · SFIA</title>" in page


@pytest.mark.parametrize(
    "path",
    [
        "/de/skills/slmo/compare/de/",
        "/de/skills/slmo/compare/xx/",
        "/de/skills/nope/compare/en/",
        "/en/attributes/zeal/compare/en/",
        "/en/attributes/nope/compare/de/",
        "/ar/levels/5/compare/ar/",
        "/ar/levels/5/compare/fr/",
        "/ar/levels/8/compare/en/",
        "/it/skills/slmo/compare/english/",
    ],
)
def test_the_same_language_an_unknown_one_or_an_unknown_page_is_not_found(client, content, path):
    response = client.get(path)

    assert response.status_code == 404
    assert '<form class="search-form' in response.text  # the site's own 404 page


@pytest.mark.parametrize(
    ("page", "compare"),
    [
        ("/{lang}/skills/slmo/", "/{lang}/skills/slmo/compare/{other}/"),
        ("/{lang}/attributes/zeal/", "/{lang}/attributes/zeal/compare/{other}/"),
        ("/{lang}/levels/5/", "/{lang}/levels/5/compare/{other}/"),
    ],
)
@pytest.mark.parametrize("lang", ["en", "ar"])
def test_each_page_links_to_its_comparison_with_each_other_language(
    client, content, page, compare, lang
):
    text = client.get(page.format(lang=lang)).text
    links = re.search(r'<nav class="compare-with".*?</nav>', text, re.S)[0]

    names = {"en": "English", "de": "Deutsch", "ru": "Русский", "it": "Italiano", "ar": "العربية"}
    expected = [
        f'<a href="{compare.format(lang=lang, other=other)}" hreflang="{other}" lang="{other}" '
        f'dir="{DIRECTION[other]}">{names[other]}</a>'
        for other in names
        if other != lang
    ]
    assert re.findall(r"<a .*?</a>", links) == expected
    for link in expected:
        assert client.get(re.search(r'href="([^"]+)"', link)[1]).status_code == 200


def switcher_targets(page):
    return dict(re.findall(r'href="/language/(\w+)/\?next=([^"]+)"', page))


def test_the_switcher_keeps_the_comparison_and_swaps_the_pair_for_the_other_language(
    client, content
):
    page = client.get("/de/skills/slmo/compare/en/").text

    assert switcher_targets(page) == {
        "en": "%2Fen%2Fskills%2Fslmo%2Fcompare%2Fde%2F",  # not /en/…/compare/en/, a 404
        "ru": "%2Fru%2Fskills%2Fslmo%2Fcompare%2Fen%2F",
        "it": "%2Fit%2Fskills%2Fslmo%2Fcompare%2Fen%2F",
        "ar": "%2Far%2Fskills%2Fslmo%2Fcompare%2Fen%2F",
    }
    assert '<link rel="canonical" href="http://testserver/de/skills/slmo/compare/en/">' in page
    assert (
        '<link rel="alternate" hreflang="en" href="http://testserver/en/skills/slmo/compare/de/">'
        in page
    )
    assert (
        '<link rel="alternate" hreflang="ar" href="http://testserver/ar/skills/slmo/compare/en/">'
        in page
    )
    # Not the address without a language, which would send a German reader to a 404.
    assert (
        '<link rel="alternate" hreflang="x-default" '
        'href="http://testserver/en/skills/slmo/compare/de/">' in page
    )
    response = client.get("/language/en/?next=/en/skills/slmo/compare/de/", follow=True)
    assert response.redirect_chain[-1][0] == "/en/skills/slmo/compare/de/"
    assert response.status_code == 200


@pytest.mark.parametrize("lang", TRANSLATED_LANGUAGES)
def test_the_level_and_attribute_comparisons_switch_the_same_way(client, content, lang):
    level = switcher_targets(client.get(f"/{lang}/levels/5/compare/en/").text)
    attribute = switcher_targets(client.get(f"/en/attributes/zeal/compare/{lang}/").text)

    assert level["en"] == f"%2Fen%2Flevels%2F5%2Fcompare%2F{lang}%2F"
    assert attribute[lang] == f"%2F{lang}%2Fattributes%2Fzeal%2Fcompare%2Fen%2F"


def test_a_comparison_is_served_from_the_page_cache(
    client, content, settings, django_assert_num_queries
):
    settings.SFIA_PAGE_CACHE = True
    first = client.get("/ar/skills/slmo/compare/en/")
    with django_assert_num_queries(1):  # the content version only
        second = client.get("/ar/skills/slmo/compare/en/")

    assert second.content == first.content
    assert second["ETag"] == first["ETag"]
    assert (
        client.get("/ar/skills/slmo/compare/en/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code
        == 304
    )


@pytest.mark.parametrize(
    ("path", "queries"),
    [
        # The skill in each language, with its levels and the edition: one query each.
        ("/ar/skills/slmo/compare/en/", 2),
        # The attribute (or level), its levels (or attributes), the footer's edition.
        ("/ar/attributes/zeal/compare/en/", 3),
        ("/de/levels/5/compare/ar/", 3),
    ],
)
def test_a_comparison_costs_a_fixed_few_queries(
    client, content, django_assert_num_queries, path, queries
):
    with django_assert_num_queries(queries):
        assert client.get(path).status_code == 200
