"""Invented generic attributes, attribute groups and essences of the levels, in all five
languages with some translations missing, for the pages' tests (test helper). Never SFIA's
text: fixtures/sfia.json has neither attributes nor essences.

Where a translation is missing (None), its page shows the English standing in, marked:
- the "habits" group has no Arabic name; TACT has no Arabic name;
- ZEAL's guidance notes are in English, German and Arabic only;
- PACE's description has no Italian, and its level 5 no German;
- level 5's essence has no Italian; level 3 has no essence in any language.
"""

from django.core.management import call_command

from skills.framework.languages import LANGUAGE_CODES
from skills.framework.levels import LEVEL_NUMBERS
from skills.framework.models import (
    AttributeGroup,
    AttributeLevel,
    GenericAttribute,
    ResponsibilityLevel,
)
from skills.framework.translation import translated_fields
from skills.framework.translation_state import record_unrecorded
from skills.search.index import reindex


def in_languages(en, de, ru, it, ar):
    return dict(zip(LANGUAGE_CODES, (en, de, ru, it, ar), strict=True))


GROUPS = {
    "qualities": in_languages(
        "Invented qualities",
        "Erfundene Eigenschaften",
        "Вымышленные качества",
        "Qualità inventate",
        "صفات مُختلَقة",
    ),
    "habits": in_languages(
        "Invented habits",
        "Erfundene Gewohnheiten",
        "Вымышленные привычки",
        "Abitudini inventate",
        None,
    ),
}


def described_at(levels, en, de, ru, it, ar):
    """Each level's description, `{n}` the level's number; a language None where missing."""
    texts = in_languages(en, de, ru, it, ar)
    return {
        number: {code: text and text.format(n=number) for code, text in texts.items()}
        for number in levels
    }


ZEAL_LEVELS = described_at(
    (2, 3, 4, 5, 6),
    "Shows invented zeal at level {n}.",
    "Zeigt erfundenen Eifer auf Ebene {n}.",
    "Проявляет вымышленное рвение на уровне {n}.",
    "Mostra uno zelo inventato al livello {n}.",
    "يُظهر حماسة مُختلَقة في المستوى {n}.",
)
TACT_LEVELS = described_at(
    (3, 4, 5, 6, 7),
    "Handles invented people with tact at level {n}.",
    "Geht auf Ebene {n} taktvoll mit erfundenen Menschen um.",
    "Тактично обращается с вымышленными людьми на уровне {n}.",
    "Tratta con tatto persone inventate al livello {n}.",
    "يتعامل بلباقة مع أشخاص مُختلَقين في المستوى {n}.",
)
PACE_LEVELS = described_at(
    (1, 5),
    "Keeps an invented pace at level {n}.",
    "Hält auf Ebene {n} ein erfundenes Tempo.",
    "Держит вымышленный темп на уровне {n}.",
    "Mantiene un ritmo inventato al livello {n}.",
    "يحافظ على إيقاع مُختلَق في المستوى {n}.",
)
PACE_LEVELS[5]["de"] = None

ATTRIBUTES = {
    "ZEAL": {
        "group": "qualities",
        "name": in_languages("Zeal", "Eifer", "Рвение", "Zelo", "الحماسة"),
        "description": in_languages(
            "Invented for tests: how keenly a person takes up the work.",
            "Für Tests erfunden: wie eifrig jemand die Arbeit aufnimmt.",
            "Придумано для тестов: насколько охотно человек берётся за работу.",
            "Inventato per i test: con quanto slancio una persona affronta il lavoro.",
            "مُختلَق للاختبارات: مدى إقبال الشخص على العمل.",
        ),
        "guidance_intro": in_languages(
            "Invented zeal shows in:",
            "Erfundener Eifer zeigt sich in:",
            None,
            None,
            "تظهر الحماسة المُختلَقة في:",
        ),
        "guidance_notes": in_languages(
            "taking up invented tasks unasked\nfinishing what was started",
            "dem Übernehmen erfundener Aufgaben ohne Aufforderung\ndem Abschließen des Begonnenen",
            None,
            None,
            "تولي مهام مُختلَقة دون طلب\nإنهاء ما بدأ",
        ),
        # Not described at levels 1 and 7: a row there, not defined (as an import leaves it).
        "levels": ZEAL_LEVELS,
        "undefined": (1, 7),
    },
    "TACT": {
        "group": "qualities",
        "name": in_languages("Tact", "Takt", "Такт", "Tatto", None),
        "description": in_languages(
            "Invented for tests: how gently a person deals with others.",
            "Für Tests erfunden: wie behutsam jemand mit anderen umgeht.",
            "Придумано для тестов: насколько бережно человек обращается с другими.",
            "Inventato per i test: con quanta delicatezza una persona tratta gli altri.",
            "مُختلَق للاختبارات: مدى رفق الشخص في تعامله مع الآخرين.",
        ),
        "levels": TACT_LEVELS,
    },
    "PACE": {
        "group": "habits",
        "name": in_languages("Pace", "Tempo", "Темп", "Ritmo", "الإيقاع"),
        "description": in_languages(
            "Invented for tests: how steadily a person works.",
            "Für Tests erfunden: wie gleichmäßig jemand arbeitet.",
            "Придумано для тестов: насколько ровно человек работает.",
            None,
            "مُختلَق للاختبارات: مدى انتظام الشخص في عمله.",
        ),
        "levels": PACE_LEVELS,
    },
}

