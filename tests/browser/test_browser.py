"""What readers see, in Chromium: every page type in every language, laid out in its direction,
switching language in place, scrolling to a level, printing, and asking no other host."""

import os
from pathlib import Path

import pytest

from skills.framework.models import Skill
from tests.browser.paper import printed, printout
from tests.pages import EVERY_PAGE, LANGUAGES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def box(page, selector):
    return page.locator(selector).first.bounding_box()


def text_box(page, selector):
    """The box of an element's text itself (a block's own box spans the whole column)."""
    return page.evaluate(
        """selector => {
            const range = document.createRange();
            range.selectNodeContents(document.querySelector(selector));
            const r = range.getBoundingClientRect();
            return {x: r.x, width: r.width};
        }""",
        selector,
    )


def gaps_in_main(page, selector):
    """How far an element's text stands from each edge of the text column: (left, right)."""
    main = box(page, "main")
    text = text_box(page, selector)
    return text["x"] - main["x"], main["x"] + main["width"] - (text["x"] + text["width"])


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", EVERY_PAGE)
def test_every_page_in_every_language(live_content, browser_page, name, lang):
    path, status = EVERY_PAGE[name], 404 if name == "not found" else 200
    page = browser_page.page
    response = page.goto(live_content.url + path.format(lang=lang))

    assert response.status == status
    assert page.evaluate("document.documentElement.lang") == lang
    direction = page.evaluate("getComputedStyle(document.documentElement).direction")
    assert direction == ("rtl" if lang == "ar" else "ltr")
    assert page.locator("h1").count() == 1
    assert all(url.startswith(live_content.url) for url in browser_page.requests)
    errors = browser_page.console_errors
    if status == 404:  # the browser reports the page's own 404 status, and nothing else
        assert all("404" in error for error in errors) and len(errors) <= 1
    else:
        assert errors == []


@pytest.mark.parametrize("path", ["/{lang}/skills/slmo/", "/{lang}/skills/slmo/5/"])
def test_arabic_is_laid_out_right_to_left(live_content, browser_page, path):
    page = browser_page.page
    boxes = {}
    for lang in ("en", "ar"):
        page.goto(live_content.url + path.format(lang=lang))
        gap_left, gap_right = gaps_in_main(page, "main h2")
        boxes[lang] = {
            "brand": box(page, ".brand"),
            "switcher": box(page, ".language-switcher"),
            # How far the heading sits from the start of the text column, each side.
            "heading_gap_left": gap_left,
            "heading_gap_right": gap_right,
            "border": page.evaluate(
                "(() => { const s = getComputedStyle(document.querySelector('section.level'));"
                " return [s.borderLeftWidth, s.borderRightWidth]; })()"
            ),
        }
    en, ar = boxes["en"], boxes["ar"]
    # English: brand on the left, switcher on the right. Arabic: mirrored.
    assert en["brand"]["x"] < en["switcher"]["x"]
    assert ar["brand"]["x"] > ar["switcher"]["x"]
    # Headings start near the left edge in English, near the right edge in Arabic.
    assert en["heading_gap_left"] < 40 < en["heading_gap_right"]
    assert ar["heading_gap_right"] < 40 < ar["heading_gap_left"]
    # A level's rule stands at its start: the left in English, the right in Arabic.
    assert en["border"][0] != "0px" and en["border"][1] == "0px"
    assert ar["border"][1] != "0px" and ar["border"][0] == "0px"


def test_arabic_level_numbers_run_right_to_left(live_content, browser_page):
    page = browser_page.page
    page.goto(live_content.url + "/ar/skills/slmo/")
    numbers = page.locator(".defined-levels a")
    first, last = numbers.first.bounding_box(), numbers.last.bounding_box()
    assert numbers.first.inner_text() == "2" and numbers.last.inner_text() == "7"
    assert first["x"] > last["x"]


