"""Lighthouse scores the skill page and the skill-at-level page, in English and Arabic, 100 for
performance, accessibility, best practices and SEO (about ten seconds a page)."""

import json
import os
import subprocess

import pytest

from .conftest import CHROMIUM, CHROMIUM_ARGS, NODE_MODULES, require_tool

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

LIGHTHOUSE = NODE_MODULES / "lighthouse" / "cli" / "index.js"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


def chrome_flags(profile):
    quoted = [
        f'{flag.split("=", 1)[0]}="{flag.split("=", 1)[1]}"' if " " in flag else flag
        for flag in CHROMIUM_ARGS
    ]
    return " ".join([*quoted, f"--user-data-dir={profile}"])


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("path", ["/{lang}/skills/slmo/", "/{lang}/skills/slmo/5/"])
def test_scores_100(live_content, tmp_path, path, lang):
    require_tool(CHROMIUM, "apt-get install chromium")
    require_tool(LIGHTHOUSE, "run `npm ci` in the project")
    report = tmp_path / "report.json"
    subprocess.run(
        [
            "node",
            str(LIGHTHOUSE),
            live_content.url + path.format(lang=lang),
            f"--chrome-flags={chrome_flags(tmp_path / 'profile')}",
            f"--only-categories={','.join(CATEGORIES)}",
            "--output=json",
            f"--output-path={report}",
            "--quiet",
        ],
        env={**os.environ, "CHROME_PATH": str(CHROMIUM)},
        check=True,
        timeout=120,
    )
    result = json.loads(report.read_text())

    scores = {name: category["score"] for name, category in result["categories"].items()}
    failing = [
        (audit_id, result["audits"][audit_id]["score"])
        for category in result["categories"].values()
        for audit_id in (ref["id"] for ref in category["auditRefs"] if ref.get("weight"))
        if result["audits"][audit_id]["score"] is not None
        and result["audits"][audit_id]["score"] < 1
    ]
    assert scores == dict.fromkeys(CATEGORIES, 1), failing
    assert result["runWarnings"] == []
