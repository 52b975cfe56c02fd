"""The SKOS file (opendata/skos.py), parsed back with rdflib and held against the database:
each label in its language and only where it is written, the schemes' shape, the stable URIs,
and texts that Turtle must escape."""

import re

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, SKOS

from skills.framework.languages import LANGUAGE_CODES
from skills.framework.models import (
    Category,
    Edition,
    GenericAttribute,
    ResponsibilityLevel,
    Skill,
    Subcategory,
)
from skills.opendata.skos import skos_graph, skos_turtle
from tests.attributes import load_page_content

pytestmark = pytest.mark.django_db

BASE = "https://example.org"
SLMO = URIRef(f"{BASE}/skills/slmo/")
SKILLS = URIRef(f"{BASE}/skills/")
SERVICE_MANAGEMENT = URIRef(f"{SKILLS}#subcategory-delivery-and-operation-service-management")
DELIVERY_AND_OPERATION = URIRef(f"{SKILLS}#category-delivery-and-operation")


@pytest.fixture
def content():
    """fixtures/sfia.json and the invented attributes and essences (tests/attributes.py)."""
    load_page_content()


def parsed(language):
    """The Turtle file in `language`, read back as a parser reads it."""
    turtle = skos_turtle(BASE, language)
    assert isinstance(turtle, bytes)
    return Graph().parse(data=turtle.decode("utf-8"), format="turtle")


def labels(graph, subject, predicate=SKOS.prefLabel):
    """{language: text} of the subject's labels (or other texts), each language once."""
    found = {}
    for literal in graph.objects(subject, predicate):
        assert literal.language not in found, f"two {predicate} in {literal.language}"
        found[literal.language] = str(literal)
    return found


def slmo(*fields):
    return Skill.objects.filter(code="SLMO").values(*fields).get()


def test_every_language_labels_slmo_with_its_name_in_the_database(content):
    names = slmo(*(f"name_{code}" for code in LANGUAGE_CODES))
    descriptions = slmo("description_de", "description_ar")

    graph = parsed("all")

    assert labels(graph, SLMO) == {code: names[f"name_{code}"] for code in LANGUAGE_CODES}
    assert labels(graph, SLMO)["de"] == "Service-Level-Management"
    definitions = labels(graph, SLMO, SKOS.definition)
    assert definitions["de"] == descriptions["description_de"]
    assert definitions["ar"] == descriptions["description_ar"]


def test_a_missing_translation_has_no_label_in_that_language(content):
    Skill.objects.filter(code="SLMO").update(name_it=None, description_ru="")
    english = slmo("name_en", "description_en")

    graph = parsed("all")

    assert set(labels(graph, SLMO)) == {"en", "de", "ru", "ar"}
    assert set(labels(graph, SLMO, SKOS.definition)) == {"en", "de", "it", "ar"}
    # In the Italian file, the English stands in for the name, tagged as English.
    italian = parsed("it")
    assert labels(italian, SLMO) == {"en": english["name_en"]}
    assert "it" in labels(italian, SLMO, SKOS.definition)
    russian = parsed("ru")
    assert labels(russian, SLMO, SKOS.definition) == {"en": english["description_en"]}


def test_a_language_s_file_has_its_own_texts_alone(content):
    german = slmo("name_de", "description_de")

    graph = parsed("de")

    assert labels(graph, SLMO) == {"de": german["name_de"]}
    assert labels(graph, SLMO, SKOS.definition) == {"de": german["description_de"]}
    level = ResponsibilityLevel.objects.filter(number=3).values("guiding_phrase_de").get()
    assert labels(graph, URIRef(f"{BASE}/levels/3/")) == {"de": level["guiding_phrase_de"]}
    # Every text in the file is German, or English standing in.
    languages = {o.language for o in graph.objects() if isinstance(o, Literal) and o.language}
    assert languages == {"de"}  # the fixture translates everything into German
    assert set(labels(parsed("en"), SLMO)) == {"en"}


def test_a_skill_is_narrower_than_its_subcategory_and_that_than_its_category(content):
    category = Category.objects.filter(slug="delivery-and-operation").values("name_ar").get()

    graph = parsed("all")

    assert (SLMO, RDF.type, SKOS.Concept) in graph
    assert (SLMO, SKOS.notation, Literal("SLMO")) in graph
    assert set(graph.objects(SLMO, SKOS.broader)) == {SERVICE_MANAGEMENT}
    assert (SERVICE_MANAGEMENT, SKOS.narrower, SLMO) in graph
    assert set(graph.objects(SERVICE_MANAGEMENT, SKOS.broader)) == {DELIVERY_AND_OPERATION}
    assert (DELIVERY_AND_OPERATION, SKOS.narrower, SERVICE_MANAGEMENT) in graph
    assert (DELIVERY_AND_OPERATION, SKOS.topConceptOf, SKILLS) in graph
    assert (SKILLS, SKOS.hasTopConcept, DELIVERY_AND_OPERATION) in graph
    assert labels(graph, DELIVERY_AND_OPERATION)["ar"] == category["name_ar"]
    for concept in (SLMO, SERVICE_MANAGEMENT, DELIVERY_AND_OPERATION):
        assert set(graph.objects(concept, SKOS.inScheme)) == {SKILLS}
    # Only categories are the skills' top concepts, each of them, and no notation of theirs.
    assert set(graph.objects(SKILLS, SKOS.hasTopConcept)) == {
        URIRef(f"{SKILLS}#category-{slug}")
        for slug in Category.objects.values_list("slug", flat=True)
    }
    assert not set(graph.objects(DELIVERY_AND_OPERATION, SKOS.notation))


