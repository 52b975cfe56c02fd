"""The framework's edition, stored with the content, on every page's footer and printout;
the setting where none is stored; the skill pages read it in their one query."""

import pytest

from skills.framework.models import Edition
from tests.pages import PAGES

pytestmark = pytest.mark.django_db


def test_every_page_names_the_stored_edition(client, content):
    Edition.objects.filter(pk=1).update(name="SFIA 9.1 <test>")

    for path in [*PAGES.values(), "/{lang}/skills/nope/"]:
        page = client.get(path.format(lang="it")).text
        edition = 'Edizione del quadro delle competenze: <bdi translate="no">SFIA 9.1 &lt;test&gt;'
        assert edition in page, path
    # The skill pages print it under their title too.
    for path in ("/it/skills/slmo/", "/it/skills/slmo/5/"):
        assert '<dd><bdi translate="no">SFIA 9.1 &lt;test&gt;</bdi></dd>' in client.get(path).text


def test_without_a_stored_edition_the_setting_names_it(client, content, settings):
    Edition.objects.all().delete()
    settings.SFIA_EDITION = "SFIA X"

    for path in (
        "/en/",
        "/en/skills/slmo/",
        "/en/skills/slmo/1/",
        "/en/levels/5/",
        "/en/profile/?title=Service+lead&s=slmo-5",
    ):
        page = client.get(path).text
        assert '<p class="edition">Framework edition: <bdi translate="no">SFIA X</bdi></p>' in page


@pytest.mark.parametrize("path", ["/de/skills/slmo/", "/de/skills/slmo/5/", "/de/skills/slmo/1/"])
def test_the_skill_pages_read_the_edition_in_their_one_query(
    client, content, django_assert_num_queries, path
):
    with django_assert_num_queries(1):
        page = client.get(path).text

    assert 'Ausgabe des Kompetenzrahmens: <bdi translate="no">SFIA 9</bdi>' in page


@pytest.mark.parametrize("path", ["/de/levels/5/", "/de/profile/?title=Service+lead&s=slmo-5"])
def test_the_level_and_profile_pages_read_the_edition_with_their_content(
    client, content, django_assert_num_queries, path
):
    # The level with the edition, its attributes, its skills; the profile's entries, its
    # attributes, every skill for the add form with the edition.
    with django_assert_num_queries(3) as queries:
        page = client.get(path).text

    assert 'Ausgabe des Kompetenzrahmens: <bdi translate="no">SFIA 9</bdi>' in page
    assert not any(
        query["sql"].startswith('SELECT "skills_edition"') for query in queries.captured_queries
    )


def test_a_page_that_shows_the_edition_reads_it_once(client, content, django_assert_num_queries):
    # The level list: the levels with their counts, then the edition.
    with django_assert_num_queries(2) as queries:
        client.get("/en/levels/")

    assert "skills_edition" in queries.captured_queries[-1]["sql"]
