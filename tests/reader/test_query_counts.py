"""Each page type costs at most four SQL queries, with one skill or with 150 skills and 16
generic attributes (the compare pages too, whatever the two languages)."""

import collections
import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.db.models.signals import post_init

from skills.content.synthetic import write_corpus
from skills.framework.models import GenericAttribute, Skill
from tests.attributes import add_invented_attributes, load_page_content
from tests.pages import LANGUAGES, other_than

PAGES = [
    "/{lang}/",
    "/{lang}/skills/",
    "/{lang}/skills/?category=strategy-and-architecture&level=5",
    "/{lang}/skills/?category=no-such-category&level=9",
    "/{lang}/skills/a-z/",
    "/{lang}/skills/{code}/",
    "/{lang}/skills/{code}/5/",
    "/{lang}/skills/{code}/1/",
    "/{lang}/levels/",
    "/{lang}/levels/5/",
    "/{lang}/attributes/",
    "/{lang}/attributes/zeal/",
    "/{lang}/skills/{code}/compare/{other}/",
    "/{lang}/attributes/zeal/compare/{other}/",
    "/{lang}/levels/5/compare/{other}/",
    "/{lang}/search/?q=service",
    "/{lang}/profile/?title=Lead&s={code}-5",
    "/sitemap.xml",
    "/sitemap-skill-levels.xml",
    "/sitemap-attributes.xml",
]


@pytest.mark.django_db
@pytest.mark.parametrize("page", PAGES)
def test_with_one_skill(client, django_assert_max_num_queries, page):
    load_page_content()
    assert Skill.objects.count() == 1
    with django_assert_max_num_queries(4):
        response = client.get(page.format(lang="ar", code="slmo", other="en"))
    assert response.status_code == 200


@pytest.fixture(scope="class")
def corpus_of_150(django_db_setup, django_db_blocker, tmp_path_factory, framework):
    """150 synthetic skills × 7 levels × 5 languages, spread over every subcategory, and 16
    invented generic attributes, made once for a class's tests in a transaction rolled back
    after them: no other test sees them, whatever order the tests run in."""
    root = tmp_path_factory.mktemp("corpus")
    codes = write_corpus(root, 150, framework)
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("import_sources", str(root), stdout=io.StringIO())
        add_invented_attributes(more=13)
        yield codes[0]
        transaction.set_rollback(True)


class TestWith150Skills:
    @pytest.mark.django_db
    @pytest.mark.parametrize("lang", LANGUAGES)
    @pytest.mark.parametrize("page", PAGES)
    def test_pages(self, client, corpus_of_150, django_assert_max_num_queries, page, lang):
        assert Skill.objects.count() == 150
        assert GenericAttribute.objects.count() == 16
        with django_assert_max_num_queries(4):
            path = page.format(lang=lang, code=corpus_of_150.lower(), other=other_than(lang))
            response = client.get(path)
        assert response.status_code == 200

    @pytest.mark.django_db
    @pytest.mark.parametrize("query", ["title=Lead&s={code}-5", "s={code}-5&add={code}"])
    def test_the_profile_page_reads_skills_as_values(self, client, corpus_of_150, query):
        """Its entries, the skill being added and the add form's 150 skills are read as
        values in the page's language and English: built as models with every language's
        texts, they were most of an uncached profile page's time (docs/performance.md)."""
        built = collections.Counter()

        def count(sender, **kwargs):
            built[sender.__name__] += 1

        post_init.connect(count)
        try:
            response = client.get("/de/profile/?" + query.format(code=corpus_of_150.lower()))
        finally:
            post_init.disconnect(count)
        assert response.status_code == 200
        assert (built["Skill"], built["SkillLevel"]) == (0, 0)
        page = response.content.decode()
        assert f"Synthetische Fähigkeit {corpus_of_150.lower()}" in page
        if "add=" not in query:
            assert page.count("<option value=") == 150
