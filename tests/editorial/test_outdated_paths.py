"""Every path that writes English leaves the translations of the old English outdated, seen
where people look: the reader's page (marked, with the note in the page's language), the
admin's form (with the change in the English), the status counts and the "outdated in"
filter; and confirming or updating the translation clears it everywhere."""

import io
import re

import pytest
from django.core.management import call_command

from skills.framework.models import OriginalText, Skill
from tests.content.workbook.books import empty_the_database, import_spreadsheet, workbook
from tests.editorial.test_admin import CHANGE, listed, open_form, save, status_counts, user_in

pytestmark = pytest.mark.django_db

NEW_ENGLISH = "An invented description, changed for the test."
NOTES = {
    "de": "Das englische Original hat sich geändert, seit dies übersetzt wurde.",
    "ar": "تغيّر النص الإنجليزي الأصلي منذ ترجمة هذا النص.",
}


def by_the_admin(client, tmp_path, sources_dir):
    editor = user_in("Editor", "editor-of-the-test")
    client.force_login(editor)
    skill = Skill.objects.get(code="SLMO")
    url = CHANGE.format(lang="en", pk=skill.pk)
    assert save(client, url, open_form(client, url), description_en=NEW_ENGLISH).status_code == 302
    return "SLMO"


def by_import_sources(client, tmp_path, sources_dir):
    path = sources_dir / "SLMO" / "en.txt"
    old = Skill.objects.get(code="SLMO").description_en
    path.write_text(path.read_text(encoding="utf-8").replace(old, NEW_ENGLISH), encoding="utf-8")
    call_command("import_sources", str(sources_dir), stdout=io.StringIO())
    return "SLMO"


def by_import_spreadsheet(client, tmp_path, sources_dir):
    """The workbook's invented skills, translated into German and Arabic, then a new English
    workbook changing one skill's description."""
    empty_the_database()
    import_spreadsheet(workbook(tmp_path))
    for language in NOTES:
        import_spreadsheet(workbook(tmp_path, language), language=language)
    changed = workbook(tmp_path, name="changed.xlsx", changes={"Skills": {"N2": NEW_ENGLISH}})
    import_spreadsheet(changed)
    return "XAAA"


def by_loaddata(client, tmp_path, sources_dir):
    """A backup taken while the translations were outdated, restored into an empty database."""
    by_the_admin(client, tmp_path, sources_dir)
    backup = tmp_path / "backup.json"
    call_command("dumpdata", "skills", "--natural-foreign", "--natural-primary", "-o", str(backup))
    empty_the_database()
    OriginalText.objects.all().delete()
    call_command("loaddata", str(backup), verbosity=0)
    return "SLMO"


def by_a_revert(client, tmp_path, sources_dir):
    """The English changed, the translations updated, then the skill reverted to the version
    with the new English and the old translations: their records come back with them."""
    from reversion.models import Version

    by_the_admin(client, tmp_path, sources_dir)
    skill = Skill.objects.get(code="SLMO")
    outdated_version = Version.objects.get_for_object(skill).first()
    url = CHANGE.format(lang="en", pk=skill.pk)
    updated = {f"description_{language}": f"Aktualisiert ({language})." for language in NOTES}
    save(client, url, open_form(client, url), **updated)
    assert "Aktualisiert" in Skill.objects.get(pk=skill.pk).description_de

    revert_url = f"/en/admin/skills/skill/{skill.pk}/history/{outdated_version.pk}/"
    assert client.post(revert_url, open_form(client, revert_url)).status_code == 302
    return "SLMO"


PATHS = [by_the_admin, by_import_sources, by_import_spreadsheet, by_loaddata, by_a_revert]


@pytest.fixture
def slmo_content():
    call_command("load_content", stdout=io.StringIO())
    call_command("setup_roles", stdout=io.StringIO())


def outdated_blocks(page):
    return re.findall(r'<div class="text[^"]*" data-translation="outdated">(.*?)</div>', page, re.S)


@pytest.mark.parametrize("path", PATHS, ids=lambda path: path.__name__)
def test_an_english_change_is_seen_as_outdated_everywhere_until_confirmed(
    client, tmp_path, sources_dir, slmo_content, path
):
    code = path(client, tmp_path, sources_dir)
    skill = Skill.objects.get(code=code)
    german, english = skill.description_de, skill.description_en
    assert english == NEW_ENGLISH and german

    # The reader's pages, in German and in Arabic: the translation, marked and noted.
    for language, note in NOTES.items():
        page = client.get(f"/{language}/skills/{code.lower()}/").text
        assert note in page
        blocks = outdated_blocks(page)
        first_line = getattr(skill, f"description_{language}").split("\n")[0]
        assert any(first_line in block for block in blocks), language

    # The admin: flagged, with the change in the English; counted and filtered.
    gerda = user_in("Translator (German)", "gerda")
    client.force_login(gerda)
    url = CHANGE.format(lang="de", pk=skill.pk)
    form_page = client.get(url).text
    assert 'data-translation="outdated"' in form_page
    assert re.search(r"<ins>[^<]*test\.</ins>", form_page)  # the new English, marked
    client.force_login(user_in("Editor", "counting-editor"))
    assert status_counts(client.get("/en/admin/skills/skill/").text, "de")["outdated"] == 1
    assert listed(client.get("/en/admin/skills/skill/?outdated=de")) == [code]

    # Confirmed by the German translator: cleared in German, still outdated in Arabic.
    client.force_login(gerda)
    save(client, url, open_form(client, url), description_de__still_correct="1")
    page = client.get(f"/de/skills/{code.lower()}/").text
    assert NOTES["de"] not in page and not outdated_blocks(page)
    assert NOTES["ar"] in client.get(f"/ar/skills/{code.lower()}/").text
    client.force_login(user_in("Editor", "another-editor"))
    assert status_counts(client.get("/en/admin/skills/skill/").text, "de")["outdated"] == 0
    assert listed(client.get("/en/admin/skills/skill/?outdated=de")) == []
