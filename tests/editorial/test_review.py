"""Outdated translations and their review, in the admin: the flag and the change in the
English beside the field, "still correct", the four-eyes rule, the filters, the status counts
and the history."""

import io
import re

import pytest
from django.core.management import call_command
from django.db import transaction
from reversion.models import Version

from skills.content.synthetic import write_corpus
from skills.framework.models import CONTENT_MODELS, OriginalText, Skill, SkillLevel
from skills.framework.translation import translated_fields
from skills.framework.translation_state import Status, record_of, text_status
from tests.attributes import add_invented_attributes
from tests.editorial.test_admin import (
    CHANGE,
    listed,
    open_form,
    save,
    slmo,  # noqa: F401 (a fixture)
    status_counts,
    user_in,
)

pytestmark = pytest.mark.django_db

NEW_DESCRIPTION = (
    "Plans, agrees <and> monitors the service levels delivered, with every stakeholder."
)


def change_english(client, pk, **fields):
    """An editor's save of the English in the admin."""
    url = CHANGE.format(lang="en", pk=pk)
    response = save(client, url, open_form(client, url), **fields)
    assert response.status_code == 302, response.text[:2000]


def translator(language_name, username):
    return user_in(f"Translator ({language_name})", username)


@pytest.fixture
def editor(client, slmo):  # noqa: F811
    user = user_in("Editor", "editor")
    client.force_login(user)
    return user


def input_block(page, name):
    """The translated input's block of `name`: its state, the English and the input."""
    start = page.index(f'name="{name}"')
    begin = page.rindex('<div class="translated-input', 0, start)
    end = page.find('<div class="translated-input', start)
    return page[begin : end if end != -1 else len(page)]


def test_an_english_change_in_the_admin_flags_the_translations_with_the_change(
    client,
    editor,
    slmo,  # noqa: F811
):
    old = slmo.description_en
    change_english(client, slmo.pk, description_en=NEW_DESCRIPTION)

    skill = Skill.objects.get(pk=slmo.pk)
    for language in ("de", "ru", "it", "ar"):
        assert text_status(skill, "description", language) == Status.OUTDATED
    assert text_status(skill, "name", "de") == Status.UNREVIEWED  # its English is unchanged
    # The English it was translated from is kept, for the change to be shown.
    assert OriginalText.objects.text_of(record_of(skill, "description", "de")["from"]) == old

    client.force_login(translator("German", "gerda"))
    page = client.get(CHANGE.format(lang="de", pk=slmo.pk)).text
    block = input_block(page, "description_de")
    assert 'data-translation="outdated"' in block
    # The change in the English, word by word, escaped: the new words inserted, the old
    # ones taken out, the rest as it was.
    change = re.search(
        r'<p class="english-change-text" lang="en" dir="ltr">(.*?)</p>', block, re.S
    )[1]
    assert re.search(r"<ins>[^<]*agrees &lt;and&gt; monitors [^<]*</ins>", change)
    assert re.search(r"<del>Agreeing [^<]*</del>", change)
    assert re.search(r"</(del|ins)>service levels ", change)  # unchanged, unmarked
    assert 'name="description_de__still_correct"' in block
    assert 'data-translation="outdated"' not in input_block(page, "name_de")


def test_still_correct_clears_the_flag_without_retyping(client, editor, slmo):  # noqa: F811
    change_english(client, slmo.pk, description_en=NEW_DESCRIPTION)
    gerda = translator("German", "gerda")
    client.force_login(gerda)
    url = CHANGE.format(lang="de", pk=slmo.pk)
    german = Skill.objects.get(pk=slmo.pk).description_de

    response = save(client, url, open_form(client, url), description_de__still_correct="1")

    assert response.status_code == 302
    skill = Skill.objects.get(pk=slmo.pk)
    assert skill.description_de == german
    assert text_status(skill, "description", "de") == Status.UNREVIEWED
    # Confirmed by Gerda; the words are still the import's, no one's.
    assert record_of(skill, "description", "de")["confirmed_by"] == gerda.pk
    assert record_of(skill, "description", "de")["by"] is None
    assert text_status(skill, "description", "it") == Status.OUTDATED  # only German confirmed
    history = client.get(f"/de/admin/skills/skill/{slmo.pk}/history/").text
    assert "Als weiterhin korrekt bestätigt: Beschreibung (Deutsch)." in history


