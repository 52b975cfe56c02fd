"""The search index: every text a search looks in, one row per text and language, folded and
stemmed (folding.py). Kept up to date by index.py as the content changes."""

from django.contrib.postgres.search import SearchVectorField
from django.db import models

from skills.framework.models import GenericAttribute, Skill


class Kind(models.TextChoices):
    SKILL = "skill"
    ATTRIBUTE = "attribute"


class SearchEntry(models.Model):
    """A text of a skill or an attribute (of the whole, or of one of its levels) in one
    language; a code has an entry in no language ("")."""

    kind = models.CharField(max_length=12, choices=Kind.choices)
    skill = models.ForeignKey(Skill, on_delete=models.CASCADE, null=True, related_name="+")
    attribute = models.ForeignKey(
        GenericAttribute, on_delete=models.CASCADE, null=True, related_name="+"
    )
    # The skill's or attribute's, kept here so a result needs no join to link to its page.
    code = models.CharField(max_length=8)
    level = models.PositiveSmallIntegerField(null=True)
    field = models.CharField(max_length=40)
    # How much a match in this text counts against one in another (index.WEIGHTS): a code or
    # a name before a description, a description before a level's text.
    weight = models.PositiveSmallIntegerField()
    language = models.CharField(max_length=8, blank=True)
    text = models.TextField()
    folded = models.TextField()
    # The folded text's stems, each between spaces (" servic level manag "): what SQLite
    # matches a query's stems against.
    stems = models.TextField()
    # PostgreSQL's tsvector of the folded text, in the language's configuration (NULL on
    # SQLite): what its full-text search matches, through a GIN index (migration 0002).
    vector = SearchVectorField(null=True)

    class Meta:
        indexes = [models.Index(fields=["language", "weight"])]

    def __str__(self):
        return f"{self.code} {self.level or ''} {self.field} [{self.language}]"
