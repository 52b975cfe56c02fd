"""The README's recipes, followed in a copy of the project. "Adding a field": four hand edits
and two generated steps give a translated text on the skill page, in the page's language or
with English standing in, marked. "Adding a language": three edits (two without its own
source texts) give a sixth language with its pages, its switcher entry, its columns and its
translators' group.

Slow for unit tests (makemessages, a migration, a fresh database: some seconds each), and the
one proof that a field and a language are each declared in one place.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

from tests.conftest import manage, require_tool

BASE = Path(settings.BASE_DIR)
LOCALE_ARGS = ["--ignore=.venv", "--ignore=node_modules", "--ignore=build"]

# The four hand edits, as the README gives them: (file, text after which, text added).
FIELD = '    summary = models.TextField(_("summary"), blank=True)\n'
EDITS = [
    (
        "skills/framework/models.py",
        "    objects = SkillManager()\n",
        FIELD,
        "before",
    ),
    (
        "skills/framework/translation.py",
        '        "development_notes",\n',
        '        "summary",\n',
        "after",
    ),
    (
        "templates/jinja2/skills/skill_detail.html",
        '  <section aria-labelledby="defined-at">\n',
        '  {% if skill.summary %}<h2>{{ _("Summary") }}</h2>{{ skill.summary.paragraphs }}'
        "{% endif %}\n",
        "before",
    ),
]
READ_PAGES = """
import django
django.setup()
from django.conf import settings
from django.test import Client
from skills.framework.models import Skill
from skills.editorial.admin.forms import translation_fields

settings.ALLOWED_HOSTS = ["testserver"]
Skill.objects.filter(code="SLMO").update(
    summary_en="An English summary.", summary_de="Eine deutsche Zusammenfassung."
)
client = Client()
print(client.get("/de/skills/slmo/").text)
print("=====")
print(client.get("/ar/skills/slmo/").text)
print("=====")
print(sorted(name for name in translation_fields(Skill) if name.startswith("summary")))
"""


def project_copy(target):
    """The project's files as a clean checkout has them (with this one's uncommitted ones)."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=BASE,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\0")
    for name in filter(None, listed):
        source = BASE / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


def edit(root, path, anchor, text, where):
    file = root / path
    content = file.read_text()
    assert content.count(anchor) == 1, f"{path}: the README's anchor is gone"
    file.write_text(content.replace(anchor, text + anchor if where == "before" else anchor + text))


@pytest.fixture
def project(tmp_path):
    for tool in ("xgettext", "msgfmt"):
        require_tool(shutil.which(tool) or f"/usr/bin/{tool}", "apt-get install gettext")
    root = project_copy(tmp_path / "project")
    env = {
        **os.environ,
        "PYTHONPATH": str(root),
        "DJANGO_SETTINGS_MODULE": "sfia_site.settings",
        "DJANGO_DEBUG": "1",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "CACHE_URL": "",
        "DJANGO_PAGE_CACHE": "0",
        "DJANGO_SITE_URL": "http://testserver",
    }

    def manage_here(*args):
        return manage(env, *args, cwd=root)

    def python(code):
        return subprocess.run(
            [sys.executable, "-c", code], cwd=root, env=env, capture_output=True, text=True
        )

    return root, manage_here, python


