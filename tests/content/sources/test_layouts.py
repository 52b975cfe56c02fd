"""The parser on texts it has not seen: every layout with other levels, bullets and shapes;
its errors, each with a line; and arbitrary text, which never raises anything but its own error."""

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skills.content.sources import LANGUAGES, SourceError, parse_text
from skills.content.synthetic import write_skill

SHAPES = list(
    itertools.product(
        [(1, 2, 3, 4, 5), (3, 4, 5, 6), (2, 3, 4, 5, 6, 7), (7,), (1, 2, 3, 4, 5, 6, 7)],
        [0, 1, 12],  # bullets
        [True, False],  # guidance notes
        [True, False],  # blank lines between blocks
    )
)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("defined", "bullets", "guidance", "blank_lines"), SHAPES)
def test_any_skill_in_any_layout(tmp_path, language, defined, bullets, guidance, blank_lines):
    expected = write_skill(
        tmp_path,
        "ABCD",
        defined=defined,
        bullets=bullets,
        guidance=guidance,
        blank_lines=blank_lines,
        languages=[language],
    )[language]
    path = tmp_path / "ABCD" / f"{language}.txt"
    text = parse_text(path.read_text(encoding="utf-8"), language, path)

    assert text.defined_levels == set(defined)
    if language != "en":
        assert (text.name, text.code) == (expected.name, "ABCD")
    assert list(text.description) == expected.description
    assert list(text.guidance_intro) == expected.guidance_intro
    assert list(text.guidance_items) == expected.guidance_items
    assert list(text.responsibility_notes) == expected.responsibility_notes
    assert list(text.development_notes) == expected.development_notes
    for number in range(1, 8):
        level = text.level(number)
        assert (list(level.lines) if level else []) == expected.levels.get(number, [])


def test_chrome_is_dropped_wherever_it_stands():
    text = parse_text(
        "Skill description\nDoes things.\nComments\nLevel 3Apply\nApplies.\n12 comments\n"
        "No notes added yet.",
        "en",
    )
    assert text.description == ("Does things.",)
    assert text.level(3).lines == ("Applies.",)


def test_lines_keep_every_character_but_outer_spaces():
    text = parse_text(
        "Skill description\n  Keeps\u00a0no-break\u2011hyphen\u2019s \u200fmark\u00a0  \t\n"
        "Level 2Assist\nAssists.",
        "en",
    )
    assert text.description == ("Keeps\u00a0no-break\u2011hyphen\u2019s \u200fmark\u00a0",)


def test_windows_line_endings_are_line_endings():
    text = parse_text("Skill description\r\nDoes things.\r\nLevel 2Assist\r\nAssists.\r\n", "en")
    assert text.description == ("Does things.",)
    assert text.level(2).lines == ("Assists.",)


def test_a_heading_with_a_bidi_mark_is_still_a_heading():
    text = parse_text(
        "اسم SKIL\nوصف.\n\u200fمستويات المسؤولية عن هذه المهارة\n2 |\nاسم: المستوى2\nنص.", "ar"
    )
    assert text.listed_levels == {2}
    assert text.level(2).lines == ("نص.",)


def test_arabic_indic_digits_in_level_headings():
    text = parse_text(
        "اسم SKIL\nوصف.\nمستويات المسؤولية عن هذه المهارة\n٣ |\nاسم: المستوى٣\nنص.", "ar"
    )
    assert text.defined_levels == {3}


def test_a_content_line_that_starts_like_a_level_is_content():
    text = parse_text("Skill description\nLevel 3 support is provided.\nLevel 2Assist\nDoes.", "en")
    assert text.description == ("Level 3 support is provided.",)