@pytest.fixture
def phone_page(chromium):
    """A page the size of a phone's screen, 360 by 740 CSS pixels."""
    context = chromium.new_context(viewport={"width": 360, "height": 740})
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_skills_grid_fits_a_phone_and_runs_in_the_page_direction(
    live_content, phone_page, lang
):
    page = phone_page
    page.goto(live_content.url + f"/{lang}/skills/")
    # Neither the page nor a grid scrolls sideways: the skill's column wraps instead.
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    assert page.evaluate(
        "[...document.querySelectorAll('.grid-scroll')]"
        ".every(box => box.scrollWidth <= box.clientWidth)"
    )
    skill = box(page, "tbody th[scope=row]")
    level_1 = box(page, "tbody th[scope=row] ~ td")
    level_7 = page.locator("tbody th[scope=row] ~ td").nth(6).bounding_box()
    # A mark is a target a finger can hit (WCAG 2.5.8: 24 by 24 CSS pixels).
    mark = box(page, "td.defined a")
    assert mark["width"] >= 24 and mark["height"] >= 24
    if lang == "ar":
        assert skill["x"] > level_1["x"] > level_7["x"]
    else:
        assert skill["x"] < level_1["x"] < level_7["x"]


@pytest.mark.parametrize("start", ["en", "de", "ar"])
def test_the_switcher_lands_on_the_same_skill_and_level(live_content, browser_page, start):
    page = browser_page.page
    # The reader's cookie says English; the link they followed says otherwise.
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": live_content.url}])
    for lang in LANGUAGES:
        if lang == start:
            continue
        page.goto(live_content.url + f"/{start}/skills/slmo/5/")
        page.locator(f'.language-switcher a[hreflang="{lang}"]').click()
        page.wait_for_load_state()
        assert page.url == live_content.url + f"/{lang}/skills/slmo/5/"
        assert page.evaluate("document.documentElement.lang") == lang
        assert page.locator("h2#level-heading bdi").inner_text() == "5"
    # The last choice is remembered.
    cookies = {cookie["name"]: cookie["value"] for cookie in page.context.cookies()}
    assert cookies["django_language"] == [lang for lang in LANGUAGES if lang != start][-1]


def test_a_link_to_a_level_scrolls_to_it(live_content, browser_page):
    page = browser_page.page
    page.goto(live_content.url + "/en/skills/slmo/#level-5")

    assert page.evaluate("window.scrollY") > 200
    top = page.locator("#level-5").bounding_box()["y"]
    assert 0 <= top < 50  # at the top of the window
    assert page.locator("#level-5 h3").inner_text().startswith("Level 5")


# What a printed skill page says, and what it leaves out: the screen's navigation.
PRINTED = {
    "en": {
        "shows": [
            "Ensures service delivery meets agreed service levels.",
            "Provides leadership within the industry on the identification of future trends.",
            "Delivery and operation › Service management",  # the category
            "Language English",
        ],
        "hides": ["Skip to the content", "Deutsch", "Русский", "This skill at level", "Italiano"],
    },
    "ar": {
        "shows": [
            "يضمن تلبية الخدمات المقدمة",  # level 5
            "الفئة التقديم والتشغيل ‹ إدارة الخدمات",  # the category (its › mirrored)
            "اللغة العربية",
        ],
        "hides": ["English", "Deutsch", "Русский", "Italiano"],
    },
}


@pytest.mark.parametrize("lang", PRINTED)
def test_a_skill_prints_as_a_compact_reference(live_content, browser_page, lang):
    page = browser_page.page
    page.goto(live_content.url + f"/{lang}/skills/slmo/")
    paper = printout(page)
    pdf, text = paper.pdf, paper.text

    for phrase in PRINTED[lang]["shows"]:
        assert printed(phrase, text, lang), phrase
    for chrome in PRINTED[lang]["hides"]:
        assert chrome not in text
    assert "SFIA 9" in text  # the edition
    assert f"{live_content.url}/{lang}/skills/slmo/" in text  # the page's address, on paper
    assert "234567" in "".join(text.split())  # the levels it is defined at
    assert len(pdf.pages) <= 2


