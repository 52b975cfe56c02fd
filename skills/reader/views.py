"""Reader pages: one short view each. Queries live in the models' QuerySet methods. Each view
names the translated texts its page shows, for the page's note on their review
(page_review.py)."""

import functools

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, translate_url
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers
from django.utils.formats import date_format
from django.utils.html import format_html, strip_tags
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from skills.framework import narrowing, profiles
from skills.framework.languages import LANGUAGE_CODES
from skills.framework.levels import LEVEL_NUMBERS
from skills.framework.links import absolute
from skills.framework.models import (
    AttributeLevel,
    GenericAttribute,
    ResponsibilityLevel,
)
from skills.framework.text import find_character_problem
from skills.reader.compare_page import (
    attribute_side_by_side,
    level_side_by_side,
    skill_side_by_side,
)
from skills.reader.level_page import skills_defined_at
from skills.reader.linked_data import json_ld_script, skill_term
from skills.reader.page_review import page_review, texts_of
from skills.reader.profile_downloads import DOWNLOADS, download
from skills.reader.profile_page import read_profile_page
from skills.reader.skill_grid import read_grid, skills_by_initial
from skills.reader.skill_page import read_skill_page
from skills.reader.templating.levels import level_heading
from skills.reader.text import translated
from skills.search import engine

# The URL arguments that are codes, lower case in every canonical address.
CODES_IN_URLS = ("code", "other")


def canonical_code(view):
    """Answer a skill's or an attribute's code (or a compared language's) in any other case
    with a permanent redirect to its lower case."""

    @functools.wraps(view)
    def wrapper(request, **kwargs):
        lowered = {
            name: value.lower() if name in CODES_IN_URLS else value
            for name, value in kwargs.items()
        }
        if lowered != kwargs:
            return redirect(request.resolver_match.view_name, permanent=True, **lowered)
        return view(request, **kwargs)

    return wrapper


def home(request):
    levels = ResponsibilityLevel.objects.all()
    review = page_review(texts_of(levels, "guiding_phrase"))
    return render(request, "skills/home.html", {"levels": levels, "translation_review": review})


def skill_list(request):
    """The whole framework as a grid: a row a skill, a column a level; narrowed to a category
    and/or to the skills defined at a level, as its form asks (`?category=…&level=…`)."""
    grid = read_grid(narrowing.parse(request.GET))
    names = texts_of(grid.skills, "name", "subcategory.name", "subcategory.category.name")
    context = {
        "grid": grid,
        "skills": grid.skills,
        "defined_levels": grid.defined_levels,
        "level_numbers": LEVEL_NUMBERS,
        "translation_review": page_review(names),
    }
    response = render(request, "skills/skill_list.html", context)
    if grid.unused:
        # A page naming what isn't there is not kept: made-up values must not fill the cache.
        add_never_cache_headers(response)
    return response


def skill_index(request):
    """Every skill from A to Z by its name in the page's language."""
    by_initial = skills_by_initial(translation.get_language())
    names = [skill.name for _, skills in by_initial for skill in skills]
    context = {"by_initial": by_initial, "translation_review": page_review(names)}
    return render(request, "skills/skill_index.html", context)


def skill_page_or_404(code):
    skill = read_skill_page(code.upper(), translation.get_language())
    if skill is None:
        raise Http404
    return skill


@canonical_code
def skill_detail(request, code):
    skill = skill_page_or_404(code)
    levels = [text for level in skill.levels for text in (level.description, level.guiding_phrase)]
    others = [other.name for other in skill.other_skills]
    review = page_review(skill.texts.values(), levels, others)
    context = {
        "skill": skill,
        "translation_review": review,
        "linked_data": json_ld_script(skill_term(request, skill)),
    }
    return render(request, "skills/skill_detail.html", context)


