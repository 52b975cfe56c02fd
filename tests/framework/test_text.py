"""What the database would refuse, and what would spoof a page or a terminal, is refused in
the sources with its location: control characters, unbalanced bidi controls, long names."""

import io
import shutil

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from skills.content.sources import SourceErrors, parse_text, read_framework, read_sources
from skills.framework.text import find_character_problem, is_refused, printable
from tests.conftest import SLMO, content_snapshot, slmo_text


def parse_error(text, language="de"):
    with pytest.raises(Exception) as raised:
        parse_text(text, language, f"SLMO/{language}.txt")
    return str(raised.value)


def with_line(language, number, new):
    lines = slmo_text(language).split("\n")
    lines[number - 1] = new(lines[number - 1])
    return "\n".join(lines)


@pytest.mark.parametrize(
    ("character", "named"),
    [
        ("\x00", "U+0000"),
        ("\x1b", "U+001B"),
        ("\x07", "U+0007"),
        ("\x7f", "U+007F"),
        ("\x85", "U+0085"),  # C1: NEXT LINE
        ("\x9b", "U+009B"),  # C1: CONTROL SEQUENCE INTRODUCER
    ],
)
def test_a_control_character_is_refused_with_its_line_and_column(character, named):
    text = with_line("de", 5, lambda line: line[:4] + character + line[4:])

    assert parse_error(text) == (f"SLMO/de.txt:5: has a control character ({named}) at column 5")


@pytest.mark.parametrize(
    ("character", "named"),
    [("\ufffe", "U+FFFE"), ("\uffff", "U+FFFF"), ("\ufdd0", "U+FDD0"), ("\U0010ffff", "U+10FFFF")],
)
def test_a_noncharacter_is_refused_with_its_line_and_column(character, named):
    text = with_line("de", 5, lambda line: line[:4] + character + line[4:])

    assert parse_error(text) == (
        f"SLMO/de.txt:5: has {named}, which is not a character (a noncharacter or a lone "
        "surrogate), at column 5"
    )


@pytest.mark.parametrize("character", ["\x85", "\x9b", "\ufffe", "\uffff", "\ufdef", "\ud800"])
def test_the_policy_refuses_c1_controls_noncharacters_and_lone_surrogates(character):
    problem = find_character_problem(f"ab{character}c")

    assert problem.column == 3 and problem.character == character
    assert is_refused(character)


@pytest.mark.parametrize("character", ["\t", "\xa0", "\u200f", "\u061c", "\ufffd", "\U0001f600"])
def test_the_policy_keeps_tabs_marks_and_every_real_character(character):
    assert find_character_problem(f"ab{character}c") is None
    assert not is_refused(character)


@pytest.mark.parametrize(
    ("line", "kind", "limit"),
    [(5, "description", 10_000), (11, "guidance", 30_000)],
)
def test_a_text_longer_than_its_kind_may_be_is_refused_at_the_line_that_makes_it_so(
    line, kind, limit
):
    words = "Wort " * (limit // 5)
    text = with_line("de", line, lambda old: old + " " + words)

    assert parse_error(text) == (
        f"SLMO/de.txt:{line}: the {kind} is longer than {limit} characters from this line on"
    )


def test_tabs_and_windows_line_ends_are_fine():
    text = slmo_text("de").replace("\n", "\r\n").replace("Service-Level", "Service-\tLevel", 1)

    assert parse_text(text, "de").name


@pytest.mark.parametrize(
    ("spoof", "problem"),
    [
        ("\u202eevil", "leaves a bidi control open (U+202E RIGHT-TO-LEFT OVERRIDE at column 1)"),
        ("\u2067abc", "leaves a bidi control open (U+2067 RIGHT-TO-LEFT ISOLATE at column 1)"),
        (
            "abc\u202c",
            "closes a bidi embedding that is not open (U+202C POP DIRECTIONAL "
            "FORMATTING) at column 4",
        ),
        (
            "\u2066a\u202c\u2069",
            "closes a bidi embedding that is not open (U+202C POP "
            "DIRECTIONAL FORMATTING) at column 3",
        ),
    ],
)
def test_an_unbalanced_bidi_control_is_refused(spoof, problem):
    text = with_line("ar", 3, lambda line: spoof + line)

    assert parse_error(text, "ar").startswith(f"SLMO/ar.txt:3: {problem}")


def test_balanced_bidi_controls_and_marks_are_kept():
    # An isolate around a code, an embedding inside an isolate closed by it, and the marks
    # that real Arabic text carries.
    kept = " \u2066SLMO\u2069 \u2067\u202bنص\u2069 \u200f\u200e\u061c"
    text = with_line("ar", 3, lambda line: line + kept)

    parsed = parse_text(text, "ar")
    assert kept.strip() in "\n".join(parsed.description)


def test_a_translated_name_too_long_for_the_database_is_refused():
    text = slmo_text("de").replace("Service-Level-Management SLMO", "N" * 201 + " SLMO")

    assert (
        parse_error(text) == "SLMO/de.txt:3: the skill's name is 201 characters long: at most 200"
    )


def test_an_english_name_too_long_is_refused_in_skill_toml(sources_dir, framework):
    toml = sources_dir / "SLMO" / "skill.toml"
    toml.write_text(
        toml.read_text(encoding="utf-8").replace("Service level management", "x" * 300),
        encoding="utf-8",
    )

    with pytest.raises(SourceErrors) as refused:
        read_sources(sources_dir, framework)
    assert str(refused.value) == f"{toml}:4: name is 300 characters long: at most 200"


def framework_with(tmp_path, old, new):
    path = tmp_path / "framework.toml"
    text = settings.SFIA_FRAMEWORK_FILE.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_the_framework_refuses_long_phrases_and_escaped_controls(tmp_path):
    long_phrase = framework_with(tmp_path, 'de = "Befolgen"', f'de = "{"B" * 101}"')
    with pytest.raises(
        SourceErrors, match=r"framework.toml:15: de is 101 characters long: at most 100"
    ):
        read_framework(long_phrase)

    escaped_nul = framework_with(tmp_path, 'de = "Befolgen"', 'de = "Bef\\u0000olgen"')
    with pytest.raises(
        SourceErrors, match=r"framework.toml:15: de has a control character \(U\+0000\) at column 4"
    ):
        read_framework(escaped_nul)


def test_printed_names_cannot_forge_or_reorder_output():
    assert printable("BAD\x1b[32m\nSkills: 1 added\u202e") == (
        "BAD\\u001b[32m\\u000aSkills: 1 added\\u202e"
    )
    assert printable("إدارة\u200f مستوى") == "إدارة\u200f مستوى"


@pytest.mark.django_db
def test_the_import_prints_a_hostile_folder_name_escaped_and_changes_nothing(sources_dir):
    call_command("import_sources", str(sources_dir), stdout=io.StringIO())
    before = content_snapshot()
    shutil.copytree(SLMO, sources_dir / "BAD\x1b[32m\nSkills: 9 added")

    with pytest.raises(CommandError) as refused:
        call_command("import_sources", str(sources_dir), stdout=io.StringIO())

    message = str(refused.value)
    assert "BAD\\u001b[32m\\u000aSkills: 9 added:1: a skill folder is named by" in message
    assert "\x1b" not in message and "\nSkills: 9 added" not in message
    assert content_snapshot() == before