def test_arabic_is_set_upright_and_a_size_up(live_content, browser_page):
    # With an English stand-in on the Arabic page, which keeps the Latin size.
    Skill.objects.filter(code="SLMO").update(description_ar=None)
    page = browser_page.page
    styles = {}
    for lang in ("en", "ar"):
        page.goto(live_content.url + f"/{lang}/skills/slmo/")
        styles[lang] = page.evaluate(
            """() => {
                const style = selector => getComputedStyle(document.querySelector(selector));
                const text = style("#level-2 .text p"), note = style(".not-defined");
                const description = 'section[aria-labelledby="description"]';
                const fallback = document.querySelector(description + " .fallback p");
                const fallbackNote = document.querySelector(description + " .fallback-note");
                return {
                    note: [note.fontStyle, Number(note.fontWeight)],
                    size: parseFloat(text.fontSize),
                    leading: parseFloat(text.lineHeight),
                    fallbackSize: fallback && parseFloat(getComputedStyle(fallback).fontSize),
                    fallbackNote: fallbackNote && getComputedStyle(fallbackNote).fontStyle,
                };
            }"""
        )
    en, ar = styles["en"], styles["ar"]
    # English sets its notes in italics; Arabic has none, and sets them in a heavier weight.
    assert en["note"][0] == "italic"
    assert ar["note"][0] == "normal" and ar["note"][1] > en["note"][1]
    assert ar["fallbackNote"] == "normal"
    # Arabic reads as large as Latin only when set larger, with more room between lines.
    assert ar["size"] > 1.1 * en["size"]
    assert ar["leading"] > 1.2 * en["leading"]
    assert ar["fallbackSize"] == pytest.approx(en["size"], abs=0.5)


@pytest.mark.parametrize(
    ("lang", "path", "name"),
    [
        ("ar", "/ar/skills/slmo/", "skill-slmo"),
        ("de", "/de/skills/slmo/", "skill-slmo"),
        ("ar", "/ar/search/?q=service", "search-service"),
        ("ar", "/ar/skills/slmo/compare/en/", "skill-slmo-compared-en"),
    ],
)
def test_full_page_screenshots_for_the_record(
    live_content, browser_page, lang, path, name, tmp_path
):
    """Saved in SFIA_SCREENSHOTS_DIR where it is set (CI sets build/screenshots/ and keeps
    them), in the test's temporary folder otherwise: looked at by a person, not a test."""
    page = browser_page.page
    page.goto(live_content.url + path)
    folder = Path(os.environ.get("SFIA_SCREENSHOTS_DIR") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}-{lang}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 20_000


def test_the_header_search_works_by_keyboard(live_content, browser_page):
    page = browser_page.page
    page.goto(live_content.url + "/de/skills/slmo/")
    # From the top of the page: the skip link, the brand, the site's four links, the field.
    for _ in range(7):
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "site-search"
    page.keyboard.type("Vereinbarung")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert page.url == live_content.url + "/de/search/?q=Vereinbarung"
    assert page.locator(".search-results mark").first.inner_text() == "Vereinbaren"
    assert page.locator("#search-page-query").input_value() == "Vereinbarung"


def test_the_arabic_search_page_is_mirrored_with_english_snippets_left_to_right(
    live_content, browser_page
):
    page = browser_page.page
    boxes = {}
    for lang in ("en", "ar"):
        page.goto(live_content.url + f"/{lang}/search/?q=service")
        boxes[lang] = {
            "field": box(page, "main .search-form input"),
            "button": box(page, "main .search-form button"),
            "heading_gaps": gaps_in_main(page, ".search-results h2"),
        }
    en, ar = boxes["en"], boxes["ar"]
    # The button follows the field: on its right in English, on its left in Arabic.
    assert en["field"]["x"] < en["button"]["x"]
    assert ar["field"]["x"] > ar["button"]["x"]
    # A result's heading starts at the left in English, at the right in Arabic.
    assert en["heading_gaps"][0] < 40 < en["heading_gaps"][1]
    assert ar["heading_gaps"][1] < 40 < ar["heading_gaps"][0]
    # An English snippet reads left to right on the Arabic page, the code too.
    snippet = page.locator('.snippet[lang="en"]').first
    assert snippet.evaluate("element => getComputedStyle(element).direction") == "ltr"
    code = page.locator(".search-results .code").first
    assert code.evaluate("element => getComputedStyle(element).direction") == "ltr"
    assert code.get_attribute("translate") == "no"


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_search_page_fits_a_phone(live_content, phone_page, lang):
    phone_page.goto(live_content.url + f"/{lang}/search/?q=service")

    assert phone_page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    # The header's form takes a line of its own, as wide as the page.
    assert box(phone_page, ".site-header .search-form")["width"] > 300


def signed_in_as_superuser(browser_page, live_content, username):
    """The browser's page, signed in to the live server's admin as a new superuser."""
    from django.contrib.auth.models import User

    from tests.conftest import sign_in

    user = User.objects.create_superuser(username, password="pw")
    return sign_in(browser_page, live_content, user)