@canonical_code
def skill_level(request, code, level):
    skill = skill_page_or_404(code)
    skill_level = skill.level(level)
    if skill_level is None:
        raise Http404
    below, above = skill.nearest_defined_levels(level)
    review = page_review(
        [skill.name, skill.category, skill.subcategory], skill_level.texts.values()
    )
    context = {
        "skill": skill,
        "skill_level": skill_level,
        "below": below,
        "above": above,
        "translation_review": review,
    }
    return render(request, "skills/skill_level.html", context)


def level_list(request):
    levels = ResponsibilityLevel.objects.with_skill_counts()
    review = page_review(texts_of(levels, "guiding_phrase", "essence"))
    # A site with only the sample skill has none: the page then says what is to be loaded.
    essences_loaded = any(texts_of(levels, "essence"))
    context = {"levels": levels, "essences_loaded": essences_loaded, "translation_review": review}
    return render(request, "skills/level_list.html", context)


def level_detail(request, level):
    level = get_object_or_404(ResponsibilityLevel.objects.with_edition(), number=level)
    attribute_levels = AttributeLevel.objects.defined_at(level.number)
    skills_by_category = skills_defined_at(level.number, translation.get_language())
    listed = [
        [category, *(skill.name for skill in skills)] for category, skills in skills_by_category
    ]
    review = page_review(
        texts_of([level], "guiding_phrase", "essence"),
        texts_of(attribute_levels, "description", "attribute.name", "attribute.group.name"),
        *listed,
    )
    context = {
        "level": level,
        "attribute_levels": attribute_levels,
        "skills_by_category": skills_by_category,
        "translation_review": review,
        "edition": level.edition or settings.SFIA_EDITION,  # as Edition.current gives it
    }
    return render(request, "skills/level_detail.html", context)


def attribute_list(request):
    attributes = GenericAttribute.objects.in_framework_order()
    review = page_review(texts_of(attributes, "name", "description", "group.name"))
    context = {"attributes": attributes, "translation_review": review}
    return render(request, "skills/attribute_list.html", context)


@canonical_code
def attribute_detail(request, code):
    attribute = get_object_or_404(GenericAttribute.objects.in_framework_order(), code=code.upper())
    attribute_levels = attribute.levels.defined()
    review = page_review(
        texts_of(
            [attribute], "name", "description", "guidance_intro", "guidance_notes", "group.name"
        ),
        texts_of(attribute_levels, "description", "level.guiding_phrase"),
    )
    context = {
        "attribute": attribute,
        "attribute_levels": attribute_levels,
        "translation_review": review,
    }
    return render(request, "skills/attribute_detail.html", context)


def compared_languages_or_404(other):
    """The page's language and `other`, which must be another of the site's languages."""
    language = translation.get_language()
    if other not in LANGUAGE_CODES or other == language:
        raise Http404
    return language, other


def coded_name(code, name):
    """A skill's or an attribute's code and its name (a text.Translated), as its h1 shows them."""
    return format_html('<bdi class="code" translate="no">{}</bdi> {}', code, name.inline)


def render_side_by_side(request, subject, side_by_side, page_url, **context):
    """A compare page: `subject` (its h1, as HTML), a link back to the page it compares."""
    context = {"subject": subject, "side_by_side": side_by_side, "page_url": page_url, **context}
    return render(request, "skills/compare.html", context)


@canonical_code
def skill_compare(request, code, other):
    """The skill in the page's language beside `other`: two of its one-query reads."""
    compared_languages_or_404(other)
    skill = skill_page_or_404(code)
    compared = skill_side_by_side(skill, read_skill_page(skill.code, other))
    return render_side_by_side(
        request,
        coded_name(skill.code, skill.name),
        compared,
        skill.get_absolute_url(),
        title=skill.name.text,
        edition=skill.edition,  # read with the skill: the footer costs no query
    )


@canonical_code
def attribute_compare(request, code, other):
    languages = compared_languages_or_404(other)
    attribute = get_object_or_404(GenericAttribute.objects.in_framework_order(), code=code.upper())
    compared = attribute_side_by_side(attribute, attribute.levels.defined(), languages)
    name = translated(attribute, "name", languages[0])
    return render_side_by_side(
        request,
        coded_name(attribute.code, name),
        compared,
        attribute.get_absolute_url(),
        title=name.text,
    )


