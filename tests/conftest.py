import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

from skills.sources import read_framework

SOURCES = Path(settings.SFIA_SOURCES_DIR)
SLMO = SOURCES / "SLMO"
SHARED_SOURCES = Path(settings.BASE_DIR).parent / "shared" / "source-texts"


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in English: a request leaves its language active in the thread."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(scope="session")
def framework():
    return read_framework(settings.SFIA_FRAMEWORK_FILE)


@pytest.fixture
def sources_dir(tmp_path):
    """A fresh folder of skill sources holding a copy of SLMO."""
    root = tmp_path / "sources"
    root.mkdir()
    shutil.copytree(SLMO, root / "SLMO")
    return root


def slmo_text(language):
    return (SLMO / f"{language}.txt").read_text(encoding="utf-8")


def content_snapshot():
    """Every content row, keyed by natural keys, with every per-language column (never the
    bare translated field, whose value is undetermined). Equal snapshots: equal content."""
    from modeltranslation.translator import translator

    from skills.models import Category, ResponsibilityLevel, Skill, SkillLevel, Subcategory

    snapshot = {}
    for model in (ResponsibilityLevel, Category, Subcategory, Skill, SkillLevel):
        bare = set(translator.get_options_for_model(model).fields)
        rows = {}
        for instance in model.objects.all():
            row = {}
            for field in model._meta.concrete_fields:
                if field.name in bare or (field.primary_key and field.auto_created):
                    continue
                row[field.name] = natural(getattr(instance, field.name))
            key = natural(instance)
            rows[key] = row
        snapshot[model.__name__] = rows
    return snapshot


def natural(value):
    """A model instance as its natural key (or primary key); anything else as it is."""
    if hasattr(value, "natural_key"):
        return value.natural_key()
    return getattr(value, "pk", value)