ERRORS = [
    ("en", "", 1, "the file is empty"),
    ("de", "\n  \n\t\n", 1, "the file is empty"),
    ("en", "Skill description\nText.\nLevel 8Eight\nMore.", 3, "level 8 is outside 1–7"),
    ("en", "Skill description\nText.\nLevel 0\nMore.", 3, "level 0 is outside 1–7"),
    (
        "en",
        "Skill description\nText.\nLevel 2Assist\nA.\nLevel 2Assist\nB.",
        5,
        "level 2 appears twice (first on line 3)",
    ),
    ("en", "Intro before any heading.\nSkill description\nText.", 1, "cannot be placed"),
    (
        "en",
        "Skill description\nText.\nGuidance notes\nIntro:\n- item\nA closing paragraph.",
        6,
        "follows the guidance notes' list",
    ),
    (
        "en",
        "Skill description\nText.\nLevel 2Assist\nA.\nGuidance notes\nIntro:",
        5,
        'the heading "Guidance notes" is out of place',
    ),
    ("en", "Skill description\nText.\nGuidance notes\nGuidance notes", 4, "out of place"),
    ("de", "Leitfaden\nText.", 1, "expected the skill's name and code"),
    ("de", "Name ABCD\nText.\nName: Ebene 2\nA.", 3, "comes before the list of defined levels"),
    (
        "de",
        "Name ABCD\nText.\nEbenen\nDefiniert auf diesen Ebenen: 2 3\nName: Ebene 2\nA.\n"
        "Name: Ebene 3",
        7,
        "level 3 is listed as defined (line 4) but has no text",
    ),
    (
        "ru",
        "Имя ABCD\nТекст.\nУровни ответственности за этот навык\n2 | 3 |\nИмя: Уровень 2\nА.",
        4,
        "level 3 is listed as defined (line 4) but has no text",
    ),
    (
        "it",
        "Nome ABCD\nTesto.\nLivelli di responsabilità per questa abilità\n2 9\n",
        4,
        "defined level 9 is outside 1–7",
    ),
    (
        "it",
        "Nome ABCD\nTesto.\nLivelli di responsabilità per questa abilità\n2 2\n",
        4,
        "a defined level is listed twice",
    ),
    (
        "ar",
        "اسم ABCD\nنص.\nمستويات المسؤولية عن هذه المهارة\nليس قائمة\n",
        4,
        "expected the list of defined levels",
    ),
]


@pytest.mark.parametrize(("language", "text", "line", "message"), ERRORS)
def test_errors_name_their_line(language, text, line, message):
    with pytest.raises(SourceError) as raised:
        parse_text(text, language, f"X/{language}.txt")
    assert raised.value.line == line
    assert message in raised.value.message
    assert str(raised.value).startswith(f"X/{language}.txt:{line}: ")


# Lines that mean something to some layout, mixed with anything at all.
STRUCTURE = [
    "Skill description",
    "Guidance notes",
    "Leitfaden",
    "Ebenen",
    "Definiert auf diesen Ebenen: 2 3",
    "2 | 3 | 9 |",
    "Level 2Assist",
    "Level 99Nope",
    "Name: Ebene 2",
    "Имя: Уровень 3",
    "Nome: Livello 7",
    "اسم: المستوى2",
    "المستوى1",
    "- item",
    "  • Punkt",
    "Service level management SLMO",
    "Comments",
    "مستويات المسؤولية عن هذه المهارة",
    "فهم مستويات المسؤولية لهذه المهارة",
    "Методические рекомендации:",
    "",
]
lines = st.lists(st.one_of(st.sampled_from(STRUCTURE), st.text(max_size=40)), max_size=30)


@settings(max_examples=300, deadline=None)
@given(language=st.sampled_from(LANGUAGES), text=st.one_of(st.text(), lines.map("\n".join)))
def test_arbitrary_text_parses_or_raises_a_located_source_error(language, text):
    try:
        parse_text(text, language, "any.txt")
    except SourceError as error:
        assert 1 <= error.line <= text.count("\n") + 1
        assert str(error).startswith(f"any.txt:{error.line}: ")
