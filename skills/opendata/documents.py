"""The framework's objects as the API gives them: plain dicts, ready for JSON, read with a few
`.values()` queries however many objects (the whole framework's download is the same code).

Every text is given in one language with English standing in, named in the object's
`fallback_fields`, or (`ALL`) as an object of the five languages with null for each missing.
Multi-line texts keep one line per sentence or paragraph ("\\n"), as the framework holds them.
Every object carries its `url` on the reader's site and its API `href`; skills, levels and
attributes also their stable `uri` (links.stable_path), which no language or version changes.
"""

import functools
from dataclasses import dataclass

from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection
from django.urls import reverse
from modeltranslation.utils import build_localized_fieldname

from skills.framework.languages import LANGUAGE_CODES, SOURCE_LANGUAGE
from skills.framework.links import remembered_reverse, stable_path
from skills.framework.models import (
    AttributeLevel,
    Category,
    Edition,
    GenericAttribute,
    ResponsibilityLevel,
    Skill,
    SkillLevel,
    Subcategory,
)
from skills.page_cache.version import content_version

ALL = "all"  # every text as an object of the five languages
SHAPES = (*LANGUAGE_CODES, ALL)
FALLBACK_FIELDS = "fallback_fields"


@dataclass(frozen=True)
class Shape:
    """How the texts are given (`language`, a site language or ALL), and the site's address
    (`base`, "https://example.org") that every link starts with."""

    language: str
    base: str

    def columns(self, fields, via=""):
        """The per-language columns `.values()` reads for these translated fields (`via` a
        relation's path, "subcategory__")."""
        languages = LANGUAGE_CODES if self.language == ALL else {self.language, SOURCE_LANGUAGE}
        return [
            f"{via}{build_localized_fieldname(field, language)}"
            for field in fields
            for language in languages
        ]

    def texts(self, row, fields, via=""):
        """{field: text} for a row read with `columns`, and which fell back to English."""
        if self.language == ALL:
            return {
                field: {
                    language: row[f"{via}{build_localized_fieldname(field, language)}"] or None
                    for language in LANGUAGE_CODES
                }
                for field in fields
            } | {FALLBACK_FIELDS: []}
        texts, fallbacks = {}, []
        for field in fields:
            own = row[f"{via}{build_localized_fieldname(field, self.language)}"]
            source = row[f"{via}{build_localized_fieldname(field, SOURCE_LANGUAGE)}"]
            texts[field] = own or source or None
            if not own and source and self.language != SOURCE_LANGUAGE:
                fallbacks.append(field)
        return texts | {FALLBACK_FIELDS: fallbacks}

    def href(self, viewname, **kwargs):
        """An API resource's address, in this shape."""
        path = remembered_reverse(f"api:{viewname}", kwargs=kwargs)
        return f"{self.base}{path}?lang={self.language}"

    def url(self, viewname, fragment="", **kwargs):
        """A reader page's address in this language; for ALL, the language-neutral one, which
        takes each reader to their own."""
        if self.language == ALL:
            path = stable_path(viewname, **kwargs)
        else:
            path = remembered_reverse(viewname, kwargs=kwargs, language=self.language)
        return f"{self.base}{path}{fragment}"

    def uri(self, viewname, **kwargs):
        return f"{self.base}{stable_path(viewname, **kwargs)}"

    def links(self, api_view, reader_view, **kwargs):
        return {
            "href": self.href(api_view, **kwargs),
            "url": self.url(reader_view, **kwargs),
            "uri": self.uri(reader_view, **kwargs),
        }


SKILL_TEXTS = (
    "name",
    "description",
    "guidance_intro",
    "guidance_notes",
    "responsibility_notes",
    "development_notes",
)
ATTRIBUTE_TEXTS = ("name", "description", "guidance_intro", "guidance_notes")
LEVEL_TEXTS = ("guiding_phrase", "essence")


def index(shape):
    """The API's front door: what the content is, and where each resource is."""
    version, changed_at = content_version()
    return {
        "edition": Edition.current(None),
        "content_version": version,
        # As JSON writes a time (ISO 8601, to the millisecond), so that a document is JSON-ready.
        "changed_at": DjangoJSONEncoder().default(changed_at),
        "language": shape.language,
        "languages": list(LANGUAGE_CODES),
        "skills": shape.href("skills"),
        "levels": shape.href("levels"),
        "attributes": shape.href("attributes"),
        "categories": shape.href("categories"),
        "openapi": f"{shape.base}{reverse('api:openapi-json')}",
        "href": shape.href("index"),
        "url": shape.url("skills:home"),
    }


