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


def printed_whole(page, paper, lang, live_server_url):
    """What is wrong with a page's printout, [] if nothing: shrunk to fit the sheet, text off
    the sheet, its heading or its address not on paper, its address percent-encoded."""
    # The printed heading's size: 1.5 times the text's 9.5 pt, Arabic's set 1.15 times larger
    # (site.css).
    heading_size = 1.5 * 9.5 * (1.15 if lang == "ar" else 1)
    wrong = []
    if paper.heading_size != pytest.approx(heading_size, abs=0.1):
        wrong.append(f"heading at {paper.heading_size} pt, not {heading_size:.1f}")
    if paper.outside_the_sheet():
        wrong.append(f"off the sheet: {paper.outside_the_sheet()}")
    heading = " ".join(page.locator("h1").inner_text().split())
    if not printed(heading, paper.text, lang):
        wrong.append(f"heading not printed: {heading}")
    if page.locator(".print-url").count():
        address = page.locator(".print-url").inner_text()
        if "%" in address:  # letters as letters, not %D8%…
            wrong.append(f"address encoded: {address}")
        # Arabic comes out of a PDF in visual order (paper.printed): its start, then.
        shown = "".join(address.split()) if lang != "ar" else f"{live_server_url}/ar/"
        if shown not in "".join(paper.text.split()):
            wrong.append(f"address not printed: {address}")
    return wrong


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_fits_a_phone_and_prints_whole(live_content, chromium, lang):
    """One load a page: laid out at 320 px, then 360 px (the page responds to the new width as
    a turned phone does), then printed."""
    paths = long_names_in(lang)
    context = chromium.new_context(viewport={"width": 320, "height": 740})
    page = context.new_page()
    sideways, on_paper = [], []
    for name, path in paths.items():
        page.set_viewport_size({"width": 320, "height": 740})
        page.goto(live_content.url + path)
        for width in (320, 360):
            page.set_viewport_size({"width": width, "height": 740})
            over = page.evaluate(OVERFLOW)
            if over["page"] > 0 or over["boxes"]:
                sideways.append((width, name, over))
        wrong = printed_whole(page, printout(page), lang, live_content.url)
        on_paper += [(name, each) for each in wrong]
    context.close()

    assert sideways == []
    assert on_paper == []
