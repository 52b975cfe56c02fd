"""A synthetic workbook in the official layout, with invented text in any of the five languages
(for the tests and bench/, not content).

Its cells are as the published workbook's: line breaks as \\r\\n, U+00A0 and U+2019 in the
texts, guidance notes with prose, a lead-in line, a blank line and one item a line (and a
trailing line break), or empty. `skill_texts` and `attribute_texts` say what each row's cells
should become in the database, so tests check the import against texts they did not
hand-copy. The skills have synthetic.py's codes and shapes of defined levels, so a corpus of
147 is the same skills, in the same languages, as `write_corpus`'s.
"""

from dataclasses import dataclass

from skills.content.synthetic import SHAPES, WORDS, code
from skills.content.workbook.layout import (
    ATTRIBUTES,
    ATTRIBUTES_WITHOUT_URL,
    LEVELS,
    LEVELS_URL_PATH,
    SKILLS,
    SKILLS_WITHOUT_URL,
    address,
    header_row,
    join_guidance,
    levels_rows,
    table_row,
)
from skills.content.workbook.writer import write_csv, write_xlsx
from skills.framework.levels import LEVEL_NUMBERS

LINE_BREAK = "\r\n"
# Invented names, in each language's own script, so a leak from one language to another shows.
PLACES = {
    "en": ("Invented category", "Invented subcategory"),
    "de": ("Erfundene Kategorie", "Erfundene Unterkategorie"),
    "ru": ("Выдуманная категория", "Выдуманная подкатегория"),
    "it": ("Categoria inventata", "Sottocategoria inventata"),
    "ar": ("فئة مخترعة", "فئة فرعية مخترعة"),
}
ATTRIBUTE_WORDS = {
    "en": ("Invented attribute", "Invented attributes", "Invented factors"),
    "de": ("Erfundenes Merkmal", "Erfundene Merkmale", "Erfundene Faktoren"),
    "ru": ("Выдуманный атрибут", "Выдуманные атрибуты", "Выдуманные факторы"),
    "it": ("Attributo inventato", "Attributi inventati", "Fattori inventati"),
    "ar": ("سمة مخترعة", "سمات مخترعة", "عوامل مخترعة"),
}
LEVEL_WORDS = {
    "en": ("Invented phrase", "Invented essence of level"),
    "de": ("Erfundene Leitphrase", "Erfundener Kern der Ebene"),
    "ru": ("Выдуманная фраза", "Выдуманная суть уровня"),
    "it": ("Frase inventata", "Essenza inventata del livello"),
    "ar": ("عبارة مخترعة", "جوهر مخترع للمستوى"),
}


@dataclass(frozen=True)
class SyntheticSkill:
    index: int
    code: str
    defined: tuple
    category: int
    subcategory: int
    guidance: bool = True


@dataclass(frozen=True)
class SyntheticAttribute:
    index: int
    code: str
    defined: tuple
    group: int  # 1: the attributes, 2: the factors
    guidance_list: bool


def corpus_skills(count):
    """`count` skills: the first defined at level 1 only, the second at 6–7 only, the third
    with no guidance notes; then synthetic.py's shapes, over three invented categories."""
    skills = []
    for index in range(count):
        defined = {0: (1,), 1: (6, 7)}.get(index, SHAPES[index % len(SHAPES)])
        category = index % 3 + 1
        skills.append(
            SyntheticSkill(index, code(index), defined, category, index % 2 + 1, index != 2)
        )
    return skills


