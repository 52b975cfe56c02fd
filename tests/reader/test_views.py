"""The reader's pages: every page type in every language, links that last, and errors that help."""

import re

import pytest

from skills.framework.models import Skill, SkillLevel
from tests.pages import LANGUAGES, PAGES
from tests.skills import copy_of_slmo

pytestmark = pytest.mark.django_db


# What each page must show, in its language: content from the sources and translated UI.
SHOWS = {
    ("home", "en"): [
        "The Skills Framework for the Information Age",
        "Level <bdi>5</bdi> — Ensure, advise",
    ],
    ("home", "de"): [
        "SFIA – der Kompetenzrahmen für das Informationszeitalter",
        "Ebene <bdi>5</bdi> — Sicherstellen, beraten",
    ],
    ("home", "ru"): [
        "SFIA — система навыков для информационной эпохи",
        "Уровень <bdi>5</bdi> — Гарантировать, консультировать",
    ],
    ("home", "it"): [
        "SFIA – il quadro delle competenze per l’era dell’informazione",
        "Livello <bdi>5</bdi> — Garantire, consigliare",
    ],
    ("home", "ar"): [
        "إطار المهارات لعصر المعلومات (SFIA)",
        "المستوى <bdi>5</bdi> — ضمان، تقديم المشورة",
    ],
    ("skill list", "en"): [
        "Delivery and operation",
        "Service management",
        '<bdi class="code" translate="no">SLMO</bdi> Service level management',
        # The grid's mark at level 5, a link with its text for screen readers.
        '<a href="/en/skills/slmo/5/"><span aria-hidden="true">●</span>',
        "<bdi>SLMO</bdi> at level <bdi>5</bdi>",
    ],
    ("skill list", "de"): [
        "Bereitstellung und Betrieb",
        "Servicemanagement",
        "Service-Level-Management",
        "<bdi>SLMO</bdi> auf Ebene <bdi>5</bdi>",
    ],
    ("skill list", "ru"): [
        "Предоставление и эксплуатация",
        "Управление услугами",
        "Управление уровнем услуг",
        "<bdi>SLMO</bdi> на уровне <bdi>5</bdi>",
    ],
    ("skill list", "it"): [
        "Erogazione ed esercizio",
        "Gestione dei servizi",
        "Gestione del livello di servizio",
        "<bdi>SLMO</bdi> al livello <bdi>5</bdi>",
    ],
    ("skill list", "ar"): [
        "التقديم والتشغيل",
        "إدارة الخدمات",
        "إدارة مستوى الخدمة",
        "<bdi>SLMO</bdi> في المستوى <bdi>5</bdi>",
    ],
    ("skill", "en"): [
        "Agreeing targets for service levels",
        "<li>identifying opportunities to improve service delivery.</li>",
        "Ensures service delivery meets agreed service levels.",
        "Guidance notes",
    ],
    ("skill", "de"): [
        "Das Vereinbaren von Zielen für Serviceebenen",
        "<li>Das Identifizieren von Möglichkeiten zur Verbesserung der Servicebereitstellung</li>",
        "Diese Fähigkeit wird typischerweise nicht beobachtet",
        "Definiert auf diesen Ebenen",
    ],
    ("skill", "ru"): [
        "Согласование целевых показателей уровня обслуживания",
        "<li>выявление возможностей для улучшения предоставления услуг</li>",
        "Методические рекомендации",
    ],
    ("skill", "it"): [
        "La pianificazione, l’applicazione, il controllo",
        "Questa abilità non viene in genere osservata",
        "Livello <bdi>7</bdi> — Definire la strategia, ispirare, mobilitare",
    ],
    ("skill", "ar"): [
        "اعتماد المستهدفات الخاصة بمستويات الخدمة",
        "فهم مستويات المسؤولية لهذه المهارة",
        "تطوير المهارات وإظهار المسؤوليات المتعلقة بهذه المهارة",
        "<li>دعم الآخرين الذين يقومون بمهام وأنشطة ذات مستوى أعلى</li>",
    ],
    ("skill at a defined level", "en"): [
        "Level <bdi>5</bdi> — Ensure, advise",
        "Negotiates service level requirements",
        "Previous defined level: <bdi>4</bdi>",
        # The level's own essence, with a link to its page.
        "What level <bdi>5</bdi> means",
        "<p>Invented essence of level 5: works with invented care.</p>",
        '<a href="/en/levels/5/">The generic attributes and every skill at level <bdi>5</bdi></a>',
    ],
    ("skill at a defined level", "de"): [
        "Ebene <bdi>5</bdi> — Sicherstellen, beraten",
        "Verhandelt die Anforderungen der Serviceebenen",
        "Nächste definierte Ebene: <bdi>6</bdi>",
        "Was Ebene <bdi>5</bdi> bedeutet",
        "<p>Erfundener Kern der Ebene 5: arbeitet mit erfundener Sorgfalt.</p>",
    ],
    ("skill at a defined level", "ru"): [
        "Уровень <bdi>5</bdi>",
        "Ведет переговоры с клиентами",
        "Другие навыки на уровне <bdi>5</bdi>",
        "Что означает уровень <bdi>5</bdi>",
        "<p>Вымышленная суть уровня 5: работает с вымышленной тщательностью.</p>",
    ],
    ("skill at a defined level", "it"): [
        "Livello <bdi>5</bdi>",
        "Crea e gestisce un catalogo di servizi disponibili.",
        "L’intera abilità, tutti i livelli",
        # Level 5's essence has no Italian: the English stands in (test_levels_and_attributes).
        "Che cosa significa il livello <bdi>5</bdi>",
    ],
    ("skill at a defined level", "ar"): [
        "المستوى <bdi>5</bdi>",
        "يضمن تلبية الخدمات المقدمة لمستويات الخدمة المتفق عليها.",
        "مهارات أخرى في المستوى <bdi>5</bdi>",
        "ما يعنيه المستوى <bdi>5</bdi>",
        "<p>جوهر مُختلَق للمستوى 5: يعمل بعناية مُختلَقة.</p>",
    ],
    ("skill at an undefined level", "en"): [
        "This skill is not defined at this level.",
        "The nearest level where it is defined:",
        'href="/en/skills/slmo/2/"',
    ],
    ("skill at an undefined level", "de"): [
        "Diese Fähigkeit ist auf dieser Ebene nicht definiert.",
        "Diese Fähigkeit wird typischerweise nicht beobachtet",
        'href="/de/skills/slmo/2/"',
    ],
    ("skill at an undefined level", "ru"): [
        "Этот навык не определён на этом уровне.",
        "Этот навык, как правило, не соблюдается",
        'href="/ru/skills/slmo/2/"',
    ],
    ("skill at an undefined level", "it"): [
        "Questa abilità non è definita a questo livello.",
        "Questa abilità non viene in genere osservata",
        'href="/it/skills/slmo/2/"',
    ],
    ("skill at an undefined level", "ar"): [
        "هذه المهارة غير معرّفة في هذا المستوى.",
        "أقرب مستوى عُرّفت فيه:",
        'href="/ar/skills/slmo/2/"',
    ],
    ("level list", "en"): [
        "1 skill defined at this level",
        "Set strategy, inspire, mobilise",
        "<p>Invented essence of level 7: works with invented care.</p>",
    ],
    ("level list", "de"): [
        "1 Fähigkeit auf dieser Ebene definiert",
        "Strategie festlegen, inspirieren, mobilisieren",
        "<p>Erfundener Kern der Ebene 7: arbeitet mit erfundener Sorgfalt.</p>",
    ],
    ("level list", "ru"): [
        "1 навык определён на этом уровне",
        "Определять стратегию, вдохновлять, мобилизовать",
        "<p>Вымышленная суть уровня 7: работает с вымышленной тщательностью.</p>",
    ],
    ("level list", "it"): [
        "1 abilità definita a questo livello",
        "Definire la strategia, ispirare, mobilitare",
        "<p>Essenza inventata del livello 7: lavora con cura inventata.</p>",
    ],
    ("level list", "ar"): [
        "مهارة واحدة (1) معرّفة في هذا المستوى",
        "وضع الاستراتيجية، الإلهام، الحشد",
        "<p>جوهر مُختلَق للمستوى 7: يعمل بعناية مُختلَقة.</p>",
    ],
    ("level", "en"): [
        "<h2>1 skill defined at this level</h2>",
        'href="/en/skills/slmo/5/"',
        "<h3>Delivery and operation</h3>",
        '<h2 id="essence">Essence of the level</h2>',
        "<p>Invented essence of level 5: works with invented care.</p>",
        '<h2 id="group-qualities">Invented qualities</h2>',
        '<a href="/en/attributes/zeal/">Zeal</a>',
        "<p>Shows invented zeal at level 5.</p>",
    ],
    ("level", "de"): [
        "1 Fähigkeit auf dieser Ebene definiert",
        'href="/de/skills/slmo/5/"',
        "<h3>Bereitstellung und Betrieb</h3>",
        '<h2 id="essence">Kern der Ebene</h2>',
        "<p>Erfundener Kern der Ebene 5: arbeitet mit erfundener Sorgfalt.</p>",
        '<h2 id="group-qualities">Erfundene Eigenschaften</h2>',
        '<a href="/de/attributes/zeal/">Eifer</a>',
        "<p>Zeigt erfundenen Eifer auf Ebene 5.</p>",
    ],
    ("level", "ru"): [
        "1 навык определён на этом уровне",
        'href="/ru/skills/slmo/5/"',
        "<h3>Предоставление и эксплуатация</h3>",
        "<p>Вымышленная суть уровня 5: работает с вымышленной тщательностью.</p>",
        '<h2 id="group-habits">Вымышленные привычки</h2>',
        '<a href="/ru/attributes/pace/">Темп</a>',
        "<p>Держит вымышленный темп на уровне 5.</p>",
    ],
    ("level", "it"): [
        "1 abilità definita a questo livello",
        'href="/it/skills/slmo/5/"',
        "<h3>Erogazione ed esercizio</h3>",
        '<a href="/it/attributes/tact/">Tatto</a>',
        "<p>Tratta con tatto persone inventate al livello 5.</p>",
    ],
    ("level", "ar"): [
        "مهارة واحدة (1) معرّفة في هذا المستوى",
        'href="/ar/skills/slmo/5/"',
        "<h3>التقديم والتشغيل</h3>",
        '<h2 id="essence">جوهر المستوى</h2>',
        "<p>جوهر مُختلَق للمستوى 5: يعمل بعناية مُختلَقة.</p>",
        '<a href="/ar/attributes/zeal/">الحماسة</a>',
        "<p>يُظهر حماسة مُختلَقة في المستوى 5.</p>",
    ],
    ("attribute list", "en"): [
        "<h1>Generic attributes</h1>",
        '<h2 id="group-qualities">Invented qualities</h2>',
        '<a href="/en/attributes/zeal/"><bdi class="code" translate="no">ZEAL</bdi> Zeal</a>',
        "<p>Invented for tests: how keenly a person takes up the work.</p>",
        '<h2 id="group-habits">Invented habits</h2>',
        '<a href="/en/attributes/pace/"><bdi class="code" translate="no">PACE</bdi> Pace</a>',
    ],
    ("attribute list", "de"): [
        "<h1>Allgemeine Attribute</h1>",
        '<h2 id="group-qualities">Erfundene Eigenschaften</h2>',
        '<bdi class="code" translate="no">ZEAL</bdi> Eifer</a>',
        "<p>Für Tests erfunden: wie eifrig jemand die Arbeit aufnimmt.</p>",
        '<bdi class="code" translate="no">TACT</bdi> Takt</a>',
    ],
    ("attribute list", "ru"): [
        "<h1>Общие атрибуты</h1>",
        '<h2 id="group-qualities">Вымышленные качества</h2>',
        '<bdi class="code" translate="no">ZEAL</bdi> Рвение</a>',
        "<p>Придумано для тестов: насколько ровно человек работает.</p>",
    ],
    ("attribute list", "it"): [
        "<h1>Attributi generici</h1>",
        '<h2 id="group-habits">Abitudini inventate</h2>',
        '<bdi class="code" translate="no">PACE</bdi> Ritmo</a>',
        "<p>Inventato per i test: con quanta delicatezza una persona tratta gli altri.</p>",
    ],
    ("attribute list", "ar"): [
        "<h1>السمات العامة</h1>",
        '<h2 id="group-qualities">صفات مُختلَقة</h2>',
        '<bdi class="code" translate="no">ZEAL</bdi> الحماسة</a>',
        "<p>مُختلَق للاختبارات: مدى رفق الشخص في تعامله مع الآخرين.</p>",
    ],
    ("attribute", "en"): [
        '<h1><bdi class="code" translate="no">ZEAL</bdi> Zeal</h1>',
        "<p>Invented for tests: how keenly a person takes up the work.</p>",
        "<p>Invented zeal shows in:</p>",
        "<li>finishing what was started</li>",
        "<p>Shows invented zeal at level 2.</p>",
        '<a href="/en/levels/6/">Level <bdi>6</bdi> — Initiate, influence</a>',
    ],
    ("attribute", "de"): [
        '<h1><bdi class="code" translate="no">ZEAL</bdi> Eifer</h1>',
        "<p>Für Tests erfunden: wie eifrig jemand die Arbeit aufnimmt.</p>",
        '<h2 id="guidance">Leitfaden</h2>',
        "<p>Erfundener Eifer zeigt sich in:</p>",
        "<li>dem Abschließen des Begonnenen</li>",
        "<p>Zeigt erfundenen Eifer auf Ebene 6.</p>",
        '<a href="/de/levels/4/">Ebene <bdi>4</bdi> — Ermöglichen</a>',
    ],
    ("attribute", "ru"): [
        '<h1><bdi class="code" translate="no">ZEAL</bdi> Рвение</h1>',
        "<p>Придумано для тестов: насколько охотно человек берётся за работу.</p>",
        "<p>Проявляет вымышленное рвение на уровне 3.</p>",
        '<a href="/ru/attributes/">Общие атрибуты</a>',
    ],
    ("attribute", "it"): [
        '<h1><bdi class="code" translate="no">ZEAL</bdi> Zelo</h1>',
        "<p>Inventato per i test: con quanto slancio una persona affronta il lavoro.</p>",
        "<p>Mostra uno zelo inventato al livello 4.</p>",
        '<h2 id="levels">Livelli di responsabilità</h2>',
    ],
    ("attribute", "ar"): [
        '<h1><bdi class="code" translate="no">ZEAL</bdi> الحماسة</h1>',
        "<p>مُختلَق للاختبارات: مدى إقبال الشخص على العمل.</p>",
        "<p>تظهر الحماسة المُختلَقة في:</p>",
        "<li>إنهاء ما بدأ</li>",
        "<p>يُظهر حماسة مُختلَقة في المستوى 6.</p>",
        '<a href="/ar/levels/2/">المستوى <bdi>2</bdi> — ',
    ],
}
TITLES = {
    ("skill", "de"): "<title>Service-Level-Management (SLMO) · SFIA</title>",
    (
        "skill at a defined level",
        "ru",
    ): "<title>Управление уровнем услуг (SLMO), уровень 5 · SFIA</title>",
    ("level", "it"): "<title>Livello 5: Garantire, consigliare · SFIA</title>",
    ("skill list", "ar"): "<title>المهارات · SFIA</title>",
    ("home", "en"): "<title>SFIA in five languages · SFIA</title>",
    ("attribute", "de"): "<title>Eifer (ZEAL) · SFIA</title>",
    ("attribute list", "ar"): "<title>السمات العامة · SFIA</title>",
}
# The footer names the framework's edition (the fixture's) on every page.
EDITION = {
    "en": "Framework edition:",
    "de": "Ausgabe des Kompetenzrahmens:",
    "ru": "Редакция системы навыков:",
    "it": "Edizione del quadro delle competenze:",
    "ar": "إصدار الإطار:",
}


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_every_page_in_every_language(client, content, page, lang):
    response = client.get(PAGES[page].format(lang=lang))

    assert response.status_code == 200
    direction = "rtl" if lang == "ar" else "ltr"
    assert f'<html lang="{lang}" dir="{direction}">' in response.text
    for text in SHOWS[(page, lang)]:
        assert text in response.text
    if (page, lang) in TITLES:
        assert TITLES[(page, lang)] in response.text
    assert re.search(r'<meta name="description" content="[^"]{20,}">', response.text)
    assert '© <a href="https://sfia-online.org/"><bdi>SFIA Foundation</bdi></a>' in response.text
    edition = f'<p class="edition">{EDITION[lang]} <bdi translate="no">SFIA 9</bdi></p>'
    assert edition in response.text


