"""The glossary (framework's GlossaryTerm, editorial/glossary.py): one agreed word for each key
term in each language, and words to avoid; warnings where a translation goes against it, in
the change form, after a save and on the translation status page, matched by stems so that
inflected forms count; and the glossary carried with the exchange files (PO notes, TBX)."""

import io
import itertools
import re
from html import unescape

import polib
import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from reversion.models import Version
from translate.storage import tbx

from skills.editorial.glossary import Entry, Glossary
from skills.framework.models import GlossaryTerm, Skill, SkillLevel
from skills.page_cache.watch import read_content_version
from tests.editorial.conftest import database_rows
from tests.editorial.test_admin import open_form, save, user_in
from tests.editorial.test_exchange import edited, imported, translate_level_5
from tests.editorial.test_exchange_admin import LEVEL_5, german_file, upload

pytestmark = pytest.mark.django_db

CHANGE = "/{lang}/admin/skills/skill/{pk}/change/"
GLOSSARY = "/{lang}/admin/skills/glossaryterm/"
STATUS = "/{lang}/admin/skills/skill/translation-status/"
EXCHANGE = "/{lang}/admin/skills/skill/exchange/"

LEVEL = {
    "term_en": "level",
    "term_de": "Ebene",
    "avoid_de": "Stufe",
    "term_ru": "уровень",
    "avoid_ru": "ступень",
    "term_it": "livello",
    "avoid_it": "grado",
    "term_ar": "مستوى",
    "avoid_ar": "درجة",
}


NUMBERS = itertools.count(1)


def entry(**fields):
    """An Entry as Glossary.load reads one, from a GlossaryTerm's fields."""
    term = GlossaryTerm(**fields)
    languages = ("de", "ru", "it", "ar")
    return Entry(
        pk=next(NUMBERS),
        english=term.term_en,
        approved={code: getattr(term, f"term_{code}") or "" for code in languages},
        avoided={code: term.avoided(code) for code in languages},
    )


LEVELS = Glossary([entry(**LEVEL)])
ENGLISH = "Works at all levels of responsibility."


def problems(translation, language, glossary=LEVELS, english=ENGLISH):
    return [
        (problem.entry.english, problem.avoided or None)
        for problem in glossary.problems(english, translation, language)
    ]


# Each language's agreed word, inflected as a sentence has it: no warning.
@pytest.mark.parametrize(
    ("language", "translation"),
    [
        ("de", "Arbeitet auf allen Ebenen der Verantwortung."),
        ("de", "Arbeitet auf jeder Verantwortungsebene."),  # a compound ending in the term
        ("ru", "Работает на всех уровнях ответственности."),
        ("ru", "Работает в пределах уровня ответственности."),  # уровня: "уровн", not "уровен"
        ("it", "Lavora a tutti i livelli di responsabilità."),
        ("ar", "يعمل على جميع المستويات من المسؤولية."),
        ("ar", "يعمل على جميع مستويات المسؤولية."),  # a plural without the article
    ],
)
def test_an_inflected_form_of_the_agreed_word_satisfies_the_glossary(language, translation):
    assert problems(translation, language) == []


# A word to avoid, inflected: a warning naming it.
@pytest.mark.parametrize(
    ("language", "translation", "avoided"),
    [
        ("de", "Arbeitet auf allen Stufen der Verantwortung.", "Stufe"),
        ("de", "Arbeitet auf allen Kompetenzstufen.", "Stufe"),
        ("ru", "Работает на всех ступенях ответственности.", "ступень"),
        ("it", "Lavora a tutti i gradi di responsabilità.", "grado"),
        ("ar", "يعمل على جميع الدرجات من المسؤولية.", "درجة"),
        # A plural without the article, with a preposition joined to it: "درجا", not "درج".
        ("ar", "يعمل على جميع درجات المسؤولية.", "درجة"),
        ("ar", "يلتزم بدرجات المسؤولية.", "درجة"),
    ],
)
def test_an_inflected_word_to_avoid_is_named(language, translation, avoided):
    assert problems(translation, language) == [("level", avoided)]


