"""The interface's own words follow the glossary: every message of the German, Russian,
Italian and Arabic catalogues (locale/*/LC_MESSAGES/django.po), checked against the
project's key terms (fixtures/glossary.toml) by the check the admin runs on the content
(editorial/glossary.py's Glossary.problems); and an empty glossary starts from those terms."""

import io
import re

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils.html import strip_tags
from reversion.models import Version

from skills.editorial.glossary import Glossary
from skills.framework.glossary_seed import seed_glossary, seed_terms
from skills.framework.languages import TRANSLATED_LANGUAGES
from skills.framework.models import GlossaryTerm

pytestmark = pytest.mark.django_db

# Messages that are right though the check warns: kept small, each with its reason.
# {msgid: {language, …}}.
ALLOWED = {
    # German compounds "skill" as the first part ("Fähigkeitsebene"); the check finds a term
    # only as a compound's last part ("Verantwortungsebene" has "Ebene").
    "skill level": {"de"},
    "skill levels": {"de"},
    # Arabic joins "and" to the word ("والمستويات"), and the stemmer does not take it off.
    "Every object carries its %(href)s (its address in the API, in the same language) and its "
    "%(url)s (its page on this site in that language). Skills, levels and attributes also "
    "carry a %(uri)s: the page's address without a language, the same in every language, which "
    "takes each reader to the page in their own.": {"ar"},
}


def catalogue(language):
    return polib.pofile(str(settings.BASE_DIR / "locale" / language / "LC_MESSAGES" / "django.po"))


# A message's markup and placeholders are not its words: `<bdi translate="no">` has no
# "translation", `%(skills)s` no "skill".
PLACEHOLDER = re.compile(r"%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[sdifr%]")


def words_of(message):
    return PLACEHOLDER.sub(" ", strip_tags(message))


def translated_pairs(entry):
    """(English, translation) of a catalogue entry: each plural form against the English
    form it translates (the first against the singular, the others against the plural)."""
    if not entry.msgid_plural:
        return [(words_of(entry.msgid), words_of(entry.msgstr))]
    return [
        (words_of(entry.msgid if index == 0 else entry.msgid_plural), words_of(text))
        for index, text in sorted(entry.msgstr_plural.items())
    ]


def against_glossary(glossary, language, allowed=ALLOWED):
    """Each message of `language`'s catalogue that goes against `glossary`, worded as the
    admin words it."""
    return [
        f"{english!r} → {translation!r}: {problem.message()}"
        for entry in catalogue(language)
        if not entry.obsolete and language not in allowed.get(entry.msgid, ())
        for english, translation in translated_pairs(entry)
        for problem in glossary.problems(english, translation, language)
    ]


@pytest.fixture
def glossary():
    seed_glossary(settings.SFIA_GLOSSARY_FILE)
    return Glossary.load()


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_each_catalogue_uses_the_glossarys_words(glossary, language):
    assert against_glossary(glossary, language) == []


def test_each_message_allowed_is_one_the_check_would_warn_of(glossary):
    """The allow-list holds no message that has gone or that the check now passes."""
    for msgid, languages in ALLOWED.items():
        for language in languages:
            entry = catalogue(language).find(msgid)
            assert entry, msgid
            warned = [
                problem
                for english, translation in translated_pairs(entry)
                for problem in glossary.problems(english, translation, language)
            ]
            assert warned, (language, msgid)


# The issue's findings, as the catalogues had them: the key terms catch each.
@pytest.mark.parametrize(
    ("language", "english", "translation", "avoided"),
    [
        (
            "de",
            "A role profile: skills of the SFIA framework, each at one level of responsibility.",
            "Ein Rollenprofil: Fähigkeiten des SFIA-Rahmenwerks, jede auf einer "
            "Verantwortungsstufe.",
            {("framework", "Rahmenwerk"), ("level of responsibility", "Verantwortungsstufe")},
        ),
        (
            "de",
            "Beside its skills, SFIA describes each level of responsibility through generic "
            "attributes and business skills, which apply whatever the skill.",
            "Neben seinen Fähigkeiten beschreibt SFIA jede Verantwortungsebene durch allgemeine "
            "Attribute und Geschäftsfähigkeiten, die für jede Fähigkeit gelten.",
            {("business skills", "Geschäftsfähigkeit")},
        ),
        (
            "it",
            "Add its skills",
            "Aggiungi le sue competenze",
            {("skill", "competenza")},
        ),
        (
            "ru",
            "Every skill, in framework order, with the levels it is defined at.",
            "Все навыки в порядке фреймворка, с уровнями, на которых они определены.",
            {("framework", "фреймворк")},
        ),
        (
            "de",
            "A read-only JSON API with the whole framework in every language: addresses, "
            "languages, links, caching and errors.",
            "Eine schreibgeschützte JSON-API mit dem ganzen Framework in jeder Sprache: "
            "Adressen, Sprachen, Links, Caching und Fehler.",
            {("framework", "Framework")},
        ),
    ],
)
def test_the_key_terms_catch_the_words_the_issue_found(
    glossary, language, english, translation, avoided
):
    found = glossary.problems(english, translation, language)
    assert {(problem.entry.english, problem.avoided) for problem in found} == avoided


def test_the_agreed_italian_words_keep_competenze_for_the_framework_only(glossary):
    english = "The Skills Framework for the Information Age: every skill."
    right = "SFIA, il quadro delle competenze per l’era dell’informazione: ogni abilità."
    wrong = "SFIA, il quadro delle competenze per l’era dell’informazione: ogni competenza."
    assert glossary.problems(english, right, "it") == []
    assert [(p.entry.english, p.avoided) for p in glossary.problems(english, wrong, "it")] == [
        ("skill", "competenza")
    ]


def test_an_empty_glossary_starts_from_the_key_terms():
    out = io.StringIO()
    call_command("load_content", stdout=out)
    terms = seed_terms(settings.SFIA_GLOSSARY_FILE)
    assert f"Added {len(terms)} glossary terms from fixtures/glossary.toml." in out.getvalue()
    term = GlossaryTerm.objects.get(term_en="level of responsibility")
    assert (term.term_de, term.avoided("de")) == ("Verantwortungsebene", ["Verantwortungsstufe"])
    assert GlossaryTerm.objects.get(term_en="skill").avoided("it") == ["competenza"]
    assert GlossaryTerm.objects.count() == len(terms)
    # One revision in the glossary's history, so the first edit can be undone.
    assert Version.objects.get_for_model(GlossaryTerm).count() == len(terms)


def test_an_editors_glossary_is_never_written_over():
    GlossaryTerm.objects.create(term_en="level", term_de="Niveau")
    out = io.StringIO()
    call_command("load_content", stdout=out)
    assert "glossary" not in out.getvalue()
    assert list(GlossaryTerm.objects.values_list("term_en", "term_de")) == [("level", "Niveau")]
    assert seed_glossary(settings.SFIA_GLOSSARY_FILE) == 0


def test_the_arabic_footer_names_the_api_and_sfias_data_with_sfia_isolated(client):
    page = client.get("/ar/").text
    assert "واجهة البرمجة: بيانات \u2068SFIA\u2069</a>" in page
