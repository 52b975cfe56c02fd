"""The JSON API (/api/v1/): every resource's content in each language and in all five, against
the database; English standing in, named; links that lead somewhere; HTTP as documented."""

import json

import pytest

from skills.framework.languages import LANGUAGE_CODES
from skills.framework.models import GenericAttribute, ResponsibilityLevel, Skill, SkillLevel
from tests.attributes import ATTRIBUTES, ESSENCES, PACE_LEVELS

pytestmark = pytest.mark.django_db

BASE = "http://testserver"


def api(client, path, **headers):
    response = client.get(f"/api/v1/{path}", **headers)
    assert response["Content-Type"] == "application/json; charset=utf-8", response.content[:200]
    return response, json.loads(response.content)


@pytest.fixture
def slmo(content):
    return Skill.objects.get(code="SLMO")


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_a_skill_in_each_language_is_the_databases_text(client, slmo, lang):
    response, skill = api(client, f"skills/slmo/?lang={lang}")

    assert response.status_code == 200
    assert response["Content-Language"] == lang
    assert skill["code"] == "slmo"
    assert skill["name"] == getattr(slmo, f"name_{lang}")
    assert skill["description"] == getattr(slmo, f"description_{lang}")
    # Where the language has no text, the English stands in, named.
    missing = [
        field
        for field in (
            "guidance_intro",
            "guidance_notes",
            "responsibility_notes",
            "development_notes",
        )
        if not getattr(slmo, f"{field}_{lang}") and getattr(slmo, f"{field}_en")
    ]
    assert skill["fallback_fields"] == missing
    for field in missing:
        assert skill[field] == getattr(slmo, f"{field}_en")
    assert skill["category"]["name"] == getattr(slmo.subcategory.category, f"name_{lang}")
    assert skill["subcategory"]["name"] == getattr(slmo.subcategory, f"name_{lang}")
    level_5 = next(level for level in skill["levels"] if level["level"] == 5)
    stored = SkillLevel.objects.get(skill=slmo, level=5)
    assert level_5["defined"] is True
    assert level_5["description"] == getattr(stored, f"description_{lang}")
    assert skill["url"] == f"{BASE}/{lang}/skills/slmo/"
    assert skill["href"] == f"{BASE}/api/v1/skills/slmo/?lang={lang}"
    assert skill["uri"] == f"{BASE}/skills/slmo/"
    assert level_5["url"] == f"{BASE}/{lang}/skills/slmo/5/"
    assert level_5["href"] == f"{BASE}/api/v1/skills/slmo/levels/5/?lang={lang}"


def test_a_missing_translation_gives_the_english_named_in_fallback_fields(client, slmo):
    Skill.objects.filter(pk=slmo.pk).update(description_de=None)

    _, skill = api(client, "skills/slmo/?lang=de")

    assert skill["description"] == slmo.description_en
    assert skill["fallback_fields"] == ["description"]
    assert skill["name"] == "Service-Level-Management"


def test_all_gives_every_language_with_null_for_a_missing_one(client, slmo):
    Skill.objects.filter(pk=slmo.pk).update(description_it=None)

    response, skill = api(client, "skills/SLMO/?lang=all")

    assert response["Content-Language"] == "en, de, ru, it, ar"
    assert skill["name"] == {code: getattr(slmo, f"name_{code}") for code in LANGUAGE_CODES}
    assert skill["description"]["it"] is None
    assert skill["description"]["de"] == slmo.description_de
    assert skill["fallback_fields"] == []
    # A language-neutral address takes each reader to their own language.
    assert skill["url"] == f"{BASE}/skills/slmo/"


def test_without_lang_the_language_is_the_one_accept_language_prefers(client, slmo):
    _, skill = api(client, "skills/slmo/", HTTP_ACCEPT_LANGUAGE="fr;q=1, ru;q=0.9, de;q=0.5")
    assert skill["name"] == slmo.name_ru
    assert skill["href"].endswith("?lang=ru")

    _, skill = api(client, "skills/slmo/", HTTP_ACCEPT_LANGUAGE="fr")
    assert skill["name"] == slmo.name_en


def test_any_case_of_a_code_is_the_same_skill_and_links_are_lower_case(client, slmo):
    _, lower = api(client, "skills/slmo/?lang=de")
    _, upper = api(client, "skills/SLMO/?lang=de")
    _, mixed = api(client, "skills/sLmO/levels/5/?lang=de")

    assert lower == upper
    assert mixed["href"] == f"{BASE}/api/v1/skills/slmo/levels/5/?lang=de"


