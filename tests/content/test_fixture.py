"""`manage.py build_fixtures` and the committed fixture: current, deterministic, explicit, and
faithful to every content line of every source text."""

import io
import json
import os
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from skills.content.fixture import build_fixture
from skills.content.sources import LANGUAGES, read_sources
from skills.content.synthetic import write_skill
from tests.conftest import SHARED_SOURCES, SLMO, SOURCES

FIXTURE = settings.SFIA_FIXTURE_FILE


def fixture_rows():
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


def test_the_committed_fixture_is_a_fresh_build():
    call_command("build_fixtures", "--check", stdout=io.StringIO())


def test_check_fails_when_the_fixture_is_stale(tmp_path):
    stale = tmp_path / "sfia.json"
    stale.write_text(FIXTURE.read_text(encoding="utf-8").replace("Monitors", "Watches"))
    with pytest.raises(CommandError, match="is out of date"):
        call_command("build_fixtures", "--check", "--output", str(stale))


def test_build_writes_the_fixture_and_is_deterministic(tmp_path, framework):
    output = tmp_path / "sfia.json"
    call_command("build_fixtures", "--output", str(output), stdout=io.StringIO())
    first = output.read_bytes()
    call_command("build_fixtures", "--output", str(output), stdout=io.StringIO())
    assert output.read_bytes() == first == FIXTURE.read_bytes()
    assert build_fixture(read_sources(SOURCES, framework), framework).encode() == first


def test_every_translated_field_is_explicit_in_every_language():
    from django.apps import apps

    from skills.framework.translation import translated_fields

    rows = fixture_rows()
    assert {row["model"] for row in rows} == {
        "skills.edition",
        "skills.responsibilitylevel",
        "skills.category",
        "skills.subcategory",
        "skills.skill",
        "skills.skilllevel",
    }
    for row in rows:
        for field in translated_fields(apps.get_model(row["model"])):
            assert field not in row["fields"], f"bare {field} in {row}"
            for language in LANGUAGES:
                assert f"{field}_{language}" in row["fields"]


def test_missing_translations_are_null_not_empty():
    skill = next(row["fields"] for row in fixture_rows() if row["model"] == "skills.skill")
    assert skill["guidance_notes_it"] is None
    assert skill["responsibility_notes_en"] is None
    assert "" not in skill.values()


# Lines of the SLMO texts that are structure (headings, lists, titles) or chrome, by language.
SLMO_STRUCTURE = {
    "en": [r"Skill description", r"Guidance notes", r"Level \d.*"],
    "de": [
        r"Service-Level-Management SLMO",
        r"Leitfaden",
        r"Ebenen",
        r"Definiert auf .*",
        r".*: Ebene \d",
    ],
    "ru": [
        r".* SLMO",
        r"Методические рекомендации:",
        r"Уровни ответственности .*",
        r"[\d |]+",
        r".*: Уровень \d",
    ],
    "it": [r".* SLMO", r"Livelli di responsabilità .*", r"[\d ]+", r".*: Livello \d"],
    "ar": [
        r".* SLMO",
        r"ملاحظات إرشادية:",
        r"فهم مستويات المسؤولية لهذه المهارة",
        r"تطوير المهارات .*",
        r"مستويات المسؤولية عن هذه المهارة",
        r"[\d |]+",
        r"(.*: )?المستوى\d",
    ],
}
SLMO_CHROME = {
    "en": ["No notes added yet.", "Comments", "0 comments", "Please sign in to leave a comment."],
    "de": ["Der globale Kompetenz- und Kompetenzrahmen für eine digitale Welt"],
    "ru": [],
    "it": ["Le competenze globali e il quadro delle competenze per un mondo digitale"],
    "ar": [
        "انقر لمعرفة سبب عدم تعريف مهارات SFIA على جميع المستويات ال 7.",
        "إظهار/إخفاء الأوصاف والمستويات الإضافية.",
    ],
}


def lines_by_language(rows):
    """Every line of every text in the fixture, by the language of its column."""
    found = {language: set() for language in LANGUAGES}
    for row in rows:
        for name, value in row["fields"].items():
            language = name.rpartition("_")[2]
            if language in found and isinstance(value, str):
                found[language].update(value.split("\n"))
    return found


def content_lines(text, structure, chrome):
    for line in text.split("\n"):
        line = line.strip(" \t")
        if not line or line in chrome or any(re.fullmatch(p, line) for p in structure):
            continue
        # A list item's marker is structure; its text is content.
        yield re.sub(r"^(?:•|- )\s*", "", line) if line.startswith(("•", "- ")) else line


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_slmo_content_line_is_in_the_fixture_in_its_language(language):
    found = lines_by_language(fixture_rows())[language]
    text = (SLMO / f"{language}.txt").read_text(encoding="utf-8")
    lines = list(content_lines(text, SLMO_STRUCTURE[language], SLMO_CHROME[language]))

    assert len(lines) > 5
    # Arabic notes keep their "- " list markers (their lines mix paragraphs and items).
    missing = [line for line in lines if line not in found and f"- {line}" not in found]
    assert missing == []


def test_no_chrome_line_is_in_the_fixture():
    text = FIXTURE.read_text(encoding="utf-8")
    for chrome in SLMO_CHROME.values():
        for line in chrome:
            assert json.dumps(line, ensure_ascii=False)[1:-1] not in text


def test_skill_names_come_from_the_title_lines():
    skill = next(row["fields"] for row in fixture_rows() if row["model"] == "skills.skill")
    assert [skill[f"name_{language}"] for language in LANGUAGES] == [
        "Service level management",
        "Service-Level-Management",
        "Управление уровнем услуг",
        "Gestione del livello di servizio",
        "إدارة مستوى الخدمة",
    ]


def test_a_generated_corpus_is_kept_line_for_line(tmp_path, framework):
    expected = {
        "AAAA": write_skill(tmp_path, "AAAA", defined=(1, 2, 3), bullets=5),
        "BBBB": write_skill(
            tmp_path, "BBBB", defined=(4, 5, 6, 7), blank_lines=True, guidance=False
        ),
    }
    rows = json.loads(build_fixture(read_sources(tmp_path, framework), framework))
    found = lines_by_language(rows)
    for by_language in expected.values():
        for language, text in by_language.items():
            content = [
                *text.description,
                *text.guidance_intro,
                *text.guidance_items,
                *text.responsibility_notes,
                *text.development_notes,
                *(line for lines in text.levels.values() for line in lines),
            ]
            assert set(content) <= found[language]
            assert not set(text.chrome) & found[language]
            assert not set(text.structure) & found[language]


def test_sources_are_byte_identical_copies_of_the_shared_texts():
    if not SHARED_SOURCES.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI runs with shared/ beside the clone, but {SHARED_SOURCES} is missing")
        pytest.skip(f"{SHARED_SOURCES} is not here to compare with")
    shared = sorted(path.relative_to(SHARED_SOURCES) for path in SHARED_SOURCES.rglob("*.*"))
    shared = [path for path in shared if path.parent != Path(".")]  # the skill folders' files
    assert shared, "no skill files in the shared source texts"
    for path in shared:
        assert (SOURCES / path).read_bytes() == (SHARED_SOURCES / path).read_bytes(), path
