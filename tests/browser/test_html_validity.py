"""The Nu Html Checker (vnu) finds no error on any page type in any language."""

import json
import shutil
import subprocess

import pytest

from tests.attributes import load_page_content
from tests.conftest import NODE_MODULES, require_tool
from tests.pages import EVERY_PAGE, LANGUAGES, OUTDATED_PAGES, outdate_translations

pytestmark = pytest.mark.django_db

VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_every_page_in_every_language_is_valid_html(client, tmp_path):
    require_tool(VNU, "run `npm ci` in the project")
    java = shutil.which("java")
    require_tool(java or "/usr/bin/java", "apt-get install default-jre-headless")
    load_page_content()
    files = []
    for name, path in EVERY_PAGE.items():
        for lang in LANGUAGES:
            response = client.get(path.format(lang=lang))
            assert response.status_code in (200, 404)
            page = tmp_path / f"{name.replace(' ', '-')}-{lang}.html"
            page.write_bytes(response.content)
            files.append(str(page))
    # And the pages with outdated translations, their notes and the review note.
    outdate_translations()
    for name, path in OUTDATED_PAGES.items():
        for lang in ("de", "ar"):
            response = client.get(path.format(lang=lang))
            assert 'data-translation="outdated"' in response.text
            page = tmp_path / f"outdated-{name.replace(' ', '-')}-{lang}.html"
            page.write_bytes(response.content)
            files.append(str(page))

    result = subprocess.run(
        [java, "-jar", str(VNU), "--format", "json", "--errors-only", *files],
        capture_output=True,
        text=True,
    )

    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [
        (message["url"].rsplit("/", 1)[-1], message.get("lastLine"), message["message"])
        for message in messages
    ]
    assert errors == []
    assert result.returncode == 0
    assert len(files) == len(EVERY_PAGE) * len(LANGUAGES) + 2 * len(OUTDATED_PAGES) == 108
