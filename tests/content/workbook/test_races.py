"""import_spreadsheet and an admin save at once, on two real connections: the import locks
what it may change as import_sources does, so the second writer waits for the first and
nothing either wrote is lost."""

import io

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.test import Client

from skills.content.workbook import importer
from skills.editorial.admin.registration import SkillAdmin
from skills.framework.models import Skill, SkillLevel
from tests.content.workbook.books import import_spreadsheet, open_admin_form, workbook
from tests.editorial.test_races import Held

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def translator(tmp_path):
    import_spreadsheet(workbook(tmp_path, name="first.xlsx"))
    call_command("setup_roles", stdout=io.StringIO())
    user = User.objects.create_user("übersetzer", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name="Translator (German)"))
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


def level_4():
    return SkillLevel.objects.get(skill__code="XAAE", level=4)


def test_an_import_during_a_save_waits_for_it_and_keeps_its_german(
    translator, tmp_path, monkeypatch
):
    url, fields = open_admin_form(translator, "skill", Skill.objects.get(code="XAAE"), "de")
    # A German line for each of the English's (a translation keeps its text's lines).
    german = "\n".join("Neu." for _line in level_4().description_en.split("\n"))
    fields.update({"name_de": "Erfundene Fähigkeit", "levels-3-description_de": german})
    changed = workbook(tmp_path, name="changed.xlsx", changes={"Skills": {"S6": "Reworded."}})
    held = Held(monkeypatch, SkillAdmin, "save_model")

    waited, saved, _ = held.second_waits_for_first(
        lambda: translator.post(url, fields), lambda: import_spreadsheet(changed)
    )

    assert waited, "the import did not wait for the save's lock"
    assert saved.status_code == 302
    assert level_4().description_en == "Reworded."  # the import's English
    assert level_4().description_de == german  # the translator's German
    assert Skill.objects.get(code="XAAE").name_de == "Erfundene Fähigkeit"


def test_a_save_during_an_import_waits_and_is_refused_as_stale(translator, tmp_path, monkeypatch):
    # Opened before the import.
    url, fields = open_admin_form(translator, "skill", Skill.objects.get(code="XAAE"), "de")
    fields.update({"levels-3-description_de": "Meine Änderung."})
    changed = workbook(tmp_path, name="changed.xlsx", changes={"Skills": {"S6": "Reworded."}})
    held = Held(monkeypatch, importer.Merge, "record")

    waited, _, response = held.second_waits_for_first(
        lambda: import_spreadsheet(changed), lambda: translator.post(url, fields)
    )

    assert waited, "the save did not wait for the import's lock"
    assert response.status_code == 200
    assert "nachdem Sie es geöffnet hatten. Nichts wurde gespeichert" in response.text
    assert level_4().description_en == "Reworded."
    assert level_4().description_de is None
