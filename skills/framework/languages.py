"""The site's languages, declared once: everything else (settings.LANGUAGES, modeltranslation's
columns, the switcher, the roles, the sources' languages) is derived from `SITE_LANGUAGES`.

Importable from the settings and the sources' parser: it needs no configured Django.
"""

from dataclasses import dataclass


def gettext_noop(message):
    """Marks a name for the catalogues (makemessages looks for the name), as Django's does;
    Django's reads the settings, which read this module."""
    return message


@dataclass(frozen=True)
class Language:
    code: str
    # In English: the admin's groups are named with it, and the UI shows it translated.
    name: str
    # In the language itself, as the language switcher shows it.
    own_name: str


# English first: it is the source, which every other language translates.
SITE_LANGUAGES = (
    Language("en", gettext_noop("English"), "English"),
    Language("de", gettext_noop("German"), "Deutsch"),
    Language("ru", gettext_noop("Russian"), "Русский"),
    Language("it", gettext_noop("Italian"), "Italiano"),
    Language("ar", gettext_noop("Arabic"), "العربية"),
)
SOURCE_LANGUAGE = SITE_LANGUAGES[0].code
LANGUAGE_CODES = tuple(language.code for language in SITE_LANGUAGES)
TRANSLATED_LANGUAGES = LANGUAGE_CODES[1:]
BY_CODE = {language.code: language for language in SITE_LANGUAGES}


def direction(code):
    """ "rtl" or "ltr", as Django decides it (settings.LANGUAGES_BIDI)."""
    from django.conf import settings

    return "rtl" if code.split("-")[0] in settings.LANGUAGES_BIDI else "ltr"


def negotiated(accept_language):
    """The site language an Accept-Language header prefers most (by quality, then order), or
    English where it names none of them; a header that is not one is taken to name none."""
    preferences = []
    for position, part in enumerate(accept_language.split(",")[:32]):
        tag, _, parameters = part.strip().partition(";")
        quality = 1.0
        name, _, value = parameters.strip().partition("=")
        if name.strip() == "q":
            try:
                quality = float(value)
            except ValueError:
                continue
        primary = tag.strip().split("-")[0].lower()
        if primary in BY_CODE and 0 < quality <= 1:
            preferences.append((-quality, position, primary))
    return min(preferences)[2] if preferences else SOURCE_LANGUAGE


def language_name(code):
    """The language's name in the active language ("Deutsch" in German, "German" in English)."""
    from django.utils.translation import get_language_info

    return str(get_language_info(code)["name_translated"])


def read_language_tag(tag):
    """The site language a language tag names, read as Django reads one ("DE", "de-CH" and
    "de-ch" are German: get_supported_language_variant), or None."""
    from django.utils.translation import get_supported_language_variant

    try:
        return get_supported_language_variant(tag.strip().lower())
    except LookupError:
        return None