def test_updating_the_translation_clears_the_flag(client, editor, slmo):  # noqa: F811
    change_english(client, slmo.pk, description_en=NEW_DESCRIPTION)
    client.force_login(translator("Italian", "ida"))
    url = CHANGE.format(lang="it", pk=slmo.pk)
    save(client, url, open_form(client, url), description_it="Pianifica e concorda i livelli.")

    skill = Skill.objects.get(pk=slmo.pk)
    assert text_status(skill, "description", "it") == Status.UNREVIEWED
    assert text_status(skill, "description", "de") == Status.OUTDATED


def test_a_level_changed_in_the_inline_is_flagged_in_its_own_form(client, editor, slmo):  # noqa: F811
    level = SkillLevel.objects.get(skill=slmo, level=5)
    index = sorted(slmo.levels.values_list("level", flat=True)).index(5)
    change_english(client, slmo.pk, **{f"levels-{index}-description_en": "Ensures it, now."})

    assert text_status(SkillLevel.objects.get(pk=level.pk), "description", "ar") == "outdated"
    client.force_login(translator("Arabic", "amal"))
    url = CHANGE.format(lang="ar", pk=slmo.pk)
    page = client.get(url).text
    name = f"levels-{index}-description_ar"
    assert 'data-translation="outdated"' in input_block(page, name)

    save(client, url, open_form(client, url), **{f"{name}__still_correct": "1"})
    assert text_status(SkillLevel.objects.get(pk=level.pk), "description", "ar") == "unreviewed"


def test_four_eyes_review(client, slmo):  # noqa: F811
    gerda, gustav = translator("German", "gerda"), translator("German", "gustav")
    url = CHANGE.format(lang="de", pk=slmo.pk)
    client.force_login(gerda)
    save(client, url, open_form(client, url), name_de="Dienstgütemanagement")
    assert record_of(Skill.objects.get(pk=slmo.pk), "name", "de")["by"] == gerda.pk

    # The one who made the change is told, and has no checkbox; posting one anyway is refused
    # on the server, with the reason, and nothing is saved.
    page = client.get(url).text
    assert 'name="name_de__reviewed"' not in input_block(page, "name_de")
    assert (
        "You wrote or confirmed this translation"
        in client.get(CHANGE.format(lang="en", pk=slmo.pk)).text
    )
    response = save(client, url, open_form(client, url), name_de__reviewed="1")
    assert response.status_code == 200
    assert (
        "Sie haben diese Übersetzung geschrieben oder bestätigt: eine andere Übersetzerin, ein "
        "anderer Übersetzer oder die Redaktion prüft sie."
    ) in response.text
    assert text_status(Skill.objects.get(pk=slmo.pk), "name", "de") == Status.UNREVIEWED

    # A second German translator may.
    client.force_login(gustav)
    assert 'name="name_de__reviewed"' in input_block(client.get(url).text, "name_de")
    response = save(client, url, open_form(client, url), name_de__reviewed="1")
    assert response.status_code == 302
    skill = Skill.objects.get(pk=slmo.pk)
    assert text_status(skill, "name", "de") == Status.REVIEWED
    assert record_of(skill, "name", "de")["reviewed"]["by"] == gustav.pk
    assert skill.name_de == "Dienstgütemanagement"
    # The history says who reviewed what, and when.
    latest = Version.objects.get_for_object(skill).first().revision
    assert latest.user == gustav
    history = client.get(f"/en/admin/skills/skill/{slmo.pk}/history/").text
    assert "Reviewed: Name (German)." in history

    # Changing a reviewed text makes it unreviewed again.
    client.force_login(gerda)
    save(client, url, open_form(client, url), name_de="Dienstgüte-Management")
    assert text_status(Skill.objects.get(pk=slmo.pk), "name", "de") == Status.UNREVIEWED


