"""The read-only JSON API under /api/v1/ (django-ninja): the operations, their OpenAPI
description, and errors as JSON in the language asked for.

The language is `?lang=` (a site language, or `all`), else the one Accept-Language prefers,
else English. Query parameters other than `lang` are ignored, as on the reader's pages, so a
client's cache-buster never changes an answer. The page cache keeps each answer by its path and
language, with an ETag and Last-Modified from the content version (skills/page_cache/); CORS
allows any origin to GET (settings: django-cors-headers). No operation reads or sets a session
or a CSRF cookie.
"""

import json
from typing import Literal

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, override
from django.views import defaults
from ninja import NinjaAPI, Path, Query
from ninja.errors import HttpError, ValidationError
from ninja.renderers import BaseRenderer

from skills.framework.languages import LANGUAGE_CODES, negotiated, read_language_tag
from skills.framework.models import Category, GenericAttribute, ResponsibilityLevel
from skills.framework.text import CODE_PATTERN, SLUG_PATTERN
from skills.opendata import documents, schemas
from skills.opendata.documents import ALL, SHAPES, Shape


class Utf8JSON(BaseRenderer):
    """Compact JSON with every language's letters as they are, not as \\u escapes: a third
    of the size in Russian and Arabic."""

    media_type = "application/json"

    def render(self, request, data, *, response_status):
        return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":"))


api = NinjaAPI(
    title="SFIA open data",
    version="1",
    description=(
        "The Skills Framework for the Information Age in every language: skills and their "
        "levels, the levels of responsibility, the generic attributes and the categories. "
        "Read-only; content © SFIA Foundation."
    ),
    urls_namespace="api",
    # The human reference is the site's own page, in every language (reference.py).
    docs_url=None,
    renderer=Utf8JSON(),
)

# What each operation does, as the reference page shows it, translated (gettext_noop marks them
# for the catalogues; the schema gives them in English).
SUMMARIES = {
    "index": gettext_noop("Where everything is: the resources, the edition, the content version."),
    "skills": gettext_noop("Every skill, in framework order, with the levels it is defined at."),
    "skill": gettext_noop("One skill: its texts, category and subcategory, and its levels."),
    "skill_level": gettext_noop("One skill at one level of responsibility."),
    "levels": gettext_noop("The seven levels of responsibility, with their essences."),
    "level": gettext_noop(
        "One level: its essence, each generic attribute at it, and the skills defined at it."
    ),
    "attributes": gettext_noop("Every generic attribute, with the levels it is described at."),
    "attribute": gettext_noop(
        "One generic attribute: its texts and its description at each level."
    ),
    "categories": gettext_noop("The categories, their subcategories, and the skills in each."),
    "category": gettext_noop("One category, its subcategories, and the skills in each."),
}

Language = Literal[SHAPES]
# A code as the reader's addresses take it: anything else (a NUL, which PostgreSQL would refuse
# in the query) names nothing, and is a 404 before any query.
CODE = Path(..., pattern=f"^{CODE_PATTERN}$")
LANGUAGE = Query(
    None,
    description=(
        "The language of the texts: en, de, ru, it or ar (English stands in where a text has "
        "no translation, named in each object's fallback_fields), or all (each text as an "
        "object of the five languages, null where one has none). Without it, the language "
        "Accept-Language prefers, else English."
    ),
)
ERRORS = {400: schemas.Error, 404: schemas.Error}


def shape_of(request, response, lang):
    """The shape the texts are given in, which the response's Content-Language says."""
    language = lang or negotiated(request.headers.get("Accept-Language", ""))
    response["Content-Language"] = ", ".join(LANGUAGE_CODES) if language == ALL else language
    return Shape(language, base=settings.SFIA_SITE_URL)


def operation(path, name, response):
    """A GET operation named `name` (its URL name, operation id and summary)."""
    return api.get(
        path,
        response={200: response, **ERRORS},
        url_name=name,
        operation_id=name,
        summary=SUMMARIES[name],
    )


def one(documents_of_shape, shape, queryset):
    found = documents_of_shape(shape, queryset)
    if not found:
        raise Http404
    return found[0]


@operation("/", "index", schemas.Index)
def index(request, response: HttpResponse, lang: Language | None = LANGUAGE):
    return documents.index(shape_of(request, response, lang))


@operation("/skills/", "skills", list[schemas.SkillSummary])
def skills(request, response: HttpResponse, lang: Language | None = LANGUAGE):
    return documents.skill_summaries(shape_of(request, response, lang))


