"""The site's canonical address (DJANGO_SITE_URL) in every cache key and every published URI,
never the request's Host: 50 ports in the Host header (`curl -H "Host: 127.0.0.1:$PORT"`) made
50 copies of each page and file, each naming its own host."""

import io
import json
import re

import pytest
from django.core.cache import caches
from django.core.management import call_command

pytestmark = pytest.mark.django_db(transaction=True)

SITE = "https://sfia.example.org"
HOSTS = [f"127.0.0.1:{port}" for port in range(8000, 8050)]


@pytest.fixture
def site(settings):
    settings.SFIA_PAGE_CACHE = True
    settings.SFIA_SITE_URL = SITE
    settings.ALLOWED_HOSTS = ["testserver", "127.0.0.1", "sfia.example.org"]
    call_command("load_content", stdout=io.StringIO())


@pytest.mark.parametrize("path", ["/de/skills/slmo/", "/api/v1/skills/slmo/", "/de/search/?q=x"])
def test_a_page_is_cached_once_whatever_host_the_request_names(client, site, path):
    client.get(path)
    entries = len(caches["default"])

    answers = [client.get(path, HTTP_HOST=host) for host in HOSTS]

    assert len(caches["default"]) == entries
    assert len({answer.content for answer in answers}) == 1


@pytest.mark.parametrize(
    "path",
    [
        "/de/skills/slmo/",  # alternates, canonical link, JSON-LD
        "/api/v1/skills/slmo/",  # uri, href
        "/api/v1/",
        "/downloads/sfia-de.ttl",  # SKOS
        "/downloads/sfia-de.json",
        "/sitemap.xml",
        "/sitemap-skills.xml",
        "/robots.txt",
    ],
)
def test_every_published_address_is_the_configured_one(client, site, path):
    text = client.get(path, HTTP_HOST="127.0.0.1:8123").content.decode()

    assert "127.0.0.1" not in text
    assert "testserver" not in text
    assert f"{SITE}/" in text


def test_the_json_ld_of_a_skill_names_the_configured_address(client, site):
    page = client.get("/de/skills/slmo/", HTTP_HOST="127.0.0.1:8123").text
    data = json.loads(re.search(r'application/ld\+json">(.*?)</script>', page, re.S)[1])

    assert data["@id"] == f"{SITE}/skills/slmo/"
    assert data["url"] == f"{SITE}/de/skills/slmo/"


def test_a_host_the_site_does_not_answer_to_is_a_400_even_for_a_cached_page(client, site):
    client.get("/de/skills/slmo/")  # cached now

    assert client.get("/de/skills/slmo/", HTTP_HOST="attacker.example").status_code == 400
