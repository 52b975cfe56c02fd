"""Translations whose English has changed since they were made are marked on the reader's pages,
with a note in the page's language; a translated page says once whether its texts have all been
reviewed. Both are read with the texts: no query more. (The English is changed here by saving
the models; the admin's and the importers' paths are tested with them.)"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from markupsafe import escape

from skills.framework.models import (
    CONTENT_MODELS,
    AttributeLevel,
    GenericAttribute,
    ResponsibilityLevel,
    Skill,
    SkillLevel,
)
from skills.framework.translation import translated_fields
from skills.framework.translation_state import (
    Status,
    fingerprint,
    note_reviewed,
    note_translated,
    record_of,
)
from skills.reader.skill_page import read_skill_page
from skills.reader.text import Translated, together
from tests.pages import ENGLISH_STANDING_IN, PAGES, section

pytestmark = pytest.mark.django_db

NOTE = {
    "de": "Das englische Original hat sich geändert, seit dies übersetzt wurde.",
    "it": "L’originale inglese è cambiato da quando questo testo è stato tradotto.",
    "ar": "تغيّر النص الإنجليزي الأصلي منذ ترجمة هذا النص.",
}
SHORT_NOTE = {"de": "(englisches Original geändert)", "ar": "(تغيّر الأصل الإنجليزي)"}
REVIEWED = {"de": "Geprüfte Übersetzung", "ar": "ترجمة مُراجَعة"}
NOT_REVIEWED = {"de": "Übersetzung noch nicht geprüft", "ar": "لم تُراجَع الترجمة بعد"}
OUTDATED = 'data-translation="outdated"'
REVIEWER = 42  # a user id; the records name users by id


def change_english(instance, *fields):
    """An editor's correction to the English of `fields`, saved: the translations made from the
    English before it are now outdated."""
    for field in fields:
        setattr(instance, f"{field}_en", getattr(instance, f"{field}_en") + " (corrected)")
    instance.save()


def outdated_block(language, text):
    """How a block's outdated translation `text` starts on a page in `language`."""
    first_line = escape(text.split("\n")[0])
    return (
        f'<p class="outdated-note">{NOTE[language]}</p>\n'
        f'<div class="text" {OUTDATED}>\n<p>{first_line}</p>'
    )


def outdated_inline(language, text):
    """An outdated name in a heading or a link, on a page in `language`."""
    return (
        f"<span {OUTDATED}>{escape(text)}</span> "
        f'<span class="outdated-note">{SHORT_NOTE[language]}</span>'
    )


def slmo():
    return Skill.objects.select_related("subcategory__category").get(code="SLMO")


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_the_skill_page_marks_outdated_translations_and_only_those(client, content, lang):
    skill = slmo()
    change_english(skill, "name", "description")

    page = client.get(f"/{lang}/skills/slmo/").text

    description = section(page, '<section aria-labelledby="description">')
    assert outdated_block(lang, getattr(skill, f"description_{lang}")) in description
    name = outdated_inline(lang, getattr(skill, f"name_{lang}"))
    assert f'<h1><bdi class="code" translate="no">SLMO</bdi> {name}</h1>' in page
    # The guidance, the category and the levels are as they were translated: not marked.
    assert page.count(OUTDATED) == 2
    assert "outdated" not in section(page, '<section aria-labelledby="guidance">')