def test_still_correct_and_reviewed_are_ticked_and_saved_in_the_editors_form(
    live_content, browser_page
):
    """The state's checkboxes, in the Arabic section of an Arabic editor's form: named for
    screen readers, and saved."""
    from skills.framework.models import Skill
    from skills.framework.translation_state import Status, text_status
    from tests.pages import outdate_translations

    outdate_translations()
    page = signed_in_as_superuser(browser_page, live_content, "reviewer")
    pk = Skill.objects.get(code="SLMO").pk
    page.goto(f"{live_content.url}/ar/admin/skills/skill/{pk}/change/")

    reviewed = page.get_by_role("checkbox", name="رُوجعت: لقد دققت هذه الترجمة").first
    confirm = page.get_by_role(
        "checkbox", name="لا يزال صحيحًا: الترجمة تطابق النص الإنجليزي الحالي"
    ).first
    assert page.locator("#id_name_ar__reviewed").is_visible()
    page.locator("#id_name_ar__reviewed").check()
    page.locator("#id_description_ar__still_correct").check()
    assert reviewed.is_checked() and confirm.is_checked()
    page.locator('input[name="_continue"]').click()
    page.wait_for_load_state()
    browser_page.settle()

    skill = Skill.objects.get(pk=pk)
    assert text_status(skill, "name", "ar") == Status.REVIEWED
    assert text_status(skill, "description", "ar") == Status.UNREVIEWED
    assert text_status(skill, "description", "de") == Status.OUTDATED


def profile_form(page, field):
    """The profile page's form with `field`, for filling in and submitting."""
    return page.locator(f"form:has({field})")


def add_to_profile(page, code, level):
    """The add form's two steps: the skill, then its level."""
    profile_form(page, "#profile-add").locator("select").select_option(code)
    profile_form(page, "#profile-add").locator("button").click()
    page.wait_for_load_state()
    profile_form(page, "#profile-level").locator("select").select_option(f"{code}-{level}")
    profile_form(page, "#profile-level").locator("button").click()
    page.wait_for_load_state()


def profile_entries(page):
    """(code, level) of each entry shown, as the page's headings give them."""
    return [
        (entry.locator("bdi.code").inner_text(), entry.locator("h2 bdi").nth(1).inner_text())
        for entry in page.locator(".profile-entry").all()
    ]


def test_a_profile_built_with_the_forms_reads_the_same_in_arabic(live_content, browser_page):
    from tests.skills import copy_of_slmo

    copy_of_slmo("ITSP", defined={4, 5, 6})
    copy_of_slmo("DTAN", defined={3, 4})
    page = browser_page.page
    page.goto(live_content.url + "/en/profile/")
    profile_form(page, "#profile-title").locator("input[name=title]").fill("Service lead")
    profile_form(page, "#profile-title").locator("button").click()
    page.wait_for_load_state()
    add_to_profile(page, "slmo", 5)
    add_to_profile(page, "itsp", 6)
    page.get_by_role("link", name="Remove SLMO from the profile").click()
    page.wait_for_load_state()
    add_to_profile(page, "dtan", 3)

    address = page.url  # at the form of the last step
    assert address == live_content.url + (
        "/en/profile/?title=Service+lead&s=dtan-3&s=itsp-6#profile-step"
    )
    shared = page.context.new_page()
    shared.goto(address)
    shared.locator('.language-switcher a[hreflang="ar"]').click()
    shared.wait_for_load_state()

    assert shared.url == live_content.url + "/ar/profile/?title=Service+lead&s=dtan-3&s=itsp-6"
    assert shared.evaluate("getComputedStyle(document.documentElement).direction") == "rtl"
    assert profile_entries(shared) == [("DTAN", "3"), ("ITSP", "6")]
    assert shared.locator("h1").inner_text() == "Service lead"
    text = shared.locator("main").inner_text()
    assert "إدارة مستوى الخدمة" in text
    assert "يضمن المراقبة الفعالة لتقديم الخدمة" in text  # ITSP (SLMO's texts) at level 6
    assert "يحمل الدور مسؤولية أعلى مستوياته" in text
    assert browser_page.console_errors == []


