"""The parser on the real SLMO texts, field by field, in each language."""

import pytest

from skills.content.sources import parse_text
from tests.conftest import SOURCES, slmo_text


def parse(language):
    return parse_text(slmo_text(language), language, f"SLMO/{language}.txt")


def test_english():
    text = parse("en")
    assert text.name is None and text.code is None  # they come from skill.toml
    assert text.description == (
        "Agreeing targets for service levels and assessing, monitoring and managing the "
        "delivery of services against the targets.",
    )
    assert text.guidance_intro == ("Activities may include, but are not limited to:",)
    assert text.guidance_items == (
        "planning, implementation, control, review and audit of service provision, to meet "
        "customer business requirements.",
        "developing and managing both formal Service Level Agreements (SLAs) and less formal "
        "service expectations, depending on organisational needs and practices.",
        "negotiating, implementing and monitoring service level agreements or service "
        "expectations.",
        "managing operational facilities to provide the agreed levels of service.",
        "identifying opportunities to improve service delivery.",
        "implementing service level management practices to support cloud-based services.",
        "identifying future trends and their impact on service delivery, for example, "
        "technical, market, industrial, socioeconomic, legislative or sustainability targets.",
    )
    assert text.responsibility_notes == () and text.development_notes == ()
    assert text.listed_levels is None
    assert text.defined_levels == {2, 3, 4, 5, 6, 7}
    assert [(level.number, level.guiding_phrase) for level in text.levels] == [
        (2, "Assist"),
        (3, "Apply"),
        (4, "Enable"),
        (5, "Ensure, advise"),
        (6, "Initiate, influence"),
        (7, "Set strategy, inspire, mobilise"),
    ]
    assert text.level(2).lines == (
        "Monitors and logs the actual service provided.",
        "Compares delivered service to service level agreements, identifying any deviations "
        "or areas for improvement.",
    )
    assert text.level(3).lines == (
        "Monitors service delivery performance metrics.",
        "Liaises with stakeholders to help them plan for a deterioration in service and/or "
        "breaches of service level agreements.",
    )
    assert text.level(4).lines == (
        "Performs defined tasks to monitor service delivery against service level agreements "
        "and maintains records of relevant information.",
        "Analyses service delivery performance to identify actions required to maintain or "
        "improve levels of service.",
        "Initiates and reports on actions to maintain or improve levels of service.",
    )
    assert text.level(5).lines == (
        "Ensures service delivery meets agreed service levels.",
        "Negotiates service level requirements and agreed service levels with customers.",
        "Diagnoses service delivery problems and initiates actions to maintain or improve "
        "levels of service.",
        "Establishes and maintains operational methods, procedures and facilities and reviews "
        "them regularly for effectiveness and efficiency.",
    )
    assert len(text.level(6).lines) == 6
    assert text.level(6).lines[-1] == (
        "Negotiates with relevant parties in respect of disruptions and major amendments to "
        "the provision of services."
    )
    assert text.level(7).lines == (
        "Sets strategies for service delivery that support the strategic needs of the client "
        "organisation.",
        "Authorises allocation of resources for monitoring service delivery arrangements.",
        "Develops relationships with customers at the highest level to identify potential "
        "areas of mutual commercial interest for future development.",
        "Maintains an overview of the contribution of service delivery arrangements to "
        "organisational success.",
        "Provides leadership within the industry on the identification of future trends.",
    )
    # Page chrome is gone.
    all_lines = [line for level in text.levels for line in level.lines]
    assert not {"No notes added yet.", "Comments", "0 comments"} & set(all_lines)
    assert "Please sign in to leave a comment." not in all_lines