def test_english_standing_in_keeps_its_marking_and_is_never_outdated(client, content):
    # The Italian edition has no guidance notes; its description is translated.
    skill = slmo()
    change_english(skill, "description", "guidance_intro", "guidance_notes")

    page = client.get("/it/skills/slmo/").text

    guidance = section(page, '<section aria-labelledby="guidance">')
    assert f"{ENGLISH_STANDING_IN}\n<p>{skill.guidance_intro_en}</p>" in guidance
    assert guidance.count("Non ancora tradotto: mostrato in inglese.") == 1
    assert "outdated" not in guidance
    assert outdated_block("it", skill.description_it) in page


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_the_skill_at_a_level_marks_its_outdated_description_and_essence(client, content, lang):
    level = SkillLevel.objects.get(skill__code="SLMO", level=5)
    change_english(level, "description")
    responsibility = ResponsibilityLevel.objects.get(number=5)
    change_english(responsibility, "essence")

    page = client.get(f"/{lang}/skills/slmo/5/").text

    assert outdated_block(lang, getattr(level, f"description_{lang}")) in section(
        page, '<section id="level"'
    )
    essence = section(page, '<section class="level-essence"')
    assert outdated_block(lang, getattr(responsibility, f"essence_{lang}")) in essence
    assert page.count(OUTDATED) == 2
    # Another level's page shows none of them.
    assert OUTDATED not in client.get(f"/{lang}/skills/slmo/4/").text


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_the_level_page_marks_outdated_names_and_descriptions(client, content, lang):
    # The skills' names and categories (read as values) and an attribute's description there.
    skill = slmo()
    change_english(skill, "name")
    change_english(skill.subcategory.category, "name")
    zeal = AttributeLevel.objects.get(attribute__code="ZEAL", level=5)
    change_english(zeal, "description")

    page = client.get(f"/{lang}/levels/5/").text

    category = getattr(skill.subcategory.category, f"name_{lang}")
    assert f"<h3>{outdated_inline(lang, category)}</h3>" in page
    name = outdated_inline(lang, getattr(skill, f"name_{lang}"))
    assert f'<bdi class="code" translate="no">SLMO</bdi> {name}</a></li>' in page
    zeal_section = section(
        page, '<section class="attribute-at-level" aria-labelledby="attribute-zeal"'
    )
    assert outdated_block(lang, getattr(zeal, f"description_{lang}")) in zeal_section
    tact = section(page, '<section class="attribute-at-level" aria-labelledby="attribute-tact"')
    assert "outdated" not in tact
    assert page.count(OUTDATED) == 3


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_the_attribute_page_marks_its_outdated_texts_once_a_run(client, content, lang):
    zeal = GenericAttribute.objects.get(code="ZEAL")
    change_english(zeal, "description", "guidance_intro", "guidance_notes")

    page = client.get(f"/{lang}/attributes/zeal/").text

    description = section(page, '<section aria-labelledby="description">')
    assert outdated_block(lang, getattr(zeal, f"description_{lang}")) in description
    # The guidance's intro and items, both outdated, under one note.
    guidance = section(page, '<section aria-labelledby="guidance">')
    assert outdated_block(lang, getattr(zeal, f"guidance_intro_{lang}")) in guidance
    assert guidance.count(NOTE[lang]) == 1 and guidance.count(OUTDATED) == 1
    assert "<ul><li>" in guidance.split(OUTDATED)[1]
    # Its levels' descriptions are as they were translated.
    assert page.count(OUTDATED) == 2


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_the_skill_list_marks_an_outdated_name(client, content, lang):
    skill = slmo()
    change_english(skill, "name")

    page = client.get(f"/{lang}/skills/").text

    name = outdated_inline(lang, getattr(skill, f"name_{lang}"))
    assert f'<bdi class="code" translate="no">SLMO</bdi> {name}</a></th>' in page
    assert page.count(OUTDATED) == 1  # the category's and subcategory's names are not


@pytest.mark.parametrize("page", PAGES)
def test_an_english_page_marks_nothing_and_says_nothing_of_reviews(client, content, page):
    skill = slmo()
    change_english(skill, "name", "description")
    review_everything("de")

    html = client.get(PAGES[page].format(lang="en")).text

    assert "outdated" not in html
    assert "translation-review" not in html
    assert "Reviewed translation" not in html and "Translation not yet reviewed" not in html


def review_everything(language):
    """Every translation into `language`, reviewed by a reviewer."""
    now = timezone.now()
    for model in CONTENT_MODELS:
        fields = translated_fields(model)
        for instance in model.objects.all() if fields else ():
            for field in fields:
                if record_of(instance, field, language):
                    note_reviewed(instance, field, language, by=REVIEWER, at=now)
            instance.save()


def review_note(html):
    """The page's note on its review, as the top of its content shows it; None if it has none."""
    for language in REVIEWED:
        if REVIEWED[language] in html:
            return "reviewed", html.count(REVIEWED[language])
        if NOT_REVIEWED[language] in html:
            return "unreviewed", html.count(NOT_REVIEWED[language])
    return None


@pytest.mark.parametrize("page", PAGES)
def test_a_page_whose_texts_are_all_reviewed_says_so_once(client, content, page):
    assert review_note(client.get(PAGES[page].format(lang="de")).text) == ("unreviewed", 1)
    review_everything("de")

    html = client.get(PAGES[page].format(lang="de")).text

    if page == "level":
        # PACE has no German at level 5: the English standing in is not a reviewed translation.
        assert review_note(html) == ("unreviewed", 1)
        assert '<p class="translation-review unreviewed">Übersetzung noch nicht geprüft</p>' in html
    else:
        assert review_note(html) == ("reviewed", 1)
        top = '<main id="main">\n    <p class="translation-review">Geprüfte Übersetzung</p>'
        assert top in html


