"""Every page type in every language on a phone (320 and 360 CSS pixels wide) and on paper, with
long names and titles: German's joined nouns, Russian's and Arabic's long phrases. Nothing
scrolls sideways on a phone; on paper nothing is cut off or shrunk to fit, and the page's
address prints as a reader can copy it."""

from urllib.parse import quote

import pytest

from skills.framework.models import Skill
from tests.browser.paper import printed, printout
from tests.pages import EVERY_PAGE, LANGUAGES
from tests.skills import copy_of_slmo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LONG_NAMES = {
    "en": "Service level management and enterprise information service continuity",
    "de": "Dienstgütevereinbarungsverwaltung und Informationssicherheitsmanagement",
    "ru": "Управление уровнем обслуживания и непрерывностью информационных услуг предприятия",
    "it": "Gestione dei livelli di servizio e della continuità operativa dei servizi informatici",
    "ar": "إدارة مستوى الخدمة واستمرارية خدمات تكنولوجيا المعلومات المؤسسية",
}
LONG_TITLES = {
    "en": "Principal enterprise service level and continuity engineer",
    "de": "Hauptverantwortliche Dienstgüteverwaltungsingenieurin",
    "ru": "Ведущий инженер по управлению уровнем обслуживания и непрерывностью",
    "it": "Responsabile principale della gestione dei livelli di servizio",
    "ar": "كبير مهندسي إدارة مستوى الخدمة واستمرارية الأعمال في المؤسسة",
}


def long_names_in(lang):
    """SLMO and two more skills named at length in `lang`; the page paths of every page type,
    the profile's titled at length too."""
    copy_of_slmo("ITSP", defined={4, 5, 6})
    copy_of_slmo("DTAN", defined={3, 4})
    Skill.objects.filter(code="SLMO").update(**{f"name_{lang}": LONG_NAMES[lang]})
    paths = {name: path.format(lang=lang) for name, path in EVERY_PAGE.items()}
    title = quote(LONG_TITLES[lang])
    paths["profile"] = f"/{lang}/profile/?title={title}&s=slmo-5&s=itsp-6&s=dtan-3"
    return paths


OVERFLOW = """() => ({
    page: document.documentElement.scrollWidth - innerWidth,
    boxes: [...document.querySelectorAll('.grid-scroll')]
        .map(box => box.scrollWidth - box.clientWidth).filter(over => over > 0),
})"""


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_page_scrolls_sideways_on_a_phone(live_content, chromium, lang):
    paths = long_names_in(lang)
    sideways = []
    for width in (320, 360):
        context = chromium.new_context(viewport={"width": width, "height": 740})
        page = context.new_page()
        for name, path in paths.items():
            page.goto(live_content.url + path)
            over = page.evaluate(OVERFLOW)
            if over["page"] > 0 or over["boxes"]:
                sideways.append((width, name, over))
        context.close()

    assert sideways == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_prints_whole_at_its_size(live_content, browser_page, lang):
    paths = long_names_in(lang)
    page = browser_page.page
    # The printed heading's size: 1.5 times the text's 9.5 pt, Arabic's set 1.15 times larger
    # (site.css).
    heading_size = 1.5 * 9.5 * (1.15 if lang == "ar" else 1)
    for name, path in paths.items():
        page.goto(live_content.url + path)
        paper = printout(page)

        assert paper.heading_size == pytest.approx(heading_size, abs=0.1), name
        assert paper.outside_the_sheet() == [], name
        heading = " ".join(page.locator("h1").inner_text().split())
        assert printed(heading, paper.text, lang), name
        if page.locator(".print-url").count():
            address = page.locator(".print-url").inner_text()
            assert "%" not in address, name  # letters as letters, not %D8%…
            if lang != "ar":  # Arabic comes out of a PDF in visual order (paper.printed)
                assert "".join(address.split()) in "".join(paper.text.split()), name
            else:
                assert f"{live_content.url}/ar/" in paper.text, name
