"""The API's reference page (/<lang>/api/), in the reader's language: every operation of the
schema the API serves, each with what it gives (api.SUMMARIES, translated) and a live example,
and how languages, links, caching and errors work. The schema itself is the machine's
reference (/api/v1/openapi.json)."""

import functools

from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from skills.framework.languages import SITE_LANGUAGES
from skills.framework.models import Category, GenericAttribute, Skill
from skills.opendata.api import SUMMARIES, api


@functools.cache
def operations():
    """(operation id, path template) of every operation, in the schema's order: built from the
    code once per process."""
    schema = api.get_openapi_schema(path_prefix=reverse("api:index"))
    return tuple(
        (operation["operationId"], path)
        for path, methods in schema["paths"].items()
        for operation in methods.values()
    )


def example_arguments():
    """Real codes for the examples' paths: the first skill, attribute and category."""
    skill = Skill.objects.in_framework_order().values_list("code", flat=True).first()
    attribute = GenericAttribute.objects.in_framework_order().values_list("code", flat=True)
    category = Category.objects.values_list("slug", flat=True).first()
    return {
        "code": (skill or "slmo").lower(),
        "attribute": (attribute.first() or "auto").lower(),
        "number": 5,
        "slug": category or "strategy-and-architecture",
    }


def example(operation_id, arguments):
    """The operation's address with real arguments, in the page's language."""
    names = {"skill": ["code"], "skill_level": ["code", "number"], "level": ["number"]}
    names |= {"attribute": ["attribute"], "category": ["slug"]}
    kwargs = {
        "code" if name == "attribute" else name: arguments[name]
        for name in names.get(operation_id, [])
    }
    return f"{reverse(f'api:{operation_id}', kwargs=kwargs)}?lang={get_language()}"


def api_reference(request):
    arguments = example_arguments()
    context = {
        "operations": [
            {
                "path": path,
                "summary": _(SUMMARIES[operation_id]),
                "example": example(operation_id, arguments),
            }
            for operation_id, path in operations()
        ],
        "languages": SITE_LANGUAGES,
        "schema_url": reverse("api:openapi-json"),
        "skill_example": example("skill", arguments),
    }
    return render(request, "opendata/api_reference.html", context)
