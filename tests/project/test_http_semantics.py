"""HTTP as clients and caches rely on it (issue 32): a 304 says what its 200 said (ETag,
Vary), HEAD what GET would, an error's Content-Language its message's language, compressed
files are not compressed again, an address that fixes its language does not vary on
Accept-Language, `?lang=` is read as Django reads a language tag, the API sets no cookie."""

import io

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db(transaction=True)

GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}
ANSWERS = [
    "/de/skills/slmo/",
    "/api/v1/skills/slmo/?lang=de",
    "/api/v1/openapi.json",
    "/downloads/sfia-de.csv",
    "/downloads/sfia-de.xlsx",
    "/downloads/sfia-all.zip",
]


@pytest.fixture
def site(settings):
    settings.SFIA_PAGE_CACHE = True
    call_command("load_content", stdout=io.StringIO())


@pytest.mark.parametrize("path", ANSWERS)
def test_a_304_carries_the_etag_and_vary_of_its_200(client, site, path):
    """With gzip, a 304 was made below GZipMiddleware, which weakens the 200's ETag and adds
    Accept-Encoding to its Vary: the 304 said neither."""
    full = client.get(path, **GZIP)

    again = client.get(path, HTTP_IF_NONE_MATCH=full["ETag"], **GZIP)

    assert again.status_code == 304
    assert again["ETag"] == full["ETag"]
    assert again.get("Vary") == full.get("Vary")


@pytest.mark.parametrize("path", ANSWERS)
def test_head_answers_what_get_would(client, site, path):
    get = client.get(path, **GZIP)
    head = client.head(path, **GZIP)

    assert head.status_code == 200 and head.content == b""
    for header in ("Content-Encoding", "Content-Type", "ETag", "Vary"):
        assert head.get(header) == get.get(header), header
    # The compressed length itself varies from one GET to the next: GZipMiddleware pads each
    # answer with up to 100 random bytes (against BREACH).
    assert abs(int(head["Content-Length"]) - len(get.content)) <= 100
    assert int(get["Content-Length"]) == len(get.content)


@pytest.mark.parametrize("path", ["/downloads/sfia-de.xlsx", "/downloads/sfia-all.zip"])
def test_a_file_compressed_already_is_not_compressed_again(client, site, path):
    response = client.get(path, **GZIP)

    assert "Content-Encoding" not in response
    assert response.content[:2] == b"PK"
    assert "Accept-Encoding" not in response.get("Vary", "")


@pytest.mark.parametrize(
    ("path", "language"), [("/downloads/sfia-de.csv", "de"), ("/downloads/sfia-ar.xlsx", "ar")]
)
def test_a_file_whose_address_fixes_its_language_does_not_vary_on_accept_language(
    client, site, path, language
):
    german_reader = client.get(path, HTTP_ACCEPT_LANGUAGE="de")
    russian_reader = client.get(path, HTTP_ACCEPT_LANGUAGE="ru")

    assert "Accept-Language" not in german_reader.get("Vary", "")
    assert german_reader.content == russian_reader.content
    assert german_reader["Content-Language"] == language


def test_the_api_schema_is_one_document_whatever_the_language(client, site):
    german = client.get("/api/v1/openapi.json", HTTP_ACCEPT_LANGUAGE="de")
    english = client.get("/api/v1/openapi.json", HTTP_ACCEPT_LANGUAGE="en")

    assert german["ETag"] == english["ETag"]
    assert german.content == english.content
    assert german["Content-Language"] == english["Content-Language"] == "en"
    assert "Accept-Language" not in german.get("Vary", "")


@pytest.mark.parametrize(
    ("path", "headers", "language", "start"),
    [
        ("/api/v1/skills/nope/?lang=de", {}, "de", "Nichts in der API hat diese Adresse"),
        ("/api/v1/nowhere/", {"HTTP_ACCEPT_LANGUAGE": "ru"}, "ru", "В API нет ничего"),
        ("/api/v1/skills/?lang=xx", {"HTTP_ACCEPT_LANGUAGE": "ar"}, "ar", "lang=xx"),
    ],
)
def test_an_errors_content_language_is_its_messages(client, site, path, headers, language, start):
    response = client.get(path, **headers)

    assert response.status_code in (400, 404)
    assert response["Content-Language"] == language
    assert response.json()["message"].startswith(start)


@pytest.mark.parametrize("tag", ["DE", "de-CH", "de-ch", " de "])
def test_lang_is_read_as_django_reads_a_language_tag(client, site, tag):
    german = client.get("/api/v1/skills/slmo/?lang=de")

    response = client.get(f"/api/v1/skills/slmo/?lang={tag}")

    assert response.status_code == 200
    assert response["Content-Language"] == "de"
    assert response["ETag"] == german["ETag"]
    assert response.json()["name"] == "Service-Level-Management"


@pytest.mark.parametrize("path", ["/api/v1/skills/slmo/", "/api/v1/nowhere/", "/api/v1/"])
def test_the_api_never_sets_a_cookie(client, site, path):
    client.cookies.load({"csrftoken": "malformed!", "sessionid": "no-such-session"})

    response = client.get(path)

    assert not response.cookies
    assert "Set-Cookie" not in str(response.serialize_headers())


@pytest.mark.parametrize(
    "path", ["/api/v1/levels/5.0/", "/api/v1/levels/5e0/", "/api/v1/skills/slmo/levels/5.0/"]
)
def test_a_level_that_is_not_written_as_one_is_a_404(client, site, path):
    assert client.get(path).status_code == 404
