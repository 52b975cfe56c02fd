"""A synthetic corpus: skill folders written in every source layout (for the tests and bench/,
not content).

`write_skill` writes one folder and returns what each language's text holds, so tests can
check the parser and the pipeline against texts they did not hand-copy: any set of defined
levels, any number of bullets, with or without guidance notes, blank lines or not, a level
heading without text, page chrome.
"""

from dataclasses import dataclass, field
from pathlib import Path

from skills.content.sources.layouts import LANGUAGES

PHRASES = {
    1: "Follow",
    2: "Assist",
    3: "Apply",
    4: "Enable",
    5: "Ensure, advise",
    6: "Initiate, influence",
    7: "Set strategy, inspire, mobilise",
}
# What the synthetic texts say, in each language's own script, so a leak shows.
WORDS = {
    "en": ("Synthetic skill", "Describes", "Activities may include:", "Performs task", "Not seen"),
    "de": (
        "Synthetische Fähigkeit",
        "Beschreibt",
        "Zu den Aktivitäten gehören:",
        "Führt Aufgabe",
        "Nicht beobachtet",
    ),  # noqa: E501
    "ru": (
        "Синтетический навык",
        "Описывает",
        "Деятельность может включать:",
        "Выполняет задачу",
        "Не наблюдается",
    ),  # noqa: E501
    "it": (
        "Abilità sintetica",
        "Descrive",
        "Le attività includono:",
        "Esegue l’attività",
        "Non osservata",
    ),  # noqa: E501
    "ar": ("مهارة اصطناعية", "يصف", "قد تتضمن الأنشطة:", "ينفذ المهمة", "لا تلاحظ"),
}
CATEGORY = ("Delivery and operation", "Service management")


@dataclass
class Expected:
    """What one language's text holds."""

    name: str
    description: list[str]
    guidance_intro: list[str] = field(default_factory=list)
    guidance_items: list[str] = field(default_factory=list)
    responsibility_notes: list[str] = field(default_factory=list)
    development_notes: list[str] = field(default_factory=list)
    # Level → its lines (defined levels, and notes on undefined ones).
    levels: dict = field(default_factory=dict)
    # Lines that are structure or chrome, not content.
    structure: list[str] = field(default_factory=list)
    chrome: list[str] = field(default_factory=list)


def write_skill(
    root,
    code,
    *,
    defined=(2, 3, 4, 5),
    bullets=3,
    guidance=True,
    blank_lines=False,
    languages=LANGUAGES,
    notes_on_undefined=True,
    chrome=True,
    name="Synthetic skill",
    category=CATEGORY,
):
    """Write `root/code/` and return {language: Expected}."""
    folder = Path(root) / code
    folder.mkdir(parents=True)
    (folder / "skill.toml").write_text(
        f'code = "{code}"\nname = "{name}"\n'
        f'category = "{category[0]}"\nsubcategory = "{category[1]}"\n',
        encoding="utf-8",
    )
    expected = {}
    for language in languages:
        lines, expected[language] = _text(
            language, code, name, defined, bullets, guidance, notes_on_undefined, chrome
        )
        separator = "\n\n" if blank_lines else "\n"
        (folder / f"{language}.txt").write_text(separator.join(lines), encoding="utf-8")
    return expected


