"""Two writers at once, on two real connections (this test's database, SQLite or
PostgreSQL): an import and a translator's save each lock what they change, the second waits
for the first, and nothing either wrote is lost or written back stale."""

import io
import re
import shutil
import threading

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.db import connections
from django.test import Client
from django.test.utils import CaptureQueriesContext

from skills.content import importer
from skills.editorial.admin.registration import SkillAdmin
from skills.framework.models import Skill, SkillLevel
from tests.conftest import SLMO
from tests.forms import form_fields

pytestmark = pytest.mark.django_db(transaction=True)

NEW_ENGLISH = "Monitors service delivery performance metrics, newly worded."
# How long a second writer is given to reach the first one's lock (and be held there).
REACH_THE_LOCK = 0.5


@pytest.fixture
def translator():
    call_command("load_content", stdout=io.StringIO())
    call_command("setup_roles", stdout=io.StringIO())
    user = User.objects.create_user("übersetzer", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name="Translator (German)"))
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


@pytest.fixture
def english_only_sources(tmp_path):
    """SLMO's folder with its English only, level 3 reworded: the import changes English and
    has no German to write."""
    folder = tmp_path / "sources" / "SLMO"
    folder.mkdir(parents=True)
    for name in ("skill.toml", "en.txt"):
        shutil.copy(SLMO / name, folder / name)
    english = folder / "en.txt"
    text = english.read_text(encoding="utf-8")
    assert "Monitors service delivery performance metrics." in text
    english.write_text(
        text.replace("Monitors service delivery performance metrics.", NEW_ENGLISH),
        encoding="utf-8",
    )
    return folder.parent


class Held:
    """Holds the first writer inside its transaction, once it has written, until released:
    wraps `owner.name`, a step it takes after writing and before committing."""

    def __init__(self, monkeypatch, owner, name):
        self.inside = threading.Event()
        self.release = threading.Event()
        step = getattr(owner, name)

        def step_and_hold(*args):
            result = step(*args)
            if not self.inside.is_set():  # the first writer only
                self.inside.set()
                assert self.release.wait(timeout=30), "never released"
            return result

        monkeypatch.setattr(owner, name, step_and_hold)

    def second_waits_for_first(self, first, second):
        """Run `first` until it is held, then `second`; whether `second` waited for `first`
        to commit, and what each returned."""
        first_thread, first_outcome = in_thread(first)
        assert self.inside.wait(timeout=30)
        second_thread, second_outcome = in_thread(second)
        second_thread.join(REACH_THE_LOCK)
        waited = second_thread.is_alive()
        self.release.set()
        first_thread.join(30)
        second_thread.join(30)
        assert "error" not in first_outcome and "error" not in second_outcome, (
            first_outcome,
            second_outcome,
        )
        return waited, first_outcome["result"], second_outcome["result"]


def in_thread(work):
    """Run `work` in a thread of its own, with its own database connection."""
    outcome = {}

    def run():
        try:
            outcome["result"] = work()
        except BaseException as error:  # reported by the test, not lost in the thread
            outcome["error"] = error
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    return thread, outcome


def open_form(client, skill):
    url = f"/de/admin/skills/skill/{skill.pk}/change/"
    page = client.get(url)
    return url, form_fields(page.text, re.search(r'<form [^>]*id="(\w+_form)"', page.text)[1])


def level_3():
    return SkillLevel.objects.get(skill__code="SLMO", level=3)


def run_import(directory):
    out = io.StringIO()
    call_command("import_sources", str(directory), stdout=out)
    return out.getvalue()


def test_an_import_during_a_save_waits_for_it_and_keeps_its_german(
    translator, english_only_sources, monkeypatch
):
    skill = Skill.objects.get(code="SLMO")
    url, fields = open_form(translator, skill)
    fields.update({"name_de": "Dienstgütemanagement", "levels-2-description_de": "Neu."})
    held = Held(monkeypatch, SkillAdmin, "save_model")

    waited, saved, _ = held.second_waits_for_first(
        lambda: translator.post(url, fields), lambda: run_import(english_only_sources)
    )

    assert waited, "the import did not wait for the save's lock"
    assert saved.status_code == 302
    assert level_3().description_en.startswith(NEW_ENGLISH)  # the import's English
    assert level_3().description_de == "Neu."  # the translator's German, not the old one
    assert Skill.objects.get(code="SLMO").name_de == "Dienstgütemanagement"


def test_a_save_during_an_import_waits_and_is_refused_as_stale(
    translator, english_only_sources, monkeypatch
):
    skill = Skill.objects.get(code="SLMO")
    url, fields = open_form(translator, skill)  # opened before the import
    fields.update({"levels-2-description_de": "Meine Änderung."})
    held = Held(monkeypatch, importer.Merge, "record")

    waited, _, response = held.second_waits_for_first(
        lambda: run_import(english_only_sources), lambda: translator.post(url, fields)
    )

    assert waited, "the save did not wait for the import's lock"
    assert response.status_code == 200
    assert "nachdem Sie es geöffnet hatten. Nichts wurde gespeichert" in response.text
    assert level_3().description_en.startswith(NEW_ENGLISH)  # not written back by the save
    assert level_3().description_de.startswith("Überwacht die Leistungskennzahlen")


def test_a_save_of_one_language_writes_no_other(translator):
    skill = Skill.objects.get(code="SLMO")
    url, fields = open_form(translator, skill)
    changes = {"name_de": "Dienstgütemanagement", "levels-2-description_de": "Neu."}

    with CaptureQueriesContext(connections["default"]) as queries:
        assert translator.post(url, {**fields, **changes}).status_code == 302

    updates = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("UPDATE")]
    skill_update = next(sql for sql in updates if '"skills_skill"' in sql)
    level_update = next(sql for sql in updates if '"skills_skilllevel"' in sql)
    assert '"name_de"' in skill_update and '"name_en"' not in skill_update
    assert '"description_de"' in level_update and '"description_en"' not in level_update
    assert '"defined"' not in level_update


def test_two_saves_at_once_one_waits_and_is_refused_never_a_500(translator, monkeypatch):
    skill = Skill.objects.get(code="SLMO")
    url, fields = open_form(translator, skill)
    other = Client(raise_request_exception=False)
    other.force_login(User.objects.get(username="übersetzer"))
    held = Held(monkeypatch, SkillAdmin, "save_model")

    waited, saved, refused = held.second_waits_for_first(
        lambda: translator.post(url, {**fields, "name_de": "Erster"}),
        lambda: other.post(url, {**fields, "name_de": "Zweiter"}),
    )

    assert waited, "the second save did not wait for the first"
    assert saved.status_code == 302
    assert refused.status_code == 200
    assert "nachdem Sie es geöffnet hatten. Nichts wurde gespeichert" in refused.text
    assert Skill.objects.get(pk=skill.pk).name_de == "Erster"