def test_a_missing_translation_shows_the_english_marked(client, content):
    # The Italian edition has no guidance notes: the English ones stand in, marked.
    response = client.get("/it/skills/slmo/")

    assert '<div class="text fallback" lang="en" dir="ltr">' in response.text
    assert "<li>identifying opportunities to improve service delivery.</li>" in response.text
    assert "Non ancora tradotto: mostrato in inglese." in response.text


def test_english_standing_in_for_a_whole_section_has_one_note(client, content):
    # The Italian edition has neither the guidance notes' intro nor their items.
    response = client.get("/it/skills/slmo/")
    guidance = re.search(r'<section aria-labelledby="guidance">.*?</section>', response.text, re.S)

    assert guidance[0].count("Non ancora tradotto: mostrato in inglese.") == 1
    block = re.search(
        r'<div class="text fallback" lang="en" dir="ltr">(.*?)</div>', guidance[0], re.S
    )
    assert "<p>Activities may include, but are not limited to:</p>" in block[1]
    assert "<li>identifying opportunities to improve service delivery.</li>" in block[1]


def test_a_missing_arabic_name_is_english_left_to_right_and_marked(client, content):
    Skill.objects.filter(code="SLMO").update(name_ar=None)

    response = client.get("/ar/skills/slmo/")

    assert (
        '<span class="fallback" lang="en" dir="ltr">Service level management</span> '
        '<span class="fallback-note">(لم تُترجم بعد)</span>'
    ) in response.text