def test_one_text_not_reviewed_makes_its_pages_not_reviewed_and_no_other(client, content):
    review_everything("de")
    review_everything("ar")
    skill = slmo()
    skill.name_de = "Service-Level-Steuerung"  # a translator's edit, not yet reviewed
    note_translated(skill, "name", "de", english=skill.name_en, by=7)
    skill.save()

    for path in ("/de/", "/de/skills/", "/de/skills/slmo/", "/de/skills/slmo/5/"):
        expected = ("reviewed", 1) if path == "/de/" else ("unreviewed", 1)
        assert review_note(client.get(path).text) == expected, path
    assert review_note(client.get("/de/attributes/zeal/").text) == ("reviewed", 1)
    # The Arabic pages were reviewed in Arabic, and stay so.
    html = client.get("/ar/skills/slmo/").text
    assert review_note(html) == ("reviewed", 1)
    assert f'<p class="translation-review">{REVIEWED["ar"]}</p>' in html


def test_an_outdated_text_is_not_a_reviewed_one(client, content):
    review_everything("ar")
    responsibility = ResponsibilityLevel.objects.get(number=2)
    change_english(responsibility, "guiding_phrase")

    html = client.get("/ar/").text

    assert review_note(html) == ("unreviewed", 1)
    assert f'<p class="translation-review unreviewed">{NOT_REVIEWED["ar"]}</p>' in html
    assert html.count(OUTDATED) == 1  # the home page's link to level 2


def queries_of(client, path):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


@pytest.mark.parametrize("page", PAGES)
def test_outdated_and_reviewed_texts_cost_no_query_more(client, content, page):
    path = PAGES[page].format(lang="de")
    client.get(path)  # what each process remembers (URLs, the page in every language)
    before = queries_of(client, path)
    skill = slmo()
    change_english(skill, "name", "description", "guidance_notes")
    change_english(skill.subcategory.category, "name")
    change_english(SkillLevel.objects.get(skill__code="SLMO", level=5), "description")
    change_english(GenericAttribute.objects.get(code="ZEAL"), "name", "description")
    review_everything("de")

    assert queries_of(client, path) == before


def test_a_skill_page_reads_each_texts_state_with_it_in_one_query(
    content, django_assert_num_queries
):
    change_english(SkillLevel.objects.get(skill__code="SLMO", level=3), "description")
    review_everything("de")
    change_english(slmo(), "description")

    with django_assert_num_queries(1):
        page = read_skill_page("SLMO", "de")

    assert page.name.status == Status.REVIEWED
    assert page.description.status == Status.OUTDATED
    assert page.category.status == Status.REVIEWED
    assert page.level(3).description.status == Status.OUTDATED
    assert page.level(4).description.status == Status.REVIEWED
    assert page.level(3).guiding_phrase.status == Status.REVIEWED
    # English, and English standing in, have no state of their own.
    assert read_skill_page("SLMO", "en").description.status is None
    assert read_skill_page("SLMO", "it").guidance_notes.status is None


def test_a_translations_state_comes_from_its_record():
    english = "The English."
    made_from = {"from": fingerprint(english), "by": 3}
    reviewed = {**made_from, "reviewed": {"by": 4, "at": "2026-01-01T00:00:00+00:00"}}

    def state(own, language="de", record=made_from, source=english):
        return Translated.choose(own, source, language, record).status

    assert state("Das Deutsche.") == Status.UNREVIEWED
    assert state("Das Deutsche.", record=reviewed) == Status.REVIEWED
    assert state("Das Deutsche.", source="The new English.") == Status.OUTDATED
    assert state("Das Deutsche.", record=None) == Status.OUTDATED  # made from no English known
    assert state(None) is None  # English stands in
    assert state("The English.", language="en") is None


def test_outdated_texts_are_marked_once_a_run_and_escaped():
    outdated = Translated("Alt <b>eins</b>.", fallback=False, status=Status.OUTDATED)
    items = Translated("a\nb", fallback=False, status=Status.OUTDATED)
    english = Translated("English.", fallback=True)
    own = Translated("Eigen.", fallback=False, status=Status.UNREVIEWED)
    with translation.override("de"):
        both = together(outdated.paragraphs, items.items)
        apart = together(outdated.paragraphs, english.paragraphs, own.paragraphs, items.items)
        inline = outdated.inline

    assert both == (
        f'<p class="outdated-note">{NOTE["de"]}</p>\n<div class="text" {OUTDATED}>\n'
        "<p>Alt &lt;b&gt;eins&lt;/b&gt;.</p>\n<ul><li>a</li><li>b</li></ul>\n</div>"
    )
    # Each run its own element and note: outdated, English standing in, as translated, outdated.
    assert apart.count(NOTE["de"]) == 2 and apart.count(OUTDATED) == 2
    assert apart.count("Noch nicht übersetzt") == 1
    assert '<div class="text">\n<p>Eigen.</p>\n</div>' in apart
    assert inline == (
        f"<span {OUTDATED}>Alt &lt;b&gt;eins&lt;/b&gt;.</span> "
        f'<span class="outdated-note">{SHORT_NOTE["de"]}</span>'
    )
