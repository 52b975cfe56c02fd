"""The page in every language (context_processors.page_languages), in `base.html`:
`{{ language_alternates() }}` in the head (canonical and hreflang links) and
`{{ language_switcher() }}` in the header. Built here rather than in template loops because
every page has them, and the loops were a third of rendering a skill page
(docs/performance.md). Texts and addresses are escaped as in reading.py."""

from html import escape

from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from jinja2 import pass_context


@pass_context
def language_alternates(context):
    links = [f'<link rel="canonical" href="{escape(context["canonical_url"])}">']
    links += [
        f'<link rel="alternate" hreflang="{language["code"]}" href="{escape(language["url"])}">'
        for language in context["page_languages"]
    ]
    links.append(
        f'<link rel="alternate" hreflang="x-default" href="{escape(context["x_default_url"])}">'
    )
    return mark_safe("\n  ".join(links))


@pass_context
def language_switcher(context):
    """Each language named in itself; the page's own is not a link."""
    items = []
    for language in context["page_languages"]:
        code, direction, name = language["code"], language["dir"], escape(language["name"])
        if language["current"]:
            item = f'<span aria-current="page" lang="{code}" dir="{direction}">{name}</span>'
        else:
            url = escape(language["switch_url"])
            item = f'<a href="{url}" hreflang="{code}" lang="{code}" dir="{direction}">{name}</a>'
        items.append(f"\n    <li>{item}</li>")
    label = escape(gettext("Language"))
    return mark_safe(
        f'<nav class="language-switcher" aria-label="{label}">\n  <ul>{"".join(items)}\n  </ul>\n'
        "</nav>"
    )
