"""The database's content in one language → the official workbook's layout (SFIA 9's, with its
URL column), for `import_spreadsheet` to read back.

A text with no translation is an empty cell, never the English. What the workbook has no
place for stays out, and is counted: a skill's notes on responsibility and development, and
a level's text where the skill (or attribute) is not defined there, which the workbook
cannot hold (its import refuses a description at a level not marked).
"""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Prefetch

from skills.content.fields import localized
from skills.content.workbook.layout import (
    ATTRIBUTES,
    EDITION,
    LEVELS,
    LEVELS_URL_PATH,
    SKILLS,
    address,
    header_row,
    join_guidance,
    levels_rows,
    table_row,
)
from skills.content.workbook.writer import write_xlsx
from skills.content.writing import amount
from skills.framework.levels import LEVEL_NUMBERS
from skills.framework.models import (
    AttributeLevel,
    Edition,
    GenericAttribute,
    ResponsibilityLevel,
    Skill,
    SkillLevel,
)

# The fields of a skill the workbook has no column for.
NOT_IN_THE_WORKBOOK = ("responsibility_notes", "development_notes")


@dataclass
class ExportReport:
    skills: int = 0
    attributes: int = 0
    levels: int = 0
    # What stayed out: "skills' responsibility notes" → how many texts.
    left_out: Counter = field(default_factory=Counter)

    def lines(self, path, language):
        lines = [
            f"Wrote {path} [{language}]: {amount(self.skills, 'skill')}, "
            f"{amount(self.attributes, 'attribute')}, {amount(self.levels, 'level')} of "
            "responsibility."
        ]
        lines += [
            f"Left out, as the workbook has no place for them: {count} {what}."
            for what, count in sorted(self.left_out.items())
        ]
        return lines


def export_workbook(path, language):
    """Write the content in `language` to `path` (.xlsx); return an ExportReport."""
    report = ExportReport()
    edition = Edition.objects.filter(pk=1).values_list("name", flat=True).first()
    matched = EDITION.fullmatch(edition or "")
    edition_number = matched[1] if matched else None
    sheets = {
        "Skills": [header_row(SKILLS), *_skill_rows(language, edition_number, report)],
        "Attributes": [header_row(ATTRIBUTES), *_attribute_rows(language, edition_number, report)],
        LEVELS: _level_rows(language, edition_number, report),
    }
    write_xlsx(path, sheets)
    return report


def _text(instance, name, language):
    return getattr(instance, localized(name, language)) or None


def _lines(text):
    return text.split("\n") if text else []


def _row_values(instance, language, edition_number, url_path, levels, report, noun):
    """The cells a skill's and an attribute's rows share: marks, code, URL, texts, levels."""
    values = {
        "code": instance.code,
        "url": (
            address(url_path, language, edition_number, instance.code) if edition_number else None
        ),
        "name": _text(instance, "name", language),
        "description": _text(instance, "description", language),
        "guidance": join_guidance(
            _lines(_text(instance, "guidance_intro", language)),
            _lines(_text(instance, "guidance_notes", language)),
        )
        or None,
    }
    for level in levels:
        text = _text(level, "description", language)
        if level.defined:
            values[f"mark {level.level_id}"] = level.level_id
            values[f"level {level.level_id}"] = text
        elif text:
            report.left_out[f"{noun} level texts where the {noun} is not defined"] += 1
    return values


def _skill_rows(language, edition_number, report):
    skills = Skill.objects.in_framework_order().prefetch_related(
        Prefetch("levels", queryset=SkillLevel.objects.order_by("level"))
    )
    for row_number, skill in enumerate(skills, start=1):
        values = _row_values(
            skill, language, edition_number, SKILLS.url_path, skill.levels.all(), report, "skill"
        )
        values |= {
            "number": row_number,
            "category": _text(skill.subcategory.category, "name", language),
            "subcategory": _text(skill.subcategory, "name", language),
        }
        for name in NOT_IN_THE_WORKBOOK:
            if _text(skill, name, language):
                report.left_out[f"skills' {name.replace('_', ' ')}"] += 1
        report.skills += 1
        yield table_row(SKILLS, values)


def _attribute_rows(language, edition_number, report):
    attributes = GenericAttribute.objects.select_related("group").prefetch_related(
        Prefetch("levels", queryset=AttributeLevel.objects.order_by("level"))
    )
    for attribute in attributes:
        values = _row_values(
            attribute,
            language,
            edition_number,
            ATTRIBUTES.url_path,
            attribute.levels.all(),
            report,
            "attribute",
        )
        values["type"] = _text(attribute.group, "name", language)
        report.attributes += 1
        yield table_row(ATTRIBUTES, values)


def _level_rows(language, edition_number, report):
    levels = list(ResponsibilityLevel.objects.all())
    report.levels = len(levels)
    return levels_rows(
        {
            # Every column is numbered, a level the database lacks too: the sheet's shape.
            "number": {number: number for number in LEVEL_NUMBERS},
            "guiding_phrase": {
                level.number: _text(level, "guiding_phrase", language) for level in levels
            },
            "essence": {level.number: _text(level, "essence", language) for level in levels},
            "url": {
                level.number: address(LEVELS_URL_PATH, language, edition_number, level.number)
                for level in levels
                if edition_number
            },
        }
    )