def test_translated_text_is_not_marked_as_fallback(client, content):
    response = client.get("/de/skills/slmo/")
    # The only English elements are the links to the English page and to the comparison.
    english = re.findall(r'\slang="en"[^>]*>[^<]*', response.text)
    assert english == [' lang="en" dir="ltr">English'] * 2
    assert "fallback" not in response.text
    assert "Noch nicht übersetzt" not in response.text


def test_hreflang_alternates_and_canonical(client, content):
    response = client.get("/ru/skills/slmo/5/")

    assert '<link rel="canonical" href="http://testserver/ru/skills/slmo/5/">' in response.text
    for lang in LANGUAGES:
        assert (
            f'<link rel="alternate" hreflang="{lang}" href="http://testserver/{lang}/skills/slmo/5/">'
        ) in response.text
    assert (
        '<link rel="alternate" hreflang="x-default" href="http://testserver/skills/slmo/5/">'
    ) in response.text


def switcher_links(html):
    return dict(re.findall(r'<a href="(/language/[^"]+)" hreflang="(\w+)"', html))


def test_switcher_on_a_direct_link_ignores_the_cookie(client, content):
    """Django ticket 28567: a reader whose cookie says English opens a German link."""
    client.cookies["django_language"] = "en"

    response = client.get("/de/skills/slmo/5/")

    links = {lang: url for url, lang in switcher_links(response.text).items()}
    assert sorted(links) == ["ar", "en", "it", "ru"]  # German is the current one, not a link
    assert '<span aria-current="page" lang="de" dir="ltr">Deutsch</span>' in response.text
    for lang, url in links.items():
        followed = client.get(url.replace("&amp;", "&"))
        assert followed.status_code == 302
        assert followed["Location"] == f"/{lang}/skills/slmo/5/"
        # Choosing a language remembers it.
        assert followed.cookies["django_language"].value == lang


