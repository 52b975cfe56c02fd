"""The API's reference page: every operation the schema has, in the reader's language, with an
example that answers; and a link to it from every page's footer."""

import json
import re

import pytest
from django.utils import translation

from skills.opendata.api import SUMMARIES
from skills.opendata.reference import operations
from tests.pages import EVERY_PAGE, LANGUAGES

pytestmark = pytest.mark.django_db


def test_every_operation_is_listed_with_what_it_gives_in_the_pages_language(client, content):
    html = client.get("/de/api/").content.decode()

    assert len(operations()) == len(SUMMARIES)
    for operation_id, path in operations():
        with translation.override("de"):
            summary = translation.gettext(SUMMARIES[operation_id])
        assert summary != SUMMARIES[operation_id]  # translated
        shown = path.replace("/", "/<wbr>")
        assert f'<code dir="ltr" translate="no">{shown}</code>' in html
        assert summary in html


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_example_answers_in_the_pages_language(client, content, lang):
    html = client.get(f"/{lang}/api/").content.decode()

    examples = re.findall(r'<td><a href="([^"]+)" dir="ltr" translate="no">', html)
    assert len(examples) == len(SUMMARIES)
    for example in examples:
        assert example.endswith(f"?lang={lang}")
        response = client.get(example.replace("&amp;", "&"))
        assert response.status_code == 200, example
        assert response["Content-Language"] == lang
    skill = json.loads(client.get(f"/api/v1/skills/slmo/?lang={lang}").content)
    assert f"/api/v1/skills/slmo/?lang={lang}" in examples
    assert skill["code"] == "slmo"


def test_it_links_to_the_schema_and_names_the_licence(client, content):
    html = client.get("/it/api/").content.decode()

    assert '<a href="/api/v1/openapi.json" dir="ltr" translate="no">' in html
    assert "I contenuti appartengono alla SFIA Foundation" in html


@pytest.mark.parametrize("name", ["home", "skill", "level", "not found", "API reference"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_pages_footer_links_to_the_api_reference(client, content, name, lang):
    html = client.get(EVERY_PAGE[name].format(lang=lang)).content.decode()

    footer = html[html.index('<footer class="site-footer">') :]
    assert f'<a href="/{lang}/api/">' in footer
