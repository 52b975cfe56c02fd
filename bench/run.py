"""How fast is a reference page next to a static file? One run, one machine, ratios.

    .venv/bin/python bench/run.py    (10 s a measurement, three rounds; --quick: 2 s, one round)
    .venv/bin/python bench/run.py --pages profile level search --databases sfia_mine --port 18900

Builds the 147-skill synthetic corpus (skills/content/synthetic.py) with the real parser and
import_sources into a fresh database, timing the import of 15 and of 147 skills; and times
import_spreadsheet of a synthetic workbook of the same 147 skills and 16 attributes
(skills/content/synthetic_workbook.py), English then German, into another. Then starts
gunicorn with the production settings, twice: with the page cache and without. With wrk it
measures, for each of PAGES (the skill page, the level page at 147 skills and 16 attributes,
a compare page, a 10-skill profile page, a German search; `--pages` picks some),
(a) the page, cache warm, (b) the page with caching off, and (c) a static file of the same
size that WhiteNoise serves from the same server (page and file in turns, three rounds, the
median of each), and prints requests/s and p99 for each, the ratios a/c and b/c, and the
workers' memory. It measures a mix of searches in the five languages (SEARCHES, each asked in
turn) against a static file of the search pages' mean size in the same way, in both servers:
with caching on, each process keeps the search pages it made (so the mix is served from
memory once each process has made each page); with caching off, every search is made. PostgreSQL and
Redis are used when they answer on 127.0.0.1, SQLite and local memory otherwise. Needs wrk
(Debian).
"""

import argparse
import os
import platform
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from django.utils.text import slugify

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
# The German skill page: a translated page also reads each text's translation state. Issue
# 18's: a skill in German beside English, and a role profile of 10 skills at level 5 (every
# synthetic skill is defined there), in German.
PROFILE_ENTRIES = ["slmo-5", *(f"xaa{letter}-5" for letter in "abcdefghi")]
PAGES = {
    "skill page": "/en/skills/slmo/",
    "German skill page": "/de/skills/slmo/",
    "level page": "/en/levels/5/",
    "German compare page (beside English)": "/de/skills/slmo/compare/en/",
    "German 10-skill profile page": "/de/profile/?"
    + "&".join(["title=Service+manager", *(f"s={entry}" for entry in PROFILE_ENTRIES)]),
    # Issue 19's: the API's skill, in German (its texts, category and seven levels).
    "German API skill detail": "/api/v1/skills/slmo/?lang=de",
    # Issue 33's: the level page in German, and a German search for a word every synthetic
    # skill's levels have (50 results shown, more found), as one page.
    "German level page": "/de/levels/5/",
    "German search page, a common word": "/de/search/?q=Aufgabe",
}
# The pages held to TARGETS' a/c and b/c; the others are measured, not held to them.
HELD_TO_TARGETS = ("skill page", "German skill page", "German API skill detail")
# A mix of searches in the five languages, one after another (never cached: each is
# searched), against the synthetic corpus and SLMO: names, stems, a code, a misspelling, the
# English from a translated page, words that every synthetic skill has.
SEARCHES = [
    ("en", "service level"),
    ("en", "negotiation"),
    ("en", "SLMO"),
    ("en", "servce levl managment"),
    ("en", "synthetic skill"),
    ("de", "Vereinbarung"),
    ("de", "Synthetische Fähigkeit"),
    ("ru", "соглашение"),
    ("ru", "negotiation"),
    ("ru", "навык"),
    ("it", "accordo"),
    ("it", "attività"),
    ("ar", "ادارة"),
    ("ar", "مهارة"),
    ("ar", "monitoring"),
]
# As issue 14 set them: the uncached page trades some speed for public APIs only; and issue
# 17's for search.
TARGETS = {"a/c": 0.8, "b/c": 0.25, "rss_mb": 120, "search": 0.25}
ROUNDS = 3


def answers(port):
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
        return True
    except OSError:
        return False


def fresh_database(workdir, name):
    if answers(5432):
        import psycopg

        with psycopg.connect("postgres://postgres@127.0.0.1:5432/postgres", autocommit=True) as db:
            db.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            db.execute(f'CREATE DATABASE "{name}"')
        return f"postgres://postgres@127.0.0.1:5432/{name}"
    return f"sqlite:///{workdir / name}.sqlite3"