# Skills.


def _skill_code(row, field="code"):
    return row[field].lower()


def skill_summaries(shape, skills=None):
    """The skills in framework order, each with its name, category's and subcategory's slugs
    and the levels it is defined at."""
    skills = Skill.objects.in_framework_order() if skills is None else skills
    rows = skills.values(
        "id",
        "code",
        "subcategory__slug",
        "subcategory__category__slug",
        *shape.columns(["name"]),
    )
    defined = SkillLevel.objects.filter(skill__in=skills).defined_levels_by_skill()
    return [
        {
            "code": _skill_code(row),
            **shape.texts(row, ["name"]),
            "category": row["subcategory__category__slug"],
            "subcategory": row["subcategory__slug"],
            "defined_levels": sorted(defined.get(row["id"], ())),
            **shape.links("skill", "skills:skill", code=_skill_code(row)),
        }
        for row in rows
    ]


def skill_details(shape, code=None):
    """Each skill whole (or the one with this upper-case `code`): its texts, category and
    subcategory, and its levels, in framework order. Read with two hand-written queries: the
    API's busiest answer, where the ORM's compiling cost more than the queries (as for the
    skill page, skills/reader/skill_page.py)."""
    one = code is not None
    levels = _levels_of_skills(shape, _rows(_skill_levels_sql(shape.language, one), code))
    return [
        {
            "code": _skill_code(row),
            **shape.texts(row, SKILL_TEXTS),
            "category": _grouping(
                shape, row, "subcategory__category__", row["subcategory__category__slug"]
            ),
            "subcategory": _grouping(
                shape,
                row,
                "subcategory__",
                row["subcategory__category__slug"],
                row["subcategory__slug"],
            ),
            "levels": levels.get(row["id"], []),
            **shape.links("skill", "skills:skill", code=_skill_code(row)),
        }
        for row in _rows(_skills_sql(shape.language, one), code)
    ]


def _rows(sql, code):
    """The rows of `sql` as dicts named as `.values()` names them ("subcategory__slug")."""
    with connection.cursor() as cursor:
        cursor.execute(sql, [] if code is None else [code])
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _column(model, alias, field, name=None):
    """`alias.column AS "name"` for a model's field (its column, quoted)."""
    quote = connection.ops.quote_name
    return f"{alias}.{quote(model._meta.get_field(field).column)} AS {quote(name or field)}"


def _table(model, alias):
    return f"{connection.ops.quote_name(model._meta.db_table)} {alias}"


def _qualified(table, field):
    """`alias.column` of a (model, alias)'s field."""
    model, alias = table
    return f"{alias}.{connection.ops.quote_name(model._meta.get_field(field).column)}"


def _joined(a, a_field, b, b_field):
    """`a.column = b.column`, of two (model, alias) and their fields."""
    return f"{_qualified(a, a_field)} = {_qualified(b, b_field)}"


SKILL, SUBCATEGORY, CATEGORY = (Skill, "s"), (Subcategory, "sc"), (Category, "c")
LEVEL_OF_SKILL = (SkillLevel, "l")


# The SQL depends only on the language and on whether one skill is read: built once for each
# (connection.ops names the database's quoting; the project has one database).
@functools.cache
def _skills_sql(language, one):
    shape = Shape(language, "")
    columns = [
        _column(Skill, "s", "id"),
        _column(Skill, "s", "code"),
        _column(Subcategory, "sc", "slug", "subcategory__slug"),
        _column(Category, "c", "slug", "subcategory__category__slug"),
        *(_column(Skill, "s", name) for name in shape.columns(SKILL_TEXTS)),
        *(
            _column(Subcategory, "sc", name, f"subcategory__{name}")
            for name in shape.columns(["name"])
        ),
        *(
            _column(Category, "c", name, f"subcategory__category__{name}")
            for name in shape.columns(["name"])
        ),
    ]
    return (
        f"SELECT {', '.join(columns)} FROM {_table(*SKILL)} "
        f"JOIN {_table(*SUBCATEGORY)} ON {_joined(SUBCATEGORY, 'id', SKILL, 'subcategory')} "
        f"JOIN {_table(*CATEGORY)} ON {_joined(CATEGORY, 'id', SUBCATEGORY, 'category')} "
        + (f"WHERE {_qualified(SKILL, 'code')} = %s " if one else "")
        + f"ORDER BY {_qualified(CATEGORY, 'position')}, {_qualified(SUBCATEGORY, 'position')}, "
        + _qualified(SKILL, "code")
    )