def corpus_attributes(count):
    """`count` attributes, a quarter of them (at least one) in the first group, defined at
    every level; the others in the second, some at 2–7; half with a list in their notes."""
    first_group = max(1, count // 4)
    return [
        SyntheticAttribute(
            index,
            "Y" + code(index)[1:],
            tuple(LEVEL_NUMBERS) if index < first_group or index % 2 else (2, 3, 4, 5, 6, 7),
            1 if index < first_group else 2,
            index % 2 == 1,
        )
        for index in range(count)
    ]


SAMPLE_SKILLS = corpus_skills(5)
SAMPLE_ATTRIBUTES = corpus_attributes(3)


def translated(language, index, which):
    """Whether a translation has the text `which` of row `index`: each leaves some out."""
    if language == "en":
        return True
    return {"description": index % 4 != 3, "guidance": index % 5 != 4, "top level": index % 3 != 2}[
        which
    ]


def skill_texts(skill, language):
    """What the row of `skill` holds in `language`, as the database should store it (lines
    joined by \\n); None where the cell is empty."""
    name, describes, intro, performs, _ = WORDS[language]
    index, skill_code = skill.index, skill.code
    top = max(skill.defined)
    return {
        "name": f"{name} {skill_code}",
        "description": f"{describes} {skill_code}: first sentence.\n"
        f"{describes} {skill_code}: second\u00a0sentence, it’s here."
        if translated(language, index, "description")
        else None,
        "guidance_intro": f"{describes} {skill_code}: a line of prose.\n{intro}"
        if skill.guidance and translated(language, index, "guidance")
        else None,
        "guidance_notes": "\n".join(
            f"{performs} {skill_code} #{number} – with\u00a0’" for number in (1, 2, 3)
        )
        if skill.guidance and translated(language, index, "guidance")
        else None,
        "category": f"{PLACES[language][0]} {skill.category}",
        "subcategory": f"{PLACES[language][1]} {skill.category}.{skill.subcategory}",
        "levels": {
            number: f"{performs} {skill_code} L{number} s1.\n{performs} {skill_code} L{number} "
            "s2\u00a0end."
            for number in skill.defined
            if number != top or translated(language, index, "top level")
        },
    }


def attribute_texts(attribute, language):
    name, group_1, group_2 = ATTRIBUTE_WORDS[language]
    _, describes, intro, performs, _ = WORDS[language]
    index, attribute_code = attribute.index, attribute.code
    prose = f"{describes} {attribute_code}: prose\u00a0notes."
    return {
        "name": f"{name} {attribute_code}",
        "description": f"{describes} {attribute_code}: what it is."
        if translated(language, index, "description")
        else None,
        "guidance_intro": f"{prose}\n{intro}" if attribute.guidance_list else prose,
        "guidance_notes": f"{performs} {attribute_code} #1\n{performs} {attribute_code} #2"
        if attribute.guidance_list
        else None,
        "type": group_1 if attribute.group == 1 else group_2,
        "levels": {
            number: f"{describes} {attribute_code} at level {number}.\nIt’s\u00a0so."
            for number in attribute.defined
        },
    }


def level_texts(number, language):
    phrase, essence = LEVEL_WORDS[language]
    return {
        "guiding_phrase": f"{phrase} {number}",
        "essence": f"{essence} {number}.\nA second\u00a0line, it’s there.",
    }


def cell(text, line_break):
    return text.replace("\n", line_break) if text is not None else None


def _guidance_cell(texts, line_break):
    if texts["guidance_intro"] is None:
        return None
    items = texts["guidance_notes"].split("\n") if texts["guidance_notes"] else []
    # As published: a blank line after the lead-in, and often a line break at the end.
    return cell(join_guidance(texts["guidance_intro"].split("\n"), items) + "\n", line_break)


def _row(texts, defined, line_break):
    values = {
        "name": texts["name"],
        "description": cell(texts["description"], line_break),
        "guidance": _guidance_cell(texts, line_break),
    }
    for number in defined:
        values[f"mark {number}"] = number
    for number, text in texts["levels"].items():
        values[f"level {number}"] = cell(text, line_break)
    return values


def workbook_sheets(
    language="en",
    skills=SAMPLE_SKILLS,
    attributes=SAMPLE_ATTRIBUTES,
    *,
    edition=9,
    line_break=LINE_BREAK,
):
    """{sheet name: rows of cell values}, header rows included. Edition 8 is laid out as
    SFIA 8's workbook, without the URL columns."""
    skills_layout = SKILLS if edition >= 9 else SKILLS_WITHOUT_URL
    attributes_layout = ATTRIBUTES if edition >= 9 else ATTRIBUTES_WITHOUT_URL
    skill_rows = [header_row(skills_layout)]
    for number, skill in enumerate(skills, start=1):
        texts = skill_texts(skill, language)
        values = _row(texts, skill.defined, line_break) | {
            "number": number,
            "code": skill.code,
            "url": address(skills_layout.url_path, language, edition, skill.code),
            "category": texts["category"],
            "subcategory": texts["subcategory"],
        }
        skill_rows.append(table_row(skills_layout, values))
    attribute_rows = [header_row(attributes_layout)]
    for attribute in attributes:
        texts = attribute_texts(attribute, language)
        values = _row(texts, attribute.defined, line_break) | {
            "code": attribute.code,
            "url": address(attributes_layout.url_path, language, edition, attribute.code),
            "type": texts["type"],
        }
        attribute_rows.append(table_row(attributes_layout, values))
    levels = {number: level_texts(number, language) for number in LEVEL_NUMBERS}
    level_rows = levels_rows(
        {
            "number": {number: number for number in LEVEL_NUMBERS},
            "guiding_phrase": {n: texts["guiding_phrase"] for n, texts in levels.items()},
            "essence": {n: cell(texts["essence"], line_break) for n, texts in levels.items()},
            "url": {n: address(LEVELS_URL_PATH, language, edition, n) for n in LEVEL_NUMBERS},
        }
    )
    return {"Skills": skill_rows, "Attributes": attribute_rows, LEVELS: level_rows}


def write_workbook(path, sheets):
    """`sheets` (workbook_sheets, perhaps changed by a test) as an .xlsx at `path`."""
    write_xlsx(path, sheets)
    return path


def write_csv_files(folder, sheets):
    """Each sheet as `<folder>/<sheet>.csv`, as exported from a spreadsheet; their paths."""
    paths = []
    for name, rows in sheets.items():
        path = folder / f"{name.lower()}.csv"
        write_csv(path, rows)
        paths.append(path)
    return paths
