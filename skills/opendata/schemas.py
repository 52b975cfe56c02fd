"""The API's documents as pydantic models: what the OpenAPI schema at /api/v1/openapi.json
describes, and what every response is checked against. documents.py makes the dicts these
validate.

Plain pydantic models, not django-ninja's Schema: Schema wraps every object it validates in a
getter that reads ORM instances' attributes, which documents (dicts) don't need. Validated by
pydantic's own code, the check of an uncached skill costs a fifteenth of its answer instead of
a sixth, and the OpenAPI schema is the same (docs/performance.md)."""

from datetime import datetime

from pydantic import BaseModel, Field, create_model

from skills.framework.languages import LANGUAGE_CODES

# A text in each of the site's languages (`?lang=all`), null where it has none: a field a
# language, as languages.py declares them.
Translations = create_model(
    "Translations",
    __base__=BaseModel,
    __doc__="A text in each of the site's languages (`?lang=all`); null where it has none.",
    **dict.fromkeys(LANGUAGE_CODES, (str | None, ...)),
)

# A text: a string in the language asked for (English where it has no translation, named in
# `fallback_fields`), or each language's with `?lang=all`; null where there is none at all.
Text = str | Translations | None
FallbackFields = Field(
    description=(
        "This object's text fields that have no translation in the language asked for and "
        "give the English source instead. Always empty in English and with lang=all."
    )
)
Href = Field(description="This object's address in the API, in the same language.")
Url = Field(
    description="Its page on the reader's site in that language (with lang=all, the stable URI)."
)
Uri = Field(
    description=(
        "Its stable URI: the page's address without a language, which takes each reader to "
        "the page in their language. The same in every language and edition."
    )
)
Code = Field(description="The framework's code, in lower case (any case is accepted).")
LevelNumber = Field(ge=1, le=7, description="A level of responsibility, 1 to 7.")


class Error(BaseModel):
    """What every 400 and 404 answer holds."""

    status: int
    message: str = Field(description="What is wrong, in the language asked for.")


class Index(BaseModel):
    edition: str | None
    content_version: int = Field(description="Moves on with every change to the content.")
    changed_at: datetime
    language: str
    languages: list[str]
    skills: str
    levels: str
    attributes: str
    categories: str
    openapi: str
    href: str = Href
    url: str = Url


class SkillSummary(BaseModel):
    code: str = Code
    name: Text
    category: str = Field(description="The slug of the skill's category.")
    subcategory: str = Field(description="The slug of the skill's subcategory.")
    defined_levels: list[int]
    fallback_fields: list[str] = FallbackFields
    href: str = Href
    url: str = Url
    uri: str = Uri


class SkillLevel(BaseModel):
    """A skill at one level of responsibility. Where the skill is not defined at the level,
    `description` holds the framework's note on that level, if it has one."""

    skill: str = Code
    level: int = LevelNumber
    defined: bool
    description: Text
    fallback_fields: list[str] = FallbackFields
    href: str = Href
    url: str = Url
    uri: str = Uri


class Grouping(BaseModel):
    slug: str
    name: Text
    fallback_fields: list[str] = FallbackFields
    href: str = Field(description="The category's address in the API.")
    url: str = Url


class SkillDetail(BaseModel):
    code: str = Code
    name: Text
    description: Text
    guidance_intro: Text
    guidance_notes: Text = Field(description="One list item a line.")
    responsibility_notes: Text = Field(
        description='One paragraph a line; a line starting with "- " is a list item.'
    )
    development_notes: Text = Field(
        description='One paragraph a line; a line starting with "- " is a list item.'
    )
    category: Grouping
    subcategory: Grouping
    levels: list[SkillLevel]
    fallback_fields: list[str] = FallbackFields
    href: str = Href
    url: str = Url
    uri: str = Uri


class LevelSummary(BaseModel):
    number: int = LevelNumber
    guiding_phrase: Text
    essence: Text
    fallback_fields: list[str] = FallbackFields
    href: str = Href
    url: str = Url
    uri: str = Uri


class AttributeAtLevel(BaseModel):
    attribute: str = Code
    name: Text
    description: Text
    fallback_fields: list[str] = FallbackFields
    href: str = Field(description="The attribute's address in the API.")
    url: str = Url


class SkillAtLevel(BaseModel):
    skill: str = Code
    name: Text
    fallback_fields: list[str] = FallbackFields
    href: str = Field(description="The skill at this level, in the API.")
    url: str = Url


class LevelDetail(LevelSummary):
    attributes: list[AttributeAtLevel]
    skills: list[SkillAtLevel] = Field(description="The skills defined at this level.")


class AttributeGroup(BaseModel):
    slug: str
    name: Text
    fallback_fields: list[str] = FallbackFields


class AttributeSummary(BaseModel):
    code: str = Code
    name: Text
    description: Text
    group: AttributeGroup
    defined_levels: list[int]
    fallback_fields: list[str] = FallbackFields
    href: str = Href
    url: str = Url
    uri: str = Uri


class LevelOfAttribute(BaseModel):
    level: int = LevelNumber
    description: Text
    fallback_fields: list[str] = FallbackFields
    href: str = Field(description="The level of responsibility's address in the API.")
    url: str = Url


class AttributeDetail(BaseModel):
    code: str = Code
    name: Text
    description: Text
    guidance_intro: Text
    guidance_notes: Text = Field(description="One list item a line.")
    group: AttributeGroup
    levels: list[LevelOfAttribute]
    fallback_fields: list[str] = FallbackFields
    href: str = Href
    url: str = Url
    uri: str = Uri


class SkillInCategory(BaseModel):
    code: str = Code
    name: Text
    fallback_fields: list[str] = FallbackFields
    href: str = Href
    url: str = Url
    uri: str = Uri


class Subcategory(BaseModel):
    slug: str
    name: Text
    fallback_fields: list[str] = FallbackFields
    url: str = Url
    skills: list[SkillInCategory]


class Category(BaseModel):
    slug: str
    name: Text
    fallback_fields: list[str] = FallbackFields
    subcategories: list[Subcategory]
    href: str = Href
    url: str = Url
