"""The generic attributes' pages: by group, each with its description, guidance notes and
its description at each level where it has one. (Every page in every language: test_views.)"""

import re

import pytest

from skills.framework.models import AttributeLevel, GenericAttribute
from tests.pages import ENGLISH_STANDING_IN, LANGUAGES, section

pytestmark = pytest.mark.django_db


def test_an_attribute_shows_the_levels_it_is_described_at_each_linking_to_the_level(
    client, content
):
    page = client.get("/en/attributes/zeal/").text

    assert re.findall(r'<section id="level-(\d)"', page) == ["2", "3", "4", "5", "6"]
    for number in (2, 3, 4, 5, 6):
        assert f"<p>Shows invented zeal at level {number}.</p>" in page
        assert f'<a href="/en/levels/{number}/">Level <bdi>{number}</bdi> — ' in page
    assert '<a href="/en/attributes/">Generic attributes</a> › Invented qualities' in page


def test_an_attribute_without_guidance_has_no_guidance_section(client, content):
    page = client.get("/de/attributes/tact/").text

    assert 'id="guidance"' not in page
    assert "<p>Geht auf Ebene 7 taktvoll mit erfundenen Menschen um.</p>" in page


def test_an_attribute_not_yet_described_at_any_level_says_so(client, content):
    AttributeLevel.objects.filter(attribute__code="TACT").delete()

    page = client.get("/it/attributes/tact/").text

    assert "<p>Questo attributo non è ancora descritto a nessun livello.</p>" in page


def test_missing_translations_of_attributes_are_the_english_marked(client, content):
    arabic_list = client.get("/ar/attributes/").text
    italian_pace = client.get("/it/attributes/pace/").text
    russian_zeal = client.get("/ru/attributes/zeal/").text

    english = '<span class="fallback" lang="en" dir="ltr">{}</span> '
    note = '<span class="fallback-note">(لم تُترجم بعد)</span>'
    assert english.format("Invented habits") + note in arabic_list
    assert english.format("Tact") + note in arabic_list
    description = section(italian_pace, '<section aria-labelledby="description">')
    english = "<p>Invented for tests: how steadily a person works.</p>"
    assert f"{ENGLISH_STANDING_IN}\n{english}" in description
    # The guidance's intro and items stand in together, under one note.
    guidance = section(russian_zeal, '<section aria-labelledby="guidance">')
    assert guidance.count("Ещё не переведено") == 1
    assert (
        f"{ENGLISH_STANDING_IN}\n<p>Invented zeal shows in:</p>\n"
        "<ul><li>taking up invented tasks unasked</li><li>finishing what was started</li></ul>"
    ) in guidance


def test_a_translated_attribute_is_not_marked_as_fallback(client, content):
    page = client.get("/de/attributes/zeal/").text

    # The only English elements are the links to the English page and to the comparison.
    assert re.findall(r'\slang="en"[^>]*>[^<]*', page) == [' lang="en" dir="ltr">English'] * 2
    assert "fallback" not in page


def test_no_attributes_yet(client, content):
    GenericAttribute.objects.all().delete()

    page = client.get("/en/attributes/").text
    assert "This site&#39;s content is not loaded yet" in page
    assert "<code>manage.py import_spreadsheet</code>" in page


def test_an_attributes_alternates_and_switcher_keep_the_attribute(client, content):
    client.cookies["django_language"] = "en"

    page = client.get("/ar/attributes/zeal/").text

    assert '<link rel="canonical" href="http://testserver/ar/attributes/zeal/">' in page
    alternate = '<link rel="alternate" hreflang="{}" href="http://testserver/{}attributes/zeal/">'
    for lang in LANGUAGES:
        assert alternate.format(lang, f"{lang}/") in page
    assert alternate.format("x-default", "") in page
    switch = re.search(r'<a href="(/language/de/[^"]+)"', page)[1].replace("&amp;", "&")
    assert client.get(switch)["Location"] == "/de/attributes/zeal/"


@pytest.mark.parametrize("path", ["/de/attributes/", "/de/attributes/zeal/", "/de/levels/5/"])
def test_hostile_attribute_texts_are_escaped(client, content, path):
    GenericAttribute.objects.filter(code="ZEAL").update(
        name_de='<script>alert("name")</script>', description_de="<img src=x onerror=alert(1)>"
    )
    AttributeLevel.objects.filter(attribute__code="ZEAL", level=5).update(
        description_de="<img src=y onerror=alert(2)>"
    )

    page = client.get(path).text

    assert "<script>alert" not in page and "<img src=" not in page
    assert "&lt;script&gt;alert(&quot;name&quot;)&lt;/script&gt;" in page
