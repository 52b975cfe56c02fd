"""URL reversal remembered by each process: the same answers as Django's, in each language,
forgotten when the URL configuration changes."""

import pytest
from django.urls import NoReverseMatch
from django.urls import reverse as django_reverse
from django.utils import translation

from skills import links
from skills.sitemaps import SITEMAPS


@pytest.fixture(autouse=True)
def nothing_remembered():
    links._remembered.cache_clear()
    yield
    links._remembered.cache_clear()


@pytest.mark.parametrize("language", ["en", "de", "ar"])
def test_the_same_address_as_django_gives_in_each_language(language):
    with translation.override(language):
        for _ in range(2):
            assert links.reverse("skills:skill_level", kwargs={"code": "SLMO", "level": 5}) == (
                f"/{language}/skills/slmo/5/"
            )
            assert links.reverse("choose_language", args=["ru"]) == "/language/ru/"


def test_an_address_is_reversed_once(monkeypatch):
    calls = []

    def counted(*args, **kwargs):
        calls.append(args)
        return django_reverse(*args, **kwargs)

    monkeypatch.setattr(links, "django_reverse", counted)
    for _ in range(3):
        links.reverse("skills:skill", kwargs={"code": "slmo"})
    with translation.override("de"):
        links.reverse("skills:skill", kwargs={"code": "slmo"})

    assert len(calls) == 2  # once in English, once in German


def test_no_such_address_is_an_error_every_time():
    for _ in range(2):
        with pytest.raises(NoReverseMatch):
            links.reverse("skills:skill", kwargs={"code": "not a code"})


def test_arguments_that_cannot_be_remembered_are_reversed_each_time():
    assert links.reverse("sitemap", kwargs={"sitemaps": SITEMAPS}) == "/sitemap.xml"


def test_other_url_patterns_forget_what_was_remembered(settings):
    links.reverse("skills:home")
    assert links._remembered.cache_info().currsize == 1

    settings.ROOT_URLCONF = "tests.urls_elsewhere"

    assert links._remembered.cache_info().currsize == 0
    assert links.reverse("skills:home") == "/en/elsewhere/"