ESSENCES = {
    number: in_languages(
        f"Invented essence of level {number}: works with invented care.",
        f"Erfundener Kern der Ebene {number}: arbeitet mit erfundener Sorgfalt.",
        f"Вымышленная суть уровня {number}: работает с вымышленной тщательностью.",
        f"Essenza inventata del livello {number}: lavora con cura inventata.",
        f"جوهر مُختلَق للمستوى {number}: يعمل بعناية مُختلَقة.",
    )
    for number in LEVEL_NUMBERS
    if number != 3
}
ESSENCES[5]["it"] = None


def columns(field, texts):
    """{field_<lang>: text} for every language."""
    return {f"{field}_{code}": text for code, text in texts.items()}


def add_invented_attributes(more=0):
    """The groups, attributes and essences above, and `more` plain invented attributes
    (AT01…, described at every level in every language). The levels of responsibility must be
    there already (the fixture's or an import's). Every translation is up to date: each row
    is saved, or given its records, with its English (translation_state)."""
    for level in ResponsibilityLevel.objects.filter(number__in=ESSENCES):
        for column, text in columns("essence", ESSENCES[level.number]).items():
            setattr(level, column, text)
        level.save()
    groups = {
        slug: AttributeGroup.objects.create(slug=slug, position=position, **columns("name", names))
        for position, (slug, names) in enumerate(GROUPS.items(), start=1)
    }
    for position, (code, attribute) in enumerate(ATTRIBUTES.items(), start=1):
        texts = {
            field: attribute[field]
            for field in ("name", "description", "guidance_intro", "guidance_notes")
            if field in attribute
        }
        add_attribute(
            code,
            groups[attribute["group"]],
            position,
            texts,
            attribute["levels"],
            attribute.get("undefined", ()),
        )
    for index in range(1, more + 1):
        code = f"AT{index:02}"
        texts = {
            "name": dict.fromkeys(LANGUAGE_CODES, f"Invented attribute {code}"),
            "description": dict.fromkeys(LANGUAGE_CODES, f"Invented description of {code}."),
        }
        levels = {
            number: dict.fromkeys(LANGUAGE_CODES, f"{code} invented at level {number}.")
            for number in LEVEL_NUMBERS
        }
        add_attribute(code, groups["habits"], len(ATTRIBUTES) + index, texts, levels)


def add_attribute(code, group, position, texts, levels, undefined=()):
    fields = {
        key: value
        for field, by_language in texts.items()
        for key, value in columns(field, by_language).items()
    }
    attribute = GenericAttribute.objects.create(code=code, group=group, position=position, **fields)
    described = [
        AttributeLevel(
            attribute=attribute,
            level_id=number,
            defined=True,
            **columns("description", by_language),
        )
        for number, by_language in levels.items()
    ]
    for level in described:  # bulk_create saves no single row, so gives no records itself
        record_unrecorded(level, translated_fields(AttributeLevel))
    AttributeLevel.objects.bulk_create(
        described
        + [
            AttributeLevel(attribute=attribute, level_id=number, defined=False)
            for number in undefined
        ]
    )
    reindex(attribute)  # bulk_create sends no signal: the search index is told here
    return attribute


def load_page_content():
    """The content the page tests read (tests/pages.py): fixtures/sfia.json, then the invented
    attributes and essences."""
    call_command("loaddata", "fixtures/sfia.json", verbosity=0)
    add_invented_attributes()
