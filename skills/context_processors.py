"""What every page's template needs: the page in each language, and the attribution."""

from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import translation

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

    Each URL is translated from this page's own path while its language is active, so a
    direct link to /de/… switches correctly whatever the language cookie says.
    """
    current = translation.get_language()
    resolved = getattr(request, "resolver_match", None) is not None
    languages = []
    for code, _ in settings.LANGUAGES:
        if resolved:
            path = translate_url(request.path, code)
        else:  # no such page: offer each language's home page
            with translation.override(code):
                path = reverse("skills:home")
        languages.append(
            {
                "code": code,
                "name": LANGUAGE_NAMES[code],
                "dir": "rtl" if translation.get_language_info(code)["bidi"] else "ltr",
                "current": code == current,
                "url": request.build_absolute_uri(path),
                "switch_url": reverse("choose_language", args=[code])
                + "?"
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


def attribution(request):
    """Who the content belongs to, for every page's footer."""
    return {"SFIA_ATTRIBUTION": settings.SFIA_ATTRIBUTION}
