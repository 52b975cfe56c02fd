"""Levels of responsibility in templates: `{{ level_heading(level) }}` ("Level 3 — Apply")."""

from django.utils.html import format_html
from django.utils.translation import get_language, gettext
from markupsafe import Markup

from ..models import ResponsibilityLevel
from ..reading import translated


def level_heading(level):
    """A level of responsibility (the model) or a skill's level (reading.LevelOfSkill)."""
    phrase = level.guiding_phrase
    if isinstance(level, ResponsibilityLevel):
        phrase = translated(level, "guiding_phrase", get_language())
    # The message's markup trusted and its value escaped, as `fill` does.
    number = Markup(gettext("Level <bdi>%(number)s</bdi>")) % {"number": level.number}
    return format_html("{} — {}", number, phrase.inline)