def test_switcher_names_each_language_in_itself(client, content):
    response = client.get("/it/levels/")
    for name, lang in [("English", "en"), ("Deutsch", "de"), ("Русский", "ru"), ("العربية", "ar")]:
        assert f'hreflang="{lang}" lang="{lang}"' in response.text
        assert f">{name}</a>" in response.text
    assert '<span aria-current="page" lang="it" dir="ltr">Italiano</span>' in response.text


def test_the_remembered_language_is_used_for_unprefixed_urls(client, content):
    client.get("/language/ar/?next=/en/")
    assert client.get("/skills/slmo/")["Location"] == "/ar/skills/slmo/"


@pytest.mark.parametrize(
    "next_url", ["https://evil.example/", "//evil.example/path", "javascript:alert(1)", ""]
)
def test_choose_language_never_leaves_the_site(client, next_url):
    response = client.get("/language/de/", {"next": next_url})
    assert response.status_code == 302
    assert response["Location"] == "/de/"


@pytest.mark.parametrize(
    "query",
    [
        # Invalid UTF-8, read as U+FFFD: `redirect` took it, as any value without a slash, for
        # a view's name to look up, and failed (a 500).
        "next=%ED%A0%80",
        "next=home",
        "next=skills:home",
        "next=/en/%C2%85",
        "next=/en/%EF%BF%BE",
        "next=/en/%E2%80%AE",
    ],
)
def test_choose_language_goes_home_from_a_next_that_is_no_path_of_the_site(client, query):
    response = client.get(f"/language/de/?{query}")
    assert response.status_code == 302
    assert response["Location"] == "/de/"


