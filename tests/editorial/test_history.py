"""The admin's history as each reader reads it: imports named by their files, never by a
server's paths; languages named, not coded; Django's Arabic "added" for a change corrected."""

import io
import json

import pytest
from django.contrib.messages import get_messages
from django.core.management import call_command
from reversion.models import Revision, Version

from skills.editorial.history import describe_change
from skills.framework.models import Skill
from tests.editorial.test_admin import (
    CHANGE,
    open_form,
    save,
    slmo,  # noqa: F401 (a fixture)
)

pytestmark = pytest.mark.django_db


def history_page(client, skill, lang):
    return client.get(f"/{lang}/admin/skills/skill/{skill.pk}/history/").text


def test_an_import_is_named_by_its_files_in_the_readers_language(admin_client):
    call_command("load_content", stdout=io.StringIO())  # the first revision, from the fixture
    skill = Skill.objects.get(code="SLMO")
    german = history_page(admin_client, skill, "de")
    arabic = history_page(admin_client, skill, "ar")

    assert "Importiert aus sfia.json" in german
    assert "استُورد من sfia.json" in arabic
    assert "fixtures/" not in german


@pytest.mark.parametrize(
    ("stored", "lang", "shown"),
    [
        # As imports stored them before: a server path, in English.
        ("Imported from /tmp/pytest-7/sfia-9.xlsx", "de", "Importiert aus sfia-9.xlsx"),
        (
            "Imported from /srv/a/sources, /srv/b/more",
            "en",
            "Imported from sources and more",
        ),
        (
            "Translations in de imported from /home/dora/de.po",
            "it",
            "Traduzioni in tedesco importate da de.po",
        ),
        # As they store them now.
        (json.dumps([{"imported": {"files": ["de.xlf"], "language": "ar"}}]), "ru", None),
    ],
)
def test_an_imports_history_entry_names_no_server_path(stored, lang, shown):
    from django.utils import translation

    with translation.override(lang):
        described = describe_change(stored)
    if shown is not None:
        assert described == shown
    else:
        assert described == "Переводы (арабский) импортированы из de.xlf"
    assert "/" not in described


def test_a_save_in_the_arabic_admin_says_changed_not_added(admin_client, slmo):  # noqa: F811
    url = CHANGE.format(lang="ar", pk=slmo.pk)

    response = save(admin_client, url, open_form(admin_client, url), name_de="Neuer Name")

    (message,) = [str(message) for message in get_messages(response.wsgi_request)]
    assert message.startswith("نجح تعديل")  # changed
    assert "إضافة" not in message  # Django's catalogue says "added"


def test_a_content_import_stores_no_server_path(admin_client, slmo, tmp_path):  # noqa: F811
    from tests.content.workbook.test_import import import_spreadsheet, workbook

    import_spreadsheet(workbook(tmp_path))

    latest = Revision.objects.order_by("pk").last()
    assert str(tmp_path) not in latest.comment
    skill = Skill.objects.exclude(pk=slmo.pk).order_by("pk").last()
    assert Version.objects.get_for_object(skill).exists()
    assert str(tmp_path) not in history_page(admin_client, skill, "en")
