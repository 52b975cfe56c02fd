"""A role profile's downloads as complete as its page (issue 33): the Word file's date,
address, attributes and attribution, each run's language and the Arabic file's direction (read
in its XML, and laid out by LibreOffice); English standing in marked in the Word file and the
CSV; the JSON in the API's vocabulary."""

import csv
import io
import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.db import transaction
from django.test import Client
from django.utils import timezone, translation
from django.utils.formats import date_format

from skills.framework.models import Skill
from skills.opendata import documents
from tests.conftest import require_tool
from tests.skills import copy_of_slmo

pytestmark = pytest.mark.django_db

PROFILE = "/{lang}/profile/?title=Service+lead&s=itsp-6&s=slmo-5"
FSI, PDI = "\u2068", "\u2069"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SOFFICE = "/usr/bin/soffice"


@pytest.fixture
def two_skills(content):
    """SLMO, and ITSP: a copy of it defined at levels 4 to 6 only."""
    copy_of_slmo("ITSP", defined={4, 5, 6})


def download(client, path, download_format):
    response = client.get(f"{path}&format={download_format}")
    assert response.status_code == 200
    return response.content


def word_file(client, path):
    from docx import Document

    return Document(io.BytesIO(download(client, path, "docx")))


def text_of(document):
    return "\n".join(paragraph.text for paragraph in document.paragraphs)


def run_language(run):
    """(w:val, w:bidi) of the run's w:lang."""
    lang = run.element.find(f"{W}rPr/{W}lang")
    return lang.get(f"{W}val"), lang.get(f"{W}bidi")


def runs(document):
    return [run for paragraph in document.paragraphs for run in paragraph.runs]


# Word: what the page shows


def test_the_word_file_holds_the_date_address_attributes_and_attribution(client, two_skills):
    text = text_of(word_file(client, PROFILE.format(lang="de")))

    with translation.override("de"):
        today = date_format(timezone.localdate(), "DATE_FORMAT")
    assert f"\nDatum: {FSI}{today}{PDI}\n" in text
    address = f"{settings.SFIA_SITE_URL}/de/profile/?title=Service+lead&s=itsp-6&s=slmo-5"
    assert f"\nAdresse dieses Profils: {FSI}{address}{PDI}\n" in text
    assert f"\nDie allgemeinen Attribute auf Ebene {FSI}6{PDI}\n" in text
    assert "\nEine Rolle trägt die Verantwortung ihrer höchsten Ebene" in text
    assert "\nEifer\nZeigt erfundenen Eifer auf Ebene 6.\n" in text  # level 6, the highest
    assert "\nTakt\nGeht auf Ebene 6 taktvoll mit erfundenen Menschen um.\n" in text
    assert "Tempo" not in text  # PACE: described at levels 1 and 5 only
    assert text.endswith(
        "Inhalte aus SFIA, dem Kompetenzrahmen für das Informationszeitalter, © SFIA Foundation."
    )


def test_english_standing_in_is_marked_in_the_word_file_and_says_its_language(client, two_skills):
    # PACE's level 5 has no German (tests/attributes.py); SLMO's name has none here.
    Skill.objects.filter(code="SLMO").update(name_de=None)
    document = word_file(client, "/de/profile/?s=slmo-5")

    text = text_of(document)
    assert f"{FSI}SLMO{PDI} Service level management (noch nicht übersetzt) — Ebene" in text
    assert "\nKeeps an invented pace at level 5. (noch nicht übersetzt)\n" in text
    languages = {run.text: run_language(run) for run in runs(document)}
    assert languages["Service level management"] == ("en-GB", None)
    assert languages["Keeps an invented pace at level 5."] == ("en-GB", None)
    assert languages[" (noch nicht übersetzt)"] == ("de-DE", None)
    german = next(text for text in languages if text.startswith("Gewährleistet, dass die"))
    assert languages[german] == ("de-DE", None)
    assert all(run_language(run)[0] in ("de-DE", "en-GB") for run in runs(document))


def test_a_profile_with_no_skills_is_a_word_file_without_attributes(client, two_skills):
    text = text_of(word_file(client, "/it/profile/?title=Vuoto"))

    assert text.startswith(f"Vuoto\nData: {FSI}")
    address = f"{settings.SFIA_SITE_URL}/it/profile/?title=Vuoto"
    assert f"\nIndirizzo di questo profilo: {FSI}{address}{PDI}\n" in text
    assert "attributi generici" not in text
    assert text.endswith("SFIA Foundation.")