@pytest.mark.parametrize(
    ("language", "translation"),
    [
        ("de", "Arbeitet auf allen Niveaus der Verantwortung."),
        ("ru", "Работает на всех этапах ответственности."),
        ("it", "Lavora a tutte le fasi di responsabilità."),
        ("ar", "يعمل على جميع مراحل المسؤولية."),
    ],
)
def test_a_translation_without_the_agreed_word_is_warned_of(language, translation):
    assert problems(translation, language) == [("level", None)]


def test_a_language_with_no_agreed_word_yet_lacks_nothing():
    """Only the German word is agreed: the Russian translation, with any word for "level",
    is not told it lacks one (it would have been told it lacks „“)."""
    german_only = Glossary([entry(term_en="level", term_de="Ebene")])

    assert problems("Работает на всех ступенях.", "ru", german_only) == []
    assert problems("Arbeitet auf allen Stufen.", "de", german_only) == [("level", None)]


def test_only_a_text_whose_english_has_the_term_is_checked():
    assert problems("Arbeitet auf allen Stufen.", "de", english="Works everywhere.") == []
    # Nor one not yet translated: that is a missing translation, not a glossary matter.
    assert problems("", "de") == []


def test_a_term_inside_a_longer_term_is_that_terms():
    glossary = Glossary(
        [
            entry(**LEVEL),
            entry(term_en="service level agreement", term_de="Service-Level-Agreement"),
        ]
    )
    english = "Monitors delivery against service level agreements."
    translated = "Überwacht die Erbringung anhand der Service-Level-Agreements."
    # "level" is there only as part of the longer term: no call for "Ebene".
    assert problems(translated, "de", glossary, english) == []
    assert problems("Überwacht die Erbringung anhand der Verträge.", "de", glossary, english) == [
        ("service level agreement", None)
    ]
    # Where "level" also stands alone, it is checked too.
    english += " Reports on levels of service."
    assert problems(translated + " Berichtet über Ebenen.", "de", glossary, english) == []


@pytest.fixture
def glossary(content):
    call_command("setup_roles", stdout=io.StringIO())
    return GlossaryTerm.objects.create(**LEVEL)


def slmo_level(number):
    return SkillLevel.objects.get(skill__code="SLMO", level=number)


def warnings_in(page):
    return re.findall(r'<p class="glossary-warning"[^>]*>(.*?)</p>', page, re.S)


def text_of(html):
    return unescape(re.sub(r"<[^>]+>", "", html))


def test_the_change_form_warns_under_each_translation_in_the_admins_language(client, glossary):
    level = slmo_level(5)
    level.description_de = "Stellt sicher, dass die vereinbarten Servicestufen eingehalten werden."
    level.description_ru = "Обеспечивает соблюдение согласованных уровней обслуживания."
    level.description_it = "Assicura che siano rispettati i gradi di servizio concordati."
    level.save()
    client.force_login(user_in("Editor", "edith"))

    page = client.get(CHANGE.format(lang="de", pk=level.skill_id)).text

    found = [text_of(each) for each in warnings_in(page)]
    assert (
        "Glossar: Der englische Text enthält „level“: Diese Übersetzung verwendet „Stufe“, das "
        "laut Glossar zu vermeiden ist; sein Wort ist „Ebene“." in found
    )
    assert any("„grado“" in each for each in found)
    assert not any("ступень" in each or "уровень" in each for each in found)  # Russian holds
    # Each term isolated and marked with its language, in the German admin's sentence.
    assert '<bdi lang="de" dir="ltr">Stufe</bdi>' in page
    assert '<bdi lang="en" dir="ltr">level</bdi>' in page


def test_an_arabic_warning_isolates_its_arabic_words(client, glossary):
    level = slmo_level(5)
    level.description_ar = "يضمن تلبية الخدمات المقدمة للدرجات المتفق عليها."
    level.save()
    client.force_login(user_in("Translator (Arabic)", "amal"))

    page = client.get(CHANGE.format(lang="ar", pk=level.skill_id)).text

    (warning,) = warnings_in(page)
    assert '<bdi lang="ar" dir="rtl">درجة</bdi>' in warning
    assert '<bdi lang="ar" dir="rtl">مستوى</bdi>' in warning
    assert '<bdi lang="en" dir="ltr">level</bdi>' in warning


