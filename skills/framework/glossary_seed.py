"""The glossary's key terms as the project agreed them (fixtures/glossary.toml): what an empty
glossary starts from, and what the interface's catalogues are held to."""

import tomllib

import reversion
from django.db import transaction

from skills.framework.languages import LANGUAGE_CODES, SOURCE_LANGUAGE
from skills.framework.models import GlossaryTerm
from skills.framework.revision_comments import imported_comment


def seed_terms(path):
    """The GlossaryTerms (unsaved) that the file at `path` lists."""
    with open(path, "rb") as stream:
        terms = tomllib.load(stream)["terms"]
    return [
        GlossaryTerm(
            **{f"term_{code}": term.get(code) for code in LANGUAGE_CODES},
            **{
                f"avoid_{code}": "\n".join(term.get(f"avoid_{code}", []))
                for code in LANGUAGE_CODES
                if code != SOURCE_LANGUAGE
            },
        )
        for term in terms
    ]


@transaction.atomic
def seed_glossary(path):
    """Fill an empty glossary from the file at `path`, as one revision in its history; return
    the terms added (0 where the glossary has any: an editor's glossary is never written over,
    nor a term they removed brought back)."""
    if GlossaryTerm.objects.exists():
        return 0
    terms = seed_terms(path)
    with reversion.create_revision():
        reversion.set_comment(imported_comment([path]))
        for term in terms:
            term.full_clean()
            term.save()
    return len(terms)
