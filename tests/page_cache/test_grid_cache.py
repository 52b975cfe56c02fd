"""The narrowed skills grid in the page cache: each narrowing its own page, under its canonical
query; values that name nothing never kept."""

import io

import pytest
from django.core.cache import caches
from django.core.management import call_command

from skills.page_cache.store import LOCAL_PAGES
from tests.skills import copy_of_slmo

# Transactions must commit for the content version to move, as they do in production.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def cached(settings):
    settings.SFIA_PAGE_CACHE = True
    call_command("load_content", stdout=io.StringIO())
    copy_of_slmo("STPX", subcategory="strategy-and-planning", defined={1, 7})


def test_a_narrowed_grid_is_not_the_whole_grid_s_cache_entry(
    client, cached, django_assert_num_queries
):
    whole = client.get("/en/skills/")
    assert "STPX" in whole.text and "SLMO" in whole.text

    narrowed = client.get("/en/skills/?category=delivery-and-operation")
    assert "SLMO" in narrowed.text and "/en/skills/stpx/" not in narrowed.text
    assert narrowed["ETag"] != whole["ETag"]

    # Asked again, in another order and with a parameter the page ignores: the same page, from
    # the cache (with a process-local cache, only the content version is read).
    with django_assert_num_queries(1):
        again = client.get("/en/skills/?utm=x&category=delivery-and-operation")
    assert again.content == narrowed.content
    with django_assert_num_queries(1):
        assert client.get("/en/skills/?category=&level=").content == whole.content
    by_level = client.get("/en/skills/?level=1")
    assert "/en/skills/stpx/" in by_level.text and "/en/skills/slmo/" not in by_level.text


def test_values_that_name_nothing_do_not_fill_the_cache(client, cached):
    client.get("/en/skills/")
    pages, entries = len(LOCAL_PAGES.pages), len(caches["default"])

    for number in range(200):
        for query in (f"category=made-up-{number}", f"level={number + 8}", f"level=%00{number}"):
            response = client.get(f"/en/skills/?{query}")
            assert response.status_code == 200
            assert "not one of" in response.text
            assert "no-store" in response["Cache-Control"]

    assert len(LOCAL_PAGES.pages) == pages
    assert len(caches["default"]) == entries
    # And a made-up value is never answered with the whole grid kept before it.
    assert "The level asked for" in client.get("/en/skills/?level=9").text
