"""Each page type costs at most four SQL queries, with one skill or with 150."""

import io

import pytest
from django.core.management import call_command

from skills.models import Category, ImportedValue, ResponsibilityLevel, Skill, Subcategory

from .corpus import write_corpus
from .pages import LANGUAGES

PAGES = [
    "/{lang}/",
    "/{lang}/skills/",
    "/{lang}/skills/{code}/",
    "/{lang}/skills/{code}/5/",
    "/{lang}/skills/{code}/1/",
    "/{lang}/levels/",
    "/{lang}/levels/5/",
    "/sitemap.xml",
    "/sitemap-skill-levels.xml",
]


# First, while the database holds one skill: pytest runs a module's tests in order, and the
# module-scoped corpus below is only made for the tests after this one.
@pytest.mark.django_db
@pytest.mark.parametrize("page", PAGES)
def test_with_one_skill(client, django_assert_max_num_queries, page):
    call_command("loaddata", "fixtures/sfia.json", verbosity=0)
    assert Skill.objects.count() == 1
    with django_assert_max_num_queries(4):
        response = client.get(page.format(lang="ar", code="slmo"))
    assert response.status_code == 200


@pytest.fixture(scope="module")
def corpus_of_150(django_db_setup, django_db_blocker, tmp_path_factory, framework):
    """150 synthetic skills × 7 levels × 5 languages, spread over every subcategory."""
    root = tmp_path_factory.mktemp("corpus")
    codes = write_corpus(root, 150, framework)
    with django_db_blocker.unblock():
        call_command("import_sources", str(root), stdout=io.StringIO())
        yield codes[0]
        for model in (Skill, Subcategory, Category, ResponsibilityLevel, ImportedValue):
            model.objects.all().delete()


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_with_150_skills(client, corpus_of_150, django_assert_max_num_queries, page, lang):
    assert Skill.objects.count() == 150
    with django_assert_max_num_queries(4):
        response = client.get(page.format(lang=lang, code=corpus_of_150.lower()))
    assert response.status_code == 200
