"""What every page's template needs: the page in each language, and the attribution."""

from urllib.parse import urlencode

from django.conf import settings
from django.urls import NoReverseMatch
from django.utils import translation

from .content import LANGUAGE_CODES
from .links import reverse

# Each language named in itself, as the switcher shows it.
LANGUAGE_NAMES = {
    "en": "English",
    "de": "Deutsch",
    "ru": "Русский",
    "it": "Italiano",
    "ar": "العربية",
}


def page_languages(request):
    """This page in every language: the switcher's links, hreflang alternates, canonical URL.

    Each URL is reversed, in its language, from the view and arguments this page was resolved
    to, so a direct link to /de/… switches correctly whatever the language cookie says.
    """
    current = translation.get_language()
    match = getattr(request, "resolver_match", None)
    languages = []
    for code in LANGUAGE_CODES:
        path = _path_in(code, match, request.path)
        languages.append(
            {
                "code": code,
                "name": LANGUAGE_NAMES[code],
                "dir": "rtl" if code in settings.LANGUAGES_BIDI else "ltr",
                "current": code == current,
                "url": request.build_absolute_uri(path),
                "switch_url": f"{reverse('choose_language', args=[code])}?"
                + urlencode({"next": path}),
            }
        )
    by_code = {language["code"]: language for language in languages}
    # x-default: the address without a language, which sends each reader to their own (as
    # django.contrib.sitemaps names it too).
    default = by_code[settings.LANGUAGE_CODE]["url"]
    return {
        "page_languages": languages,
        "canonical_url": by_code[current]["url"] if current in by_code else None,
        "x_default_url": default.replace(f"/{settings.LANGUAGE_CODE}/", "/", 1),
    }


def _path_in(language, match, path):
    """The path of the page `match` names, in `language`; for no page (a 404 outside every
    URL pattern), that language's home page; `path` itself where the view can't be reversed
    (an unnamed view), as translate_url does."""
    if match is None:
        return reverse("skills:home", language=language)
    try:
        return reverse(match.view_name, match.args, match.kwargs, language=language)
    except NoReverseMatch:
        return path


def attribution(request):
    """Who the content belongs to, for every page's footer."""
    return {"SFIA_ATTRIBUTION": settings.SFIA_ATTRIBUTION}
