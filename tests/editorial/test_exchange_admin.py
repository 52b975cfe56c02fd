"""The admin's exchange page (editorial/exchange_admin.py): a translator downloads their own
language's PO file, edits it as a CAT tool would (polib here), and uploads it back; refusals
in the translator's language, naming the unit, with nothing written."""

import io
import re

import polib
import pytest
from django.contrib.auth.models import Group, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from reversion.models import Version

from skills.framework.models import Skill, SkillLevel
from skills.framework.translation_state import Status, record_of, text_status
from tests.conftest import content_snapshot

pytestmark = pytest.mark.django_db

PAGE = "/{lang}/admin/skills/skill/exchange/"
LEVEL_5 = "skill/SLMO/level/5/description"
LEVEL_4 = "skill/SLMO/level/4/description"
NEW_LEVEL_5 = "Stellt sicher, dass die vereinbarten Serviceebenen jederzeit eingehalten werden."


def download(client, lang="de", **query):
    return client.get(PAGE.format(lang=lang), query)


def catalogue_of(response):
    return polib.pofile(response.content.decode("utf-8"))


def upload(client, catalogue, lang="de", name="de.po"):
    text = catalogue if isinstance(catalogue, str) else str(catalogue)
    sent = SimpleUploadedFile(name, text.encode("utf-8"), "text/x-gettext-translation")
    return client.post(PAGE.format(lang=lang), {"file": sent})


def german_file(client, change):
    catalogue = catalogue_of(download(client, language="de"))
    change(catalogue)
    return catalogue


def translate_level_5(catalogue):
    (unit,) = [each for each in catalogue if each.msgctxt == LEVEL_5]
    unit.msgstr = NEW_LEVEL_5


def refusals(response):
    """The refusal list's items, as the page shows them."""
    assert response.status_code == 200
    page = response.content.decode()
    assert 'id="refused"' in page, page
    start = page.index('id="refused"')
    return page[start : page.index("</section>", start)]


def test_the_skill_list_links_to_the_exchange_page(client, translator):
    page = client.get("/de/admin/skills/skill/").content.decode()
    assert 'href="/de/admin/skills/skill/exchange/"' in page
    assert "Austauschdateien für CAT-Tools" in page


def test_a_translator_downloads_their_language_optionally_only_what_needs_work(client, translator):
    SkillLevel.objects.filter(skill__code="SLMO", level=5).update(description_de=None)
    response = download(client, language="de", only=["missing"])
    assert response["Content-Disposition"] == 'attachment; filename="sfia-de-missing.po"'
    catalogue = catalogue_of(response)
    assert catalogue.metadata["Language"] == "de"
    assert LEVEL_5 in [unit.msgctxt for unit in catalogue]
    assert "skill/SLMO/name" not in [unit.msgctxt for unit in catalogue]  # translated
    assert all(not unit.msgstr for unit in catalogue)

    everything = catalogue_of(download(client, language="de"))
    assert len(everything) > 50
    assert {unit.msgctxt for unit in everything} >= {"skill/SLMO/name", LEVEL_5}


def test_a_translator_cannot_download_another_language(client, translator):
    response = download(client, language="ru")
    assert "Content-Disposition" not in response
    page = response.content.decode()
    # Django's own message for a choice that is not offered, in German.
    assert "Bitte eine gültige Auswahl treffen. ru ist keine gültige Auswahl." in page
    assert '<option value="ru"' not in page  # offered: German only


def test_an_uploaded_file_reaches_the_reader_page_in_one_revision_by_the_translator(
    client, translator
):
    response = upload(client, german_file(client, translate_level_5))
    page = response.content.decode()
    assert "Importiert: Deutsch" in page
    assert "0 neue und 1 geänderte Übersetzungen auf Deutsch" in page
    slmo = Skill.objects.get(code="SLMO")
    assert f"SLMO: {slmo.name_en}" in page  # the report names the skill

    level = SkillLevel.objects.get(skill=slmo, level=5)
    assert level.description_de == NEW_LEVEL_5
    assert text_status(level, "description", "de") == Status.UNREVIEWED
    assert record_of(level, "description", "de")["by"] == translator.pk
    assert Version.objects.get_for_object(slmo).first().revision.user == translator
    assert NEW_LEVEL_5 in client.get("/de/skills/slmo/").content.decode()


def test_a_translator_cannot_import_another_language(client, translator):
    catalogue = german_file(client, translate_level_5)
    catalogue.metadata["Language"] = "ru"
    before = content_snapshot()
    found = refusals(upload(client, catalogue, name="ru.po"))
    assert "ru.po ist auf Russisch; Sie können nur Deutsch importieren." in found
    assert content_snapshot() == before


def test_a_refused_unit_is_named_in_the_translators_language_and_the_rest_imported(
    client, translator
):
    def two_levels(catalogue):
        translate_level_5(catalogue)
        (unit,) = [each for each in catalogue if each.msgctxt == LEVEL_4]
        unit.msgstr = "Neu übersetzt."

    catalogue = german_file(client, two_levels)
    SkillLevel.objects.filter(skill__code="SLMO", level=4).update(description_en="Changed.")
    german_4 = SkillLevel.objects.get(skill__code="SLMO", level=4).description_de

    page = upload(client, catalogue).content.decode()

    assert "0 neue und 1 geänderte Übersetzungen auf Deutsch" in page
    assert "1 nicht importiert" in page
    assert re.search(
        rf"Zeile \d+, Einheit {LEVEL_4}: Ihr englischer Text hat sich seit dem Export geändert, "
        r"jetzt: „Changed\.“",
        page,
    )
    levels = SkillLevel.objects.filter(skill__code="SLMO")
    assert levels.get(level=4).description_de == german_4
    assert levels.get(level=5).description_de == NEW_LEVEL_5


def test_a_file_that_is_not_po_is_refused_naming_its_line(client, translator):
    before = content_snapshot()
    found = refusals(upload(client, 'msgid "a"\nmsgstr "b"\nnonsense here\n', name="kaputt.po"))
    assert (
        "kaputt.po, Zeile 3: kein wohlgeformtes PO: eine Zeile, die weder Kommentar noch "
        "Schlüsselwort noch Zeichenkette ist"
    ) in found
    assert "/tmp" not in found  # where the server kept the upload
    assert content_snapshot() == before


def test_an_arabic_admin_gets_the_refusal_in_arabic(client, content):
    call_command("setup_roles", stdout=io.StringIO())
    user = User.objects.create_user("amal", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name="Translator (Arabic)"))
    client.force_login(user)
    catalogue = catalogue_of(download(client, lang="ar", language="ar"))
    catalogue.metadata["Language"] = "de"
    found = refusals(upload(client, catalogue, lang="ar", name="de.po"))
    assert "de.po باللغة الألمانية؛ لا يمكنك استيراد سوى العربية." in found


def test_only_staff_with_a_language_reach_the_page(client, content):
    assert download(client).status_code == 302  # to the login
    client.force_login(User.objects.create_user("visitor", password="pw", is_staff=True))
    assert download(client).status_code == 403
    assert upload(client, "").status_code == 403
