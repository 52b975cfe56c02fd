"""Levels of responsibility in templates: `{{ level_heading(level) }}` ("Level 3 — Apply"),
and on a skill page `{{ defined_level_links(skill) }}` and `{{ skill_levels(skill) }}`, its
level sections. The skill page's are built here rather than in template loops because they
were most of the rendering of the busiest page (docs/performance.md). Texts are escaped as in
reading.py."""

from html import escape

from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext

from ..models import ResponsibilityLevel
from ..reading import translated


def numbered(message, number):
    """A translated message around a level number, marked up as its translators wrote it (as
    `blocktranslate` gives it)."""
    return message % {"number": int(number)}


def level_heading(level):
    """A level of responsibility (the model) or a skill's level (reading.LevelOfSkill)."""
    phrase = level.guiding_phrase
    if isinstance(level, ResponsibilityLevel):
        phrase = translated(level, "guiding_phrase", get_language())
    return _heading(gettext("Level <bdi>%(number)s</bdi>"), level.number, phrase)


def _heading(message, number, phrase):
    return mark_safe(f"{numbered(message, number)} — {phrase.inline}")


def defined_level_links(skill):
    """Links to the sections of the levels where the skill is defined."""
    items = "".join(
        f'\n      <li><a href="#level-{number}"><bdi>{number}</bdi></a></li>'
        for number in skill.defined_levels
    )
    return mark_safe(f'<ul class="defined-levels">{items}\n    </ul>')


def skill_levels(skill):
    """The sections of a skill page (reading.SkillPage), one a level."""
    # Each message translated once for the seven levels.
    heading = gettext("Level <bdi>%(number)s</bdi>")
    not_defined = escape(gettext("This skill is not defined at this level."))
    link = gettext("This skill at level <bdi>%(number)s</bdi> on its own page")
    sections = []
    for level in skill.levels:
        number = level.number
        undefined = "" if level.defined else " undefined"
        note = "" if level.defined else f'<p class="not-defined">{not_defined}</p>'
        url = escape(level.get_absolute_url())
        sections.append(
            f"""
    <section id="level-{number}" class="level{undefined}" aria-labelledby="level-{number}-heading">
      <h3 id="level-{number}-heading">{_heading(heading, number, level.guiding_phrase)}</h3>
      {note}{level.description.paragraphs}
      <p class="level-link"><a href="{url}">{numbered(link, number)}</a></p>
    </section>"""
        )
    return mark_safe("".join(sections))
