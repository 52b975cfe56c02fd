"""The reader's pages are Jinja2 templates (templates/jinja2/); the admin keeps Django's.

Jinja2, Django's other built-in template backend, compiles a template to Python: an uncached
skill page renders in about three quarters of the time Django's engine took, which the speed
target needed (docs/performance.md). The templates keep to what `makemessages` reads, so the
translators' workflow is unchanged: every message is `{{ _("…") }}`, alone at the start of its
`{{ }}` (gettext: escaped like `{% translate %}`), or `{% set name = _("…") %}` to translate it
once for a loop; a message with markup or values adds
`|fill(name=…)`, which trusts the translators' markup and escapes the values, as
`{% blocktranslate %}` does; plurals are built here (`skills_defined`, `defined_at_levels`,
`nearest_defined_levels`), in search.py (the search page's counts) and in profiles.py (the
profile page's), since `makemessages` reads no `ngettext` in a template. A message
written any other way is missed by `makemessages`: the page would show it in English, which
the tests of every page in every language catch.

All HTML is the templates' (autoescaped), or built with format_html: no value reaches a page
unescaped.
"""

import itertools
import operator
import re

import jinja2
from django.template.defaultfilters import truncatechars
from django.templatetags.static import static
from django.utils.html import escape
from django.utils.translation import get_language, gettext, gettext_noop, ngettext, override
from markupsafe import Markup

from skills.framework import links
from skills.framework.languages import TRANSLATED_LANGUAGES, direction
from skills.reader.templating import profiles, search
from skills.reader.templating.levels import level_heading, level_number
from skills.reader.text import together, translated


def environment(**options):
    # A missing variable is a mistake in the template: an error, not an empty string.
    options["undefined"] = jinja2.StrictUndefined
    # Pages end as they did with Django's engine, with a newline.
    options["keep_trailing_newline"] = True
    env = jinja2.Environment(**options)
    env.globals.update(
        _=gettext,
        static=static,
        url=url,
        translated=translated_in_page_language,
        translated_text=translated_text,
        together=together,
        skills_defined=skills_defined,
        defined_at_levels=defined_at_levels,
        nearest_defined_levels=nearest_defined_levels,
        level_heading=level_heading,
        level_number=level_number,
        server_error_texts=server_error_texts,
        direction=direction,
        results_found=search.results_found,
        query_cut=search.query_cut,
        query_words_cut=search.query_words_cut,
        isolated=search.isolated,
        result_name=search.result_name,
        skills_in_profile=profiles.skills_in_profile,
        rejected_reason=profiles.rejected_reason,
        readable_address=readable_address,
    )
    env.filters.update(fill=fill, regroup=regroup, truncatechars=truncatechars)
    return env


def url(viewname, *args, **kwargs):
    """`{{ url('skills:skill_level', code=skill.code, level=3) }}`: Django's `{% url %}`,
    remembered by each process (links.remembered_reverse)."""
    return links.remembered_reverse(viewname, args, kwargs)


# Where a printed address may break: after each of its separators.
ADDRESS_BREAKS = re.compile(r"(?<=[/?&=+])(?!/|$)")


def readable_address(address):
    """An address as printed (links.readable), with a break allowed after each separator: one
    unbreakable run of %D8%… shrank or cut off the printed page."""
    parts = ADDRESS_BREAKS.split(links.readable(address))
    return Markup("<wbr>").join(escape(part) for part in parts)


def fill(message, **values):
    """A translated message with its markup trusted and its values escaped."""
    return Markup(message) % values


def regroup(items, attribute):
    """[(value, items), …] for each run of items with the same `attribute` (dotted), in their
    order, as Django's `{% regroup %}` (Jinja's `groupby` sorts first)."""
    key = operator.attrgetter(attribute)
    return [(value, list(group)) for value, group in itertools.groupby(items, key)]


def translated_in_page_language(obj, field):
    """`{{ translated(attribute, "description").paragraphs }}`: a model's translated field as
    a text.Translated, English standing in, marked, where a translation is missing; its
    `.inline`, `.paragraphs` or `.items` render it."""
    return translated(obj, field, get_language())


def translated_text(obj, field):
    """A model's translated field inline (in a heading or a link), English standing in,
    marked, where a translation is missing."""
    return translated_in_page_language(obj, field).inline


# The server error page is rendered without a request, so it says this in every language.
SERVER_ERROR = gettext_noop("Something went wrong on our side. Please try again in a moment.")


def server_error_texts():
    """The server error message in each translated language: (code, direction, text)."""
    texts = []
    for code in TRANSLATED_LANGUAGES:
        with override(code):
            texts.append((code, direction(code), gettext(SERVER_ERROR)))
    return texts


def skills_defined(count):
    return ngettext(
        "%(counter)s skill defined at this level",
        "%(counter)s skills defined at this level",
        count,
    ) % {"counter": count}


def defined_at_levels(count):
    """The heading over a skill's defined levels (at most seven, so no number is needed)."""
    return ngettext("Defined at this level", "Defined at these levels", count)


def nearest_defined_levels(count):
    """What leads to the one or two defined levels nearest an undefined one."""
    return ngettext(
        "The nearest level where it is defined:", "The nearest levels where it is defined:", count
    )