@pytest.mark.parametrize(("lang", "tag"), [("de", "de-DE"), ("ru", "ru-RU"), ("it", "it-IT")])
def test_the_word_file_s_default_language_is_the_page_s(client, two_skills, lang, tag):
    """Word proofs a run without w:lang in the document's default language: the template's
    en-US had German spell-checked as English."""
    document = word_file(client, PROFILE.format(lang=lang))

    defaults = document.styles.element.findall(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert [lang.get(f"{W}val") for lang in defaults] == [tag]
    assert {run_language(run) for run in runs(document)} == {(tag, None)}
    assert not document.element.body.findall(f".//{W}bidi")
    assert not document.element.body.findall(f".//{W}rtl")


def test_the_arabic_word_file_runs_right_to_left_and_isolates_codes(client, two_skills):
    document = word_file(client, PROFILE.format(lang="ar"))

    text = text_of(document)
    assert f"{FSI}SLMO{PDI} إدارة مستوى الخدمة — المستوى {FSI}5{PDI}" in text
    assert "يضمن تلبية الخدمات المقدمة لمستويات الخدمة" in text
    paragraphs = document.paragraphs
    assert all(p.paragraph_format.element.find(f"{W}pPr/{W}bidi") is not None for p in paragraphs)
    # Set from the paragraph's start, the right, by its direction alone.
    assert all(p.alignment is None for p in paragraphs)
    # TACT has no Arabic name: English stands in, left to right, and is marked in Arabic.
    tact = next(p for p in paragraphs if p.text.startswith(f"{FSI}Tact"))
    english, note = tact.runs
    assert (english.text, english.font.rtl, run_language(english)) == (
        f"{FSI}Tact{PDI}",
        None,
        ("en-GB", None),
    )
    assert (note.text, note.font.rtl, run_language(note)) == (
        " (لم تُترجم بعد)",
        True,
        ("ar-SA", "ar-SA"),
    )
    arabic = [run for run in runs(document) if run.text != english.text]
    assert all(run.font.rtl and run_language(run) == ("ar-SA", "ar-SA") for run in arabic)
    defaults = document.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert defaults.get(f"{W}bidi") == "ar-SA"


# CSV and JSON


def test_the_csv_names_the_texts_given_in_english(client, two_skills):
    Skill.objects.filter(code="SLMO").update(name_de=None)

    content = download(client, PROFILE.format(lang="de"), "csv").decode("utf-8-sig")

    header, itsp, slmo = csv.reader(io.StringIO(content))
    assert header[-1] == "Auf Englisch, noch nicht übersetzt"
    assert slmo[1] == "Service level management"
    assert slmo[-1] == "Fähigkeit"
    assert itsp[-1] == ""


def test_the_json_speaks_the_api_s_vocabulary(client, two_skills):
    Skill.objects.filter(code="SLMO").update(name_ar=None)

    profile = json.loads(download(client, PROFILE.format(lang="ar"), "json"))

    base = settings.SFIA_SITE_URL
    assert profile["url"] == f"{base}/ar/profile/?title=Service+lead&s=itsp-6&s=slmo-5"
    assert profile["uri"] == f"{base}/profile/?title=Service+lead&s=itsp-6&s=slmo-5"
    assert profile["date"] == timezone.localdate().isoformat()
    itsp, slmo = profile["entries"]
    assert slmo["code"] == "slmo" and slmo["name"] == "Service level management"
    assert slmo[documents.FALLBACK_FIELDS] == ["name"] and itsp[documents.FALLBACK_FIELDS] == []
    assert "in_english" not in slmo
    assert slmo["href"] == f"{base}/api/v1/skills/slmo/levels/5/?lang=ar"
    assert slmo["url"] == f"{base}/ar/skills/slmo/5/"
    assert slmo["uri"] == f"{base}/skills/slmo/5/"
    zeal, tact = profile["attributes"]
    assert zeal["attribute"] == "zeal" and zeal["description"] == "يُظهر حماسة مُختلَقة في المستوى 6."
    assert tact[documents.FALLBACK_FIELDS] == ["name"]
    assert tact["url"] == f"{base}/ar/attributes/tact/#level-6"
    # The API answers at each `href` with the same texts.
    api = client.get(urlsplit(slmo["href"])._replace(scheme="", netloc="").geturl()).json()
    assert (api["skill"], api["level"], api["description"]) == ("slmo", 5, slmo["description"])
    assert api[documents.FALLBACK_FIELDS] == []


# Word, laid out by LibreOffice


@pytest.fixture(scope="module")
def laid_out(django_db_setup, django_db_blocker, tmp_path_factory):
    """The Arabic and the German Word files as LibreOffice lays them out: for each, every
    piece of text its PDF draws, as (x, y, text), in one soffice run."""
    require_tool(SOFFICE, "apt-get install libreoffice-writer-nogui")
    from pypdf import PdfReader

    from tests.attributes import load_page_content

    directory = tmp_path_factory.mktemp("word")
    with django_db_blocker.unblock(), transaction.atomic():
        load_page_content()
        copy_of_slmo("ITSP", defined={4, 5, 6})
        client = Client()
        for lang in ("ar", "de"):
            (directory / f"{lang}.docx").write_bytes(
                download(client, PROFILE.format(lang=lang), "docx")
            )
        transaction.set_rollback(True)
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={(directory / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(directory),
            str(directory / "ar.docx"),
            str(directory / "de.docx"),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    pieces = {}
    for lang in ("ar", "de"):
        drawn = []

        def visit(text, cm, tm, font, size, drawn=drawn):
            # LibreOffice's PDF maps some spaces to the isolates' code points.
            text = text.replace(FSI, " ").replace(PDI, " ").strip()
            if text:
                x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
                y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
                drawn.append((round(x, 1), round(y, 1), text))

        for page in PdfReader(Path(directory / f"{lang}.pdf")).pages:
            page.extract_text(visitor_text=visit)
            drawn.append((0, 0, "\f"))
        pieces[lang] = drawn
    shutil.rmtree(directory / "profile", ignore_errors=True)
    return pieces


def line_of(pieces, text):
    """{piece: x} of the line with a piece `text` (the first such)."""
    y = next(y for _, y, each in pieces if each == text)
    return {each: x for x, line_y, each in pieces if line_y == y}


def words_of_line(pieces, word):
    """{word: x of its piece} of the line with a piece holding the word `word`."""
    y = next(y for _, y, each in pieces if word in each.split())
    return {each_word: x for x, line_y, each in pieces if line_y == y for each_word in each.split()}


def test_libreoffice_lays_the_arabic_word_file_out_right_to_left(laid_out):
    pieces = laid_out["ar"]

    heading = line_of(pieces, "SLMO")
    # Read from the right: the code, the skill's name, then "level 5".
    assert (
        heading["SLMO"] > heading["إدارة"] > heading["الخدمة"] > heading["المستوى"] > heading["5"]
    )
    date = line_of(pieces, "التاريخ")
    assert date["التاريخ"] > date["2026"]
    # LibreOffice draws the attribution's Arabic words as one piece, or as several.
    attribution = words_of_line(pieces, "محتوى")
    assert attribution["محتوى"] == max(attribution.values())
    # "… © SFIA Foundation." ends at the left, its full stop last.
    assert attribution["©"] > attribution["Foundation"] > attribution["."]
    assert attribution["."] == min(attribution.values())


def test_libreoffice_lays_the_german_word_file_out_left_to_right(laid_out):
    pieces = laid_out["de"]
    left_edge = min(x for x, _, text in pieces if text != "\f")

    heading = line_of(pieces, "SLMO")
    assert heading["SLMO"] == left_edge
    assert heading["SLMO"] < heading["Service-Level-Management"] < heading["Ebene"] < heading["5"]
    texts = " ".join(text for _, _, text in pieces)
    assert "Die allgemeinen Attribute auf Ebene" in texts


def test_the_word_file_gives_its_address_as_a_reader_copies_it(client, two_skills):
    """A Russian title's letters, not %D0%92…; the title its own paragraph, not isolated."""
    text = text_of(word_file(client, "/ru/profile/?title=Ведущий+инженер&s=slmo-5"))

    assert text.startswith("Ведущий инженер\n")
    assert f"{settings.SFIA_SITE_URL}/ru/profile/?title=Ведущий+инженер&s=slmo-5{PDI}" in text