def test_a_save_against_the_glossary_is_saved_and_warned_of(client, glossary):
    translator = user_in("Translator (Russian)", "rita")
    client.force_login(translator)
    url = CHANGE.format(lang="ru", pk=slmo_level(5).skill_id)
    fields = open_form(client, url)
    (name,) = [key for key, value in fields.items() if value == slmo_level(5).description_ru]
    changed = "Обеспечивает соблюдение согласованных ступеней обслуживания."

    response = client.post(url, {**fields, name: changed}, follow=True)

    assert slmo_level(5).description_ru == changed
    (warning,) = re.findall(r'<li class="warning">(.*?)</li>', response.text, re.S)
    assert warning == (
        "Сохранено, но вопреки глоссарию: SLMO 5, описание (русский). В английском тексте есть "
        "«level»: в этом переводе используется «ступень», которого глоссарий советует избегать; "
        "его слово — «уровень»."
    )


def test_the_status_page_lists_each_languages_inconsistencies(admin_client, glossary):
    level = slmo_level(5)
    level.description_it = "Assicura che siano rispettati i gradi di servizio concordati."
    level.save()

    page = unescape(re.sub(r"\s+", " ", admin_client.get(STATUS.format(lang="en")).text))

    german = section(page, "de")
    # The real German: "Service-Level-Management" has no "Ebene"; "Serviceebenen" has.
    assert "SLMO</bdi></a>: name." in german
    assert "lacks the glossary's word for it" in german
    assert "SLMO · 5</bdi></a>" not in german
    italian = section(page, "it")
    assert "SLMO · 5</bdi></a>: description." in italian
    assert '<bdi lang="it" dir="ltr">grado</bdi>' in italian
    assert "Every translation uses the glossary's words." in section(page, "ru")


def section(page, language):
    """The status page's glossary list of one language."""
    start = page.index(f'id="glossary-{language}"')
    return page[start : page.index("</section>", start)]


def test_an_empty_glossary_says_so(admin_client, content):
    page = admin_client.get(STATUS.format(lang="en")).text
    assert "The glossary has no terms yet." in page


def test_a_translator_keeps_their_languages_words_and_nothing_else(client, glossary):
    client.force_login(user_in("Translator (German)", "dora"))
    url = f"{GLOSSARY.format(lang='de')}{glossary.pk}/change/"
    page = client.get(url).text
    assert 'name="term_de"' in page and 'name="avoid_de"' in page
    assert 'name="term_en"' not in page and 'name="term_ru"' not in page
    assert ">level<" in page  # the English term, read-only, above
    fields = open_form(client, url)

    response = save(
        client,
        url,
        fields,
        term_de="Verantwortungsebene",
        avoid_de="Stufe\r\nNiveau",
        term_en="stage",
        term_ru="этап",
    )

    assert response.status_code == 302
    glossary.refresh_from_db()
    assert (glossary.term_de, glossary.avoided("de")) == (
        "Verantwortungsebene",
        ["Stufe", "Niveau"],
    )
    assert (glossary.term_en, glossary.term_ru) == ("level", "уровень")
    assert client.get(f"{GLOSSARY.format(lang='de')}add/").status_code == 403
    assert client.get(f"{url.removesuffix('change/')}delete/").status_code == 403


def test_an_editor_adds_a_term_and_the_same_word_cannot_be_agreed_and_avoided(
    admin_client, glossary
):
    url = f"{GLOSSARY.format(lang='en')}add/"
    fields = open_form(admin_client, url)
    refused = save(
        admin_client,
        url,
        fields,
        term_en="stakeholder",
        term_de="Stakeholder",
        avoid_de="stakeholder",
    )
    assert refused.status_code == 200
    assert "“Stakeholder” is this language's word for the term" in unescape(refused.text)
    assert not GlossaryTerm.objects.filter(term_en="stakeholder").exists()

    again = save(admin_client, url, fields, term_en="level")
    assert again.status_code == 200 and not GlossaryTerm.objects.filter(pk__gt=glossary.pk)

    added = save(admin_client, url, fields, term_en="stakeholder", term_de="Interessengruppe")
    assert added.status_code == 302
    assert GlossaryTerm.objects.get(term_en="stakeholder").term_de == "Interessengruppe"


