"""Source texts → dataclasses: pure Python, no Django.

`parse_text` reads one language's text of a skill (`layouts.LAYOUTS` says how each language
lays its page out); `read_sources` reads a folder of skill folders and checks them against
the framework (`read_framework`). Every problem is a `SourceError` naming its file and line.
"""

from skills.content.sources.errors import SourceError, SourceErrors
from skills.content.sources.folders import SkillSource, read_skill_folder, read_sources
from skills.content.sources.framework import (
    Category,
    Framework,
    ResponsibilityLevel,
    Subcategory,
    read_framework,
)
from skills.content.sources.layouts import LANGUAGES, LAYOUTS, Layout
from skills.content.sources.parser import Level, SkillText, parse_text

__all__ = [
    "LANGUAGES",
    "LAYOUTS",
    "Category",
    "Framework",
    "Layout",
    "Level",
    "ResponsibilityLevel",
    "SkillSource",
    "SkillText",
    "SourceError",
    "SourceErrors",
    "Subcategory",
    "parse_text",
    "read_framework",
    "read_skill_folder",
    "read_sources",
]
