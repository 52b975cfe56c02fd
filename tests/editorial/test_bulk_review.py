"""Reviewing many translations at once: the lists' "Mark as reviewed in …" actions and the
translation status page, with the four-eyes and outdated rules checked per text, a report of
what was refused, and the history."""

import re

import pytest
from django.contrib.messages import get_messages
from reversion.models import Version

from skills.framework.models import Category, Skill
from skills.framework.translation_state import Status, text_status
from tests.conftest import content_snapshot
from tests.editorial.test_admin import (
    CHANGE,
    open_form,
    save,
    slmo,  # noqa: F401 (a fixture)
    user_in,
)

pytestmark = pytest.mark.django_db

SKILLS = "/{lang}/admin/skills/skill/"
STATUS = "/{lang}/admin/skills/skill/translation-status/"


def said(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.fixture
def written_by_gerda(client, slmo):  # noqa: F811
    """SLMO's German name as Gerda wrote it, and its description outdated by an editor."""
    client.force_login(user_in("Translator (German)", "gerda"))
    url = CHANGE.format(lang="de", pk=slmo.pk)
    save(client, url, open_form(client, url), name_de="Service-Level-Steuerung")
    client.force_login(user_in("Editor", "edith"))
    url = CHANGE.format(lang="en", pk=slmo.pk)
    save(client, url, open_form(client, url), description_en="Agreeing service levels, anew.")
    client.get("/en/admin/")  # the saves' messages, shown
    skill = Skill.objects.get(pk=slmo.pk)
    assert text_status(skill, "name", "de") == Status.UNREVIEWED
    assert text_status(skill, "description", "de") == Status.OUTDATED
    return skill


def run_action(client, language, *skills):
    return client.post(
        SKILLS.format(lang="en"),
        {"action": f"mark_reviewed_{language}", "_selected_action": [s.pk for s in skills]},
        follow=True,
    )


def test_the_list_action_reviews_what_the_rules_allow_and_says_why_it_refused_the_rest(
    client, written_by_gerda
):
    skill = written_by_gerda
    client.force_login(user_in("Translator (German)", "greta"))
    versions = Version.objects.get_for_object(skill).count()

    messages = said(run_action(client, "de", skill))

    skill.refresh_from_db()
    assert text_status(skill, "name", "de") == Status.REVIEWED  # Gerda's, reviewed by Greta
    assert text_status(skill, "description", "de") == Status.OUTDATED  # refused: outdated
    level = skill.levels.get(level=5)
    assert text_status(level, "description", "de") == Status.REVIEWED  # imported: no one's
    assert text_status(skill, "name", "ru") == Status.UNREVIEWED  # another language
    reviewed = re.fullmatch(r"(\d+) texts marked as reviewed in German\.", messages[0])
    assert int(reviewed[1]) >= 2
    assert messages[1:] == [
        "Not marked as reviewed: SLMO, description (German). The English has changed since "
        "this was translated: update the translation, or confirm it is still correct, before "
        "it is reviewed."
    ]
    # One revision for the skill and its levels, its history saying what was reviewed.
    assert Version.objects.get_for_object(skill).count() == versions + 1
    history = client.get(f"/de/admin/skills/skill/{skill.pk}/history/").text
    assert re.search(r"Geprüft: [^.]*Name (\[de\]|\(Deutsch\))\.", history)
    assert re.search(r"Geprüft: Beschreibung (\[de\]|\(Deutsch\)) für \w+ „SLMO 5“", history)


def test_the_author_cannot_review_their_own_words_in_bulk(client, written_by_gerda):
    skill = written_by_gerda
    client.force_login(_user("gerda"))

    messages = said(run_action(client, "de", skill))

    skill.refresh_from_db()
    assert text_status(skill, "name", "de") == Status.UNREVIEWED
    assert (
        "Not marked as reviewed: SLMO, name (German). You wrote or confirmed this "
        "translation: another translator or an editor reviews it."
    ) in messages


def _user(username):
    from django.contrib.auth.models import User

    return User.objects.get(username=username)


def test_each_user_is_offered_the_actions_of_their_languages(client, slmo):  # noqa: F811
    client.force_login(user_in("Translator (Arabic)", "amal"))
    arabic = client.get(SKILLS.format(lang="en")).text
    client.force_login(user_in("Editor", "edith"))
    editor = client.get(SKILLS.format(lang="de")).text

    assert re.findall(r'<option value="(mark_reviewed_\w+)"', arabic) == ["mark_reviewed_ar"]
    assert re.findall(r'<option value="(mark_reviewed_\w+)"', editor) == [
        "mark_reviewed_de",
        "mark_reviewed_ru",
        "mark_reviewed_it",
        "mark_reviewed_ar",
    ]
    assert "Als geprüft markieren (Deutsch)" in editor


def test_the_status_page_lists_the_unreviewed_texts_and_marks_the_ticked_ones(
    client, written_by_gerda
):
    skill = written_by_gerda
    client.force_login(user_in("Translator (German)", "greta"))
    page = client.get(STATUS.format(lang="en")).text
    key = f"skills.skill:{skill.pk}:name"
    # The text, its English and its German side by side, with a box to tick.
    assert f'name="text" value="{key}"' in page
    assert '<td lang="de" dir="ltr" class="review-text">Service-Level-Steuerung</td>' in page
    # Russian is not Greta's: its texts are listed, with nothing to tick.
    assert 'name="language" value="ru"' not in page

    response = client.post(STATUS.format(lang="en"), {"language": "de", "text": [key]})

    assert response.status_code == 302
    assert response["Location"].endswith("#unreviewed-de")
    skill.refresh_from_db()
    assert text_status(skill, "name", "de") == Status.REVIEWED
    assert text_status(skill.levels.get(level=5), "description", "de") == Status.UNREVIEWED
    assert said(response) == ["1 text marked as reviewed in German."]


def test_the_author_sees_their_own_text_listed_without_a_box(client, written_by_gerda):
    client.force_login(_user("gerda"))
    page = client.get(STATUS.format(lang="en")).text

    key = f"skills.skill:{written_by_gerda.pk}:name"
    assert f'value="{key}"' not in page
    assert ">yours</span>" in page


def test_every_text_listed_is_marked_at_once(client, written_by_gerda):
    client.force_login(user_in("Translator (Italian)", "ida"))
    page = client.get(STATUS.format(lang="it")).text
    shown = re.findall(r'<input type="hidden" name="shown" value="([^"]+)">', page)
    assert shown

    response = client.post(STATUS.format(lang="it"), {"language": "it", "all": "1", "shown": shown})

    skill = Skill.objects.get(pk=written_by_gerda.pk)
    assert text_status(skill, "name", "it") == Status.REVIEWED
    assert said(response) == [f"{len(shown)} testi segnati come revisionati in italiano."]


@pytest.mark.parametrize(
    "posted",
    [
        {"language": "xx", "text": ["skills.skill:1:name"]},
        {"language": "ru", "text": ["skills.skill:1:name"]},  # not a German translator's
        {"language": "en", "text": ["skills.skill:1:name"]},  # the source is not reviewed
    ],
)
def test_a_language_not_the_reviewers_is_refused(client, slmo, posted):  # noqa: F811
    client.force_login(user_in("Translator (German)", "greta"))
    before = content_snapshot()

    response = client.post(STATUS.format(lang="de"), posted)

    assert response.status_code == 403
    assert content_snapshot() == before


@pytest.mark.parametrize(
    "texts",
    [[], ["nonsense"], ["skills.skill:999999:name"], ["skills.user:1:password"], ["a:b:c:d"]],
)
def test_texts_that_are_not_there_change_nothing_and_say_so(client, slmo, texts):  # noqa: F811
    client.force_login(user_in("Translator (German)", "greta"))
    before = content_snapshot()

    response = client.post(STATUS.format(lang="de"), {"language": "de", "text": texts})

    assert response.status_code == 302
    assert content_snapshot() == before
    assert said(response) == ["Es wurde kein Text ausgewählt."]


def test_every_content_list_filters_by_not_yet_reviewed(admin_client, slmo):  # noqa: F811
    category = Category.objects.order_by("position").first()
    response = admin_client.get("/en/admin/skills/category/?unreviewed=ar")

    assert response.status_code == 200
    assert "not yet reviewed in" in response.text
    assert category.name_en in response.text
    for model in ("responsibilitylevel", "subcategory", "genericattribute", "attributegroup"):
        assert admin_client.get(f"/en/admin/skills/{model}/?unreviewed=de").status_code == 200