@pytest.mark.parametrize(
    ("field", "typed", "message"),
    [
        (
            "term_de",
            "Eb\ufffeene",
            "Zeile 1, Spalte 3: U+FFFE ist kein Zeichen (ein Nichtzeichen oder eine Hälfte eines "
            "Surrogatpaars) und kann nicht gespeichert werden.",
        ),
        (
            "avoid_de",
            "Stufe\r\nNi\x85veau",
            "Zeile 2, Spalte 3: Ein Steuerzeichen (U+0085) kann nicht gespeichert werden.",
        ),
        ("avoid_de", "Stufe " * 2001, "höchstens 10000 Zeichen"),
    ],
)
def test_a_glossary_word_is_held_to_the_text_policy(client, glossary, field, typed, message):
    client.force_login(user_in("Translator (German)", "dora"))
    url = f"{GLOSSARY.format(lang='de')}{glossary.pk}/change/"
    before = database_rows()["skills_glossaryterm"]

    response = save(client, url, open_form(client, url), **{field: typed})

    assert response.status_code == 200
    assert message in unescape(response.text)
    assert database_rows()["skills_glossaryterm"] == before


def test_the_glossary_list_names_each_language_and_marks_each_word(admin_client, glossary):
    page = admin_client.get(GLOSSARY.format(lang="de")).text
    assert re.search(r"<th[^>]*column-term_ar[^>]*>.*?Arabisch", page, re.S)
    assert '<span lang="ar" dir="rtl">مستوى</span>' in page
    assert '<span lang="ru" dir="ltr">уровень</span>' in page


def test_a_translator_cannot_change_another_languages_word(client, glossary):
    client.force_login(user_in("Translator (Italian)", "ida"))
    url = f"{GLOSSARY.format(lang='it')}{glossary.pk}/change/"
    fields = open_form(client, url)
    save(client, url, fields, term_it="livello di responsabilità", term_de="Stufe")
    glossary.refresh_from_db()
    assert (glossary.term_it, glossary.term_de) == ("livello di responsabilità", "Ebene")


def test_the_po_file_notes_the_terms_each_unit_has(glossary, tmp_path):
    path = tmp_path / "de.po"
    out = io.StringIO()
    call_command("export_translations", "--language", "de", str(path), stdout=out)

    catalogue = polib.pofile(str(path))
    (unit,) = [each for each in catalogue if each.msgctxt == "skill/SLMO/level/5/description"]
    assert "glossary: “level” = “Ebene” (avoid: “Stufe”)" in unit.comment.split("\n")
    without = [each for each in catalogue if "level" not in each.msgid.lower()]
    assert without and not [each for each in without if "glossary:" in each.comment]
    assert f"The glossary's 1 terms written to {tmp_path / 'de.tbx'}" in out.getvalue()
    # The notes stay out of the import's way: the file comes back with nothing to change.
    report = io.StringIO()
    call_command("import_translations", str(path), stdout=report)
    assert "0 new and 0 changed" in report.getvalue()


def test_the_tbx_term_base_beside_the_po_file_reads_in_translate_toolkit(glossary, tmp_path):
    GlossaryTerm.objects.create(term_en="stakeholder", term_ru="заинтересованная сторона")
    call_command(
        "export_translations", "--language", "ru", str(tmp_path / "ru.po"), stdout=io.StringIO()
    )

    base = tbx.tbxfile.parsefile(str(tmp_path / "ru.tbx"))
    terms = {
        unit.source: [(term.text, term.deprecated) for term in unit.get_target_terms("ru")]
        for unit in base.units
    }
    assert terms == {
        "level": [("уровень", False), ("ступень", True)],
        "stakeholder": [("заинтересованная сторона", False)],
    }


def test_a_translator_downloads_the_glossary_of_their_language_only(client, glossary):
    client.force_login(user_in("Translator (Arabic)", "amal"))
    response = client.get(EXCHANGE.format(lang="ar"), {"language": "ar", "glossary": "tbx"})
    assert response["Content-Disposition"] == 'attachment; filename="sfia-glossary-ar.tbx"'
    (unit,) = tbx.tbxfile.parsestring(response.content).units
    assert [(t.text, t.deprecated) for t in unit.get_target_terms("ar")] == [
        ("مستوى", False),
        ("درجة", True),
    ]
    refused = client.get(EXCHANGE.format(lang="ar"), {"language": "de", "glossary": "tbx"})
    assert "Content-Disposition" not in refused


