"""URL reversal remembered by each process (`remembered_reverse`): the answers Django's
`reverse` gives, in each language and under each script prefix, whatever was asked before;
and one name for each of the two."""

import ast
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import NoReverseMatch, set_script_prefix
from django.utils import translation

from skills.framework.links import remembered_reverse
from skills.framework.models import Skill
from skills.reader.sitemaps import SITEMAPS

SKILLS = Path(settings.BASE_DIR) / "skills"


@pytest.mark.parametrize("language", ["en", "de", "ar"])
def test_the_same_address_as_django_gives_in_each_language(language):
    with translation.override(language):
        for _ in range(2):
            assert remembered_reverse(
                "skills:skill_level", kwargs={"code": "SLMO", "level": 5}
            ) == (f"/{language}/skills/slmo/5/")
            assert remembered_reverse("choose_language", args=["ru"]) == "/language/ru/"


def test_a_language_asked_for_is_the_one_given():
    with translation.override("de"):
        assert remembered_reverse("skills:skill", kwargs={"code": "slmo"}) == "/de/skills/slmo/"
        assert (
            remembered_reverse("skills:skill", kwargs={"code": "slmo"}, language="it")
            == "/it/skills/slmo/"
        )


def test_each_script_prefix_has_its_own_addresses():
    assert remembered_reverse("skills:home") == "/en/"
    try:
        set_script_prefix("/sfia/")
        assert remembered_reverse("skills:home") == "/sfia/en/"
    finally:
        set_script_prefix("/")
    assert remembered_reverse("skills:home") == "/en/"


def test_no_such_address_is_an_error_every_time():
    for _ in range(2):
        with pytest.raises(NoReverseMatch):
            remembered_reverse("skills:skill", kwargs={"code": "not a code"})


def test_arguments_that_cannot_be_remembered_are_reversed_each_time():
    for _ in range(2):
        assert remembered_reverse("sitemap", kwargs={"sitemaps": SITEMAPS}) == "/sitemap.xml"


def test_other_url_patterns_give_their_own_addresses(settings):
    assert remembered_reverse("skills:home") == "/en/"

    settings.ROOT_URLCONF = "tests.urls_elsewhere"

    assert remembered_reverse("skills:home") == "/en/elsewhere/"


def test_a_model_links_to_its_page():
    assert Skill(code="SLMO").get_absolute_url() == "/en/skills/slmo/"


def test_no_module_names_anything_reverse_but_djangos():
    """`reverse` is Django's wherever it is used; the remembered one is only ever called
    remembered_reverse, so a reader knows which they are reading."""
    for path in SKILLS.rglob("*.py"):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.ClassDef):
                assert node.name != "reverse", path
            if isinstance(node, ast.ImportFrom) and any(a.name == "reverse" for a in node.names):
                assert node.module == "django.urls", path
