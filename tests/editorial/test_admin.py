"""The translators' admin, driven through its real forms as a logged-in user."""

import io
import os
import re
import subprocess
import sys

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group, User
from django.contrib.messages import get_messages
from django.core.management import call_command
from django.utils import translation
from reversion.models import Revision, Version

from skills.framework.models import (
    AttributeGroup,
    AttributeLevel,
    Category,
    GenericAttribute,
    ResponsibilityLevel,
    Skill,
    SkillLevel,
)
from tests.conftest import content_snapshot
from tests.forms import field_attributes, form_fields

pytestmark = pytest.mark.django_db

CHANGE = "/{lang}/admin/skills/skill/{pk}/change/"


@pytest.fixture
def slmo():
    call_command("loaddata", "fixtures/sfia.json", verbosity=0)
    call_command("setup_roles", stdout=io.StringIO())
    return Skill.objects.get(code="SLMO")


def user_in(group_name, username="someone"):
    user = User.objects.create_user(username, password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def open_form(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return form_fields(response.text, re.search(r'<form [^>]*id="(\w+_form)"', response.text)[1])


def save(client, url, fields, **changes):
    return client.post(url, {**fields, **changes})


def test_edit_in_german_shows_on_the_german_page(admin_client, slmo):
    url = CHANGE.format(lang="en", pk=slmo.pk)
    fields = open_form(admin_client, url)

    response = save(admin_client, url, fields, name_de="Dienstgütemanagement")

    assert response.status_code == 302
    page = admin_client.get("/de/skills/slmo/")
    assert "Dienstgütemanagement" in page.text
    assert Skill.objects.get(pk=slmo.pk).name_en == "Service level management"


def test_every_language_is_in_the_form_with_its_direction_and_the_english_source(
    admin_client, slmo
):
    response = admin_client.get(CHANGE.format(lang="en", pk=slmo.pk))

    for lang, direction in [
        ("en", "ltr"),
        ("de", "ltr"),
        ("ru", "ltr"),
        ("it", "ltr"),
        ("ar", "rtl"),
    ]:
        attributes = field_attributes(response.text, f"name_{lang}")
        assert (attributes["lang"], attributes["dir"]) == (lang, direction)
    # The English source stands above each translation, marked as English.
    assert re.search(
        r'<p class="translation-source"><span class="source-label">English:</span> '
        r'<span lang="en" dir="ltr">Service level management</span></p>'
        r'\s*<input[^>]*name="name_de"',
        response.text,
    )
    # Levels are edited inline, every language too.
    assert 'name="levels-4-description_ar"' in response.text


def test_the_arabic_admin_is_right_to_left_and_its_english_inputs_are_not(admin_client, slmo):
    response = admin_client.get(CHANGE.format(lang="ar", pk=slmo.pk))

    assert '<html lang="ar" dir="rtl">' in response.text
    english = field_attributes(response.text, "description_en")
    assert (english["tag"], english["lang"], english["dir"]) == ("textarea", "en", "ltr")
    arabic = field_attributes(response.text, "levels-2-description_ar")
    assert (arabic["tag"], arabic["lang"], arabic["dir"]) == ("textarea", "ar", "rtl")


def test_the_admin_loads_nothing_from_other_hosts(admin_client, slmo):
    response = admin_client.get(CHANGE.format(lang="en", pk=slmo.pk))

    assert "/static/js/admin-language-sections.js" in response.text
    sources = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', response.text)
    assert sources
    assert [url for url in sources if not url.startswith("/")] == []


def test_a_stale_save_is_refused_and_the_first_save_kept(client, slmo):
    editor = user_in("Editor", "first")
    other = user_in("Editor", "second")
    url = CHANGE.format(lang="en", pk=slmo.pk)
    client.force_login(editor)
    first = open_form(client, url)
    client.force_login(other)
    second = open_form(client, url)

    assert save(client, url, second, name_de="Zweite Fassung").status_code == 302
    client.force_login(editor)
    response = save(client, url, first, name_de="Erste Fassung")

    assert response.status_code == 200
    assert "second saved this on" in response.text
    assert "Nothing was saved" in response.text
    assert Skill.objects.get(pk=slmo.pk).name_de == "Zweite Fassung"
    # What the first editor typed is still in the form, to copy.
    assert 'value="Erste Fassung"' in response.text


def test_a_change_by_import_makes_an_open_form_stale(admin_client, slmo, sources_dir):
    url = CHANGE.format(lang="en", pk=slmo.pk)
    fields = open_form(admin_client, url)
    SkillLevel.objects.filter(skill=slmo, level=3).update(description_de="Neu importiert.")

    response = save(admin_client, url, fields, name_de="Meine Änderung")

    assert response.status_code == 200
    assert "Nothing was saved" in response.text
    assert Skill.objects.get(pk=slmo.pk).name_de == "Service-Level-Management"


def test_history_records_who_and_when_and_a_revert_restores_every_language(client, slmo):
    editor = user_in("Editor", "editor")
    client.force_login(editor)
    url = CHANGE.format(lang="en", pk=slmo.pk)
    fields = open_form(client, url)
    save(client, url, fields, name_de="Erster Name", name_ar="الاسم الأول")
    fields = open_form(client, url)
    save(
        client,
        url,
        fields,
        name_de="Falscher Name",
        name_ar="اسم خاطئ",
        **{"levels-4-description_de": "Falsch."},
    )
    changed = Skill.objects.get(pk=slmo.pk)
    assert (changed.name_de, changed.name_ar) == ("Falscher Name", "اسم خاطئ")

    history = client.get(f"/en/admin/skills/skill/{slmo.pk}/history/")
    assert history.status_code == 200
    assert history.text.count("editor") >= 2
    first = Version.objects.get_for_object(slmo).order_by("pk").first()
    assert first.revision.user == editor
    revert_url = f"/en/admin/skills/skill/{slmo.pk}/history/{first.pk}/"
    response = client.post(revert_url, open_form(client, revert_url))

    assert response.status_code == 302
    reverted = Skill.objects.get(pk=slmo.pk)
    assert (reverted.name_de, reverted.name_ar) == ("Erster Name", "الاسم الأول")
    level = SkillLevel.objects.get(skill=slmo, level=5)
    assert level.description_de.startswith("Gewährleistet, dass die Servicebereitstellung")


def test_a_german_translator_changes_german_only(client, slmo):
    client.force_login(user_in("Translator (German)"))
    url = CHANGE.format(lang="de", pk=slmo.pk)
    response = client.get(url)
    assert 'name="name_de"' in response.text
    assert 'name="name_ru"' not in response.text  # shown read-only, not as an input
    assert "Управление уровнем услуг" in response.text
    fields = open_form(client, url)

    response = save(
        client,
        url,
        fields,
        name_de="Dienstgüte",
        name_ru="Взлом",
        name_en="Hacked",
        code="HACK",
        **{"levels-1-description_ru": "Взлом."},
    )

    assert response.status_code == 302
    skill = Skill.objects.get(pk=slmo.pk)
    assert skill.name_de == "Dienstgüte"
    assert (skill.name_ru, skill.name_en, skill.code) == (
        "Управление уровнем услуг",
        "Service level management",
        "SLMO",
    )
    assert SkillLevel.objects.get(skill=slmo, level=2).description_ru.startswith("Мониторинг")


def test_translators_cannot_add_delete_or_revert(client, admin_client, slmo):
    url = CHANGE.format(lang="en", pk=slmo.pk)
    save(admin_client, url, open_form(admin_client, url), name_de="Eine Fassung")
    version = Version.objects.get_for_object(slmo).get()
    client.force_login(user_in("Translator (Arabic)"))

    assert client.get("/en/admin/skills/skill/add/").status_code == 403
    assert client.get(f"/en/admin/skills/skill/{slmo.pk}/delete/").status_code == 403
    # A revert would restore every language at once: the editors' job (reading an earlier
    # version is theirs too: test_a_translator_may_read_an_earlier_version_but_not_restore_it).
    assert client.post(f"/en/admin/skills/skill/{slmo.pk}/history/{version.pk}/").status_code == 403
    # The history itself is open to them.
    assert client.get(f"/en/admin/skills/skill/{slmo.pk}/history/").status_code == 200


def test_setup_roles_makes_the_groups_once(slmo):
    out = io.StringIO()
    call_command("setup_roles", stdout=out)
    names = sorted(Group.objects.values_list("name", flat=True))
    assert names == [
        "Editor",
        "Translator (Arabic)",
        "Translator (German)",
        "Translator (Italian)",
        "Translator (Russian)",
    ]
    german = Group.objects.get(name="Translator (German)")
    codenames = set(german.permissions.values_list("codename", flat=True))
    assert "translate_de" in codenames and "translate_ru" not in codenames
    assert "edit_source" not in codenames and "delete_skill" not in codenames
    assert "Group ready: Translator (Arabic)" in out.getvalue()


def test_translation_status_page(admin_client, slmo):
    response = admin_client.get("/en/admin/skills/skill/translation-status/")

    assert response.status_code == 200
    text = re.sub(r"\s+", " ", response.text)
    # 7 guiding phrases, 6 categories, 20 subcategories, 4 skill texts, 6 level texts.
    assert 'German</a></th> <td>100% <span class="quiet">(43 / 43)</span></td>' in text
    assert 'Italian</a></th> <td>95% <span class="quiet">(41 / 43)</span></td>' in text
    assert status_counts(text, "de") == {
        "reviewed": 0,
        "unreviewed": 43,
        "outdated": 0,
        "missing": 0,
    }
    assert status_counts(text, "it")["missing"] == 2
    change_url = f"/en/admin/skills/skill/{slmo.pk}/change/"
    assert f'<li><a href="{change_url}"><bdi>SLMO</bdi></a>: guidance notes</li>' in text
    assert (
        f'<li><a href="{change_url}"><bdi>SLMO</bdi></a>: guidance notes: introduction</li>' in text
    )


def test_translation_status_counts_a_new_gap(admin_client, slmo):
    Category.objects.filter(slug="delivery-and-operation").update(name_ar=None)
    ResponsibilityLevel.objects.filter(number=3).update(guiding_phrase_ar="")
    text = re.sub(r"\s+", " ", admin_client.get("/en/admin/skills/skill/translation-status/").text)
    assert 'Arabic</a></th> <td>95% <span class="quiet">(41 / 43)</span></td>' in text
    assert status_counts(text, "ar")["missing"] == 2


def status_counts(page, language):
    """{status: count} in the translation summary's row of `language`."""
    row = re.search(rf'<tr data-language="{language}">(.*?)</tr>', page, re.S).group(1)
    cells = re.findall(r'<td data-status="(\w+)">(?:<a [^>]*>)?(\d+)', row)
    return {status: int(count) for status, count in cells}


def listed(response):
    return [skill.code for skill in response.context["cl"].result_list]


def test_missing_in_filter(admin_client, slmo):
    assert listed(admin_client.get("/en/admin/skills/skill/?missing=it")) == ["SLMO"]
    assert listed(admin_client.get("/en/admin/skills/skill/?missing=de")) == []
    assert "Italian" in admin_client.get("/en/admin/skills/skill/").text  # offered as a choice

    SkillLevel.objects.filter(skill=slmo, level=6).update(description_de=None)

    assert listed(admin_client.get("/en/admin/skills/skill/?missing=de")) == ["SLMO"]
    # An undefined level without a German note is not a gap: English has none either.
    assert SkillLevel.objects.get(skill=slmo, level=1).description_en is None


PAYLOADS = {
    "name_de": "<script>alert('name')</script>",
    "description_de": '<img src=x onerror="alert(1)">',
    "levels-4-description_de": "<iframe src=javascript:alert(1)></iframe>",
}


def test_text_typed_into_the_admin_is_text_on_the_site(admin_client, slmo):
    url = CHANGE.format(lang="en", pk=slmo.pk)
    # A list item, among the German's others (a translation keeps its text's lines).
    _first, *rest = slmo.guidance_notes_de.split("\n")
    payloads = {
        **PAYLOADS,
        "guidance_notes_de": "\n".join(["<script>alert('list')</script>", *rest]),
    }
    assert save(admin_client, url, open_form(admin_client, url), **payloads).status_code == 302
    category = Category.objects.get(slug="delivery-and-operation")
    url = f"/en/admin/skills/category/{category.pk}/change/"
    save(admin_client, url, open_form(admin_client, url), name_de="<b onmouseover=alert(2)>x</b>")
    url = "/en/admin/skills/responsibilitylevel/5/change/"
    save(admin_client, url, open_form(admin_client, url), guiding_phrase_de="<svg onload=alert(3)>")

    pages = "".join(
        admin_client.get(page).text
        for page in ["/de/skills/slmo/", "/de/skills/slmo/5/", "/de/skills/", "/de/levels/"]
    )
    for raw in [
        "<script>alert",
        "<img src=x",
        "<iframe",
        "<b onmouseover",
        "<svg onload",
    ]:
        assert raw not in pages
    assert "&lt;script&gt;alert(&#x27;name&#x27;)&lt;/script&gt;" in pages
    assert "&lt;iframe src=javascript:alert(1)&gt;&lt;/iframe&gt;" in pages
    assert "&lt;svg onload=alert(3)&gt;" in pages


def test_an_arabic_speaking_admin_lands_in_the_right_to_left_admin(admin_client, slmo):
    response = admin_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="ar")
    assert response["Location"] == "/ar/admin/"
    page = admin_client.get("/ar/admin/")
    assert '<html lang="ar" dir="rtl">' in page.text
    assert "إدارة SFIA" in page.text


def test_the_admin_lives_at_the_configured_path(admin_client, slmo, settings):
    from django.urls import clear_url_caches

    settings.ADMIN_PATH = "staff-only/"
    import importlib

    import sfia_site.urls

    importlib.reload(sfia_site.urls)
    clear_url_caches()
    try:
        assert admin_client.get("/en/staff-only/").status_code == 200
        assert admin_client.get("/en/admin/").status_code == 404
    finally:
        settings.ADMIN_PATH = "admin/"
        importlib.reload(sfia_site.urls)
        clear_url_caches()


# A save changes what the translator changed, and nothing else.


@pytest.mark.parametrize(
    ("group", "lang", "said"),
    [
        ("Editor", "en", "Nothing was changed, so nothing was saved."),
        ("Translator (German)", "de", "Nichts wurde geändert, daher wurde nichts gespeichert."),
        ("Editor", "ar", "لم يتغير شيء، لذلك لم يُحفظ شيء."),
    ],
)
def test_a_save_that_changes_nothing_changes_and_logs_nothing_and_says_so(
    client, slmo, group, lang, said, django_capture_on_commit_callbacks
):
    client.force_login(user_in(group))
    url = CHANGE.format(lang=lang, pk=slmo.pk)
    fields = open_form(client, url)
    assert "\r\n" in fields["guidance_notes_de"]  # as a browser sends it
    before = content_snapshot()

    with django_capture_on_commit_callbacks() as announced:
        response = save(client, url, fields)

    assert response.status_code == 302
    assert content_snapshot() == before
    assert not LogEntry.objects.exists()
    assert not Revision.objects.exists()
    assert announced == []  # no content-version bump
    assert [str(message) for message in get_messages(response.wsgi_request)] == [said]


def test_a_save_records_the_one_field_that_changed_with_its_line_breaks(client, slmo):
    client.force_login(user_in("Translator (German)"))
    url = CHANGE.format(lang="de", pk=slmo.pk)
    fields = open_form(client, url)
    notes = slmo.guidance_notes_de

    save(client, url, fields, guidance_notes_de=fields["guidance_notes_de"] + "\r\nEin Punkt.  ")

    skill = Skill.objects.get(pk=slmo.pk)
    assert skill.guidance_notes_de == notes + "\nEin Punkt."
    assert skill.description_de == slmo.description_de
    with translation.override("en"):
        assert LogEntry.objects.get().get_change_message() == "Changed Guidance notes [de]."
        assert Revision.objects.get().get_comment() == "Changed Guidance notes [de]."


def test_a_level_changed_alone_is_in_the_skills_history(client, slmo):
    client.force_login(user_in("Translator (German)"))
    url = CHANGE.format(lang="de", pk=slmo.pk)

    save(client, url, open_form(client, url), **{"levels-3-description_de": "Neu."})

    assert SkillLevel.objects.get(skill=slmo, level=4).description_de == "Neu."
    version = Version.objects.get_for_object(slmo).get()
    with translation.override("en"):
        assert version.revision.get_comment() == (
            "Changed Description [de] for skill level “SLMO 4”."
        )


# The translator's form: field by field, the English, their input, the others on demand.

SLMO_PAGE_ORDER = [
    "name",
    "description",
    "guidance_intro",
    "guidance_notes",
    *(f"levels-{index}-description" for index in range(7)),
]
TRANSLATED_INPUT = r'name="((?:levels-\d+-)?[a-z_]+_(?:en|de|ru|it|ar))"'


def test_the_translators_form_shows_each_field_once_in_the_pages_order(client, slmo):
    client.force_login(user_in("Translator (German)"))
    response = client.get(CHANGE.format(lang="en", pk=slmo.pk))
    text = response.text

    assert re.findall(TRANSLATED_INPUT, text) == [f"{name}_de" for name in SLMO_PAGE_ORDER]
    # Beside each German input, the English it translates; the other languages on demand.
    assert re.search(
        r'<span lang="en" dir="ltr">Agreeing targets for service levels[^<]*</span>'
        r'</p>\s*<textarea[^>]*name="description_de"',
        text,
    )
    others = re.search(r'<details class="other-translations">.*?</details>', text, re.S)[0]
    assert "Управление уровнем услуг" in others
    assert "<summary>Other languages</summary>" in others
    assert "Service level management" not in others  # English is there once, as the source
    # SLMO's notes on the levels exist in Arabic only: nothing for a German translator.
    assert "responsibility_notes" not in text
    assert "development_notes" not in text
    assert "Service level management" in text


def test_read_only_texts_carry_their_language_and_direction(client, slmo):
    client.force_login(user_in("Translator (Arabic)"))
    text = client.get(CHANGE.format(lang="ar", pk=slmo.pk)).text
    assert '<dd lang="de" dir="ltr">Service-Level-Management</dd>' in text
    assert '<dd lang="ru" dir="ltr">Управление уровнем услуг</dd>' in text

    client.force_login(user_in("Translator (German)", "german"))
    text = client.get(CHANGE.format(lang="en", pk=slmo.pk)).text
    assert '<dd lang="ar" dir="rtl">إدارة مستوى الخدمة</dd>' in text


def test_the_field_order_is_the_same_in_every_process():
    script = (
        "import django; django.setup()\n"
        "from skills.editorial.admin.forms import translation_fields\n"
        "from skills.framework.models import Skill\n"
        "print(list(translation_fields(Skill)))\n"
    )
    orders = {
        subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": seed, "DJANGO_SETTINGS_MODULE": "tests.settings"},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ["1", "2", "3"]
    }
    assert len(orders) == 1
    names = eval(orders.pop())  # noqa: S307 (our own subprocess's list of names)
    assert names[:6] == ["name_en", "name_de", "name_ru", "name_it", "name_ar", "description_en"]


# History: translators read earlier versions; everyone reads it in their own language.


def test_a_translator_may_read_an_earlier_version_but_not_restore_it(client, admin_client, slmo):
    url = CHANGE.format(lang="en", pk=slmo.pk)
    save(admin_client, url, open_form(admin_client, url), name_de="Alte Fassung")
    save(admin_client, url, open_form(admin_client, url), name_de="Neue Fassung")
    older = Version.objects.get_for_object(slmo).order_by("pk").first()
    client.force_login(user_in("Translator (German)"))
    version_url = f"/de/admin/skills/skill/{slmo.pk}/history/{older.pk}/"

    history = client.get(f"/de/admin/skills/skill/{slmo.pk}/history/")
    response = client.get(version_url)

    note = "Nur Redakteure können eine frühere Fassung wiederherstellen."
    assert note in history.text
    assert "Choose a date" not in history.text
    assert response.status_code == 200
    assert note in response.text
    assert 'value="Alte Fassung"' in response.text
    form = re.search(r'<form [^>]*id="skill_form".*?</form>', response.text, re.S)[0]
    assert 'type="submit"' not in form
    # Read-only, with its language and direction, as every input has.
    name_de = field_attributes(response.text, "name_de")
    assert "disabled" in name_de and (name_de["lang"], name_de["dir"]) == ("de", "ltr")
    assert "disabled" in field_attributes(response.text, "levels-4-description_de")
    assert Skill.objects.get(pk=slmo.pk).name_de == "Neue Fassung"

    assert client.post(version_url, open_form(client, version_url)).status_code == 403
    assert Skill.objects.get(pk=slmo.pk).name_de == "Neue Fassung"


def test_history_reads_in_the_readers_language(client, slmo):
    client.force_login(user_in("Editor", "editor"))
    url = CHANGE.format(lang="ar", pk=slmo.pk)
    save(
        client,
        url,
        open_form(client, url),
        description_ar="وصف جديد",
        **{"levels-3-description_ar": "نص جديد"},
    )
    history = f"/{{lang}}/admin/skills/skill/{slmo.pk}/history/"

    german = client.get(history.format(lang="de")).text
    english = client.get(history.format(lang="en")).text

    assert "Beschreibung (Arabisch) geändert." in german
    assert "Beschreibung (Arabisch) für Fähigkeitsebene „SLMO 4“ geändert." in german
    assert "تم" not in german and "[ar]" not in german
    assert "Changed Description (Arabic)." in english
    assert "Changed Description (Arabic) for skill level “SLMO 4”." in english
    arabic = client.get(history.format(lang="ar")).text
    assert "تم تغيير الوصف (العربية)." in arabic
    # The admin's recent actions name the skill in the reader's language too.
    index = client.get("/de/admin/").text
    assert "Service-Level-Management (SLMO)" in index
    assert "إدارة مستوى الخدمة" not in index


def test_a_revert_reads_in_the_readers_language(client, slmo):
    client.force_login(user_in("Editor", "editor"))
    url = CHANGE.format(lang="en", pk=slmo.pk)
    save(client, url, open_form(client, url), name_de="Erster Name")
    save(client, url, open_form(client, url), name_de="Zweiter Name")
    first = Version.objects.get_for_object(slmo).order_by("pk").first()
    revert_url = f"/ar/admin/skills/skill/{slmo.pk}/history/{first.pk}/"
    assert client.post(revert_url, open_form(client, revert_url)).status_code == 302
    assert Skill.objects.get(pk=slmo.pk).name_de == "Erster Name"

    history = f"/{{lang}}/admin/skills/skill/{slmo.pk}/history/"
    german = client.get(history.format(lang="de")).text
    english = client.get(history.format(lang="en")).text

    assert "Auf die frühere Fassung vom" in german
    assert "Reverted to previous version, saved on" in english
    assert "أُعيدت" not in german and "أُعيدت" not in english


@pytest.mark.parametrize(
    ("typed", "field", "message"),
    [
        (
            "Name\u202e gnikcaH",
            "name_de",
            "Zeile 1, Spalte 5: Dieses Richtungszeichen (U+202E RIGHT-TO-LEFT OVERRIDE) wird in "
            "seiner Zeile nicht geschlossen",
        ),
        (
            "Erste Zeile\r\nzweite\x1b[31m Zeile",
            "description_de",
            "Zeile 2, Spalte 7: Ein Steuerzeichen (U+001B) kann nicht gespeichert werden.",
        ),
        ("Text\x00mit NUL", "description_de", "Nullzeichen sind nicht erlaubt."),
        (
            "Service\x85Level",  # C1: NEXT LINE
            "name_de",
            "Zeile 1, Spalte 8: Ein Steuerzeichen (U+0085) kann nicht gespeichert werden.",
        ),
        (
            "Erste\r\nZeile\x9b31m",  # C1: CONTROL SEQUENCE INTRODUCER
            "description_de",
            "Zeile 2, Spalte 6: Ein Steuerzeichen (U+009B) kann nicht gespeichert werden.",
        ),
        (
            "Service\ufffeLevel",  # it broke the xlsx download for everyone
            "name_de",
            "Zeile 1, Spalte 8: U+FFFE ist kein Zeichen (ein Nichtzeichen oder eine Hälfte eines "
            "Surrogatpaars) und kann nicht gespeichert werden.",
        ),
        ("N" * 201, "name_de", "höchstens 200 Zeichen"),
    ],
)
def test_what_the_database_or_the_page_cannot_take_is_refused_in_the_admin(
    client, slmo, typed, field, message
):
    client.force_login(user_in("Translator (German)"))
    url = CHANGE.format(lang="de", pk=slmo.pk)
    before = content_snapshot()

    response = save(client, url, open_form(client, url), **{field: typed})

    assert response.status_code == 200
    assert message in response.text
    assert content_snapshot() == before


@pytest.mark.parametrize(
    ("field", "limit", "length"),
    [
        ("description_de", 10_000, 10_001),
        ("guidance_notes_de", 30_000, 30_001),
        # The case: 1.28 M characters in a level's text were a 500 on PostgreSQL
        # ("string is too long for tsvector").
        ("levels-4-description_de", 10_000, 1_280_000),
    ],
)
def test_a_text_longer_than_its_kind_may_be_is_refused_in_the_editors_language(
    client, slmo, field, limit, length
):
    client.force_login(user_in("Translator (German)"))
    url = CHANGE.format(lang="de", pk=slmo.pk)
    fields = open_form(client, url)
    assert field in fields
    before = content_snapshot()

    typed = ("Wort " * (length // 5 + 1))[: length - 1] + "x"

    response = save(client, url, fields, **{field: typed})

    assert response.status_code == 200
    assert (
        f"Bitte sicherstellen, dass der Wert aus höchstens {limit} Zeichen besteht. "
        f"(Er besteht aus {length} Zeichen.)"
    ) in response.text
    assert content_snapshot() == before


def test_balanced_direction_controls_and_marks_are_kept_in_the_admin(client, slmo):
    client.force_login(user_in("Translator (Arabic)"))
    url = CHANGE.format(lang="ar", pk=slmo.pk)
    name = "إدارة \u2066SLMO\u2069 مستوى\u200f الخدمة"

    assert save(client, url, open_form(client, url), name_ar=name).status_code == 302
    assert Skill.objects.get(pk=slmo.pk).name_ar == name


def test_a_revert_refuses_to_discard_what_was_saved_after_its_page_was_opened(
    client, admin_client, slmo
):
    url = CHANGE.format(lang="en", pk=slmo.pk)
    save(admin_client, url, open_form(admin_client, url), name_de="Alte Fassung")
    older = Version.objects.get_for_object(slmo).order_by("pk").first()
    revert_url = f"/de/admin/skills/skill/{slmo.pk}/history/{older.pk}/"
    revert_form = open_form(admin_client, revert_url)  # the editor reads the old version…
    client.force_login(user_in("Translator (German)"))
    translator_url = CHANGE.format(lang="de", pk=slmo.pk)
    save(client, translator_url, open_form(client, translator_url), name_de="Neueste Fassung")

    response = admin_client.post(revert_url, revert_form)  # …and restores it after that save

    assert response.status_code == 200
    assert "nachdem Sie es geöffnet hatten. Nichts wurde gespeichert" in response.text
    assert Skill.objects.get(pk=slmo.pk).name_de == "Neueste Fassung"
    # Opened afresh, the revert goes through.
    assert admin_client.post(revert_url, open_form(admin_client, revert_url)).status_code == 302
    assert Skill.objects.get(pk=slmo.pk).name_de == "Alte Fassung"


@pytest.fixture
def invented_attribute(slmo):
    """An invented attribute (not SFIA's words) in English and German, described at level 3."""
    group = AttributeGroup.objects.create(
        slug="qualities", position=1, name_en="Qualities", name_de="Eigenschaften"
    )
    attribute = GenericAttribute.objects.create(
        code="PACE",
        group=group,
        position=1,
        name_en="Pace",
        name_de="Tempo",
        description_en="How fast the work goes.",
        description_de="Wie schnell die Arbeit geht.",
    )
    for number in range(1, 8):
        AttributeLevel.objects.create(
            attribute=attribute,
            level_id=number,
            defined=number == 3,
            description_en="Keeps a steady pace." if number == 3 else None,
        )
    return attribute


def test_a_german_translator_translates_an_attribute_and_its_levels_only_in_german(
    client, invented_attribute
):
    client.force_login(user_in("Translator (German)"))
    url = f"/de/admin/skills/genericattribute/{invented_attribute.pk}/change/"
    fields = open_form(client, url)
    assert "name_ru" not in fields and "code" not in fields
    level_three = "levels-2"  # the inline lists the levels in order

    response = save(
        client,
        url,
        fields,
        name_de="Arbeitstempo",
        code="HACK",
        **{f"{level_three}-description_de": "Hält ein gleichmäßiges Tempo."},
    )

    assert response.status_code == 302
    attribute = GenericAttribute.objects.get(pk=invented_attribute.pk)
    assert (attribute.name_de, attribute.code) == ("Arbeitstempo", "PACE")
    level = AttributeLevel.objects.get(attribute=attribute, level=3)
    assert level.description_de == "Hält ein gleichmäßiges Tempo."
    assert Version.objects.get_for_object(attribute).count() == 1  # in the history


def test_the_translation_status_counts_the_attributes(admin_client, invented_attribute):
    text = re.sub(r"\s+", " ", admin_client.get("/en/admin/skills/skill/translation-status/").text)

    # 43 texts as before, plus the group's name, the attribute's name and description and
    # its level-3 text: German has all but that one.
    assert 'German</a></th> <td>97% <span class="quiet">(46 / 47)</span></td>' in text
    assert status_counts(text, "de")["missing"] == 1
    change_url = f"/en/admin/skills/genericattribute/{invented_attribute.pk}/change/"
    assert f'<li><a href="{change_url}"><bdi>PACE · 3</bdi></a>: description</li>' in text


def test_the_edition_is_the_editors_alone(client, slmo):
    client.force_login(user_in("Translator (German)"))
    assert client.get("/en/admin/skills/edition/1/change/").status_code == 403
    client.force_login(user_in("Editor", username="editor"))
    fields = open_form(client, "/en/admin/skills/edition/1/change/")
    assert fields["name"] == "SFIA 9"


def test_the_editions_name_is_held_to_the_text_policy(client, slmo):
    """The edition is on every page and in every file: a U+FFFE in it was stored, and the
    xlsx downloads could not be made."""
    client.force_login(user_in("Editor", username="editor"))
    url = "/de/admin/skills/edition/1/change/"
    before = content_snapshot()

    response = save(client, url, open_form(client, url), name="SFIA\ufffe9")

    assert response.status_code == 200
    assert (
        "Zeile 1, Spalte 5: U+FFFE ist kein Zeichen (ein Nichtzeichen oder eine Hälfte eines "
        "Surrogatpaars) und kann nicht gespeichert werden."
    ) in response.text
    assert content_snapshot() == before


@pytest.mark.parametrize("model", ["skill", "glossaryterm", "edition"])
@pytest.mark.parametrize("object_id", ["%00", "%EF%BF%BE", "SLMO"])
def test_a_history_of_an_id_that_cannot_be_is_not_found(admin_client, slmo, model, object_id):
    """reversion looks a history up by the id as text: a NUL was a 500 on PostgreSQL."""
    assert admin_client.get(f"/en/admin/skills/{model}/{object_id}/history/").status_code == 404


@pytest.mark.parametrize("model", ["skill", "glossaryterm"])
@pytest.mark.parametrize("selected", ["\x00", "\ufffe", "SLMO"])
def test_an_action_on_ids_that_cannot_be_is_refused_and_does_nothing(
    admin_client, slmo, model, selected
):
    """Django filters the selection as given: "Field 'id' expected a number", a 500."""
    before = content_snapshot()

    response = admin_client.post(
        f"/en/admin/skills/{model}/",
        {"action": "delete_selected", "_selected_action": [str(slmo.pk), selected], "index": 0},
    )

    assert response.status_code == 400
    assert content_snapshot() == before


def test_inputs_are_labelled_with_their_languages_name_in_the_admins_language(admin_client, slmo):
    german = admin_client.get(CHANGE.format(lang="de", pk=slmo.pk)).text
    arabic = admin_client.get(CHANGE.format(lang="ar", pk=slmo.pk)).text

    assert re.search(
        r'<label for="id_description_ar"[^>]*>Beschreibung \(Arabisch\):</label>', german
    )
    assert re.search(
        r'<label for="id_levels-2-description_ru"[^>]*>Beschreibung \(Russisch\):', german
    )
    assert re.search(r'<label for="id_name_de"[^>]*>الاسم \(الألمانية\):', arabic)
    assert "[de]" not in german and "[ar]" not in arabic
    # Each translated language's section is headed by its name.
    assert re.search(r'<h2 [^>]*class="fieldset-heading">Italienisch</h2>', german)


def test_a_list_translated_with_fewer_lines_is_refused_as_an_exchange_file_refuses_it(client, slmo):
    client.force_login(user_in("Translator (German)"))
    url = CHANGE.format(lang="de", pk=slmo.pk)
    fields = open_form(client, url)
    lines = slmo.guidance_notes_de.split("\n")
    english = slmo.guidance_notes_en.count("\n") + 1
    before = content_snapshot()

    response = save(client, url, fields, guidance_notes_de="\r\n".join(lines[:-1]))

    assert response.status_code == 200
    assert (
        f"das Englische hat {english} Zeilen (Punkte, Absätze) und die aktuelle Übersetzung "
        f"{len(lines)}, diese Übersetzung {len(lines) - 1}"
    ) in response.text
    assert content_snapshot() == before
    # The same number of lines as the current translation is a translator's to change.
    lines[0] = "Neu formuliert."
    response = save(client, url, open_form(client, url), guidance_notes_de="\r\n".join(lines))
    assert response.status_code == 302
