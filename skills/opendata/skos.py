"""The framework as SKOS (rdflib): `skos_graph(base_url, language)` and `skos_turtle(…)`, the
file the Downloads page offers, in one language or in all five.

Three concept schemes, each named by the stable URI of its list page (the language-neutral
address, links.stable_path, which the skill page's JSON-LD uses too):

- the skills, `/skills/`, labelled with the edition ("SFIA 9"): each category a top concept,
  `/skills/#category-<slug>`, each subcategory narrower than its category,
  `/skills/#subcategory-<category slug>-<slug>` (a subcategory's slug is unique only within
  its category), each skill narrower than its subcategory, `/skills/slmo/`, its notation its
  code ("SLMO"). The fragments are the skill list's own anchors.
- the levels of responsibility, `/levels/`: each level a top concept, `/levels/3/`, its
  notation its number, its label its guiding phrase, its definition its essence.
- the generic attributes, `/attributes/`: each group a top concept, `/attributes/#group-<slug>`
  (the attribute list's anchors), each attribute narrower than its group, `/attributes/auto/`,
  its notation its code.

Categories, subcategories and groups have no notation: their slugs are the site's, made from
the English names, not codes the framework publishes.

Languages: for "all", a label or definition in every language that has the text, each tagged
with its language. For one language, one label (and definition) a concept, as the reader's
pages show it: the language's own text, or where it has none the English source standing in,
tagged "en". An English text is never tagged as another language.

Each kind of content is read in one query of just the per-language columns it needs.
"""

from django.conf import settings
from django.utils.translation import gettext, gettext_noop, override
from modeltranslation.utils import build_localized_fieldname
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, SKOS

from skills.framework.languages import LANGUAGE_CODES, SOURCE_LANGUAGE
from skills.framework.links import stable_path
from skills.framework.models import (
    AttributeGroup,
    Category,
    Edition,
    GenericAttribute,
    ResponsibilityLevel,
    Skill,
    Subcategory,
)

ALL_LANGUAGES = "all"

# The schemes' labels: the site's navigation's own messages, translated already.
LEVELS_LABEL = gettext_noop("Levels of responsibility")
ATTRIBUTES_LABEL = gettext_noop("Generic attributes")


def skos_turtle(base_url, language):
    """The SKOS file as UTF-8 Turtle."""
    return skos_graph(base_url, language).serialize(format="turtle", encoding="utf-8")


def skos_graph(base_url, language):
    """The framework as an rdflib Graph of SKOS concept schemes, its URIs under `base_url`
    ("https://example.org", no trailing slash), its texts in `language` (one of the site's,
    English standing in, or "all")."""
    if language not in (*LANGUAGE_CODES, ALL_LANGUAGES):
        raise ValueError(f"no such language: {language!r}")
    graph = Graph()
    graph.bind("skos", SKOS)
    graph.bind("owl", OWL)
    concepts = Concepts(graph, base_url, language)
    edition = Edition.current(settings.SFIA_EDITION)
    add_skills(concepts, edition)
    add_levels(concepts, edition)
    add_attributes(concepts, edition)
    return graph


def add_skills(concepts, edition):
    """The skills' scheme: categories, subcategories, skills."""
    skills = concepts.scheme("skills:skill_list", edition)
    concepts.graph.add((skills, SKOS.prefLabel, Literal(edition)))
    for row in concepts.rows(Category.objects, "slug"):
        concepts.top(skills, category_uri(skills, row["slug"]), row)
    for row in concepts.rows(Subcategory.objects, "category__slug", "slug"):
        uri = subcategory_uri(skills, row["category__slug"], row["slug"])
        concepts.narrower(skills, uri, category_uri(skills, row["category__slug"]), row)
    skill_places = ("subcategory__category__slug", "subcategory__slug", "code")
    for row in concepts.rows(Skill.objects, *skill_places, definition="description"):
        uri = concepts.page("skills:skill", code=row["code"].lower())
        subcategory = subcategory_uri(
            skills, row["subcategory__category__slug"], row["subcategory__slug"]
        )
        concepts.narrower(skills, uri, subcategory, row, notation=row["code"])


def add_levels(concepts, edition):
    """The levels of responsibility's scheme, flat."""
    levels = concepts.scheme("skills:level_list", edition)
    concepts.interface_label(levels, LEVELS_LABEL)
    level_texts = {"label": "guiding_phrase", "definition": "essence"}
    for row in concepts.rows(ResponsibilityLevel.objects, "number", **level_texts):
        uri = concepts.page("skills:level", level=row["number"])
        concepts.top(levels, uri, row, notation=str(row["number"]))