def test_choose_language_refuses_unknown_languages(client):
    assert client.get("/language/fr/?next=/en/").status_code == 404


@pytest.mark.parametrize(
    ("url", "location"),
    [
        ("/de/skills/SLMO/", "/de/skills/slmo/"),
        ("/de/skills/SLMO/5/", "/de/skills/slmo/5/"),
        ("/ar/skills/Slmo/1/", "/ar/skills/slmo/1/"),
        ("/de/attributes/ZEAL/", "/de/attributes/zeal/"),
        ("/ar/attributes/Zeal/", "/ar/attributes/zeal/"),
        # And a compared language's code.
        ("/de/skills/SLMO/compare/ar/", "/de/skills/slmo/compare/ar/"),
        ("/de/skills/slmo/compare/AR/", "/de/skills/slmo/compare/ar/"),
        ("/en/attributes/Zeal/compare/De/", "/en/attributes/zeal/compare/de/"),
        ("/ar/levels/5/compare/EN/", "/ar/levels/5/compare/en/"),
    ],
)
def test_other_cases_of_the_code_redirect_permanently(client, content, url, location):
    response = client.get(url)
    assert response.status_code == 301
    assert response["Location"] == location


def test_unprefixed_urls_follow_cookie_then_accept_language_then_english(client, content):
    assert client.get("/skills/slmo/5/")["Location"] == "/en/skills/slmo/5/"
    assert client.get("/skills/slmo/5/", HTTP_ACCEPT_LANGUAGE="ru,en;q=0.5")["Location"] == (
        "/ru/skills/slmo/5/"
    )
    client.cookies["django_language"] = "it"
    assert client.get("/levels/", HTTP_ACCEPT_LANGUAGE="ru")["Location"] == "/it/levels/"