def manage(env, *args):
    subprocess.run(
        [sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, check=True, capture_output=True
    )


TIMED_IMPORT = """
import time, django
django.setup()
from django.conf import settings
from skills.content.importer import import_sources
from skills.content.sources import read_framework, read_sources
started = time.perf_counter()
framework = read_framework(settings.SFIA_FRAMEWORK_FILE)
import_sources(
    read_sources({folder!r}, framework), framework, framework_file=settings.SFIA_FRAMEWORK_FILE
)
print("seconds", time.perf_counter() - started)
"""


# The Downloads page's biggest file: the whole framework in all five languages as the API's
# JSON, built as a content change makes it build (nothing cached), three times.
TIMED_DOWNLOAD = """
import json, time, django
django.setup()
from skills.opendata.documents import ALL, Shape, framework
from skills.framework.models import Skill
for _ in range(3):
    started = time.perf_counter()
    built = json.dumps(framework(Shape(ALL, "http://127.0.0.1")), ensure_ascii=False).encode()
    print("seconds", time.perf_counter() - started)
print("bytes", len(built), "skills", Skill.objects.count())
"""


TIMED_WORKBOOK_IMPORT = """
import time, django
django.setup()
from skills.content.workbook.importer import import_workbook
from skills.content.workbook.reader import read_workbook
for path, language in {workbooks!r}:
    started = time.perf_counter()
    import_workbook(read_workbook([path], language))
    print("seconds", time.perf_counter() - started)
"""


def script_lines(env, script):
    """The lines `script` prints, run in a process of its own; its error if it fails."""
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=BASE_DIR, env=env, capture_output=True, text=True
    )
    if result.returncode:
        raise SystemExit(f"a timed step failed:\n{result.stderr}")
    return result.stdout.splitlines()


def seconds_printed(lines):
    """The seconds of every "seconds 1.23" line (logs may come between)."""
    return [float(line.split()[1]) for line in lines if line.startswith("seconds ")]


def timed(env, script):
    """The seconds `script` prints, run in a process of its own."""
    return seconds_printed(script_lines(env, script))


def timed_import(env, folder):
    """Seconds to parse and import `folder` into a migrated, empty database."""
    return timed(env, TIMED_IMPORT.format(folder=str(folder)))[-1]


def synthetic_workbooks(workdir, skills, attributes):
    """The synthetic workbook of `skills` skills and `attributes` attributes, in English and
    German: [(path, language)]; and its Attributes sheet alone, in English, as CSV."""
    from skills.content.synthetic_workbook import (
        corpus_attributes,
        corpus_skills,
        workbook_sheets,
        write_csv_files,
        write_workbook,
    )

    shape = {"skills": corpus_skills(skills), "attributes": corpus_attributes(attributes)}
    workbooks = [
        (str(write_workbook(workdir / f"workbook-{language}.xlsx", sheets)), language)
        for language, sheets in ((lang, workbook_sheets(lang, **shape)) for lang in ("en", "de"))
    ]
    folder = workdir / "attributes"
    folder.mkdir()
    english = workbook_sheets("en", **shape)
    (attributes_csv,) = write_csv_files(folder, {"Attributes": english["Attributes"]})
    return workbooks, attributes_csv


def corpus(workdir, count):
    from skills.content.sources import read_framework
    from skills.content.synthetic import write_corpus

    folder = workdir / f"corpus-{count}"
    folder.mkdir()
    write_corpus(folder, count, read_framework(BASE_DIR / "fixtures/sources/framework.toml"))
    return folder


def start_gunicorn(env, port):
    # Workers are not recycled while measuring: at thousands of requests a second, the
    # production setting (a new worker every 20,000 requests) would measure start-ups too.
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "sfia_site.wsgi", "--bind", f"127.0.0.1:{port}"]
        + ["--max-requests", "0"],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        if answers(port):
            return process
        time.sleep(0.1)
    raise SystemExit("gunicorn did not start")


def workers_rss_mb(master):
    """The resident memory of each live worker (gunicorn recycles workers every couple of
    thousand requests: one may be exiting, with no memory left to report)."""
    children = Path(f"/proc/{master.pid}/task/{master.pid}/children").read_text().split()
    sizes = []
    for pid in children:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except FileNotFoundError:
            continue
        resident = re.search(r"VmRSS:\s+(\d+) kB", status)
        if resident:
            sizes.append(int(resident[1]) / 1024)
    return sizes


def wrk(url, seconds, script=None):
    output = subprocess.run(
        [
            "wrk",
            "-t2",
            "-c16",
            f"-d{seconds}s",
            "--latency",
            *(["-s", script] if script else []),
            url,
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output)[1])
    value, unit = re.search(r"99%\s+([\d.]+)(us|ms|s)", output).groups()
    p99_ms = float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if errors:
        raise SystemExit(f"{url}: {errors[1]} failed responses")
    return rate, p99_ms