def test_neither_the_author_nor_the_confirmer_reviews_confirmed_words(
    client,
    editor,
    slmo,  # noqa: F811
):
    """A writes, the English changes, B confirms A's words still correct: the words are still
    A's, so neither A nor B may review them; C may."""
    anna, bernd, clara = (translator("German", name) for name in ("anna", "bernd", "clara"))
    url = CHANGE.format(lang="de", pk=slmo.pk)
    client.force_login(anna)
    save(client, url, open_form(client, url), description_de="Annas Beschreibung.")
    client.force_login(editor)
    change_english(client, slmo.pk, description_en=NEW_DESCRIPTION)
    client.force_login(bernd)
    save(client, url, open_form(client, url), description_de__still_correct="1")
    skill = Skill.objects.get(pk=slmo.pk)
    assert text_status(skill, "description", "de") == Status.UNREVIEWED
    assert record_of(skill, "description", "de")["by"] == anna.pk
    assert record_of(skill, "description", "de")["confirmed_by"] == bernd.pk

    for who in (anna, bernd):
        client.force_login(who)
        assert 'name="description_de__reviewed"' not in input_block(
            client.get(url).text, "description_de"
        )
        response = save(client, url, open_form(client, url), description_de__reviewed="1")
        assert response.status_code == 200, who
        assert "geschrieben oder bestätigt" in response.text
        skill = Skill.objects.get(pk=slmo.pk)
        assert text_status(skill, "description", "de") == Status.UNREVIEWED

    client.force_login(clara)
    response = save(client, url, open_form(client, url), description_de__reviewed="1")
    assert response.status_code == 302
    assert text_status(Skill.objects.get(pk=slmo.pk), "description", "de") == Status.REVIEWED


def test_a_text_changed_and_marked_reviewed_in_one_save_is_refused(client, slmo):  # noqa: F811
    client.force_login(translator("German", "gerda"))
    url = CHANGE.format(lang="de", pk=slmo.pk)
    # Imported texts are no one's: any German translator may review them...
    assert 'name="description_de__reviewed"' in client.get(url).text
    # ...but not a text they are changing in the same save.
    response = save(client, url, open_form(client, url), name_de="Neu", name_de__reviewed="1")
    assert response.status_code == 200
    assert Skill.objects.get(pk=slmo.pk).name_de != "Neu"


def test_an_outdated_text_is_confirmed_or_updated_before_it_is_reviewed(client, editor, slmo):  # noqa: F811
    change_english(client, slmo.pk, description_en=NEW_DESCRIPTION)
    client.force_login(translator("German", "gerda"))
    url = CHANGE.format(lang="de", pk=slmo.pk)
    response = save(client, url, open_form(client, url), description_de__reviewed="1")
    assert response.status_code == 200
    assert text_status(Skill.objects.get(pk=slmo.pk), "description", "de") == Status.OUTDATED


def test_an_editor_reviews_any_language_but_a_translator_only_their_own(client, slmo):  # noqa: F811
    client.force_login(user_in("Editor", "editor"))
    url = CHANGE.format(lang="en", pk=slmo.pk)
    response = save(client, url, open_form(client, url), name_ar__reviewed="1")
    assert response.status_code == 302
    assert text_status(Skill.objects.get(pk=slmo.pk), "name", "ar") == Status.REVIEWED

    client.force_login(translator("German", "gerda"))
    save(client, url, open_form(client, url), name_it__reviewed="1")
    assert text_status(Skill.objects.get(pk=slmo.pk), "name", "it") == Status.UNREVIEWED


