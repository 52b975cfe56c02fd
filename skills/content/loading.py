"""The content fixture into a database that has no content yet: the first import.

`manage.py load_content` is what every start runs (`dev.py run`, compose's setup), so it must
never load over content that is there: an admin's edits would silently go back to the fixture.
"""

from pathlib import Path

import reversion
from django.conf import settings
from django.core import serializers
from django.core.management import call_command
from django.db import transaction

from skills.content.fields import localized
from skills.content.merge import Merge
from skills.framework.languages import SOURCE_LANGUAGE
from skills.framework.models import CONTENT_MODELS
from skills.framework.revision_comments import imported_comment
from skills.framework.translation import translated_fields
from skills.search import index as search_index


def content_counts():
    """{model: rows} for every content model that has any."""
    counts = {model: model.objects.count() for model in CONTENT_MODELS}
    return {model: count for model, count in counts.items() if count}


def project_path(path):
    """`path` relative to the project where it is inside it: the history names the fixture
    the same on every machine."""
    try:
        return path.resolve().relative_to(settings.BASE_DIR)
    except ValueError:
        return path


@transaction.atomic
@search_index.batched()
def load_content(fixture):
    """Load `fixture` if the database has no content; return the objects loaded (0 if it had
    content). Like an import: one revision in the history, a record of what it wrote for the
    next import's merge, and the English its translations' records name (the fixture's own
    records, kept as they are) in OriginalText."""
    if content_counts():
        return 0
    fixture = Path(fixture)
    with reversion.create_revision():
        reversion.set_comment(imported_comment([fixture]))
        call_command("loaddata", str(fixture), verbosity=0)
        merge = Merge()
        loaded = 0
        with fixture.open(encoding="utf-8") as stream:
            for row in serializers.deserialize("json", stream, handle_forward_references=True):
                instance = row.object
                fields = [field.attname for field in instance._meta.concrete_fields]
                merge.loaded(instance, fields)
                merge.remember(*recorded_english(instance))
                if reversion.is_registered(type(instance)):
                    reversion.add_to_revision(instance)
                loaded += 1
        merge.record()
    return loaded


def recorded_english(instance):
    """The English texts of `instance` that a record of its translations names."""
    state = getattr(instance, "translation_state", {})
    recorded = {field for fields in state.values() for field in fields}
    for base in translated_fields(type(instance)):
        if base in recorded:
            yield getattr(instance, localized(base, SOURCE_LANGUAGE))