def search_paths():
    from urllib.parse import urlencode

    return [f"/{language}/search/?{urlencode({'q': query})}" for language, query in SEARCHES]


def rotating_script(workdir, paths):
    """A wrk script that asks for each of `paths` in turn."""
    script = workdir / "searches.lua"
    listed = ", ".join(f'"{path}"' for path in paths)
    script.write_text(
        f"paths = {{{listed}}}\ni = 0\n"
        "request = function()\n  i = i % #paths + 1\n"
        '  return wrk.format("GET", paths[i])\nend\n'
    )
    return script


def median_of(measurements):
    """(requests/s, p99) of the run with the median rate."""
    ordered = sorted(measurements)
    return ordered[len(ordered) // 2]


def measure_searches(workdir, port, seconds, round_count):
    """((requests/s, p99) of the search mix, of a static file of its pages' mean size), that
    size. The file was written before the server started (WhiteNoise finds files then)."""
    origin = f"http://127.0.0.1:{port}"
    script = rotating_script(workdir, search_paths())
    size = (workdir / "static" / "bench" / "search.html").stat().st_size
    static_url = f"{origin}/static/bench/search.html"
    wrk(origin + "/", 1, script)  # warm up
    rounds = [
        (wrk(origin + "/", seconds, script), wrk(static_url, seconds)) for _ in range(round_count)
    ]
    return (
        (median_of(search for search, _ in rounds), median_of(static for _, static in rounds)),
        size,
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--quick", action="store_true", help="2 s a measurement, one round (CI's look)"
    )
    parser.add_argument("--seconds", type=int, help="a measurement's (10; --quick: 2)")
    parser.add_argument("--rounds", type=int, help=f"how many ({ROUNDS}; --quick: 1)")
    parser.add_argument(
        "--pages", nargs="+", metavar="WORD", help="measure only the pages whose name has a WORD"
    )
    # Several runs on one machine (worktrees) each need their own databases, ports and Redis.
    parser.add_argument("--databases", default="sfia_bench", help="the databases' name prefix")
    parser.add_argument("--port", type=int, default=18800, help="and the next one")
    parser.add_argument("--redis-db", type=int, default=12)
    options = parser.parse_args()
    seconds, round_count = (2, 1) if options.quick else (10, ROUNDS)
    seconds, round_count = options.seconds or seconds, options.rounds or round_count
    pages = {
        name: path
        for name, path in PAGES.items()
        if not options.pages or any(word in name for word in options.pages)
    }
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install wrk")

    workdir = Path(tempfile.mkdtemp(prefix="sfia-bench-"))
    env = {
        "PATH": os.environ["PATH"],
        "DJANGO_SETTINGS_MODULE": "sfia_site.settings",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(40),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_SECURE_COOKIES": "0",
        "DJANGO_STATIC_ROOT": str(workdir / "static"),
        "CACHE_URL": f"redis://127.0.0.1:6379/{options.redis_db}" if answers(6379) else "",
        "GUNICORN_WORKERS": "2",
    }
    database = "PostgreSQL" if answers(5432) else "SQLite"
    cache = "Redis" if answers(6379) else "local memory"
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, {database}, {cache}"
    )

    imports = {}
    for count in (15, 147):
        folder = corpus(workdir, count)
        env["DATABASE_URL"] = fresh_database(workdir, f"{options.databases}_{count}")
        manage(env, "migrate", "--no-input")
        imports[count] = timed_import(env, folder)
        print(
            f"import_sources, {count} skills: {imports[count]:.2f} s "
            f"({1000 * imports[count] / count:.1f} ms a skill)"
        )
    growth = (imports[147] / 147) / (imports[15] / 15)
    print(f"cost a skill, 147 against 15: {growth:.2f}× (1.00 is linear)")
    pages_database = env["DATABASE_URL"]

    workbooks, attributes_csv = synthetic_workbooks(workdir, 147, 16)
    env["DATABASE_URL"] = fresh_database(workdir, f"{options.databases}_workbook")
    manage(env, "migrate", "--no-input")
    english, german = timed(env, TIMED_WORKBOOK_IMPORT.format(workbooks=workbooks))
    print(
        f"import_spreadsheet, 147 skills and 16 attributes: English {english:.2f} s, then "
        f"German {german:.2f} s (import_sources of the same 147 skills, five languages: "
        f"{imports[147]:.2f} s)"
    )

    # The big database, plus the real SLMO page and the workbook's attributes to measure.
    env["DATABASE_URL"] = pages_database
    manage(env, "import_sources", "fixtures/sources")
    manage(env, "import_spreadsheet", str(attributes_csv))
    lines = script_lines(env, TIMED_DOWNLOAD)
    seconds_taken = seconds_printed(lines)
    _, size, _, skill_count = next(line for line in lines if line.startswith("bytes ")).split()
    print(
        f"whole-framework JSON download, all five languages, {skill_count} skills: "
        f"{int(size):,} bytes, built in {min(seconds_taken):.2f} s (best of 3; worst "
        f"{max(seconds_taken):.2f} s; target < 1 s)"
    )
    manage(env, "collectstatic", "--no-input")
    results = {}
    sizes = {}
    for cached, page_cache in ((True, "1"), (False, "0")):
        port = options.port if cached else options.port + 1
        server = start_gunicorn({**env, "DJANGO_PAGE_CACHE": page_cache}, port)
        try:
            static = {}
            for name, path in pages.items():
                page = subprocess.run(
                    ["curl", "-sf", f"http://127.0.0.1:{port}{path}"],
                    capture_output=True,
                    check=True,
                ).stdout
                if not page:  # a redirect (to a page's canonical address) is not measured
                    raise SystemExit(f"{path} gave no page")
                sizes[name] = len(page)
                # A static file of the page's size, for WhiteNoise to serve.
                same_size = workdir / "static" / "bench" / f"{slugify(name)}.html"
                same_size.parent.mkdir(exist_ok=True)
                same_size.write_bytes(page)
                static[name] = f"http://127.0.0.1:{port}/static/bench/{same_size.name}"
            searched = [
                subprocess.run(
                    ["curl", "-sf", f"http://127.0.0.1:{port}{path}"],
                    capture_output=True,
                    check=True,
                ).stdout
                for path in search_paths()
            ]
            # A static file of the search pages' mean size, made of them.
            mean = sum(map(len, searched)) // len(searched)
            (workdir / "static" / "bench" / "search.html").write_bytes(b"".join(searched)[:mean])
            # WhiteNoise finds the files it serves when it starts.
            server.terminate()
            server.wait()
            server = start_gunicorn({**env, "DJANGO_PAGE_CACHE": page_cache}, port)
            for name, path in pages.items():
                page_url = f"http://127.0.0.1:{port}{path}"
                wrk(page_url, 1)  # warm up
                wrk(static[name], 1)
                # Page and static file in turns, so a drift in the machine's speed (other
                # processes, CPU clocks) touches both; the median of each is reported.
                rounds = [
                    (wrk(page_url, seconds), wrk(static[name], seconds)) for _ in range(round_count)
                ]
                results[(name, cached)] = (
                    median_of(page for page, _ in rounds),
                    median_of(static_file for _, static_file in rounds),
                )
            results[("search", cached)] = measure_searches(workdir, port, seconds, round_count)
            results[("rss", cached)] = workers_rss_mb(server)
        finally:
            server.terminate()
            server.wait()
    print(f"{'':36} {'requests/s':>11} {'p99 ms':>8}")
    for name in pages:
        print(f"{name} ({pages[name]}, {sizes[name]} bytes):")
        for cached, label in ((True, "a"), (False, "b")):
            page, static_file = results[(name, cached)]
            how = "cache warm" if cached else "caching off"
            print(f"  {f'({label}) {how}':34} {page[0]:11.0f} {page[1]:8.2f}")
            print(
                f"  {'(c) static file, same size':34} {static_file[0]:11.0f} {static_file[1]:8.2f}"
            )
    for name in pages:
        a_c = results[(name, True)][0][0] / results[(name, True)][1][0]
        b_c = results[(name, False)][0][0] / results[(name, False)][1][0]
        a_target, b_target = (
            (f" (target ≥ {TARGETS['a/c']})", f" (target ≥ {TARGETS['b/c']})")
            if name in HELD_TO_TARGETS
            else ("", "")
        )
        print(f"{name}: a/c = {a_c:.2f}{a_target}, b/c = {b_c:.2f}{b_target}")
    for cached, how in ((True, "each page kept by its process"), (False, "caching off")):
        (search, static_file), size = results[("search", cached)]
        target = f" (target ≥ {TARGETS['search']})" if cached else ""
        print(
            f"search, a mix of {len(SEARCHES)} queries in five languages, {how} (pages of "
            f"{size} bytes on average): {search[0]:.0f} requests/s, p99 {search[1]:.2f} ms; "
            f"static file of that size {static_file[0]:.0f} requests/s, p99 "
            f"{static_file[1]:.2f} ms; ratio {search[0] / static_file[0]:.2f}{target}"
        )
    rss = max(results[("rss", True)] + results[("rss", False)], default=0)
    print(f"worker memory (RSS): at most {rss:.0f} MB (target < {TARGETS['rss_mb']} MB)")
    shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
