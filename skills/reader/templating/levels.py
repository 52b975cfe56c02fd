"""Levels of responsibility in templates: `{{ level_heading(level) }}` ("Level 3 — Apply")
and `{{ level_number(3) }}` ("Level 3"), the one place their markup is written."""

from django.utils.translation import get_language, gettext
from markupsafe import Markup

from skills.framework.models import ResponsibilityLevel
from skills.reader.text import translated


def level_heading(level):
    """A level of responsibility (the model) or a skill's level (reading.LevelOfSkill)."""
    phrase = level.guiding_phrase
    if isinstance(level, ResponsibilityLevel):
        phrase = translated(level, "guiding_phrase", get_language())
    return Markup("%s — %s") % (level_number(level.number), phrase.inline)


def level_number(number):
    # The message's markup trusted; the number, an int, has nothing to escape (Markup's own %
    # took a millisecond of a search page's fifty results).
    return Markup(gettext("Level <bdi>%(number)s</bdi>") % {"number": int(number)})
