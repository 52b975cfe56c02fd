"""This page in every language: the language switcher's links, the hreflang alternates and
the canonical URL, worked out once for each address by each process; the few query
parameters a page is made from (a search's `q`) are added to them on each request."""

from urllib.parse import urlencode

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import NoReverseMatch, get_script_prefix
from django.utils import translation
from django.utils.encoding import iri_to_uri

from skills.framework import narrowing, profiles
from skills.framework.languages import BY_CODE, LANGUAGE_CODES, direction
from skills.framework.links import remembered, remembered_reverse

# The query parameters that make a page what it is, by view, as the page reads them: kept in
# its addresses in every language. A search's `q` (its last value, as the page reads it); a
# profile's title and every entry, repeated, in their canonical form (skills/framework/
# profiles.py); a narrowed grid's category and level (skills/framework/narrowing.py). Every
# other parameter is left out, as the pages ignore them (a profile's form
# steps too).
KEPT_QUERY_PARAMETERS = {
    "skills:search": lambda query: urlencode([("q", query["q"])]) if "q" in query else "",
    "skills:profile": profiles.canonical_query,
    "skills:skill_list": narrowing.canonical_query,
}


def page_languages(request):
    """This page in every language: the switcher's links, hreflang alternates, canonical URL.

    Each URL is reversed, in its language, from the view and arguments this page was resolved
    to, so a direct link to /de/… switches correctly whatever the language cookie says. Like
    the URLs themselves (skills/framework/links.py), they depend only on the address, so each
    process keeps them (the templates only read them).
    """
    match = getattr(request, "resolver_match", None)
    # A page's address is one of the URL patterns' (codes of eight characters at most); an
    # address outside every pattern (a 404) is anything a request names, up to the server's
    # limit on a request line: worked out each time, so that made-up addresses, however long,
    # can't fill the memory.
    work_out = _page_languages if match else _page_languages.__wrapped__
    languages = work_out(
        translation.get_language(),
        settings.SFIA_SITE_URL,
        get_script_prefix(),
        request.path,
        match and match.view_name,
        match and tuple(match.args),
        match and tuple(sorted(match.kwargs.items())),
    )
    kept = KEPT_QUERY_PARAMETERS.get(match and match.view_name)
    query = kept(request.GET) if kept else ""
    return with_query(languages, query) if query else languages


def with_query(languages, query):
    """`languages` (as _page_languages remembers them, per address only) with `query` added to
    each address: outside the memory, so no query string can fill it."""
    in_each = tuple(
        {
            **language,
            "url": f"{language['url']}?{query}",
            "switch_url": _switch_url(language["code"], f"{language['path']}?{query}"),
        }
        for language in languages["page_languages"]
    )
    current = next((language for language in in_each if language["current"]), None)
    return {
        **languages,
        "page_languages": in_each,
        "canonical_url": current and current["url"],
        "x_default_url": f"{languages['x_default_url']}?{query}",
    }


@remembered(maxsize=4096)
def _page_languages(current, origin, script_prefix, path, view_name, args, kwargs):
    languages = []
    for code in LANGUAGE_CODES:
        page = _path_in(code, view_name, args, dict(kwargs or ()), path, script_prefix, current)
        languages.append(
            {
                "code": code,
                "name": BY_CODE[code].own_name,
                "dir": direction(code),
                "current": code == current,
                "path": page,
                "url": origin + iri_to_uri(page),
                "switch_url": _switch_url(code, page),
            }
        )
    by_code = {language["code"]: language for language in languages}
    # x-default: the address without a language, which sends each reader to their own (as
    # django.contrib.sitemaps names it too); for a comparison, its English page, as that
    # address would compare some readers' language with itself.
    default = by_code[settings.LANGUAGE_CODE]["url"]
    if "other" not in dict(kwargs or ()):
        default = default.replace(f"/{settings.LANGUAGE_CODE}/", "/", 1)
    return {
        "page_languages": tuple(languages),
        "canonical_url": by_code[current]["url"] if current in by_code else None,
        "page_language_name": BY_CODE[current].own_name if current in BY_CODE else None,
        "x_default_url": default,
    }


def _switch_url(code, page):
    """The language switcher's link to `page` in the language `code`."""
    return f"{remembered_reverse('choose_language', args=[code])}?" + urlencode({"next": page})


@receiver(setting_changed)
def forget_on_new_urls(*, setting, **kwargs):
    if setting in ("ROOT_URLCONF", "LANGUAGE_CODE", "LANGUAGES_BIDI"):
        _page_languages.cache_clear()


def _path_in(language, view_name, args, kwargs, path, script_prefix, current=None):
    """The path of the page `view_name` names, in `language`; `path` itself where the view
    can't be reversed (an unnamed view), as translate_url does. For no page (a 404 outside
    every URL pattern), `path` with its language prefix swapped, so a mistyped address stays
    put while the reader changes language (as it does where a view raises the 404); a path
    with no language of ours gets that language's home page: LocaleMiddleware would have
    redirected it had it a page in any language. A page comparing `current` with `language`
    (/de/…/compare/en/) is, in `language`, the same two swapped (/en/…/compare/de/): a
    language compared with itself is no page."""
    if view_name is None:
        return _with_language_prefix(path, script_prefix, language) or remembered_reverse(
            "skills:home", language=language
        )
    if kwargs.get("other") == language and current:
        kwargs = {**kwargs, "other": current}
    try:
        return remembered_reverse(view_name, args, kwargs, language=language)
    except NoReverseMatch:
        return path


def _with_language_prefix(path, script_prefix, language):
    """`path` with its language prefix (after the script prefix) replaced by `language`'s;
    None if it has none."""
    prefix, _, rest = path.removeprefix(script_prefix).partition("/")
    if not path.startswith(script_prefix) or prefix not in LANGUAGE_CODES:
        return None
    return f"{script_prefix}{language}/{rest}"
