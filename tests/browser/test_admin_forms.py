"""Every admin form with translated fields, as an editor uses it in Chromium: each language's
section opened by a click and by the page's one choice, then Save. Nothing opened or shown
changes the database; a text typed in one language's section changes that one column."""

import re

import pytest
from django.contrib.admin.models import LogEntry
from reversion.models import Version

from skills.editorial.admin.forms import translation_fields
from skills.framework.models import (
    AttributeGroup,
    Category,
    GenericAttribute,
    GlossaryTerm,
    ResponsibilityLevel,
    Skill,
    Subcategory,
)
from tests.browser.test_browser import signed_in_as_superuser
from tests.conftest import content_snapshot, natural

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TRANSLATED = ["de", "ru", "it", "ar"]


def glossary_term():
    return GlossaryTerm.objects.create(
        term_en="level", term_de="Ebene", avoid_de="Stufe", term_ar="مستوى"
    )


# Each model with translated fields, the object whose form is opened, and the German field
# an edit types into.
CHANGE_FORMS = {
    "skill": (lambda: Skill.objects.get(code="SLMO"), "name_de"),
    "responsibility level": (lambda: ResponsibilityLevel.objects.get(number=5), "essence_de"),
    "generic attribute": (lambda: GenericAttribute.objects.order_by("code").first(), "name_de"),
    "category": (lambda: Category.objects.order_by("position").first(), "name_de"),
    "subcategory": (lambda: Subcategory.objects.order_by("position").first(), "name_de"),
    "attribute group": (lambda: AttributeGroup.objects.order_by("position").first(), "name_de"),
    "glossary term": (glossary_term, "term_de"),
}


def glossary_rows():
    """Every column of every term (named: modeltranslation answers a bare values() with the
    active language's columns only)."""
    names = [field.attname for field in GlossaryTerm._meta.concrete_fields]
    return [dict(zip(names, row, strict=True)) for row in GlossaryTerm.objects.values_list(*names)]


def database_state():
    """The content, the glossary and the history: what a save may change."""
    return content_snapshot(), glossary_rows(), Version.objects.count(), LogEntry.objects.count()


def change_url(live_server, obj):
    opts = obj._meta
    return f"{live_server.url}/en/admin/{opts.app_label}/{opts.model_name}/{obj.pk}/change/"


def section_headings(page, language):
    """The headings that open and close `language`'s sections (not the hidden template of a
    new level's row)."""
    return page.locator(f"fieldset.language-{language} summary:visible")


def visible_inputs(page, language):
    """The names of the inputs of `language` the editor can see."""
    return page.eval_on_selector_all(
        f'[name][lang="{language}"]',
        "elements => elements.filter(e => e.checkVisibility()).map(e => e.name)",
    )


def click_through_every_section_and_choice(page):
    """Open each language's sections by clicking their headings, then choose each value of the
    page's one choice; check each time that what should show shows."""
    for language in TRANSLATED:
        headings = section_headings(page, language).all()
        for heading in headings:  # closed, then open
            if heading.evaluate("summary => summary.parentElement.open"):
                heading.click()
        assert visible_inputs(page, language) == [], language
        for heading in headings:
            heading.click()
        assert visible_inputs(page, language), language
    choice = page.locator("#language-sections-choice")
    assert choice.is_visible()
    for language in TRANSLATED:
        choice.select_option(language)
        assert visible_inputs(page, language), language
        for other in TRANSLATED:
            if other != language:
                assert visible_inputs(page, other) == [], (language, other)
    choice.select_option("all")
    for language in TRANSLATED:
        assert visible_inputs(page, language)


def save_and_continue(page):
    page.locator('input[name="_continue"]').click()
    page.wait_for_load_state()


@pytest.mark.parametrize("form", CHANGE_FORMS)
def test_opening_every_language_and_saving_changes_nothing(live_content, browser_page, form):
    obj, _field = CHANGE_FORMS[form]
    obj = obj()
    page = signed_in_as_superuser(browser_page, live_content, "editor")
    page.goto(change_url(live_content, obj))
    before = database_state()
    # Closed until asked for, in an English admin: the English inputs alone show.
    assert visible_inputs(page, "en")
    assert all(visible_inputs(page, language) == [] for language in TRANSLATED)

    click_through_every_section_and_choice(page)
    save_and_continue(page)
    browser_page.settle()

    assert database_state() == before
    assert page.locator(".messagelist").inner_text() == "Nothing was changed, so nothing was saved."
    # One page, one form: no second admin page loaded into the first.
    assert page.locator("#content-main form").count() == 1
    assert page.locator('input[name="_continue"]').count() == 1
    assert browser_page.console_errors == []
    assert all(url.startswith(live_content.url) for url in browser_page.requests)


@pytest.mark.parametrize("form", CHANGE_FORMS)
def test_an_edit_in_one_languages_section_changes_that_one_column(live_content, browser_page, form):
    obj, field = CHANGE_FORMS[form]
    obj = obj()
    page = signed_in_as_superuser(browser_page, live_content, "editor")
    page.goto(change_url(live_content, obj))
    before = content_snapshot()
    glossary_before = glossary_rows()

    click_through_every_section_and_choice(page)
    page.locator("#language-sections-choice").select_option("de")
    page.locator(f"#id_{field}").fill("Neuer deutscher Text")
    save_and_continue(page)
    browser_page.settle()

    obj.refresh_from_db()
    assert getattr(obj, field) == "Neuer deutscher Text"
    if isinstance(obj, GlossaryTerm):
        after = glossary_rows()
        changed = {
            (row["id"], name)
            for old, row in zip(glossary_before, after, strict=True)
            for name in row
            if row[name] != old[name]
        }
        assert changed == {(obj.pk, field)}
        return
    after = content_snapshot()
    changed = {
        (model, key, name)
        for model, rows in after.items()
        for key, row in rows.items()
        for name in row
        if row[name] != before[model][key][name]
    }
    # The one column, and the record of who translated it from which English.
    key = natural(obj)
    model = type(obj).__name__
    assert changed == {(model, key, field), (model, key, "translation_state")}
    assert browser_page.console_errors == []