def test_german_keeps_no_break_space_and_non_breaking_hyphen():
    text = parse("de")
    assert (text.name, text.code) == ("Service-Level-Management", "SLMO")
    assert text.description == (
        "Das Vereinbaren von Zielen für Serviceebenen und das Bewerten, Überwachen und "
        "Verwalten der Bereitstellung von Diensten anhand der Ziele.",
    )
    assert text.guidance_intro == ("Zu den Aktivitäten gehören unter anderem:",)
    assert text.guidance_items == (
        "Das Planen, Implementieren, Kontrollieren, Überprüfen und Auditieren der "
        "Bereitstellung von Diensten, um die Kundenanforderungen zu erfüllen",
        "Das Verhandeln, Implementieren und Überwachen der Service-Level-Agreements",
        "Das Verwalten von Betriebseinrichtungen zur Bereitstellung der erforderlichen "
        "Serviceebenen",
        "Das Identifizieren von Möglichkeiten zur Verbesserung der Servicebereitstellung",
        "Das Implementieren von Praktiken zum Service-Level-Management zur Unterstützung "
        "Cloud-basierter Dienste",
        "Das Identifizieren von zukünftigen Trends und ihren Auswirkungen auf die "
        "Servicebereitstellung; z.\u00a0B. Ziele im Hinblick auf Technik, Markt, Branche, "
        "Sozioökonomie, Gesetzgebung oder Nachhaltigkeit",
    )
    assert text.listed_levels == {2, 3, 4, 5, 6, 7}
    assert text.level(1).lines == (
        "Diese Fähigkeit wird typischerweise nicht beobachtet, wenn man auf dieser "
        "Verantwortungsebene arbeitet.",
    )
    assert text.level(2).lines == (
        "Überwacht und protokolliert die tatsächlich geleisteten Dienste und vergleicht diese "
        "mit den Bestimmungen der Service-Level-Agreements.",
    )
    assert "Serviceebenen oder \u2011typen einzugehen." in text.level(6).lines[0]
    assert text.level(7).lines[0].startswith("Legt Strategien für die Servicebereitstellung fest")
    assert (
        text.level(7).lines[0].endswith("hinsichtlich der Identifizierung von zukünftigen Trends.")
    )
    assert [level.number for level in text.levels] == [1, 2, 3, 4, 5, 6, 7]
    assert all(level.guiding_phrase is None for level in text.levels)


def test_russian():
    text = parse("ru")
    assert (text.name, text.code) == ("Управление уровнем услуг", "SLMO")
    assert text.description == (
        "Согласование целевых показателей уровня обслуживания, оценка, мониторинг и "
        "управление предоставлением услуг в соответствии с целевыми показателями.",
    )
    assert text.guidance_intro == ("Деятельность может включать, но не ограничиваться:",)
    assert len(text.guidance_items) == 6
    assert text.guidance_items[0] == (
        "планирование, внедрение, контроль, обзор и аудит предоставления услуг для "
        "удовлетворения бизнес-требований клиента"
    )
    # A dash inside an item is text, not a new item.
    assert text.guidance_items[5] == (
        "определение будущих тенденций и их влияния на предоставление услуг - например, "
        "технических, рыночных, промышленных, социально-экономических, законодательных или "
        "целей устойчивого развития."
    )
    assert text.listed_levels == {2, 3, 4, 5, 6, 7}
    assert text.level(1).lines == (
        "Этот навык, как правило, не соблюдается и не практикуется на этом уровне "
        "ответственности и подотчетности.",
    )
    assert text.level(2).lines == (
        "Мониторинг и регистрация фактически предоставленных услуг по сравнению с "
        "требованиями соглашений об уровне обслуживания.",
    )
    assert (
        text.level(7)
        .lines[0]
        .endswith("Обеспечивает лидерство в отрасли по определению будущих тенденций.")
    )


def test_italian_older_edition_keeps_curly_apostrophes():
    text = parse("it")
    assert (text.name, text.code) == ("Gestione del livello di servizio", "SLMO")
    assert len(text.description) == 1
    assert text.description[0].startswith("La pianificazione, l\u2019applicazione, il controllo")
    assert text.description[0].endswith(
        "di migliorare i target di erogazione del servizio e di sostenibilità."
    )
    assert text.guidance_intro == () and text.guidance_items == ()
    assert text.listed_levels == {2, 3, 4, 5, 6, 7}
    assert text.level(1).lines == (
        "Questa abilità non viene in genere osservata o praticata a questo livello di "
        "responsabilità e affidabilità.",
    )
    assert text.level(2).lines == (
        "Monitora e registra il servizio effettivo fornito, rispetto a quello richiesto dagli "
        "accordi di livello di servizio.",
    )
    assert "dell\u2019erogazione dei servizi" in text.level(3).lines[0]


