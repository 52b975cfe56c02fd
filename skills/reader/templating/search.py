"""The search page's words that need Python: its counts, in each language's plural forms
(`makemessages` reads no `ngettext` in a template), and a result's name, English standing in
marked as such."""

from django.utils.html import format_html
from django.utils.translation import get_language, ngettext
from markupsafe import Markup

from skills.reader.text import Translated


def results_found(count, query):
    """ "3 results for “negotiation”", the query isolated (it may run either way)."""
    message = ngettext(
        "%(count)s result for “%(query)s”", "%(count)s results for “%(query)s”", count
    )
    return Markup(message) % {"count": count, "query": isolated(query)}


def query_cut(length):
    return ngettext(
        "Your search was cut to its first %(count)s character.",
        "Your search was cut to its first %(count)s characters.",
        length,
    ) % {"count": length}


def query_words_cut(count):
    return ngettext(
        "Your search was cut to its first %(count)s word.",
        "Your search was cut to its first %(count)s words.",
        count,
    ) % {"count": count}


def isolated(query):
    return format_html("<bdi>{}</bdi>", query)


def result_name(hit):
    """The skill's or attribute's name as the result links to it: in the page's language, or
    the English standing in, marked lang="en" with a note."""
    return Translated(hit.name, fallback=hit.name_language != get_language()).inline
