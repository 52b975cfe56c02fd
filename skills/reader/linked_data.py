"""The skill page's linked data: a schema.org DefinedTerm in its DefinedTermSet, as JSON-LD in a
`<script type="application/ld+json">` data block, built from the SkillPage the view has read.

The term's `@id` is the skill's stable URI (`/skills/slmo/`, links.stable_path), the address
that names the skill whatever the language and that the SKOS file (opendata/skos.py) uses too;
`url` is the page itself. Every translated text is a value object tagged with its language,
`{"@value": …, "@language": "de"}`: the page language's where it has the text, "en" where the
English source stands in (Translated.fallback), so no English is ever taken for German.
`inLanguage` is the page's language. Codes and the edition's name are not translated, so they
are plain strings.

A data block is not run, so the Content-Security-Policy (no inline script) lets it be; the
JSON escapes `<`, `>` and `&` so that no text can end the element early.
"""

import json

from django.utils.html import format_html
from django.utils.safestring import mark_safe

from skills.framework.languages import SOURCE_LANGUAGE
from skills.framework.links import absolute, remembered_reverse, stable_path

SCHEMA_ORG = "https://schema.org"

# What would let a text close the script element or open a comment in it, as JSON escapes
# (Django's json_script escapes the same three, but writes only type="application/json").
SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def skill_term(request, skill):
    """The skill of a SkillPage as a schema.org DefinedTerm, a dict ready for JSON."""
    language = skill.language
    return {
        "@context": SCHEMA_ORG,
        "@type": "DefinedTerm",
        "@id": absolute(stable_path("skills:skill", code=skill.code.lower())),
        "termCode": skill.code,
        "name": tagged(skill.name, language),
        "description": tagged(skill.description, language),
        "inLanguage": language,
        "url": absolute(skill.get_absolute_url()),
        "inDefinedTermSet": {
            "@type": "DefinedTermSet",
            "@id": absolute(stable_path("skills:skill_list")),
            "name": skill.edition,
            "url": absolute(remembered_reverse("skills:skill_list", language=language)),
        },
    }


def tagged(text, language):
    """A text.Translated as a JSON-LD value object in the language it is written in."""
    return {"@value": text.text, "@language": SOURCE_LANGUAGE if text.fallback else language}


def json_ld_script(linked_data):
    """`linked_data` as a JSON-LD data block, escaped so that no text can end it early."""
    text = json.dumps(linked_data, ensure_ascii=False).translate(SCRIPT_SAFE)
    # The JSON is trusted once escaped as above; HTML escaping would corrupt it, since a
    # script element's text is not decoded.
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))