def test_each_step_of_a_profile_lands_at_its_form_on_a_phone_by_keyboard(live_content, phone_page):
    from tests.skills import copy_of_slmo

    copy_of_slmo("ITSP", defined={4, 5, 6})
    page = phone_page
    page.goto(live_content.url + "/en/profile/?title=Service+lead&s=slmo-5")
    page.locator("#profile-add").select_option("itsp")
    page.locator("#profile-step button").press("Enter")
    page.wait_for_load_state()

    def in_view(selector):
        top = page.locator(selector).bounding_box()["y"]
        return 0 <= top < page.viewport_size["height"]

    # The level menu, a long way down a phone's page, is on the screen; one Tab reaches it.
    assert page.url.endswith("#profile-step")
    assert page.evaluate("scrollY") > 500 and in_view("#profile-level")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "profile-level"
    page.locator("#profile-level").select_option("itsp-6")
    page.locator("#profile-step button").press("Enter")
    page.wait_for_load_state()

    assert profile_entries(page) == [("ITSP", "6"), ("SLMO", "5")]
    assert in_view("#profile-add")  # ready for the next skill
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "profile-add"


def test_browsing_adds_to_the_profile_under_way(live_content, browser_page):
    from tests.skills import copy_of_slmo

    copy_of_slmo("ITSP", defined={4, 5, 6})
    copy_of_slmo("DTAN", defined={3, 4})
    page = browser_page.page
    page.goto(live_content.url + "/en/profile/")
    add_to_profile(page, "slmo", 5)

    # Reading on, the reader adds a skill at a level from its page, and one from a skill's.
    page.goto(live_content.url + "/en/skills/itsp/6/")
    page.get_by_role("link", name="Add to a profile").click()
    page.wait_for_load_state()
    assert profile_entries(page) == [("ITSP", "6"), ("SLMO", "5")]
    assert page.url.endswith("#entry-itsp")
    page.goto(live_content.url + "/en/skills/dtan/")
    page.get_by_role("link", name="Add DTAN at level 3 to a profile").click()
    page.wait_for_load_state()
    assert profile_entries(page) == [("DTAN", "3"), ("ITSP", "6"), ("SLMO", "5")]

    # The menu leads back to it from anywhere.
    page.goto(live_content.url + "/de/levels/")
    page.locator(".site-nav").get_by_role("link", name="Rollenprofil").click()
    page.wait_for_load_state()
    assert profile_entries(page) == [("DTAN", "3"), ("ITSP", "6"), ("SLMO", "5")]
    assert page.evaluate("document.documentElement.lang") == "de"

    # A new profile starts from nothing.
    page.get_by_role("link", name="Ein neues Profil beginnen").click()
    page.wait_for_load_state()
    page.goto(live_content.url + "/en/skills/slmo/2/")
    page.get_by_role("link", name="Add to a profile").click()
    page.wait_for_load_state()
    assert profile_entries(page) == [("SLMO", "2")]


def test_a_profile_prints_as_a_document_without_its_forms(live_content, browser_page):
    from tests.skills import copy_of_slmo

    copy_of_slmo("ITSP", defined={4, 5, 6})
    page = browser_page.page
    path = "/en/profile/?title=Service+lead&s=itsp-6&s=slmo-5"
    page.goto(live_content.url + path)
    text = printout(page).text

    for phrase in [
        "Service lead",
        "SLMO Service level management — Level 5",
        "ITSP Service level management — Level 6",
        "Ensures service delivery meets agreed service levels.",
        "Shows invented zeal at level 6.",
        "SFIA Foundation",
        f"{live_content.url}{path}",
    ]:
        assert phrase in text, phrase
    for chrome in [
        "Build this profile",
        "Set the title",
        "Remove",
        "Download this profile",
        "Choose its level",
        "Skip to the content",
        "Deutsch",
    ]:
        assert chrome not in text, chrome


def test_an_arabic_profile_is_mirrored_with_codes_and_numbers_isolated(live_content, browser_page):
    page = browser_page.page
    page.goto(live_content.url + "/ar/profile/?title=Service+lead&s=slmo-5")
    gap_left, gap_right = gaps_in_main(page, ".profile-entry h2")
    code, number = (box(page, f".profile-entry h2 bdi >> nth={n}") for n in (0, 1))

    assert gap_right < 40 < gap_left  # from the right edge of the column
    assert code["x"] > number["x"]  # the code first, at the right; then "المستوى 5"
    assert page.locator(".profile-entry h2 bdi").nth(0).inner_text() == "SLMO"
    assert page.locator(".profile-entry h2 bdi").nth(1).inner_text() == "5"
    title = box(page, "h1 bdi")
    assert title["x"] + title["width"] > box(page, "main")["x"] + box(page, "main")["width"] - 40