def test_the_levels_sections_open_with_the_choice_and_an_edit_there_changes_one_level(
    live_content, browser_page
):
    skill = Skill.objects.get(code="SLMO")
    page = signed_in_as_superuser(browser_page, live_content, "editor")
    page.goto(change_url(live_content, skill))
    before = content_snapshot()

    page.locator("#language-sections-choice").select_option("ar")
    level = page.locator("#id_levels-3-description_ar")
    assert level.is_visible()
    assert level.get_attribute("dir") == "rtl"
    level.fill("نص عربي جديد للمستوى")
    save_and_continue(page)
    browser_page.settle()

    after = content_snapshot()
    changed = {
        (model, key, name)
        for model, rows in after.items()
        for key, row in rows.items()
        for name in row
        if row[name] != before[model][key][name]
    }
    number = skill.levels.order_by("level")[3].level_id
    assert {(model, name) for model, _key, name in changed} == {
        ("SkillLevel", "description_ar"),
        ("SkillLevel", "translation_state"),
    }
    assert skill.levels.get(level=number).description_ar == "نص عربي جديد للمستوى"
    assert browser_page.console_errors == []


# Each add form: its model, what the structure needs, and a text typed in English and in two
# translations (in the order typed).
ADD_FORMS = {
    "glossary term": (
        GlossaryTerm,
        {},
        {"term_en": "service level", "term_de": "Servicelevel", "avoid_de": "Dienstgüte"},
        {"term_ru": "уровень обслуживания"},
    ),
    "category": (
        Category,
        {"slug": "invented", "position": "90"},
        {"name_en": "Invented category", "name_it": "Categoria inventata"},
        {"name_ar": "فئة مخترعة"},
    ),
    "subcategory": (
        Subcategory,
        {"category": "select", "slug": "invented", "position": "90"},
        {"name_en": "Invented subcategory", "name_de": "Erfundene Unterkategorie"},
        {"name_ru": "Выдуманная подкатегория"},
    ),
    "attribute group": (
        AttributeGroup,
        {"slug": "invented", "position": "90"},
        {"name_en": "Invented group", "name_ar": "مجموعة مخترعة"},
        {"name_it": "Gruppo inventato"},
    ),
    "skill": (
        Skill,
        {"code": "INVT", "subcategory": "select"},
        {"name_en": "Invented skill", "description_en": "An invented skill."},
        {"name_de": "Erfundene Fertigkeit", "description_ar": "مهارة مخترعة."},
    ),
    "generic attribute": (
        GenericAttribute,
        {"code": "INVT", "group": "select", "position": "90"},
        {"name_en": "Invented attribute", "description_en": "An invented attribute."},
        {"name_ru": "Выдуманный атрибут"},
    ),
}


def fill(page, fields):
    """Types each text where it belongs, opening its language's section by the page's choice
    first; a "select" takes the first choice of a list."""
    for name, value in fields.items():
        language = name.rpartition("_")[2]
        if language in TRANSLATED:
            page.locator("#language-sections-choice").select_option(language)
        if value == "select":
            page.locator(f"#id_{name}").select_option(index=1)
        else:
            page.locator(f"#id_{name}").fill(value)


@pytest.mark.parametrize("form", ADD_FORMS)
def test_an_add_form_saves_each_text_in_the_language_it_was_typed_in(
    live_content, browser_page, form
):
    """(The levels of responsibility are the seven there are: none is added.)"""
    model, structure, first, second = ADD_FORMS[form]
    existing = set(model.objects.values_list("pk", flat=True))
    page = signed_in_as_superuser(browser_page, live_content, "editor")
    opts = model._meta
    page.goto(f"{live_content.url}/en/admin/{opts.app_label}/{opts.model_name}/add/")

    click_through_every_section_and_choice(page)
    fill(page, structure)
    fill(page, first)
    click_through_every_section_and_choice(page)
    fill(page, second)
    page.locator('input[name="_save"]').click()
    page.wait_for_load_state()
    browser_page.settle()

    (added,) = model.objects.exclude(pk__in=existing)
    typed = {**first, **second}
    for name, language in translation_fields(model).items():
        expected = typed.get(name)
        assert getattr(added, name) == expected, (name, language)
    assert browser_page.console_errors == []


def test_an_arabic_editor_finds_their_own_language_open(live_content, browser_page):
    skill = Skill.objects.get(code="SLMO")
    page = signed_in_as_superuser(browser_page, live_content, "editor")
    page.goto(change_url(live_content, skill).replace("/en/admin/", "/ar/admin/"))

    assert "description_ar" in visible_inputs(page, "ar")
    assert visible_inputs(page, "de") == []
    heading = page.locator("fieldset.language-de summary h2").inner_text()
    assert re.fullmatch(r"\s*الألمانية\s*", heading)
    assert browser_page.console_errors == []
