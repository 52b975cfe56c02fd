"""Every UI string in every language: catalogues complete, compiled, current, and no English
on a translated page except a marked fallback."""

import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command

from tests.pages import EVERY_PAGE

LOCALE = Path(settings.BASE_DIR) / "locale"
TRANSLATED = ["de", "ru", "it", "ar"]
PLURAL_FORMS = {"de": 2, "ru": 4, "it": 2, "ar": 6}


def catalogue(language):
    return polib.pofile(LOCALE / language / "LC_MESSAGES" / "django.po")


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_string_is_translated_and_none_is_fuzzy(language):
    po = catalogue(language)
    assert len(po) > 50
    assert po.percent_translated() == 100, [entry.msgid for entry in po.untranslated_entries()]
    assert po.fuzzy_entries() == []
    assert f"nplurals={PLURAL_FORMS[language]};" in po.metadata["Plural-Forms"]
    for entry in po:
        if entry.msgid_plural:
            assert len(entry.msgstr_plural) == PLURAL_FORMS[language]
            assert all(entry.msgstr_plural.values())
        # Placeholders survive translation.
        for placeholder in re.findall(r"%\(\w+\)s", entry.msgid):
            forms = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
            assert any(placeholder in form for form in forms), (language, entry.msgid)


@pytest.mark.parametrize("language", TRANSLATED)
def test_compiled_catalogues_match_their_sources(language):
    """The .mo files are committed so the site runs without GNU gettext; they must say what
    the .po files say."""
    po = catalogue(language)
    mo = polib.mofile(LOCALE / language / "LC_MESSAGES" / "django.mo")
    compiled = {(entry.msgid, entry.msgid_plural): entry for entry in mo}
    for entry in po:
        twin = compiled.pop((entry.msgid, entry.msgid_plural))
        if entry.msgid_plural:
            assert twin.msgstr_plural == entry.msgstr_plural
        else:
            assert twin.msgstr == entry.msgstr
    assert set(compiled) <= {("", "")}  # only the header is left


def test_catalogues_hold_every_string_in_the_code(tmp_path):
    """makemessages on a copy of the project finds nothing the committed catalogues lack."""
    if not shutil.which("xgettext"):
        if os.environ.get("CI") == "true":
            pytest.fail("CI installs GNU gettext; xgettext is missing")
        pytest.skip("GNU gettext is not installed (apt-get install gettext)")
    for name in ("manage.py", "sfia_site", "skills", "templates", "locale"):
        source = Path(settings.BASE_DIR) / name
        copy = shutil.copytree if source.is_dir() else shutil.copy
        copy(source, tmp_path / name)
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "de", "--no-obsolete", "-v0"],
        cwd=tmp_path,
        env={**os.environ, "DJANGO_DEBUG": "1", "DJANGO_SETTINGS_MODULE": "sfia_site.settings"},
        check=True,
        capture_output=True,
    )
    fresh = polib.pofile(tmp_path / "locale" / "de" / "LC_MESSAGES" / "django.po")
    assert {entry.msgid for entry in fresh} == {entry.msgid for entry in catalogue("de")}


class VisibleText(HTMLParser):
    """The text a reader sees in the page's own language: not inside <head>, not inside an
    element marked with another language (the switcher's names, English fallbacks), nor one
    marked translate="no" (URLs, skill codes)."""

    VOID = {"meta", "link", "br", "img", "input", "hr"}

    def __init__(self, language):
        super().__init__()
        self.language = language
        self.stack = []  # (tag, hidden)
        self.chunks = []

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        attrs = dict(attrs)
        hidden = (self.stack and self.stack[-1][1]) or tag in ("head", "script", "style")
        hidden = hidden or attrs.get("lang", self.language) != self.language
        hidden = hidden or attrs.get("translate") == "no"
        self.stack.append((tag, hidden))

    def handle_endtag(self, tag):
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data):
        if not (self.stack and self.stack[-1][1]):
            self.chunks.append(data)


# A whole word or phrase: "Level" is not found in "Service-Level-Management".
WORD = r"(?<![\w-])(?:{})(?![\w-])"


@pytest.mark.django_db
@pytest.mark.parametrize("language", TRANSLATED)
def test_no_english_ui_on_translated_pages(client, language):
    call_command("loaddata", "fixtures/sfia.json", verbosity=0)
    english = sorted(
        {
            entry.msgid
            for entry in catalogue(language)
            if entry.msgstr != entry.msgid and len(entry.msgid) > 3 and "%(" not in entry.msgid
        }
    )
    for page in EVERY_PAGE.values():
        parser = VisibleText(language)
        parser.feed(client.get(page.format(lang=language)).text)
        text = re.sub(r"\s+", " ", " ".join(parser.chunks))
        leaks = [msgid for msgid in english if re.search(WORD.format(re.escape(msgid)), text)]
        assert leaks == [], page
        assert not re.search(WORD.format("Level|Skills?|Description|Guidance"), text), page