def test_the_exchange_page_offers_the_glossary(client, glossary):
    client.force_login(user_in("Translator (German)", "dora"))
    page = client.get(EXCHANGE.format(lang="de")).text
    assert 'name="glossary" value="tbx"' in page
    assert "Glossar (TBX) herunterladen" in page


def test_a_change_to_the_glossary_retires_no_page(glossary, django_capture_on_commit_callbacks):
    before = read_content_version()[0]
    with django_capture_on_commit_callbacks(execute=True):
        glossary.term_de = "Verantwortungsebene"
        glossary.save()
    assert read_content_version()[0] == before  # the pages do not show the glossary
    with django_capture_on_commit_callbacks(execute=True):
        Skill.objects.get(code="SLMO").save()
    assert read_content_version()[0] == before + 1  # as a change to the content does


def test_a_skills_form_reads_the_glossary_once(admin_client, glossary):
    url = CHANGE.format(lang="en", pk=Skill.objects.get(code="SLMO").pk)
    with CaptureQueriesContext(connection) as queries:
        page = admin_client.get(url).text
    assert len([query for query in queries if "glossaryterm" in query["sql"]]) == 1
    assert len(warnings_in(page)) >= 3  # the skill's and its levels' forms all have it


def test_the_glossary_has_history_and_each_save_names_who(client, glossary):
    client.force_login(user_in("Translator (German)", "dora"))
    url = f"{GLOSSARY.format(lang='de')}{glossary.pk}/change/"
    save(client, url, open_form(client, url), term_de="Verantwortungsebene")
    (version,) = Version.objects.get_for_object(glossary)
    assert version.revision.user.username == "dora"
    assert version.field_dict["term_de"] == "Verantwortungsebene"
    # A save that changed nothing records nothing.
    save(client, url, open_form(client, url))
    assert Version.objects.get_for_object(glossary).count() == 1


AGAINST = "Stellt sicher, dass die vereinbarten Servicestufen eingehalten werden."


def against_the_glossary(catalogue):
    translate_level_5(catalogue, AGAINST)


def test_an_import_against_the_glossary_is_imported_and_reported(glossary, tmp_path):
    report = imported(edited(tmp_path, against_the_glossary))

    assert slmo_level(5).description_de == AGAINST
    (warning,) = [line for line in report.splitlines() if "glossary" in line]
    skill = Skill.objects.get(code="SLMO")
    assert warning == (
        f"Imported, but against the glossary: {LEVEL_5} (SLMO: {skill.name_en}). The English "
        "has “level”: this translation uses “Stufe”, which the glossary says to avoid; its "
        "word is “Ebene”."
    )


def test_an_upload_against_the_glossary_is_reported_in_the_translators_language(client, glossary):
    client.force_login(user_in("Translator (German)", "dora"))

    page = upload(client, german_file(client, against_the_glossary)).text

    assert slmo_level(5).description_de == AGAINST
    start = page.index('id="report-glossary"')
    listed = page[start : page.index("</ul>", start)]
    assert "Importiert, aber abweichend vom Glossar" in listed
    (item,) = re.findall(r"<li>(.*?)</li>", listed, re.S)
    assert f'(<bdi dir="ltr"><code>{LEVEL_5}</code></bdi>)' in item
    assert text_of(item).endswith(
        "Der englische Text enthält „level“: Diese Übersetzung verwendet „Stufe“, das laut "
        "Glossar zu vermeiden ist; sein Wort ist „Ebene“."
    )
    assert '<bdi lang="de" dir="ltr">Stufe</bdi>' in item


def test_an_import_that_keeps_to_the_glossary_reports_nothing_against_it(glossary, tmp_path):
    report = imported(edited(tmp_path, translate_level_5))  # "Serviceebenen"

    assert "0 new and 1 changed" in report
    assert "glossary" not in report