@operation("/skills/{code}/", "skill", schemas.SkillDetail)
def skill(request, response: HttpResponse, code: str = CODE, lang: Language | None = LANGUAGE):
    found = documents.skill_details(shape_of(request, response, lang), code.upper())
    if not found:
        raise Http404
    return found[0]


@operation("/skills/{code}/levels/{int:number}/", "skill_level", schemas.SkillLevel)
def skill_level(
    request,
    response: HttpResponse,
    code: str = CODE,
    number: int = Path(..., ge=1, le=7),
    lang: Language | None = LANGUAGE,
):
    found = documents.skill_level(shape_of(request, response, lang), code.upper(), number)
    if found is None:
        raise Http404
    return found


@operation("/levels/", "levels", list[schemas.LevelSummary])
def levels(request, response: HttpResponse, lang: Language | None = LANGUAGE):
    return documents.level_summaries(shape_of(request, response, lang))


# Django's int converter: "5.0" or "5e0" is no level's address (pydantic would read it as 5).
@operation("/levels/{int:number}/", "level", schemas.LevelDetail)
def level(
    request,
    response: HttpResponse,
    number: int = Path(..., ge=1, le=7),
    lang: Language | None = LANGUAGE,
):
    found = ResponsibilityLevel.objects.filter(number=number)
    return one(documents.level_details, shape_of(request, response, lang), found)


@operation("/attributes/", "attributes", list[schemas.AttributeSummary])
def attributes(request, response: HttpResponse, lang: Language | None = LANGUAGE):
    return documents.attribute_summaries(shape_of(request, response, lang))


@operation("/attributes/{code}/", "attribute", schemas.AttributeDetail)
def attribute(request, response: HttpResponse, code: str = CODE, lang: Language | None = LANGUAGE):
    found = GenericAttribute.objects.in_framework_order().filter(code=code.upper())
    return one(documents.attribute_details, shape_of(request, response, lang), found)


@operation("/categories/", "categories", list[schemas.Category])
def categories(request, response: HttpResponse, lang: Language | None = LANGUAGE):
    return documents.category_details(shape_of(request, response, lang))


@operation("/categories/{slug}/", "category", schemas.Category)
def category(
    request,
    response: HttpResponse,
    slug: str = Path(..., pattern=f"^{SLUG_PATTERN}$"),
    lang: Language | None = LANGUAGE,
):
    found = Category.objects.filter(slug=slug.lower())
    return one(documents.category_details, shape_of(request, response, lang), found)


# Errors: JSON in the language asked for (English where that is what was wrong).


def error(request, status, message):
    """An error as JSON: `message` is in message_language(request), as Content-Language says."""
    response = api.create_response(request, {"status": status, "message": message}, status=status)
    response["Content-Language"] = message_language(request)
    return response


def message_language(request):
    lang = read_language_tag(request.GET.get("lang", ""))
    return lang or negotiated(request.headers.get("Accept-Language", ""))


@api.exception_handler(Http404)
def not_found(request, exc):
    with override(message_language(request)):
        message = _("Nothing in the API has this address: %(path)s") % {"path": request.path}
    return error(request, 404, message)


@api.exception_handler(ValidationError)
def invalid(request, exc):
    wrong = exc.errors[0]
    where, name = wrong["loc"][0], wrong["loc"][-1]
    if where == "path":  # a level 0 or 8 is an address with nothing there
        return not_found(request, exc)
    with override(message_language(request)):
        if name == "lang":
            message = _("lang=%(value)s is not a language of the API: use one of %(choices)s.")
            message %= {"value": request.GET.get("lang", ""), "choices": ", ".join(SHAPES)}
        else:
            message = _("The query parameter %(name)s is not valid.") % {"name": name}
    return error(request, 400, message)


@api.exception_handler(HttpError)
def http_error(request, exc):
    return error(request, exc.status_code, str(exc))


# The project's handler404 and handler500 (sfia_site/urls.py): JSON for an address under the
# API that none of its operations has, or an error there; the site's pages elsewhere.


def address_not_found(request, exception):
    if request.path_info.startswith("/api/"):
        return not_found(request, exception)
    return defaults.page_not_found(request, exception)


def server_error(request):
    if request.path_info.startswith("/api/"):
        with override(message_language(request)):
            message = _("Something went wrong on the server; it has been logged.")
        return error(request, 500, message)
    return defaults.server_error(request)