def test_the_skill_list_names_each_skills_levels(client, slmo):
    response, skills = api(client, "skills/?lang=ar")

    assert response.status_code == 200
    assert [skill["code"] for skill in skills] == ["slmo"]
    assert skills[0]["name"] == slmo.name_ar
    assert skills[0]["defined_levels"] == list(
        SkillLevel.objects.filter(skill=slmo, defined=True)
        .order_by("level")
        .values_list("level", flat=True)
    )
    assert skills[0]["category"] == slmo.subcategory.category.slug


def test_a_skill_at_a_level_and_at_a_level_it_has_no_row_for(client, slmo):
    _, level = api(client, "skills/slmo/levels/5/?lang=it")
    stored = SkillLevel.objects.get(skill=slmo, level=5)
    assert level["description"] == stored.description_it
    assert level["defined"] is True

    SkillLevel.objects.filter(skill=slmo, level=1).delete()
    response, error = api(client, "skills/slmo/levels/1/?lang=it")
    assert response.status_code == 404
    assert error == {
        "status": 404,
        "message": "Niente nell’API ha questo indirizzo: /api/v1/skills/slmo/levels/1/",
    }


def test_a_level_holds_its_essence_each_attribute_at_it_and_its_skills(client, content):
    _, level = api(client, "levels/5/?lang=de")

    assert level["number"] == 5
    assert level["guiding_phrase"] == ResponsibilityLevel.objects.get(number=5).guiding_phrase_de
    assert level["essence"] == ESSENCES[5]["de"]
    pace = next(attribute for attribute in level["attributes"] if attribute["attribute"] == "pace")
    # PACE has no German text at level 5: the English stands in, named.
    assert pace["description"] == PACE_LEVELS[5]["en"]
    assert pace["fallback_fields"] == ["description"]
    assert pace["name"] == "Tempo"
    assert [skill["skill"] for skill in level["skills"]] == ["slmo"]
    assert level["skills"][0]["href"] == f"{BASE}/api/v1/skills/slmo/levels/5/?lang=de"


def test_the_levels_list_marks_a_missing_essence(client, content):
    _, levels = api(client, "levels/?lang=it")

    assert [level["number"] for level in levels] == [1, 2, 3, 4, 5, 6, 7]
    five, three = levels[4], levels[2]
    assert five["essence"] == ESSENCES[5]["en"]
    assert five["fallback_fields"] == ["essence"]
    assert three["essence"] is None  # none in any language: nothing stands in
    assert "essence" not in three["fallback_fields"]


def test_an_attribute_with_its_group_and_levels(client, content):
    _, attribute = api(client, "attributes/ZEAL/?lang=ru")

    zeal = ATTRIBUTES["ZEAL"]
    assert attribute["name"] == zeal["name"]["ru"]
    assert attribute["group"]["name"] == "Вымышленные качества"
    # No Russian guidance: the English stands in, named.
    assert attribute["guidance_intro"] == zeal["guidance_intro"]["en"]
    assert set(attribute["fallback_fields"]) == {"guidance_intro", "guidance_notes"}
    assert [level["level"] for level in attribute["levels"]] == [2, 3, 4, 5, 6]
    assert attribute["levels"][0]["description"] == zeal["levels"][2]["ru"]
    assert attribute["url"] == f"{BASE}/ru/attributes/zeal/"


def test_the_attribute_list_in_all_languages(client, content):
    _, attributes = api(client, "attributes/?lang=all")

    by_code = {attribute["code"]: attribute for attribute in attributes}
    assert by_code["tact"]["name"] == ATTRIBUTES["TACT"]["name"]
    assert by_code["tact"]["name"]["ar"] is None
    assert by_code["pace"]["defined_levels"] == [1, 5]
    assert len(attributes) == GenericAttribute.objects.count()


def test_categories_hold_their_subcategories_and_skills(client, slmo):
    _, categories = api(client, "categories/?lang=de")
    _, one = api(client, f"categories/{slmo.subcategory.category.slug}/?lang=de")

    category = next(each for each in categories if each["slug"] == one["slug"])
    assert category == one
    assert one["name"] == slmo.subcategory.category.name_de
    subcategory = next(each for each in one["subcategories"] if each["skills"])
    assert subcategory["name"] == slmo.subcategory.name_de
    assert subcategory["skills"][0]["name"] == slmo.name_de
    assert subcategory["skills"][0]["href"] == f"{BASE}/api/v1/skills/slmo/?lang=de"


def test_the_index_leads_to_every_resource(client, content):
    _, index = api(client, "?lang=de")

    for resource in ("skills", "levels", "attributes", "categories"):
        response = client.get(index[resource].removeprefix(BASE))
        assert response.status_code == 200, resource
    assert index["edition"] == "SFIA 9"
    assert client.get(index["openapi"].removeprefix(BASE)).status_code == 200