def _text(language, code, name, defined, bullets, guidance, notes_on_undefined, chrome):
    skill, describes, intro, performs, not_seen = WORDS[language]
    translated_name = name if language == "en" else f"{skill} {code.lower()}"
    description = [f"{describes} {code}: first sentence.", f"{describes} {code}: second\u00a0one."]
    if language != "en":
        description = [" ".join(description)]
    expected = Expected(name=translated_name, description=description)
    lines = []

    def structure(line):
        expected.structure.append(line)
        lines.append(line)

    def page_chrome(line):
        expected.chrome.append(line)
        lines.append(line)

    def content(line, target):
        target.append(line)
        lines.append(line)

    if language == "en":
        structure("Skill description")
    else:
        if chrome and language in ("de", "it"):
            page_chrome(_TAGLINES[language])
        structure(f"{translated_name} {code}")
    lines.extend(description)
    if guidance:
        structure(_GUIDANCE[language])
        content(intro, expected.guidance_intro)
        marker = "  • " if language == "de" else "- "
        for number in range(1, bullets + 1):
            item = f"{performs} {code} #{number} – with U+2011 ‑ and ’"
            expected.guidance_items.append(item)
            lines.append(marker + item)
    if language == "ar":
        structure("فهم مستويات المسؤولية لهذه المهارة")
        content("حيث لا يتم تعريف المستويات الأدنى ...", expected.responsibility_notes)
        content("- لا يتم تحديد المهام.", expected.responsibility_notes)
        structure("تطوير المهارات وإظهار المسؤوليات المتعلقة بهذه المهارة")
        content("تظهر المستويات المحددة التقدم.", expected.development_notes)
        content("- تعلم المفاهيم.", expected.development_notes)
        if chrome:
            page_chrome("انقر لمعرفة سبب عدم تعريف مهارات SFIA على جميع المستويات ال 7.")
            page_chrome("إظهار/إخفاء الأوصاف والمستويات الإضافية.")
    if language != "en":
        structure(_LEVELS_HEADING[language])
        structure(_level_list(language, defined))
    for number in range(1, 8):
        if number in defined:
            texts = [f"{performs} {code} L{number} s{i}." for i in (1, 2)]
            if language != "en":
                texts = [" ".join(texts)]
        elif notes_on_undefined and language in ("de", "ru", "it"):
            texts = [f"{not_seen} {number}."]
        elif language == "ar" and number < min(defined):
            texts = []  # "المستوى1": a heading with no text
        else:
            continue
        structure(_level_heading(language, translated_name, number))
        for line in texts:
            content(line, expected.levels.setdefault(number, []))
    if chrome and language == "en":
        for line in ("No notes added yet.", "Comments", "0 comments"):
            page_chrome(line)
        page_chrome("Please sign in to leave a comment.")
    return lines, expected


_TAGLINES = {
    "de": "Der globale Kompetenz- und Kompetenzrahmen für eine digitale Welt",
    "it": "Le competenze globali e il quadro delle competenze per un mondo digitale",
}
_GUIDANCE = {
    "en": "Guidance notes",
    "de": "Leitfaden",
    "ru": "Методические рекомендации:",
    "it": "Note di orientamento",
    "ar": "ملاحظات إرشادية:",
}
_LEVELS_HEADING = {
    "de": "Ebenen",
    "ru": "Уровни ответственности за этот навык",
    "it": "Livelli di responsabilità per questa abilità",
    "ar": "مستويات المسؤولية عن هذه المهارة",
}


def _level_list(language, defined):
    numbers = sorted(defined)
    if language == "de":
        return "Definiert auf diesen Ebenen: " + " ".join(map(str, numbers))
    if language == "it":
        return " ".join(map(str, numbers))
    return " ".join(f"{number} |" for number in numbers)


def _level_heading(language, name, number):
    if language == "en":
        return f"Level {number}{PHRASES[number]}"
    word = {"de": "Ebene", "ru": "Уровень", "it": "Livello", "ar": "المستوى"}[language]
    if language == "ar":
        return f"{name}: {word}{number}"
    return f"{name}: {word} {number}"


SHAPES = [(1, 2, 3, 4, 5), (3, 4, 5, 6), (2, 3, 4, 5, 6, 7), (5, 6, 7), (4, 5)]


def code(index):
    """XAAA, XAAB, …: codes no real SFIA skill has."""
    return "X" + "".join(chr(65 + (index // 26**power) % 26) for power in (2, 1, 0))


def write_corpus(root, count, framework):
    """`count` synthetic skills in all five languages and layouts, spread over every
    subcategory of `framework`, with varied levels, bullets and blank lines."""
    places = [
        (category.name["en"], subcategory.name["en"])
        for category in framework.categories
        for subcategory in category.subcategories
    ]
    for index in range(count):
        write_skill(
            root,
            code(index),
            defined=SHAPES[index % len(SHAPES)],
            bullets=index % 9,
            blank_lines=index % 2 == 0,
            category=places[index % len(places)],
        )
    return [code(index) for index in range(count)]
