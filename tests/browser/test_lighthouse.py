"""Lighthouse scores the skill page, the skill-at-level page, the search page, a role profile
and the skill's comparison with another language, in English and Arabic, 100 for performance,
accessibility, best practices and SEO (about ten seconds a run). The search and profile pages
are kept from indexing on purpose (noindex, robots.txt: issues 17 and 18), which Lighthouse's
"is-crawlable" audit counts against SEO: there, that one audit is left out.

Each category's median score of three runs must be 100: one run's performance score moves with
the machine's load (Total Blocking Time counts the browser's own layout work, slowed fourfold,
and a busy machine pushes a no-JavaScript page to 95-99), and Lighthouse's guide to
variability advises the median of several runs. The third run is made only where the first
two disagree on a category (one 100, one not): where they agree, it cannot change the median.

Lighthouse's CPU slowdown is relative to the machine it runs on: its default 4x turns a
high-end desktop (a benchmarkIndex of about 1,750) into the mid-tier phone it means to
emulate, and a slower machine into a slower phone than that. As its documentation advises
(docs/throttling.md, "Calibrating the CPU slowdown"), the multiplier is scaled to this
machine's benchmarkIndex, read from a first run, so every machine emulates the same phone."""

import json
import os
import statistics
import subprocess

import pytest

from tests.conftest import CHROMIUM, CHROMIUM_ARGS, NODE_MODULES, require_tool
from tests.pages import EVERY_PAGE

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

LIGHTHOUSE = NODE_MODULES / "lighthouse" / "cli" / "index.js"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
RUNS = 3
# The machine Lighthouse's default CPU slowdown is made for, and that slowdown.
REFERENCE_BENCHMARK_INDEX = 1750
DEFAULT_CPU_SLOWDOWN = 4


def chrome_flags(profile):
    quoted = [
        f'{flag.split("=", 1)[0]}="{flag.split("=", 1)[1]}"' if " " in flag else flag
        for flag in CHROMIUM_ARGS
    ]
    return " ".join([*quoted, f"--user-data-dir={profile}"])


def cpu_slowdown(benchmark_index):
    """The CPU slowdown that makes a machine of `benchmark_index` the phone Lighthouse's
    default makes of its reference desktop; never more than the default, never below 1."""
    return min(
        DEFAULT_CPU_SLOWDOWN,
        max(1.0, round(DEFAULT_CPU_SLOWDOWN * benchmark_index / REFERENCE_BENCHMARK_INDEX, 1)),
    )


@pytest.fixture(scope="module")
def calibrated(tmp_path_factory):
    """Options for Lighthouse with the CPU slowdown of this machine, found once a module."""
    found = {}

    def options(url):
        if "slowdown" not in found:
            report = lighthouse(url, tmp_path_factory.mktemp("calibration"))
            found["slowdown"] = cpu_slowdown(report["environment"]["benchmarkIndex"])
        return [f"--throttling.cpuSlowdownMultiplier={found['slowdown']}"]

    return options


def lighthouse(url, workdir, options=(), attempts=3):
    """The JSON report for `url`. Lighthouse sometimes fails to record its trace (it says
    "Please run Lighthouse again", e.g. NO_NAVSTART): only such a failure of the tool itself
    is retried, never a score."""
    problems = []
    for attempt in range(attempts):
        report = workdir / f"report-{attempt}.json"
        run = subprocess.run(
            [
                "node",
                str(LIGHTHOUSE),
                url,
                f"--chrome-flags={chrome_flags(workdir / f'profile-{attempt}')}",
                f"--only-categories={','.join(CATEGORIES)}",
                "--output=json",
                f"--output-path={report}",
                "--quiet",
                *options,
            ],
            env={**os.environ, "CHROME_PATH": str(CHROMIUM)},
            capture_output=True,
            text=True,
            timeout=120,
        )
        result = json.loads(report.read_text()) if report.exists() else {}
        if run.returncode == 0 and not result.get("runtimeError"):
            return result
        problems.append(result.get("runtimeError") or run.stderr[-2000:])
    pytest.fail(f"Lighthouse could not measure {url}: {problems}")


# Audits left out, by page: what the page does by design.
PROFILE = "/{lang}/profile/?title=Service+lead&s=slmo-5"
SKIPPED_AUDITS = {"/{lang}/search/?q=service": ["is-crawlable"], PROFILE: ["is-crawlable"]}


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize(
    "path",
    [
        "/{lang}/skills/slmo/",
        "/{lang}/skills/slmo/5/",
        "/{lang}/search/?q=service",
        PROFILE,
        EVERY_PAGE["skill compared"],  # beside Arabic, and on the Arabic page beside English
    ],
)
def test_scores_100(live_content, calibrated, tmp_path, path, lang):
    require_tool(CHROMIUM, "apt-get install chromium")
    require_tool(LIGHTHOUSE, "run `npm ci` in the project")

    url = live_content.url + path.format(lang=lang)
    options = calibrated(url)
    if skipped := SKIPPED_AUDITS.get(path):
        options = [*options, f"--skip-audits={','.join(skipped)}"]
    results = []
    for run in range(RUNS):
        if run == RUNS - 1 and decided(results):
            break
        workdir = tmp_path / f"run-{run}"
        workdir.mkdir()
        results.append(lighthouse(url, workdir, options))

    scores = {
        name: statistics.median(result["categories"][name]["score"] for result in results)
        for name in CATEGORIES
    }
    assert scores == dict.fromkeys(CATEGORIES, 1), (
        options,
        [(result["environment"]["benchmarkIndex"], failing_audits(result)) for result in results],
    )
    assert [result["runWarnings"] for result in results] == [[]] * len(results)


def decided(results):
    """Whether the last of the RUNS could not change any category's median: the runs so far
    (one fewer) agree on every category's being 100 or not."""
    return all(
        len({result["categories"][name]["score"] == 1 for result in results}) == 1
        for name in CATEGORIES
    )


def failing_audits(result):
    """(audit, score, what it measured) of every weighted audit below 100 in one report."""
    return [
        (
            audit_id,
            result["audits"][audit_id]["score"],
            result["audits"][audit_id].get("displayValue"),
        )
        for category in result["categories"].values()
        for audit_id in (ref["id"] for ref in category["auditRefs"] if ref.get("weight"))
        if result["audits"][audit_id]["score"] is not None
        and result["audits"][audit_id]["score"] < 1
    ]


def test_a_third_run_is_made_only_where_it_could_change_a_median():
    def run(*scores):
        return {
            "categories": {
                name: {"score": score} for name, score in zip(CATEGORIES, scores, strict=True)
            }
        }

    assert decided([run(1, 1, 1, 1), run(1, 1, 1, 1)])
    assert decided([run(0.97, 1, 1, 1), run(0.98, 1, 1, 1)])  # fails, whatever the third
    assert not decided([run(1, 1, 1, 1), run(0.99, 1, 1, 1)])
    assert not decided([run(1, 1, 1, 1), run(1, 1, 0.9, 1)])


def test_the_cpu_slowdown_is_lighthouses_on_its_reference_machine_and_less_on_slower_ones():
    assert cpu_slowdown(REFERENCE_BENCHMARK_INDEX) == DEFAULT_CPU_SLOWDOWN
    assert cpu_slowdown(3000) == DEFAULT_CPU_SLOWDOWN
    assert cpu_slowdown(968) == 2.2
    assert cpu_slowdown(200) == 1.0
