"""The skill page's JSON-LD (a schema.org DefinedTerm, reader/linked_data.py), and the stable
URIs it names, which send each reader to the page in their language."""

import json
import re

import pytest

from skills.framework.models import Edition, Skill

pytestmark = pytest.mark.django_db

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def linked_data(client, path):
    """The page's one JSON-LD block, parsed; and the page's HTML."""
    response = client.get(path)
    assert response.status_code == 200
    (block,) = JSON_LD.findall(response.text)
    return json.loads(block), response.text


def slmo(*fields):
    return Skill.objects.filter(code="SLMO").values(*fields).get()


def test_the_german_page_names_the_skill_in_german_at_its_stable_uri(client, content):
    german = slmo("name_de", "description_de")

    term, _ = linked_data(client, "/de/skills/slmo/")

    assert term["@context"] == "https://schema.org"
    assert term["@type"] == "DefinedTerm"
    assert term["@id"] == "http://testserver/skills/slmo/"
    assert term["url"] == "http://testserver/de/skills/slmo/"
    assert term["termCode"] == "SLMO"
    assert term["inLanguage"] == "de"
    assert term["name"] == {"@value": german["name_de"], "@language": "de"}
    assert term["description"] == {"@value": german["description_de"], "@language": "de"}
    assert term["inDefinedTermSet"] == {
        "@type": "DefinedTermSet",
        "@id": "http://testserver/skills/",
        "name": Edition.objects.get().name,
        "url": "http://testserver/de/skills/",
    }


def test_the_arabic_page_tags_its_texts_arabic(client, content):
    arabic = slmo("name_ar")

    term, _ = linked_data(client, "/ar/skills/slmo/")

    assert term["name"] == {"@value": arabic["name_ar"], "@language": "ar"}
    assert term["@id"] == "http://testserver/skills/slmo/"  # the same URI in every language


def test_english_standing_in_for_a_missing_translation_is_tagged_english(client, content):
    Skill.objects.filter(code="SLMO").update(description_de=None)
    texts = slmo("name_de", "description_en")

    term, _ = linked_data(client, "/de/skills/slmo/")

    assert term["description"] == {"@value": texts["description_en"], "@language": "en"}
    assert term["name"] == {"@value": texts["name_de"], "@language": "de"}
    assert term["inLanguage"] == "de"


def test_no_text_can_end_the_data_block(client, content):
    hostile = '</script><script>alert(1)</script> <!-- & "quoted" \\ \u2028'
    Skill.objects.filter(code="SLMO").update(name_de=hostile)

    term, html = linked_data(client, "/de/skills/slmo/")

    assert term["name"]["@value"] == hostile
    assert "alert(1)</script>" not in html.split('type="application/ld+json">', 1)[1]
    assert "<!--" not in html
    # The page's only script element is the data block: the name started none.
    assert html.count("<script") == 1


def test_the_data_block_needs_no_inline_script_allowed(client, content):
    response = client.get("/de/skills/slmo/")

    policy = response.headers["Content-Security-Policy"]
    script_src = next(part for part in policy.split(";") if "script-src" in part)
    assert "unsafe-inline" not in script_src
    assert JSON_LD.search(response.text)


@pytest.mark.parametrize(
    ("stable", "page"),
    [
        ("/skills/slmo/", "/de/skills/slmo/"),
        ("/skills/", "/de/skills/"),
        ("/levels/3/", "/de/levels/3/"),
        ("/attributes/zeal/", "/de/attributes/zeal/"),
    ],
)
def test_a_stable_uri_sends_a_german_reader_to_the_german_page(client, content, stable, page):
    response = client.get(stable, headers={"accept-language": "de"})

    assert response.status_code == 302
    assert response.headers["Location"] == page
    assert client.get(page).status_code == 200


@pytest.mark.parametrize("language", ["en", "ru", "it", "ar"])
def test_a_stable_uri_sends_each_reader_to_their_language(client, content, language):
    response = client.get("/skills/slmo/", headers={"accept-language": f"{language},en;q=0.5"})

    assert response.headers["Location"] == f"/{language}/skills/slmo/"