def test_a_field_is_four_edits_and_two_generated_steps(project):
    root, manage, python = project
    for path, anchor, text, where in EDITS:
        edit(root, path, anchor, text, where)
    # Edit 4, the catalogues: the new messages, translated.
    manage("makemessages", "-l", "de", "-l", "ar", "--no-obsolete", *LOCALE_ARGS)
    catalogue = polib.pofile(root / "locale/de/LC_MESSAGES/django.po")
    for message in ("summary", "Summary"):
        entry = catalogue.find(message)
        assert entry is not None and entry.msgstr == "", message
        entry.msgstr = "Zusammenfassung"
    catalogue.save()
    manage("compilemessages", "-l", "de", *LOCALE_ARGS)
    # The generated steps.
    migrations = root / "skills/framework/migrations"
    before = set(migrations.glob("0*.py"))
    manage("makemigrations", "skills")
    (new,) = set(migrations.glob("0*.py")) - before
    migration = new.read_text()
    assert all(f"summary_{code}" in migration for code in ("en", "de", "ru", "it", "ar"))
    manage("build_fixtures")
    assert '"summary_de": null' in (root / "fixtures/sfia.json").read_text()
    manage("migrate")
    manage("load_content")

    result = python(READ_PAGES)

    assert result.returncode == 0, result.stderr
    german, arabic, form_fields = result.stdout.split("=====\n")
    assert "<h2>Zusammenfassung</h2>" in german
    assert "Eine deutsche Zusammenfassung." in german
    assert "An English summary." not in german
    # English standing in, marked and said so.
    assert (
        '<p class="fallback-note">لم تُترجم بعد: معروضة بالإنجليزية.</p>\n'
        '<div class="text fallback" lang="en" dir="ltr">\n<p>An English summary.</p>'
    ) in arabic
    assert "summary_ar" in form_fields  # the translators' form has it, in every language


READ_THE_NEW_LANGUAGE = """
import django
django.setup()
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from skills.framework.models import Skill

settings.ALLOWED_HOSTS = ["testserver"]
Skill.objects.filter(code="SLMO").update(name_fr="Gestion des niveaux de service")
call_command("setup_roles", verbosity=0)
client = Client()
print(client.get("/fr/skills/slmo/").text)
print("=====")
print(client.get("/de/skills/slmo/").text)
print("=====")
translators = Group.objects.get(name="Translator (French)")
print(translators.permissions.filter(codename="translate_fr").count())
"""


def test_a_language_is_three_edits_and_two_generated_steps(project):
    root, manage, python = project
    # Edit 1: the declaration (no source texts come in French, so no layout: edit 3 is not due).
    edit(
        root,
        "skills/framework/languages.py",
        '    Language("ar", gettext_noop("Arabic"), "العربية"),\n',
        '    Language("fr", gettext_noop("French"), "Français"),\n',
        "after",
    )
    # Edit 2, the catalogues: the new one translated (here, marked as French), and the
    # language's name in the others.
    manage("makemessages", "-l", "fr", "-l", "de", "--no-obsolete", *LOCALE_ARGS)
    french = polib.pofile(root / "locale/fr/LC_MESSAGES/django.po")
    for entry in french:
        if entry.msgid_plural:
            entry.msgstr_plural = {0: f"FR {entry.msgid}", 1: f"FR {entry.msgid_plural}"}
        else:
            entry.msgstr = f"FR {entry.msgid}"
    french.find("Skills").msgstr = "Compétences"
    french.save()
    german = polib.pofile(root / "locale/de/LC_MESSAGES/django.po")
    german.find("French").msgstr = "Französisch"
    german.save()
    manage("compilemessages", "-l", "fr", "-l", "de", *LOCALE_ARGS)
    manage("makemigrations", "skills")
    manage("build_fixtures")
    manage("migrate")
    manage("load_content")

    result = python(READ_THE_NEW_LANGUAGE)

    assert result.returncode == 0, result.stderr
    french_page, german_page, permissions = result.stdout.split("=====\n")
    assert '<html lang="fr" dir="ltr">' in french_page
    assert "Gestion des niveaux de service" in french_page
    assert ">Compétences</a>" in french_page
    # A text not yet in French: English standing in, marked.
    assert '<div class="text fallback" lang="en" dir="ltr">' in french_page
    # Every page offers it, named in itself, and links its French address.
    assert 'hreflang="fr" lang="fr" dir="ltr">Français</a>' in german_page
    assert '<link rel="alternate" hreflang="fr" href="http://testserver/fr/skills/slmo/">' in (
        german_page
    )
    assert permissions.strip() == "1"  # its translators' group, with its permission