def add_attributes(concepts, edition):
    """The generic attributes' scheme: their groups, the attributes."""
    attributes = concepts.scheme("skills:attribute_list", edition)
    concepts.interface_label(attributes, ATTRIBUTES_LABEL)
    for row in concepts.rows(AttributeGroup.objects, "slug"):
        concepts.top(attributes, group_uri(attributes, row["slug"]), row)
    attribute_places = ("group__slug", "code")
    for row in concepts.rows(GenericAttribute.objects, *attribute_places, definition="description"):
        uri = concepts.page("skills:attribute", code=row["code"].lower())
        group = group_uri(attributes, row["group__slug"])
        concepts.narrower(attributes, uri, group, row, notation=row["code"])


def category_uri(skills, slug):
    return URIRef(f"{skills}#category-{slug}")


def subcategory_uri(skills, category_slug, slug):
    return URIRef(f"{skills}#subcategory-{category_slug}-{slug}")


def group_uri(attributes, slug):
    return URIRef(f"{attributes}#group-{slug}")


class Concepts:
    """Adds schemes and concepts to `graph`, their texts in `language` (or "all")."""

    def __init__(self, graph, base_url, language):
        self.graph, self.base_url, self.language = graph, base_url, language
        if language == ALL_LANGUAGES:
            self.languages = LANGUAGE_CODES
        else:
            self.languages = tuple(dict.fromkeys((language, SOURCE_LANGUAGE)))

    def page(self, viewname, **kwargs):
        """The stable URI of a page: its language-neutral address."""
        return URIRef(self.base_url + stable_path(viewname, **kwargs))

    def scheme(self, viewname, edition):
        uri = self.page(viewname)
        self.graph.add((uri, RDF.type, SKOS.ConceptScheme))
        self.graph.add((uri, OWL.versionInfo, Literal(edition)))
        return uri

    def rows(self, objects, *keys, label="name", definition=None):
        """`objects` as dicts of `keys`, and of the label's and the definition's columns in
        the languages written (never the untranslated base column), as "label" and
        "definition": {language: text} (none without a `definition` field)."""
        texts = {"label": label, "definition": definition}
        columns = {
            name: {code: build_localized_fieldname(field, code) for code in self.languages}
            for name, field in texts.items()
            if field
        }
        read = [column for each in columns.values() for column in each.values()]
        for row in objects.values(*keys, *read):
            for name in texts:
                row[name] = {code: row[column] for code, column in columns.get(name, {}).items()}
            yield row

    def top(self, scheme, uri, row, notation=None):
        self.concept(scheme, uri, row, notation)
        self.graph.add((uri, SKOS.topConceptOf, scheme))
        self.graph.add((scheme, SKOS.hasTopConcept, uri))

    def narrower(self, scheme, uri, broader, row, notation=None):
        self.concept(scheme, uri, row, notation)
        self.graph.add((uri, SKOS.broader, broader))
        self.graph.add((broader, SKOS.narrower, uri))

    def concept(self, scheme, uri, row, notation):
        add = self.graph.add
        add((uri, RDF.type, SKOS.Concept))
        add((uri, SKOS.inScheme, scheme))
        if notation is not None:
            add((uri, SKOS.notation, Literal(notation)))
        for text in self.written(row["label"]):
            add((uri, SKOS.prefLabel, text))
        for text in self.written(row["definition"]):
            add((uri, SKOS.definition, text))

    def written(self, texts):
        """Literals tagged with their language: every language's text ("all"), or the one
        language's, or else the English standing in."""
        present = {code: text for code, text in texts.items() if text}
        if self.language == ALL_LANGUAGES:
            return [Literal(text, lang=code) for code, text in present.items()]
        for code in self.languages:
            if code in present:
                return [Literal(present[code], lang=code)]
        return []

    def interface_label(self, uri, message):
        """A scheme's label from the site's catalogues, in each language written; a language
        whose catalogue lacks it has none ("all") or the English one."""
        labels = {}
        for code in self.languages:
            with override(code):
                text = gettext(message)
            if code == SOURCE_LANGUAGE or text != message:
                labels[code] = text
        for text in self.written(labels):
            self.graph.add((uri, SKOS.prefLabel, text))
