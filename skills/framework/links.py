"""Reversing URLs, remembered by each process: `remembered_reverse`.

One rule for which to use: `remembered_reverse` for the links a reader's page renders (its
templates' `url()`, `get_absolute_url`, the skill page, the page in every language), dozens to
hundreds a page; Django's own `reverse` everywhere else (a view's redirect, the sitemaps, the
admin), which reverses an address once a request, or every address once (the sitemaps), and
would only push the pages' links out of the memory.

A skill page links to some twenty addresses (each level's page, itself in each language),
and the skill list to 150; Django's `reverse` took a sixth of the time to render them. An
address depends only on the URL patterns, the language and the arguments, never on the
content, so each process keeps the ones it has reversed (the whole site has some 6,000; at
most 16,384 are kept, the least recently used dropped, so requests for made-up addresses
can't grow it) and forgets them if ROOT_URLCONF changes (in tests). (No middleware here
gives a request URL patterns of its own, request.urlconf; one that did would need it in the
key.)
"""

import functools
import unicodedata
from urllib.parse import quote

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import get_script_prefix, reverse
from django.utils.encoding import uri_to_iri
from django.utils.translation import get_language, override

from skills.framework.languages import SOURCE_LANGUAGE


def remembered(maxsize):
    """functools.lru_cache for what depends only on an address, except that arguments that
    can't be remembered (the sitemap view's dict of sitemaps) are worked out every time."""

    def decorate(function):
        cached = functools.lru_cache(maxsize=maxsize)(function)

        @functools.wraps(function)
        def call(*args):
            try:
                hash(args)
            except TypeError:
                return function(*args)
            return cached(*args)

        call.cache_clear, call.cache_info = cached.cache_clear, cached.cache_info
        return call

    return decorate


def remembered_reverse(viewname, args=(), kwargs=None, language=None):
    """django.urls.reverse, remembered, in `language` (the active one by default).
    NoReverseMatch is raised every time."""
    return _remembered(
        viewname,
        tuple(args),
        tuple(sorted((kwargs or {}).items())),
        language or get_language(),
        get_script_prefix(),
    )


@remembered(maxsize=16384)
def _remembered(viewname, args, kwargs, language, script_prefix):
    with override(language):
        return reverse(viewname, args=args, kwargs=dict(kwargs))


@receiver(setting_changed)
def forget_on_new_urls(*, setting, **kwargs):
    if setting == "ROOT_URLCONF":
        _remembered.cache_clear()


def stable_path(viewname, **kwargs):
    """The language-neutral address of a skill's, a level's or an attribute's page
    (`/skills/slmo/`): its stable URI in linked data and the API, which redirects each reader to
    the page in their language (LocaleMiddleware, as for every unprefixed address)."""
    path = remembered_reverse(viewname, kwargs=kwargs, language=SOURCE_LANGUAGE)
    prefix = f"{get_script_prefix()}{SOURCE_LANGUAGE}/"
    return get_script_prefix() + path.removeprefix(prefix)


def absolute(path):
    """`path` at the site's canonical address (settings.SFIA_SITE_URL), never at the host a
    request named: what the site publishes, and what its caches are keyed by."""
    return f"{settings.SFIA_SITE_URL}{path}"


def readable(address):
    """An address as a reader copies it off paper: percent-encoded letters decoded (an Arabic
    or Russian profile title is otherwise one unbreakable run of %D8%…), while spaces,
    invisible and control characters, which no one could copy off paper, stay encoded."""
    return "".join(
        quote(character) if unicodedata.category(character)[0] in "CZ" else character
        for character in uri_to_iri(address)
    )
