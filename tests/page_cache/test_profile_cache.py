"""Role profiles and the page cache: never in the shared cache (its keys leave the query string
out), kept by each process under the profile's canonical query and the step or download asked
for, retired by a content change, and never kept for a signed-in user."""

import datetime
import io

import pytest
from django.core.cache import caches
from django.core.management import call_command

from skills.framework.models import Skill
from skills.page_cache.middleware import PageCacheMiddleware
from skills.page_cache.release import release
from skills.page_cache.store import LOCAL_PAGES

pytestmark = pytest.mark.django_db(transaction=True)

PROFILE = "/en/profile/?title=Lead&s=slmo-5"


@pytest.fixture
def cached(settings):
    settings.SFIA_PAGE_CACHE = True
    call_command("load_content", stdout=io.StringIO())


def kept_profiles():
    return [key for key in LOCAL_PAGES.pages if key[0] == "by-query" and "/profile/" in key[1]]


def test_a_profile_asked_again_is_served_by_this_process(
    client, cached, rf, django_assert_num_queries
):
    first = client.get(PROFILE)
    with django_assert_num_queries(1):  # the content version only
        again = client.get(PROFILE + "&utm=x")

    assert again.content == first.content
    assert again["X-Robots-Tag"] == "noindex" and not again.has_header("ETag")
    assert (
        caches["default"].get(PageCacheMiddleware.key(rf.get("/en/profile/"), release()[0])[0])
        is None
    )
    assert len(kept_profiles()) == 1


def test_each_profile_step_and_download_is_its_own_page(client, cached):
    page = client.get(PROFILE)
    step = client.get(PROFILE + "&add=slmo")
    other = client.get("/en/profile/?title=Lead&s=slmo-6")
    csv = client.get(PROFILE + "&format=csv")

    assert 'id="profile-level"' in step.text and 'id="profile-level"' not in page.text
    assert "Ensures service delivery is monitored effectively" in other.text
    assert "Ensures service delivery is monitored effectively" not in page.text
    assert csv.content.startswith(b"\xef\xbb\xbf") and client.get(PROFILE).content == page.content
    assert len(kept_profiles()) == 4


def test_two_profiles_with_different_mistakes_are_two_pages(client, cached):
    first = client.get(PROFILE + "&s=first!")
    second = client.get(PROFILE + "&s=second!")

    assert "<bdi>first!</bdi>" in first.text and "<bdi>second!</bdi>" in second.text


def test_a_content_change_shows_on_the_next_profile(client, cached):
    client.get(PROFILE)
    level = Skill.objects.get(code="SLMO").levels.get(level=5)
    level.description_en = "Agrees invented targets."
    level.save()

    assert "Agrees invented targets." in client.get(PROFILE).text


def test_a_signed_in_user_s_profile_is_not_kept(admin_client, cached):
    admin_client.get(PROFILE)

    assert kept_profiles() == []


def test_only_profiles_under_a_language_are_kept_by_their_query():
    by_query = PageCacheMiddleware.page_by_query

    assert all(by_query(f"/{lang}/profile/") for lang in ("en", "de", "ru", "it", "ar"))
    assert not by_query("/profile/") and not by_query("/en/profile/more/")


def test_a_profile_kept_overnight_is_dated_anew(client, cached, monkeypatch):
    from django.utils import timezone

    today = timezone.localdate()
    first = client.get(PROFILE)
    monkeypatch.setattr(timezone, "localdate", lambda: today + datetime.timedelta(days=1))
    next_day = client.get(PROFILE)

    assert first.content != next_day.content
    assert len(kept_profiles()) == 2