def test_arabic_keeps_level_guidance_and_drops_page_controls():
    text = parse("ar")
    assert (text.name, text.code) == ("إدارة مستوى الخدمة", "SLMO")
    assert text.description == (
        "اعتماد المستهدفات الخاصة بمستويات الخدمة وعمليات تقييم ومراقبة وإدارة عملية تقديم "
        "الخدمات في ضوء المستهدفات المرجوة.",
    )
    assert text.guidance_intro == ("قد تتضمن الأنشطة على سبيل المثال لا الحصر:",)
    assert len(text.guidance_items) == 7
    assert text.guidance_items[0] == (
        "تخطيط وتنفيذ وضبط ومراجعة وتدقيق عملية تقديم الخدمة لاستيفاء اشتراطات العميل الخاصة "
        "بالعمل."
    )
    # Arabic comma (U+060C) and fathatan (U+064B) survive.
    assert "اعتمادًا على احتياجات" in text.guidance_items[1]
    assert "\u060c" in text.guidance_items[1]
    assert text.responsibility_notes == (
        "حيث لا يتم تعريف المستويات الأدنى ...",
        "- لا يتم تحديد المهام والمسؤوليات المحددة لأن المهارة تتطلب مستوى أعلى من الاستقلالية "
        "والتأثير والتعقيد في صنع القرار مما هو متوقع عادة في هذه المستويات. يمكنك استخدام "
        "عبارات الجوهر لفهم المسؤوليات العامة المرتبطة بهذه المستويات.",
        "حيث لا يتم تعريف المستويات الأعلى ...",
        "- لم يتم تحديد المسؤوليات والمساءلة لأن هذه المستويات العليا تنطوي على قيادة "
        "استراتيجية وتأثير تنظيمي أوسع يتجاوز نطاق هذه المهارة المحددة. انظر بيانات الجوهر.",
    )
    assert text.development_notes == (
        "تظهر المستويات المحددة التقدم التدريجي في المهارات والمسؤوليات.",
        "حيث لا يتم تعريف المستويات الأدنى ...",
        "يمكنك تطوير معرفتك ودعم الآخرين الذين يتحملون مسؤولية في هذا المجال من خلال:",
        "- تعلم المفاهيم والمبادئ الأساسية المتعلقة بهذه المهارة وتأثيرها على دورك",
        "- أداء المهارات ذات الصلة (انظر مهارات SFIA ذات الصلة)",
        "- دعم الآخرين الذين يقومون بمهام وأنشطة ذات مستوى أعلى",
        "حيث لا يتم تعريف المستويات الأعلى ...",
        "- يمكنك التقدم من خلال تطوير المهارات ذات الصلة التي هي أكثر ملاءمة لمستويات أعلى من "
        "القيادة التنظيمية.",
    )
    everything = text.responsibility_notes + text.development_notes
    assert not any(line.startswith("انقر لمعرفة") for line in everything)
    assert not any(line.startswith("إظهار/إخفاء") for line in everything)
    assert text.listed_levels == {2, 3, 4, 5, 6, 7}
    # "المستوى1": a heading with no text and no skill name.
    assert text.level(1).lines == ()
    assert text.level(2).lines == (
        "يراقب ويسجل الخدمة الفعلية المقدمة. يقارن الخدمة المقدمة باتفاقيات مستوى الخدمة، "
        "ويحدد أي انحرافات أو مجالات للتحسين.",
    )
    assert text.level(7).lines[0].startswith("يضع استراتيجيات لتقديم الخدمات")


@pytest.mark.parametrize("language", ["en", "de", "ru", "it", "ar"])
def test_every_slmo_text_parses_to_the_same_defined_levels(language):
    assert parse(language).defined_levels == {2, 3, 4, 5, 6, 7}


def test_the_parser_imports_no_django():
    import subprocess
    import sys

    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, skills.content.sources; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'django'))",
        ],
        capture_output=True,
        text=True,
        cwd=SOURCES.parent.parent,
        env={"PATH": ""},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
