"""Reader pages: one short view each. Queries live in the models' QuerySet methods."""

import functools

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from skills.framework.languages import LANGUAGE_CODES
from skills.framework.levels import LEVEL_NUMBERS
from skills.framework.models import (
    AttributeLevel,
    GenericAttribute,
    ResponsibilityLevel,
    Skill,
    SkillLevel,
)
from skills.reader.level_page import skills_defined_at
from skills.reader.skill_page import read_skill_page


def canonical_code(view):
    """Answer a skill's or an attribute's code in any other case with a permanent redirect to
    its lower case."""

    @functools.wraps(view)
    def wrapper(request, code, **kwargs):
        if code != code.lower():
            name = request.resolver_match.view_name
            return redirect(name, code=code.lower(), permanent=True, **kwargs)
        return view(request, code, **kwargs)

    return wrapper


def home(request):
    return render(request, "skills/home.html", {"levels": ResponsibilityLevel.objects.all()})


def skill_list(request):
    """The whole framework as a grid: a row a skill, a column a level."""
    context = {
        "skills": Skill.objects.in_framework_order(),
        "defined_levels": SkillLevel.objects.defined_levels_by_skill(),
        "level_numbers": LEVEL_NUMBERS,
    }
    return render(request, "skills/skill_list.html", context)


def skill_page_or_404(code):
    skill = read_skill_page(code.upper(), translation.get_language())
    if skill is None:
        raise Http404
    return skill


@canonical_code
def skill_detail(request, code):
    return render(request, "skills/skill_detail.html", {"skill": skill_page_or_404(code)})


@canonical_code
def skill_level(request, code, level):
    skill = skill_page_or_404(code)
    skill_level = skill.level(level)
    if skill_level is None:
        raise Http404
    below, above = skill.nearest_defined_levels(level)
    context = {"skill": skill, "skill_level": skill_level, "below": below, "above": above}
    return render(request, "skills/skill_level.html", context)


def level_list(request):
    levels = ResponsibilityLevel.objects.with_skill_counts()
    return render(request, "skills/level_list.html", {"levels": levels})


def level_detail(request, level):
    context = {
        "level": get_object_or_404(ResponsibilityLevel, number=level),
        "attribute_levels": AttributeLevel.objects.defined_at(level),
        "skills_by_category": skills_defined_at(level, translation.get_language()),
    }
    return render(request, "skills/level_detail.html", context)


def attribute_list(request):
    attributes = GenericAttribute.objects.in_framework_order()
    return render(request, "skills/attribute_list.html", {"attributes": attributes})


@canonical_code
def attribute_detail(request, code):
    attribute = get_object_or_404(GenericAttribute.objects.in_framework_order(), code=code.upper())
    context = {"attribute": attribute, "attribute_levels": attribute.levels.defined()}
    return render(request, "skills/attribute_detail.html", context)


@never_cache
@require_GET
def choose_language(request, code):
    """The language switcher's links: remember the reader's choice, then go to `next`, which
    each page builds already in that language (so a cookie in another language can't send the
    reader back, as Django's set_language would: ticket 28567)."""
    if code not in LANGUAGE_CODES:
        raise Http404
    target = request.GET.get("next", "")
    safe = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    if safe and target:
        # Resolve `next` in its own language, then name it in the chosen one.
        with translation.override(translation.get_language_from_path(target) or code):
            target = translate_url(target, code)
    else:
        with translation.override(code):
            target = reverse("skills:home")
    response = redirect(target)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        secure=request.is_secure(),
    )
    return response


def robots_txt(request):
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    lines = ["User-agent: *", "Disallow: /language/", f"Sitemap: {sitemap_url}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