# Each count shown, in the singular and in a plural, as each language says it.
COUNTED = {
    "de": {
        "defined at one": '<h2 id="defined-at">Definiert auf dieser Ebene</h2>',
        "defined at six": '<h2 id="defined-at">Definiert auf diesen Ebenen</h2>',
        "nearest one": '<p class="nearest">Die nächste Ebene, auf der sie definiert ist:',
        "nearest two": '<p class="nearest">Die nächsten Ebenen, auf denen sie definiert ist:',
        "one skill": "<h2>1 Fähigkeit auf dieser Ebene definiert</h2>",
        "two skills": "<h2>2 Fähigkeiten auf dieser Ebene definiert</h2>",
    },
    "ru": {
        "defined at one": '<h2 id="defined-at">Определён на этом уровне</h2>',
        "defined at six": '<h2 id="defined-at">Определён на этих уровнях</h2>',
        "nearest one": '<p class="nearest">Ближайший уровень, на котором он определён:',
        "nearest two": '<p class="nearest">Ближайшие уровни, на которых он определён:',
        "one skill": "<h2>1 навык определён на этом уровне</h2>",
        "two skills": "<h2>2 навыка определены на этом уровне</h2>",
    },
    "ar": {
        "defined at one": '<h2 id="defined-at">معرّفة في هذا المستوى</h2>',
        "defined at six": '<h2 id="defined-at">معرّفة في هذه المستويات</h2>',
        "nearest one": '<p class="nearest">أقرب مستوى عُرّفت فيه:',
        "nearest two": '<p class="nearest">أقرب مستويين عُرّفت فيهما:',
        "one skill": "<h2>مهارة واحدة (1) معرّفة في هذا المستوى</h2>",
        "two skills": "<h2>مهارتان (2) معرّفتان في هذا المستوى</h2>",
    },
}


@pytest.mark.parametrize("lang", COUNTED)
def test_counts_take_the_plural_form_of_the_page_language(client, content, lang):
    counted = COUNTED[lang]
    # As published: SLMO is defined at levels 2 to 7, the only skill at level 5.
    assert counted["defined at six"] in client.get(f"/{lang}/skills/slmo/").text
    assert counted["nearest one"] in client.get(f"/{lang}/skills/slmo/1/").text
    assert counted["one skill"] in client.get(f"/{lang}/levels/5/").text

    copy_of_slmo("SLMX")
    SkillLevel.objects.filter(skill__code="SLMO", level=4).update(defined=False)
    assert counted["nearest two"] in client.get(f"/{lang}/skills/slmo/4/").text
    assert counted["two skills"] in client.get(f"/{lang}/levels/5/").text

    SkillLevel.objects.filter(skill__code="SLMO", level__gt=2).update(defined=False)
    assert counted["defined at one"] in client.get(f"/{lang}/skills/slmo/").text


