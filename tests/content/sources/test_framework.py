"""framework.toml: the levels of responsibility and categories, in every language."""

import pytest

from skills.content.sources import LANGUAGES, SourceErrors, read_framework
from tests.conftest import SLMO


def test_seven_levels_named_in_every_language(framework):
    assert [level.number for level in framework.levels] == [1, 2, 3, 4, 5, 6, 7]
    assert [level.guiding_phrase["en"] for level in framework.levels] == [
        "Follow",
        "Assist",
        "Apply",
        "Enable",
        "Ensure, advise",
        "Initiate, influence",
        "Set strategy, inspire, mobilise",
    ]
    for level in framework.levels:
        assert all(level.guiding_phrase[language] for language in LANGUAGES)
    assert framework.level(5).guiding_phrase["de"] == "Sicherstellen, beraten"
    assert framework.level(5).guiding_phrase["ar"] == "ضمان، تقديم المشورة"


def test_the_english_guiding_phrases_match_the_english_source_headings(framework):
    headings = [
        line
        for line in (SLMO / "en.txt").read_text(encoding="utf-8").split("\n")
        if line.startswith("Level ")
    ]
    for heading in headings:
        number = int(heading[6])
        assert heading == f"Level {number}{framework.level(number).guiding_phrase['en']}"


def test_categories_and_subcategories_in_every_language(framework):
    category, subcategory = framework.find_subcategory(
        "Delivery and operation", "Service management"
    )
    assert category.slug == "delivery-and-operation"
    assert subcategory.slug == "service-management"
    assert subcategory.name["ru"] == "Управление услугами"
    for category in framework.categories:
        assert all(category.name[language] for language in LANGUAGES)
        for subcategory in category.subcategories:
            assert all(subcategory.name[language] for language in LANGUAGES)


def test_the_edition_the_sources_are(framework, tmp_path):
    assert framework.edition == "SFIA 9"
    assert read_framework(write(tmp_path, LEVELS)).edition is None  # not said: not guessed


def test_unknown_names_are_not_found(framework):
    assert framework.find_subcategory("Cooking", "Service management") == (None, None)
    assert framework.find_subcategory("Delivery and operation", "Cooking")[1] is None


def write(tmp_path, text):
    path = tmp_path / "framework.toml"
    path.write_text(text, encoding="utf-8")
    return path


LEVELS = "".join(f'[[levels]]\nnumber = {n}\nen = "L{n}"\n' for n in range(1, 8))


@pytest.mark.parametrize(
    ("text", "location", "message"),
    [
        (LEVELS.replace("number = 3", "number = 8"), ":7:", "level number must be 1–7, found 8"),
        (LEVELS.replace('en = "L2"', 'de = "Zwei"'), ":4:", "an English name (en = …) is required"),
        (LEVELS.replace('en = "L2"', 'en = "L2"\nfr = "Deux"'), ":4:", "unknown key 'fr'"),
        (
            LEVELS.replace("number = 7", "number = 6"),
            ":1:",
            "the levels of responsibility must be 1–7, once each",
        ),
        (LEVELS + '[[categories]]\nde = "Nur Deutsch"\n', ":22:", "an English name"),
        ("levels = [", ":1:", "is not valid TOML"),
        ("edition = 9\n" + LEVELS, ":1:", "edition must be text of 1–40 characters"),
        ('edition = "  "\n' + LEVELS, ":1:", "edition must be text of 1–40 characters"),
    ],
)
def test_framework_errors_name_their_line(tmp_path, text, location, message):
    path = write(tmp_path, text)
    with pytest.raises(SourceErrors) as raised:
        read_framework(path)
    assert f"{path}{location} {message}" in str(raised.value)