def test_every_skill_and_subcategory_is_a_concept(content):
    graph = parsed("en")

    concepts = set(graph.subjects(RDF.type, SKOS.Concept))
    codes = Skill.objects.values_list("code", flat=True)
    skills = {URIRef(f"{BASE}/skills/{code.lower()}/") for code in codes}
    assert SLMO in skills <= concepts
    subcategories = {c for c in concepts if "#subcategory-" in c}
    assert len(subcategories) == Subcategory.objects.count()


def test_the_skills_scheme_is_labelled_with_the_edition(content):
    edition = Edition.objects.get().name

    graph = parsed("ar")

    assert (SKILLS, RDF.type, SKOS.ConceptScheme) in graph
    assert set(graph.objects(SKILLS, SKOS.prefLabel)) == {Literal(edition)}
    assert (SKILLS, OWL.versionInfo, Literal(edition)) in graph


def test_the_levels_are_a_scheme_of_their_own(content):
    level = (
        ResponsibilityLevel.objects.filter(number=5)
        .values("guiding_phrase_ru", "essence_ru", "essence_it", "essence_en")
        .get()
    )
    levels, five = URIRef(f"{BASE}/levels/"), URIRef(f"{BASE}/levels/5/")

    graph = parsed("all")

    assert (levels, RDF.type, SKOS.ConceptScheme) in graph
    assert labels(graph, levels)["de"] == "Verantwortungsebenen"
    assert (five, SKOS.topConceptOf, levels) in graph
    assert (five, SKOS.notation, Literal("5")) in graph
    assert labels(graph, five)["ru"] == level["guiding_phrase_ru"]
    assert labels(graph, five, SKOS.definition)["ru"] == level["essence_ru"]
    # Level 5's essence has no Italian (tests/attributes.py); level 3 has no essence at all.
    assert level["essence_it"] is None
    assert "it" not in labels(graph, five, SKOS.definition)
    assert labels(parsed("it"), five, SKOS.definition) == {"en": level["essence_en"]}
    assert not labels(graph, URIRef(f"{BASE}/levels/3/"), SKOS.definition)


def test_the_attributes_are_narrower_than_their_groups(content):
    names = [f"name_{code}" for code in LANGUAGE_CODES]
    tact = GenericAttribute.objects.filter(code="TACT").values(*names).get()
    attribute, group = URIRef(f"{BASE}/attributes/tact/"), f"{BASE}/attributes/#group-"

    graph = parsed("all")

    assert (attribute, SKOS.notation, Literal("TACT")) in graph
    assert set(graph.objects(attribute, SKOS.broader)) == {URIRef(group + "qualities")}
    assert (URIRef(group + "qualities"), SKOS.topConceptOf, URIRef(f"{BASE}/attributes/")) in graph
    # TACT and the "habits" group have no Arabic names.
    assert tact["name_ar"] is None
    assert labels(graph, attribute) == {code: tact[f"name_{code}"] for code in LANGUAGE_CODES[:-1]}
    assert "ar" not in labels(graph, URIRef(group + "habits"))


def test_the_uris_fragments_are_the_list_pages_anchors(client, content):
    graph = parsed("en")
    skill_list = client.get("/en/skills/").text
    attribute_list = client.get("/en/attributes/").text

    # The subcategories and categories with skills (the skill list shows only those), and
    # the groups.
    skills = {skill for skill in graph.subjects(SKOS.inScheme, SKILLS) if "#" not in skill}
    subcategories = {broader for skill in skills for broader in graph.objects(skill, SKOS.broader)}
    categories = {top for each in subcategories for top in graph.objects(each, SKOS.broader)}
    assert {SERVICE_MANAGEMENT, DELIVERY_AND_OPERATION} <= subcategories | categories
    for concept in subcategories | categories:
        assert f'id="{concept.fragment}"' in skill_list
    groups = set(graph.objects(URIRef(f"{BASE}/attributes/"), SKOS.hasTopConcept))
    assert len(groups) == 2
    for group in groups:
        assert f'id="{group.fragment}"' in attribute_list


def test_texts_turtle_must_escape_come_back_as_they_were(content):
    hostile = 'Er sagte "hallo" \\ und """ drei\nZeile zwei \'\'\' <b>&amp;'
    Skill.objects.filter(code="SLMO").update(name_de=hostile, description_de=f"{hostile}\n")

    graph = parsed("de")

    assert labels(graph, SLMO) == {"de": hostile}
    assert labels(graph, SLMO, SKOS.definition) == {"de": f"{hostile}\n"}


def test_the_file_is_read_in_a_query_for_each_kind_of_content(content, django_assert_num_queries):
    # The edition, categories, subcategories, skills, levels, attribute groups, attributes.
    with django_assert_num_queries(7):
        skos_graph(BASE, "all")


def test_a_language_the_site_has_not_is_refused(content):
    with pytest.raises(ValueError, match="xx"):
        skos_graph(BASE, "xx")


def test_the_file_is_utf_8_turtle(content):
    turtle = skos_turtle(BASE, "ar")

    assert turtle.startswith(b"@prefix")
    arabic = slmo("name_ar")["name_ar"]
    assert re.search(re.escape(f'"{arabic}"@ar'.encode()), turtle)