NOT_FOUND = [
    "/de/skills/nope/",
    "/de/skills/slmo/0/",
    "/de/skills/slmo/8/",
    "/de/skills/slmo/05/",
    "/de/skills/slmo/99999999999999999999/",
    "/de/skills/slmo/5/extra/",
    "/de/skills/sl-mo/",
    "/de/skills/%00/",
    "/de/levels/0/",
    "/de/levels/abc/",
    "/de/attributes/nope/",
    "/de/attributes/ze-al/",
    "/de/attributes/zeal/5/",
    "/de/nothing-here/",
]


@pytest.mark.parametrize("url", NOT_FOUND)
def test_unknown_pages_are_a_helpful_404_in_the_page_language(client, content, url):
    response = client.get(url)

    assert response.status_code == 404
    assert '<html lang="de" dir="ltr">' in response.text
    assert "Seite nicht gefunden" in response.text
    assert 'href="/de/skills/"' in response.text  # a way back in
    assert 'rel="canonical"' not in response.text


def test_an_unknown_language_prefix_is_a_404_in_the_readers_language(client, content):
    response = client.get("/fr/skills/slmo/", HTTP_ACCEPT_LANGUAGE="ar")

    assert response.status_code == 404
    assert '<html lang="ar" dir="rtl">' in response.text
    assert "الصفحة غير موجودة" in response.text
    # The switcher offers each language's home page.
    assert "/language/de/?next=%2Fde%2F" in response.text


def sitemap_locations(client):
    """Every address the sitemap index leads to, and the text of its sections."""
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    sections = re.findall(r"<loc>([^<]+)</loc>", index.text)
    texts = [client.get(section.removeprefix("http://testserver")).text for section in sections]
    locations = [loc for text in texts for loc in re.findall(r"<loc>([^<]+)</loc>", text)]
    return sections, locations, "".join(texts)


def test_sitemap_lists_every_page_in_every_language_with_alternates(client, content):
    sections, locations, text = sitemap_locations(client)

    assert sections == [
        f"http://testserver/sitemap-{name}.xml"
        for name in ("pages", "skills", "skill-levels", "levels", "attributes")
    ]
    # Home, skills, skills from A to Z, levels, attributes, downloads, the API's reference; the
    # skill; its seven levels; seven levels; the three invented attributes.
    pages = 7 + 1 + 7 + 7 + 3
    assert len(locations) == pages * 5 == len(set(locations))
    assert "http://testserver/ar/skills/slmo/5/" in locations
    assert "http://testserver/it/levels/7/" in locations
    assert "http://testserver/de/attributes/" in locations
    assert "http://testserver/ar/downloads/" in locations
    assert "http://testserver/it/api/" in locations
    assert "http://testserver/ru/skills/a-z/" in locations
    assert "http://testserver/ru/attributes/zeal/" in locations
    assert (
        '<xhtml:link rel="alternate" hreflang="ar" href="http://testserver/ar/attributes/pace/"/>'
    ) in text
    assert (
        '<xhtml:link rel="alternate" hreflang="x-default" href="http://testserver/attributes/"/>'
    ) in text
    assert (
        '<xhtml:link rel="alternate" hreflang="de" href="http://testserver/de/skills/slmo/1/"/>'
    ) in text
    assert (
        '<xhtml:link rel="alternate" hreflang="x-default" href="http://testserver/skills/slmo/1/"/>'
    ) in text


def test_a_large_sitemap_section_is_paged(client, content, monkeypatch):
    from skills.reader.sitemaps import ReaderSitemap

    monkeypatch.setattr(ReaderSitemap, "limit", 10)  # 35 skill-level addresses: four pages
    sections, locations, _ = sitemap_locations(client)

    assert "http://testserver/sitemap-skill-levels.xml?p=4" in sections
    assert len(locations) == 25 * 5 == len(set(locations))
    assert client.get("/sitemap-skill-levels.xml?p=5").status_code == 404


def test_robots_txt_names_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "Sitemap: http://testserver/sitemap.xml" in response.text


def test_pages_work_with_no_content(client):
    assert "No skills have been loaded yet." in client.get("/en/skills/").text


def test_print_shows_the_page_url(client, content):
    response = client.get("/en/skills/slmo/")
    assert (
        '<p class="print-url" dir="ltr" translate="no">'
        "http://<wbr>testserver/<wbr>en/<wbr>skills/<wbr>slmo/</p>"
    ) in response.text


