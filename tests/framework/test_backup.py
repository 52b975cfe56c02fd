"""A backup with dumpdata restores every language with loaddata (the README's commands)."""

import io
import json

import pytest
from django.core.management import call_command
from django.utils import translation

from skills.framework.models import Category, ResponsibilityLevel, Skill, SkillLevel, Subcategory
from tests.conftest import content_snapshot

pytestmark = pytest.mark.django_db


def wipe():
    for model in (SkillLevel, Skill, Subcategory, Category, ResponsibilityLevel):
        model.objects.all().delete()


# The bare field is written in the dumping process's language; loading it under another
# language must not put it into that language's (empty) column.
@pytest.mark.parametrize(("dumped_in", "loaded_in"), [("en", "en"), ("ar", "it"), ("de", "en")])
def test_dumpdata_and_loaddata_round_trip_every_language(tmp_path, dumped_in, loaded_in):
    call_command("loaddata", "fixtures/sfia.json", verbosity=0)
    # Gaps and edits that a careless backup would fill or lose: a missing Italian name, an
    # Arabic-only note, a German edit.
    Skill.objects.filter(code="SLMO").update(name_it=None, name_de="Dienstgüte")
    before = content_snapshot()
    backup = tmp_path / "backup.json"

    with translation.override(dumped_in):
        call_command(
            "dumpdata",
            "skills",
            "--natural-foreign",
            "--natural-primary",
            "--indent",
            "1",
            "--output",
            str(backup),
            verbosity=0,
        )
    wipe()
    with translation.override(loaded_in):
        call_command("loaddata", str(backup), verbosity=0, stdout=io.StringIO())

    assert content_snapshot() == before
    skill = Skill.objects.get(code="SLMO")
    assert skill.name_it is None  # not filled with the English fallback
    assert skill.name_de == "Dienstgüte"
    assert skill.responsibility_notes_ar.startswith("حيث لا يتم تعريف المستويات الأدنى")
    rows = json.loads(backup.read_text(encoding="utf-8"))
    assert {row["model"] for row in rows} >= {"skills.skill", "skills.skilllevel"}