def test_every_link_in_a_skill_leads_to_a_page_or_a_resource(client, slmo):
    _, skill = api(client, "skills/slmo/?lang=de")

    links = [skill["url"], skill["href"], skill["category"]["url"], skill["category"]["href"]]
    links += [address for level in skill["levels"] for address in (level["url"], level["href"])]
    for link in links:
        assert client.get(link.removeprefix(BASE)).status_code == 200, link
    # The stable URI takes a reader to their language.
    response = client.get(skill["uri"].removeprefix(BASE), HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 302
    assert response["Location"] == "/de/skills/slmo/"


@pytest.mark.parametrize(
    ("path", "status", "message"),
    [
        ("skills/nope/?lang=de", 404, "Nichts in der API hat diese Adresse: /api/v1/skills/nope/"),
        ("levels/8/?lang=ru", 404, "В API нет ничего по этому адресу: /api/v1/levels/8/"),
        ("nowhere/?lang=ar", 404, "لا شيء في واجهة البرمجة بهذا العنوان: /api/v1/nowhere/"),
        (
            "skills/?lang=fr",
            400,
            "lang=fr is not a language of the API: use one of en, de, ru, it, ar, all.",
        ),
        (
            "skills/?lang=%3Cscript%3E",
            400,
            "lang=<script> is not a language of the API: use one of en, de, ru, it, ar, all.",
        ),
    ],
)
def test_errors_are_json_with_a_message_in_the_language_asked_for(
    client, content, path, status, message
):
    response, error = api(client, path)

    assert response.status_code == status
    assert error == {"status": status, "message": message}


@pytest.mark.parametrize(
    "path",
    [
        "skills/%00/",  # PostgreSQL refuses a NUL in a query: it was a 500 there
        "skills/%00/levels/5/",
        "attributes/%C2%85/",
        "categories/%00/",
        "skills/%EF%BF%BE/",
        "skills/sl%ED%A0%80mo/",  # not UTF-8: a lone surrogate escape
        "skills/" + "a" * 5000 + "/",
    ],
)
def test_a_path_that_can_name_nothing_is_a_404_before_any_query(
    client, content, path, django_assert_num_queries
):
    with django_assert_num_queries(0):
        response, error = api(client, path + "?lang=de")

    assert response.status_code == 404
    assert error["message"].startswith("Nichts in der API hat diese Adresse")


def test_a_bad_lang_is_explained_in_the_language_accept_language_prefers(client, content):
    response, error = api(client, "skills/?lang=xx", HTTP_ACCEPT_LANGUAGE="de")

    assert response.status_code == 400
    assert error["message"].startswith("lang=xx ist keine Sprache der API")


def test_unknown_query_parameters_are_ignored(client, slmo):
    _, plain = api(client, "skills/slmo/?lang=de")
    _, busted = api(client, "skills/slmo/?lang=de&_=1733100000&format=xml")

    assert busted == plain


def test_no_session_or_csrf_cookie_and_no_csrf_check(client, slmo):
    response = client.get("/api/v1/skills/slmo/?lang=de")

    assert response.cookies == {}
    assert "Cookie" not in response.get("Vary", "")


def test_any_origin_may_read_and_the_preflight_allows_a_revalidation(client, slmo):
    response = client.get("/api/v1/skills/slmo/", HTTP_ORIGIN="https://hr.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    assert "Access-Control-Allow-Credentials" not in response

    preflight = client.options(
        "/api/v1/skills/slmo/",
        HTTP_ORIGIN="https://hr.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match, accept-language",
    )
    assert preflight.status_code == 200
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert "if-none-match" in preflight["Access-Control-Allow-Headers"]
    assert "GET" in preflight["Access-Control-Allow-Methods"]


def test_the_reader_pages_are_not_shared_across_origins(client, slmo):
    response = client.get("/de/skills/slmo/", HTTP_ORIGIN="https://hr.example")

    assert "Access-Control-Allow-Origin" not in response


class TestCaching:
    """The page cache keeps each answer by its address and language, as it keeps pages."""

    @pytest.fixture(autouse=True)
    def cached(self, settings):
        settings.SFIA_PAGE_CACHE = True

    def test_an_etag_and_last_modified_and_a_304_on_revalidation(self, client, slmo):
        first = client.get("/api/v1/skills/slmo/?lang=de")
        assert first.status_code == 200
        assert first["Cache-Control"] == "public, max-age=0, must-revalidate, s-maxage=60"

        again = client.get("/api/v1/skills/slmo/?lang=de", HTTP_IF_NONE_MATCH=first["ETag"])
        assert again.status_code == 304
        assert again.content == b""
        since = client.get(
            "/api/v1/skills/slmo/?lang=de", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]
        )
        assert since.status_code == 304

    def test_each_language_has_its_own_etag_and_answer(self, client, slmo):
        german = client.get("/api/v1/skills/slmo/?lang=de")
        russian = client.get("/api/v1/skills/slmo/?lang=ru")
        negotiated = client.get("/api/v1/skills/slmo/", HTTP_ACCEPT_LANGUAGE="ru")

        assert german["ETag"] != russian["ETag"]
        assert json.loads(russian.content)["name"] == slmo.name_ru
        assert json.loads(negotiated.content)["name"] == slmo.name_ru
        assert json.loads(german.content)["name"] == slmo.name_de
        assert "Accept-Language" in negotiated["Vary"]
        # A German ETag does not revalidate the Russian answer.
        assert (
            client.get(
                "/api/v1/skills/slmo/?lang=ru", HTTP_IF_NONE_MATCH=german["ETag"]
            ).status_code
            == 200
        )

    def test_a_content_change_retires_the_answer(
        self, client, slmo, django_capture_on_commit_callbacks
    ):
        first = client.get("/api/v1/skills/slmo/?lang=de")
        with django_capture_on_commit_callbacks(execute=True):
            slmo.name_de = "Neuer Name"
            slmo.save()

        again = client.get("/api/v1/skills/slmo/?lang=de", HTTP_IF_NONE_MATCH=first["ETag"])
        assert again.status_code == 200
        assert json.loads(again.content)["name"] == "Neuer Name"

    def test_a_cached_answer_keeps_its_cors_and_language_headers(self, client, slmo):
        client.get("/api/v1/skills/slmo/?lang=ar")
        cached = client.get("/api/v1/skills/slmo/?lang=ar", HTTP_ORIGIN="https://hr.example")

        assert cached["Access-Control-Allow-Origin"] == "*"
        assert cached["Content-Language"] == "ar"
        assert cached["Content-Type"] == "application/json; charset=utf-8"

    def test_errors_are_not_kept(self, client, content):
        client.get("/api/v1/skills/nope/")
        Skill.objects.filter(code="SLMO").update(code="NOPE")

        assert client.get("/api/v1/skills/nope/").status_code == 200


@pytest.mark.parametrize("lang", ["de", "all"])
def test_the_whole_framework_is_the_apis_documents_in_plain_json(client, content, lang):
    from skills.opendata.documents import Shape, framework

    whole = json.loads(json.dumps(framework(Shape(lang, BASE))))

    _, skill = api(client, f"skills/slmo/?lang={lang}")
    _, level = api(client, f"levels/5/?lang={lang}")
    _, attribute = api(client, f"attributes/zeal/?lang={lang}")
    _, categories = api(client, f"categories/?lang={lang}")
    assert whole["skills"] == [skill]
    assert whole["levels"][4] == level
    assert next(each for each in whole["attributes"] if each["code"] == "zeal") == attribute
    assert whole["categories"] == categories
    assert whole["language"] == lang
    assert whole["edition"] == "SFIA 9"


def test_a_skill_is_two_queries_however_many_levels(client, slmo, django_assert_num_queries):
    with django_assert_num_queries(2):
        response = client.get("/api/v1/skills/slmo/?lang=ar")
    assert (
        len(json.loads(response.content)["levels"]) == SkillLevel.objects.filter(skill=slmo).count()
    )


def test_head_is_a_gets_headers_without_its_body(client, slmo):
    get = client.get("/api/v1/skills/slmo/?lang=de")
    head = client.head("/api/v1/skills/slmo/?lang=de")

    assert head.status_code == 200
    assert head.content == b""
    assert int(head["Content-Length"]) == len(get.content)
    assert head["Content-Language"] == "de"


def test_the_api_is_read_only_and_never_asks_for_a_csrf_token(slmo):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    for method in ("post", "put", "patch", "delete"):
        response = getattr(client, method)("/api/v1/skills/slmo/", HTTP_ACCEPT_LANGUAGE="de")
        assert response.status_code == 405, method  # not a CSRF failure's 403
        assert response["Allow"] == "GET, HEAD, OPTIONS"
        assert json.loads(response.content) == {
            "status": 405,
            "message": "Die API ist schreibgeschützt: Sie beantwortet GET, HEAD und OPTIONS.",
        }
    options = client.options("/api/v1/skills/slmo/")
    assert options.status_code == 200
    assert options["Allow"] == "GET, HEAD, OPTIONS"