@functools.cache
def _skill_levels_sql(language, one):
    shape = Shape(language, "")
    columns = [
        _column(SkillLevel, "l", "skill", "skill_id"),
        _column(Skill, "s", "code", "skill__code"),
        _column(SkillLevel, "l", "level", "level_id"),
        _column(SkillLevel, "l", "defined"),
        *(_column(SkillLevel, "l", name) for name in shape.columns(["description"])),
    ]
    return (
        f"SELECT {', '.join(columns)} FROM {_table(*LEVEL_OF_SKILL)} "
        f"JOIN {_table(*SKILL)} ON {_joined(SKILL, 'id', LEVEL_OF_SKILL, 'skill')} "
        + (f"WHERE {_qualified(SKILL, 'code')} = %s " if one else "")
        + f"ORDER BY {_qualified(LEVEL_OF_SKILL, 'skill')}, {_qualified(LEVEL_OF_SKILL, 'level')}"
    )


def _grouping(shape, row, via, category_slug, subcategory_slug=None):
    """A skill's category or subcategory, named, with the category's links."""
    slug = subcategory_slug or category_slug
    fragment = f"#category-{category_slug}"
    if subcategory_slug:
        fragment = f"#subcategory-{category_slug}-{subcategory_slug}"
    return {
        "slug": slug,
        **shape.texts(row, ["name"], via=via),
        "href": shape.href("category", slug=category_slug),
        "url": shape.url("skills:skill_list", fragment=fragment),
    }


def _levels_of_skills(shape, rows):
    """{skill id: its levels, in order}, from rows of skill levels in that order."""
    levels = {}
    for row in rows:
        code, number = _skill_code(row, "skill__code"), row["level_id"]
        levels.setdefault(row["skill_id"], []).append(
            {
                "skill": code,
                "level": number,
                "defined": bool(row["defined"]),  # SQLite gives 0 or 1
                **shape.texts(row, ["description"]),
                "href": shape.href("skill_level", code=code, number=number),
                "url": shape.url("skills:skill_level", code=code, level=number),
                "uri": shape.uri("skills:skill_level", code=code, level=number),
            }
        )
    return levels


def skill_level(shape, code, number):
    """One skill (its upper-case `code`) at one level; None if it has no row there."""
    rows = _rows(_skill_levels_sql(shape.language, True), code)
    levels = _levels_of_skills(shape, [row for row in rows if row["level_id"] == number])
    return next(iter(levels.values()), [None])[0]


# Levels of responsibility.


def level_summaries(shape, levels=None):
    levels = ResponsibilityLevel.objects.all() if levels is None else levels
    return [_level(shape, row) for row in levels.values("number", *shape.columns(LEVEL_TEXTS))]


def _level(shape, row):
    number = row["number"]
    return {
        "number": number,
        **shape.texts(row, LEVEL_TEXTS),
        "href": shape.href("level", number=number),
        "url": shape.url("skills:level", level=number),
        "uri": shape.uri("skills:level", level=number),
    }


def level_details(shape, levels=None):
    """Each level with its essence, each generic attribute's description at it and the skills
    defined at it."""
    levels = ResponsibilityLevel.objects.all() if levels is None else levels
    numbers = list(levels.values_list("number", flat=True))
    attributes = _attributes_at_levels(shape, numbers)
    skills = _skills_at_levels(shape, numbers)
    return [
        _level(shape, row)
        | {"attributes": attributes.get(row["number"], []), "skills": skills.get(row["number"], [])}
        for row in levels.values("number", *shape.columns(LEVEL_TEXTS))
    ]


def _attributes_at_levels(shape, numbers):
    rows = (
        AttributeLevel.objects.filter(level__in=numbers, defined=True)
        .order_by("level", "attribute__group__position", "attribute__position")
        .values(
            "level_id",
            "attribute__code",
            *shape.columns(["name"], via="attribute__"),
            *shape.columns(["description"]),
        )
    )
    by_level = {}
    for row in rows:
        code = row["attribute__code"].lower()
        name = shape.texts(row, ["name"], via="attribute__")
        description = shape.texts(row, ["description"])
        by_level.setdefault(row["level_id"], []).append(
            {
                "attribute": code,
                "name": name["name"],
                "description": description["description"],
                FALLBACK_FIELDS: name[FALLBACK_FIELDS] + description[FALLBACK_FIELDS],
                "href": shape.href("attribute", code=code),
                "url": shape.url(
                    "skills:attribute", fragment=f"#level-{row['level_id']}", code=code
                ),
            }
        )
    return by_level