@canonical_code
def level_compare(request, level, other):
    languages = compared_languages_or_404(other)
    level = get_object_or_404(ResponsibilityLevel, number=level)
    compared = level_side_by_side(level, AttributeLevel.objects.defined_at(level.number), languages)
    subject = level_heading(level)
    return render_side_by_side(
        request, subject, compared, level.get_absolute_url(), title=strip_tags(subject)
    )


@never_cache
@require_GET
def choose_language(request, code):
    """The language switcher's links: remember the reader's choice, then go to `next`, which
    each page builds already in that language (so a cookie in another language can't send the
    reader back, as Django's set_language would: ticket 28567)."""
    if code not in LANGUAGE_CODES:
        raise Http404
    target = request.GET.get("next", "")
    # Only a path of this site, whose characters the text policy allows: the switcher builds
    # nothing else, and `redirect` would look anything without a slash up as a view's name.
    safe = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    if safe and target.startswith("/") and not find_character_problem(target):
        # Resolve `next` in its own language, then name it in the chosen one.
        with translation.override(translation.get_language_from_path(target) or code):
            target = translate_url(target, code)
    else:
        with translation.override(code):
            target = reverse("skills:home")
    response = HttpResponseRedirect(target)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        secure=request.is_secure(),
    )
    return response


@never_cache
def search(request):
    """Results in the page's language and the English source; with no query (or none left
    once normalised), the form and a hint. Kept from search engines, and from browsers' and
    CDNs' caches (the page cache keeps it by its query in each process only)."""
    results = engine.search(request.GET.get("q", ""), translation.get_language())
    context = {
        "results": results if results.query else None,
        "search_query": results.query,
        "max_query_length": engine.MAX_QUERY_LENGTH,
        "max_query_words": engine.MAX_QUERY_WORDS,
    }
    response = render(request, "skills/search.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response


@never_cache
def profile(request):
    """A role profile, all in its address: shown, or downloaded (`format`). An address that
    names its profile in another order, case or with a form's step is redirected to the
    canonical one; one with values that can't be used shows them, and the rest. Kept from
    search engines and from browsers' and CDNs' caches, as search is."""
    chosen = profiles.parse(request.GET)
    download_format = request.GET.get("format")
    if download_format is not None and download_format not in DOWNLOADS:
        raise Http404
    page = read_profile_page(chosen)
    if download_format:
        return download(page, download_format)
    if not (page.rejected or page.adding or profiles.is_canonical(request.GET, chosen)):
        query = chosen.query()
        return redirect(f"{request.path}?{query}" if query else request.path)
    context = {
        "page": page,
        "today": date_format(timezone.localdate(), "DATE_FORMAT"),
        "max_title_length": profiles.MAX_TITLE_LENGTH,
        "translation_review": page_review(
            *(entry.texts for entry in page.entries),
            texts_of(page.attribute_levels, "description", "attribute.name"),
        ),
    }
    if page.edition is not None:  # read with the add form's skills: the footer's
        context["edition"] = page.edition or settings.SFIA_EDITION
    response = render(request, "skills/profile.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response


def opensearch(request):
    """The OpenSearch description that lets a browser add this language's search."""
    return render(
        request,
        "skills/opensearch.xml",
        content_type="application/opensearchdescription+xml; charset=utf-8",
    )


def robots_txt(request):
    sitemap_url = absolute(reverse("sitemap"))
    searches = []
    for code in LANGUAGE_CODES:
        with translation.override(code):
            searches.append(f"Disallow: {reverse('skills:search')}")
            searches.append(f"Disallow: {reverse('skills:profile')}")
    lines = ["User-agent: *", "Disallow: /language/", *searches, f"Sitemap: {sitemap_url}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
