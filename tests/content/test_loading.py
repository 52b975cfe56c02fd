"""`manage.py load_content`: the content into a new database, as its first revision, and
never over content that is there (every start runs it)."""

import io
import json
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from reversion.models import Version

from skills.framework.models import ImportedValue, Skill, SkillLevel
from tests.conftest import content_snapshot
from tests.forms import form_fields

pytestmark = pytest.mark.django_db

ROOT = Path(settings.BASE_DIR)


def load_content():
    out = io.StringIO()
    call_command("load_content", stdout=out)
    return out.getvalue()


def admin_save(client, url, **changes):
    page = client.get(url)
    form_id = re.search(r'<form [^>]*id="(\w+_form)"', page.text)[1]
    response = client.post(url, {**form_fields(page.text, form_id), **changes})
    assert response.status_code == 302, response.text
    return response


def test_a_new_database_gets_the_content_as_its_first_revision():
    output = load_content()

    # The glossary, empty too, starts from the key terms (tests/editorial/test_interface_words).
    assert re.fullmatch(
        r"Added \d+ glossary terms from fixtures/glossary.toml.\n"
        r"Loaded 42 objects from fixtures/sfia.json, as the first revision.\n",
        output,
    )
    slmo = Skill.objects.get(code="SLMO")
    assert slmo.name_de == "Service-Level-Management"
    (version,) = Version.objects.get_for_object(slmo)
    assert json.loads(version.revision.comment) == [{"imported": {"files": ["sfia.json"]}}]
    # The skill's version holds its levels, so reverting to it restores them too.
    level = SkillLevel.objects.get(skill=slmo, level=5)
    assert level in [v.object for v in version.revision.version_set.all()]


def test_a_restart_after_an_admin_edit_keeps_the_edit(admin_client):
    load_content()
    slmo = Skill.objects.get(code="SLMO")
    admin_save(admin_client, f"/en/admin/skills/skill/{slmo.pk}/change/", name_de="Mein Name")
    before = content_snapshot()

    output = load_content()

    assert output.startswith(
        "The database already has content (1 edition, 7 levels of responsibility"
    )
    assert "1 skill," in output and "nothing loaded" in output
    assert Skill.objects.get(code="SLMO").name_de == "Mein Name"
    assert content_snapshot() == before


def test_the_first_admin_save_can_be_reverted_to_the_imported_text(admin_client):
    load_content()
    slmo = Skill.objects.get(code="SLMO")
    url = f"/en/admin/skills/skill/{slmo.pk}/change/"
    admin_save(admin_client, url, name_de="Falsch", **{"levels-4-description_de": "Falsch."})
    imported = Version.objects.get_for_object(slmo).order_by("pk").first()
    assert "imported" in json.loads(imported.revision.comment)[0]

    admin_save(admin_client, f"/en/admin/skills/skill/{slmo.pk}/history/{imported.pk}/")

    reverted = Skill.objects.get(pk=slmo.pk)
    assert reverted.name_de == "Service-Level-Management"
    level = SkillLevel.objects.get(skill=slmo, level=5)
    assert level.description_de.startswith("Gewährleistet, dass die Servicebereitstellung")


def test_what_the_fixture_wrote_is_the_base_of_the_next_import():
    load_content()

    recorded = ImportedValue.objects.of_model(Skill)
    assert recorded[("SLMO", "name_de")] == "Service-Level-Management"
    assert recorded[("SLMO", "guidance_notes_it")] is None
    assert ImportedValue.objects.of_model(SkillLevel)[("SLMO/2", "defined")] is True


def test_every_start_loads_the_content_only_into_a_database_without_it():
    # dev.py run and compose's setup service both call load_content, never loaddata.
    import dev

    steps = [args[0] for _, args in dev.RUN_STEPS]
    assert "load_content" in steps and "loaddata" not in steps
    compose = (ROOT / "compose.yaml").read_text(encoding="utf-8")
    setup = compose[compose.index("  setup:") : compose.index("  app:")]
    assert "python manage.py load_content" in setup
    assert "loaddata" not in compose
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert "loaddata" not in dockerfile