def test_print_shows_a_profile_address_as_a_reader_copies_it(client, content):
    """Its letters decoded (a Russian title is not %D0%92…), a line break allowed after each
    separator, markup kept encoded."""
    response = client.get("/ru/profile/", {"title": "Ведущий <b>инженер", "s": "slmo-5"})
    assert (
        '<p class="print-url" dir="ltr" translate="no">http://<wbr>testserver/<wbr>ru/<wbr>'
        "profile/<wbr>?<wbr>title=<wbr>Ведущий+<wbr>%3Cb%3Eинженер&amp;<wbr>s=<wbr>slmo-5</p>"
    ) in response.text


def test_a_printed_address_keeps_what_no_one_could_copy_off_paper_encoded():
    from skills.reader.templating import readable_address

    assert (
        readable_address("http://x/a%20b%E2%80%8F%D0%92/") == "http://<wbr>x/<wbr>a%20b%E2%80%8FВ/"
    )


@pytest.mark.parametrize("path", ["/de/skills/slmo/", "/de/skills/slmo/5/"])
def test_print_says_where_the_skill_sits_and_in_which_edition_and_language(client, content, path):
    page = client.get(path).text

    assert '<dl class="skill-facts">' in page
    assert "<dt>Kategorie</dt> <dd>Bereitstellung und Betrieb › Servicemanagement</dd>" in page
    assert '<dt>Ausgabe des Kompetenzrahmens</dt> <dd><bdi translate="no">SFIA 9</bdi></dd>' in page
    assert "<dt>Sprache</dt> <dd>Deutsch</dd>" in page


def test_no_javascript_on_reader_pages(client, content):
    # The skill page's linked data is a script element the browser never runs: a data block.
    data_block = '<script type="application/ld+json">'
    for page in PAGES.values():
        html = client.get(page.format(lang="en")).text
        assert set(re.findall(r"<script\b[^>]*>", html)) <= {data_block}


def test_each_level_is_an_anchor_linking_to_its_own_page(client, content):
    response = client.get("/en/skills/slmo/")
    for number in range(1, 8):
        assert f'<section id="level-{number}"' in response.text
        assert f'href="/en/skills/slmo/{number}/"' in response.text
    assert '<li><a href="#level-2"><bdi>2</bdi></a></li>' in response.text
    assert 'href="#level-1"' not in response.text  # level 1 is not defined
    assert '<section id="level-1" class="level undefined"' in response.text


def test_a_server_error_page_speaks_every_language(client, settings):
    from django.urls import path

    def broken(request):
        raise RuntimeError("boom")

    settings.ROOT_URLCONF = type("urls", (), {"urlpatterns": [path("boom/", broken)]})
    client.raise_request_exception = False
    response = client.get("/boom/")

    assert response.status_code == 500
    assert "boom" not in response.text
    assert '<p lang="ar" dir="rtl">حدث خطأ من جهتنا.' in response.text
    assert '<p lang="de">Bei uns ist ein Fehler aufgetreten.' in response.text


def test_hostile_content_is_escaped_on_every_page(client, content):
    Skill.objects.filter(code="SLMO").update(
        name_de='<script>alert("name")</script>', description_de="<img src=x onerror=alert(1)>"
    )

    for path in ("/de/skills/", "/de/skills/slmo/", "/de/skills/slmo/5/", "/de/levels/5/"):
        page = client.get(path).text
        assert "<script>alert" not in page and "<img src=x" not in page, path
        assert "&lt;script&gt;alert(&quot;name&quot;)&lt;/script&gt;" in page, path


def test_a_404_outside_every_url_pattern_switches_language_in_place(client, content):
    # No URL pattern matches a level 9, so no view (and no view name) is there to reverse.
    response = client.get("/ar/skills/slmo/9/")

    assert response.status_code == 404
    links = {lang: url for url, lang in switcher_links(response.text).items()}
    assert links == {
        lang: f"/language/{lang}/?next=%2F{lang}%2Fskills%2Fslmo%2F9%2F"
        for lang in LANGUAGES
        if lang != "ar"
    }
    assert client.get(links["de"])["Location"] == "/de/skills/slmo/9/"
    # A missing page has no alternates to name, in any language.
    assert 'rel="alternate"' not in response.text and 'rel="canonical"' not in response.text


def test_a_hostile_404_path_is_escaped_in_the_switcher(client, content):
    response = client.get('/ar/"><script>alert(1)</script>/')

    assert response.status_code == 404
    assert "<script" not in response.text
    assert "next=%2Fde%2F%22%3E%3Cscript%3Ealert%281%29%3C%2Fscript%3E%2F" in response.text