def _skills_at_levels(shape, numbers):
    rows = (
        SkillLevel.objects.filter(level__in=numbers, defined=True)
        .order_by(
            "level",
            "skill__subcategory__category__position",
            "skill__subcategory__position",
            "skill__code",
        )
        .values("level_id", "skill__code", *shape.columns(["name"], via="skill__"))
    )
    by_level = {}
    for row in rows:
        code, number = _skill_code(row, "skill__code"), row["level_id"]
        by_level.setdefault(number, []).append(
            {
                "skill": code,
                **shape.texts(row, ["name"], via="skill__"),
                "href": shape.href("skill_level", code=code, number=number),
                "url": shape.url("skills:skill_level", code=code, level=number),
            }
        )
    return by_level


# Generic attributes.


def attribute_summaries(shape, attributes=None):
    return [
        {key: value for key, value in attribute.items() if key not in ("levels",)}
        | {"defined_levels": [level["level"] for level in attribute["levels"]]}
        for attribute in attribute_details(shape, attributes, texts=("name", "description"))
    ]


def attribute_details(shape, attributes=None, texts=ATTRIBUTE_TEXTS):
    """Each attribute with its group and its description at each level it is described at."""
    attributes = GenericAttribute.objects.in_framework_order() if attributes is None else attributes
    rows = attributes.values(
        "id", "code", "group__slug", *shape.columns(texts), *shape.columns(["name"], via="group__")
    )
    levels = {}
    for row in (
        AttributeLevel.objects.filter(attribute__in=attributes, defined=True)
        .order_by("attribute_id", "level_id")
        .values("attribute_id", "attribute__code", "level_id", *shape.columns(["description"]))
    ):
        code, number = row["attribute__code"].lower(), row["level_id"]
        levels.setdefault(row["attribute_id"], []).append(
            {
                "level": number,
                **shape.texts(row, ["description"]),
                "href": shape.href("level", number=number),
                "url": shape.url("skills:attribute", fragment=f"#level-{number}", code=code),
            }
        )
    return [
        {
            "code": row["code"].lower(),
            **shape.texts(row, texts),
            "group": {"slug": row["group__slug"], **shape.texts(row, ["name"], via="group__")},
            "levels": levels.get(row["id"], []),
            **shape.links("attribute", "skills:attribute", code=row["code"].lower()),
        }
        for row in rows
    ]


# Categories.


def category_details(shape, categories=None):
    """Each category with its subcategories, and each subcategory with its skills."""
    categories = Category.objects.all() if categories is None else categories
    subcategories = {}
    for row in Subcategory.objects.filter(category__in=categories).values(
        "id", "slug", "category_id", "category__slug", *shape.columns(["name"])
    ):
        subcategories.setdefault(row["category_id"], []).append(
            {
                "slug": row["slug"],
                **shape.texts(row, ["name"]),
                "url": shape.url(
                    "skills:skill_list",
                    fragment=f"#subcategory-{row['category__slug']}-{row['slug']}",
                ),
                "skills": [],
                "_id": row["id"],
            }
        )
    by_id = {sub.pop("_id"): sub for subs in subcategories.values() for sub in subs}
    for row in (
        Skill.objects.filter(subcategory__in=by_id)
        .order_by("subcategory_id", "code")
        .values("subcategory_id", "code", *shape.columns(["name"]))
    ):
        code = _skill_code(row)
        by_id[row["subcategory_id"]]["skills"].append(
            {
                "code": code,
                **shape.texts(row, ["name"]),
                **shape.links("skill", "skills:skill", code=code),
            }
        )
    return [
        {
            "slug": row["slug"],
            **shape.texts(row, ["name"]),
            "subcategories": subcategories.get(row["id"], []),
            "href": shape.href("category", slug=row["slug"]),
            "url": shape.url("skills:skill_list", fragment=f"#category-{row['slug']}"),
        }
        for row in categories.values("id", "slug", *shape.columns(["name"]))
    ]


def framework(shape):
    """The whole framework in one document: the Downloads page's JSON."""
    front = index(shape)
    return {
        **{key: front[key] for key in ("edition", "content_version", "changed_at", "language")},
        "levels": level_details(shape),
        "categories": category_details(shape),
        "skills": skill_details(shape),
        "attributes": attribute_details(shape),
    }