def test_the_filters_and_counts_follow_the_state(client, editor, slmo):  # noqa: F811
    page = client.get("/en/admin/skills/skill/").text
    assert status_counts(page, "de") == {
        "reviewed": 0,
        "unreviewed": 43,
        "outdated": 0,
        "missing": 0,
    }
    assert listed(client.get("/en/admin/skills/skill/?outdated=de")) == []
    assert listed(client.get("/en/admin/skills/skill/?unreviewed=de")) == ["SLMO"]

    change_english(client, slmo.pk, description_en=NEW_DESCRIPTION, name_en="Service levels")
    url = CHANGE.format(lang="en", pk=slmo.pk)
    save(client, url, open_form(client, url), guidance_intro_de__reviewed="1")

    page = client.get("/en/admin/skills/skill/").text
    assert status_counts(page, "de") == {
        "reviewed": 1,
        "unreviewed": 40,
        "outdated": 2,
        "missing": 0,
    }
    assert status_counts(page, "it")["outdated"] == 2
    assert listed(client.get("/en/admin/skills/skill/?outdated=de")) == ["SLMO"]

    status = client.get("/en/admin/skills/skill/translation-status/").text
    outdated = status[status.index('id="outdated-de"') : status.index('id="missing-de"')]
    change_url = f"/en/admin/skills/skill/{slmo.pk}/change/"
    assert f'<li><a href="{change_url}"><bdi>SLMO</bdi></a>: name</li>' in outdated
    assert f'<li><a href="{change_url}"><bdi>SLMO</bdi></a>: description</li>' in outdated


def test_a_revert_restores_the_records_of_its_version(client, editor, slmo):  # noqa: F811
    url = CHANGE.format(lang="en", pk=slmo.pk)
    save(client, url, open_form(client, url), name_de__reviewed="1")
    reviewed = Version.objects.get_for_object(slmo).first()
    change_english(client, slmo.pk, name_en="Service levels")
    assert text_status(Skill.objects.get(pk=slmo.pk), "name", "de") == Status.OUTDATED

    revert_url = f"/en/admin/skills/skill/{slmo.pk}/history/{reviewed.pk}/"
    assert client.post(revert_url, open_form(client, revert_url)).status_code == 302

    skill = Skill.objects.get(pk=slmo.pk)
    assert skill.name_en == "Service level management"
    assert text_status(skill, "name", "de") == Status.REVIEWED


@pytest.fixture(scope="class")
def corpus_of_150(django_db_setup, django_db_blocker, tmp_path_factory, framework):
    """150 synthetic skills in five languages, and 16 attributes, for one class's tests."""
    root = tmp_path_factory.mktemp("corpus")
    write_corpus(root, 150, framework)
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("import_sources", str(root), stdout=io.StringIO())
        call_command("setup_roles", stdout=io.StringIO())
        add_invented_attributes(more=13)
        yield
        transaction.set_rollback(True)


class TestStatusOf150Skills:
    def test_exact_counts_in_at_most_seven_queries(
        self, client, corpus_of_150, django_assert_max_num_queries
    ):
        skills = list(Skill.objects.all())
        # Three texts changed underneath their translations, one German reviewed, one gone.
        for skill in skills[:3]:
            skill.description_en += " More."
            skill.save(update_fields=["description_en"])
        first = skills[3]
        first.translation_state["de"]["name"]["reviewed"] = {"by": None, "at": "2026-12-01"}
        first.save(update_fields=["translation_state"])
        SkillLevel.objects.filter(skill=skills[4], defined=True).update(description_de=None)

        client.force_login(user_in("Editor", "editor"))
        # Six as before the glossary, and one for its terms.
        with django_assert_max_num_queries(7):
            page = client.get("/en/admin/skills/skill/translation-status/").text

        for language in ("de", "ru", "it", "ar"):
            assert status_counts(page, language) == counted_one_by_one(language)
        counts = status_counts(page, "de")
        assert counts["outdated"] >= 3 and counts["reviewed"] == 1 and counts["missing"] >= 3
        assert sum(counts.values()) > 150 * 7


def counted_one_by_one(language):
    """The statuses counted the slow way, object by object, as the admin's forms read them."""
    counts = dict.fromkeys(Status, 0)
    for model in CONTENT_MODELS:
        for instance in model.objects.all():
            for field in translated_fields(model):
                state = text_status(instance, field, language)
                if state is not None:
                    counts[state] += 1
    return {str(status): count for status, count in counts.items()}


def test_the_change_in_the_english_marks_only_the_words_that_changed():
    from skills.editorial.word_diff import word_diff

    assert str(word_diff("Agrees the targets.", "Agrees the <new> targets. Then more.")) == (
        "Agrees the <ins>&lt;new&gt; </ins>targets. <ins>Then more.</ins>"
    )
    assert str(word_diff("One two\nthree.", "One three.")) == "One <del>two\n</del>three."
