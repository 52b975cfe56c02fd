"""URL reversal remembered by each process: the same answers as Django's, in each language,
forgotten when the URL configuration changes; and so each page's addresses in every language
(context_processors.page_languages)."""

import pytest
from django.test import RequestFactory
from django.urls import NoReverseMatch, resolve
from django.urls import reverse as django_reverse
from django.utils import translation

from skills import context_processors, links, models, reading, sitemaps, views
from skills.sitemaps import SITEMAPS


@pytest.fixture(autouse=True)
def nothing_remembered():
    links._remembered.cache_clear()
    context_processors._page_languages.cache_clear()
    yield
    links._remembered.cache_clear()
    context_processors._page_languages.cache_clear()


def page_languages(path, host="testserver", secure=False):
    request = RequestFactory().get(path, HTTP_HOST=host, secure=secure)
    with translation.override(translation.get_language_from_path(path)):
        request.resolver_match = resolve(path)
        return context_processors.page_languages(request)


@pytest.mark.parametrize("language", ["en", "de", "ar"])
def test_the_same_address_as_django_gives_in_each_language(language):
    with translation.override(language):
        for _ in range(2):
            assert links.remembered_reverse(
                "skills:skill_level", kwargs={"code": "SLMO", "level": 5}
            ) == (f"/{language}/skills/slmo/5/")
            assert links.remembered_reverse("choose_language", args=["ru"]) == "/language/ru/"


def test_an_address_is_reversed_once(monkeypatch):
    calls = []

    def counted(*args, **kwargs):
        calls.append(args)
        return django_reverse(*args, **kwargs)

    monkeypatch.setattr(links, "reverse", counted)
    for _ in range(3):
        links.remembered_reverse("skills:skill", kwargs={"code": "slmo"})
    with translation.override("de"):
        links.remembered_reverse("skills:skill", kwargs={"code": "slmo"})

    assert len(calls) == 2  # once in English, once in German


def test_reverse_is_djangos_in_every_module_and_the_remembered_one_has_its_own_name():
    for module in (links, models, reading, context_processors, sitemaps, views):
        assert getattr(module, "reverse", django_reverse) is django_reverse, module.__name__
    assert models.Skill(code="SLMO").get_absolute_url() == "/en/skills/slmo/"


def test_no_such_address_is_an_error_every_time():
    for _ in range(2):
        with pytest.raises(NoReverseMatch):
            links.remembered_reverse("skills:skill", kwargs={"code": "not a code"})


def test_arguments_that_cannot_be_remembered_are_reversed_each_time():
    assert links.remembered_reverse("sitemap", kwargs={"sitemaps": SITEMAPS}) == "/sitemap.xml"


def test_other_url_patterns_forget_what_was_remembered(settings):
    links.remembered_reverse("skills:home")
    assert links._remembered.cache_info().currsize == 1

    settings.ROOT_URLCONF = "tests.urls_elsewhere"

    assert links._remembered.cache_info().currsize == 0
    assert links.remembered_reverse("skills:home") == "/en/elsewhere/"


def test_a_page_in_every_language_is_worked_out_once(monkeypatch):
    paths = []

    def counted(language, *args):
        paths.append(language)
        return path_in(language, *args)

    path_in = context_processors._path_in
    monkeypatch.setattr(context_processors, "_path_in", counted)
    first = page_languages("/de/skills/slmo/5/")
    again = page_languages("/de/skills/slmo/5/")

    assert again is first
    assert paths == ["en", "de", "ru", "it", "ar"]
    assert first["canonical_url"] == "http://testserver/de/skills/slmo/5/"
    assert [language["current"] for language in first["page_languages"]] == [
        False,
        True,
        False,
        False,
        False,
    ]


def test_each_address_has_its_own_languages(settings):
    settings.ALLOWED_HOSTS = ["testserver", "sfia.example"]
    german = page_languages("/de/skills/slmo/")
    arabic = page_languages("/ar/skills/slmo/")
    elsewhere = page_languages("/de/skills/slmo/", host="sfia.example", secure=True)
    level = page_languages("/de/skills/slmo/5/")

    assert german["canonical_url"] == "http://testserver/de/skills/slmo/"
    assert arabic["canonical_url"] == "http://testserver/ar/skills/slmo/"
    assert elsewhere["canonical_url"] == "https://sfia.example/de/skills/slmo/"
    assert elsewhere["x_default_url"] == "https://sfia.example/skills/slmo/"
    assert (
        level["page_languages"][4]["switch_url"]
        == "/language/ar/?next=%2Far%2Fskills%2Fslmo%2F5%2F"
    )


def test_a_page_whose_arguments_cannot_be_remembered_is_worked_out_each_time():
    sitemap = page_languages("/sitemap.xml")

    assert sitemap["page_languages"][1]["url"] == "http://testserver/sitemap.xml"
    assert context_processors._page_languages.cache_info().currsize == 0


def test_other_url_patterns_forget_the_pages_in_every_language(settings):
    page_languages("/en/skills/")
    settings.ROOT_URLCONF = "tests.urls_elsewhere"

    assert context_processors._page_languages.cache_info().currsize == 0