def compared_cells(page):
    """Each row of the compare page's table as its two cells' (lang, direction, top)."""
    return page.evaluate(
        """() => [...document.querySelectorAll('.side-by-side tr')]
            .filter(row => row.cells.length === 2)
            .map(row => [...row.cells].map(cell => [
                cell.lang,
                getComputedStyle(cell).direction,
                Math.round(cell.getBoundingClientRect().top),
            ]))"""
    )


@pytest.mark.parametrize(("lang", "other"), [("ar", "en"), ("en", "ar")])
def test_a_comparison_sets_arabic_right_to_left_beside_english_row_by_row(
    live_content, browser_page, lang, other
):
    page = browser_page.page
    page.goto(live_content.url + f"/{lang}/skills/slmo/compare/{other}/")
    rows = compared_cells(page)

    assert len(rows) > 10
    directions = {"ar": "rtl", "en": "ltr"}
    for (first, direction, top), (second, other_direction, other_top) in rows:
        assert (first, second) == (lang, other)
        assert (direction, other_direction) == (directions[lang], directions[other])
        assert top == other_top  # the two cells of a row line up
    # The page's language's column stands at its start, so Arabic is on the right either way:
    # first on the right-to-left page, second on the left-to-right one.
    arabic = box(page, '.side-by-side td[lang="ar"]')
    english = box(page, '.side-by-side td[lang="en"]')
    assert arabic["x"] > english["x"] + english["width"] - 1


def test_a_comparison_stacks_its_pairs_on_a_phone(live_content, phone_page):
    phone_page.goto(live_content.url + "/ar/skills/slmo/compare/en/")

    assert phone_page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    arabic = box(phone_page, '.side-by-side td[lang="ar"]')
    english = box(phone_page, '.side-by-side td[lang="en"]')
    # One above the other, each as wide as the page allows.
    assert english["y"] >= arabic["y"] + arabic["height"]
    assert arabic["width"] > 300 and english["width"] > 300
    # With no column headings left, each cell names its language, in itself.
    named = phone_page.evaluate(
        """() => [...document.querySelector('.side-by-side tbody tr:nth-child(2)').cells]
            .map(cell => getComputedStyle(cell, '::before').content)"""
    )
    assert named == ['"العربية"', '"English"']


def test_a_comparison_prints_on_a4_landscape_without_the_navigation(live_content, browser_page):
    page = browser_page.page
    page.goto(live_content.url + "/de/skills/slmo/compare/ar/")
    paper = printout(page)
    pdf, text = paper.pdf, paper.text

    width, height = (float(size) for size in pdf.pages[0].mediabox.upper_right)
    assert (round(width * 25.4 / 72), round(height * 25.4 / 72)) == (297, 210)  # mm
    assert all(sheet.mediabox.width > sheet.mediabox.height for sheet in pdf.pages)
    assert "Das Vereinbaren von Zielen für Serviceebenen" in text
    for chrome in ["Zum Inhalt springen", "Nebeneinander vergleichen mit", "Русский", "Italiano"]:
        assert chrome not in text


def test_the_grid_is_narrowed_by_its_form_and_stays_narrowed_in_another_language(
    live_content, browser_page
):
    from tests.skills import copy_of_slmo

    copy_of_slmo("ITSP", subcategory="strategy-and-planning", defined={4, 5, 6})
    copy_of_slmo("STPX", subcategory="strategy-and-planning", defined={1, 7})
    page = browser_page.page
    page.goto(live_content.url + "/ar/skills/")
    page.get_by_label("الفئة").select_option("strategy-and-architecture")
    page.get_by_label("معرّفة في المستوى").select_option("5")
    page.get_by_role("button", name="اعرض").click()
    page.wait_for_load_state()

    assert page.url == (live_content.url + "/ar/skills/?category=strategy-and-architecture&level=5")
    rows = page.locator("tbody th[scope=row] bdi.code")
    assert rows.all_inner_texts() == ["ITSP"]
    page.locator('.language-switcher a[hreflang="de"]').click()
    page.wait_for_load_state()
    assert page.url == (live_content.url + "/de/skills/?category=strategy-and-architecture&level=5")
    assert rows.all_inner_texts() == ["ITSP"]
    assert "Angezeigt: die Fähigkeiten der Kategorie Strategie und Architektur" in (
        page.locator("main").inner_text()
    )
    assert browser_page.console_errors == []
