"""Building a role profile while browsing: the profile under way kept in the reader's browser
(a cookie holding its address), "Add to a profile" on a skill's levels adding to it, the menu
and the home page leading to it, each form's step landing at the form, the level menu naming
each level's guiding phrase, and what the attributes' heading says when none are loaded."""

import pytest

from skills.framework.models import AttributeLevel
from skills.reader.profile_under_way import COOKIE
from tests.skills import copy_of_slmo

pytestmark = pytest.mark.django_db


def continued(client, *added):
    return client.get("/en/profile/continue/", {"s": list(added)} if added else {})


def test_adding_while_browsing_adds_to_the_profile_under_way(client, content):
    copy_of_slmo("ITSP", defined={4, 5, 6})
    client.get("/en/profile/?title=Service+lead&s=slmo-5")

    response = continued(client, "itsp-6")

    assert response.status_code == 302
    assert response["Location"] == ("/en/profile/?title=Service+lead&s=itsp-6&s=slmo-5#entry-itsp")
    # Once looked at, the new profile is the one under way.
    client.get(response["Location"])
    assert continued(client, "slmo-3")["Location"] == (
        "/en/profile/?title=Service+lead&s=itsp-6&s=slmo-3#entry-slmo"
    )


def test_the_menu_leads_back_to_the_profile_under_way_or_to_a_new_one(client, content):
    assert continued(client)["Location"] == "/en/profile/"
    client.get("/de/profile/?s=slmo-5")
    assert continued(client)["Location"] == "/en/profile/?s=slmo-5#profile-build"
    # An empty profile is a new one: adding then starts from nothing.
    client.get("/en/profile/")
    assert continued(client, "slmo-2")["Location"] == "/en/profile/?s=slmo-2#entry-slmo"


def test_the_profile_under_way_is_kept_as_its_address_only(client, content):
    response = client.get("/en/profile/?title=Lead&s=slmo-5&add=slmo")
    cookie = response.cookies[COOKIE]

    assert cookie.value == "title=Lead&s=slmo-5"  # the form's step is not the profile
    assert cookie["httponly"] and cookie["samesite"] == "Lax" and cookie["path"] == "/"
    assert int(cookie["max-age"]) >= 30 * 24 * 3600
    # Shown again, the same profile sets nothing.
    assert COOKIE not in client.get("/en/profile/?title=Lead&s=slmo-5").cookies
    # The redirect answers from the cookie: no browser or proxy may keep it.
    assert "no-store" in continued(client, "slmo-4")["Cache-Control"]


@pytest.mark.parametrize(
    "cookie",
    [
        "add=slmo&merge=http://evil.example/?s=slmo-2",
        "s=%00%ff&title=" + "x" * 3000,
        "s=nope-9&s=slmo-5'\"><script>",
        "%%%&&&===",
    ],
)
def test_a_made_up_cookie_gives_a_profile_page_never_an_error(client, content, cookie):
    client.cookies[COOKIE] = cookie
    response = continued(client, "slmo-5")

    assert response.status_code == 302
    assert response["Location"].startswith("/en/profile/?")
    assert "evil.example" not in response["Location"]
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "<script>" not in page.text


def test_a_bad_value_added_is_shown_on_the_profile_page(client, content):
    client.get("/en/profile/?s=slmo-5")
    response = continued(client, "xx-9")

    page = client.get(response["Location"], follow=True)
    assert "<bdi>xx-9</bdi>: not a skill’s code and level, such as slmo-5" in page.text
    assert 'id="entry-slmo"' in page.text  # the profile under way, kept


def test_a_kept_profile_page_still_remembers_the_profile(client, content, settings):
    settings.SFIA_PAGE_CACHE = True
    client.get("/en/profile/?s=slmo-5")  # now kept by the page cache
    other = type(client)()

    response = other.get("/en/profile/?s=slmo-5")
    assert response.cookies[COOKIE].value == "s=slmo-5"


@pytest.mark.parametrize(
    ("path", "link"),
    [
        ("/de/skills/slmo/", "/de/profile/continue/?s=slmo-3"),
        ("/de/skills/slmo/5/", "/de/profile/continue/?s=slmo-5"),
    ],
)
def test_a_skills_defined_levels_each_add_to_the_profile_under_way(client, content, path, link):
    page = client.get(path).text
    assert f'href="{link}"' in page
    assert "/de/profile/?s=" not in page  # no link starts a profile afresh


def test_the_skill_page_adds_at_each_defined_level_only(client, content):
    page = client.get("/de/skills/slmo/").text
    for number in range(2, 8):
        assert f'href="/de/profile/continue/?s=slmo-{number}"' in page
    assert "s=slmo-1" not in page  # SLMO is not defined at level 1
    assert "<bdi>SLMO</bdi> auf Ebene <bdi>5</bdi> zu einem Profil hinzufügen" in page


def test_the_menu_and_the_home_page_lead_to_the_profile_builder(client, content):
    home = client.get("/ru/").text
    assert home.count('href="/ru/profile/continue/"') == 2  # the menu's, and the home page's
    assert ">Профиль роли</a>" in home
    assert client.get("/ru/levels/").text.count('href="/ru/profile/continue/"') == 1


def test_each_step_of_the_forms_lands_at_its_form(client, content):
    page = client.get("/en/profile/?s=slmo-5").text
    assert page.count('action="/en/profile/#profile-step" id="profile-step"') == 1
    assert page.count('action="/en/profile/#profile-build"') == 2
    assert '<section class="profile-build" id="profile-build"' in page
    assert 'href="?#profile-entries"' in page  # removing the entry lands at the entries

    step = client.get("/en/profile/?s=slmo-5&add=slmo").text
    assert 'action="/en/profile/#profile-step" id="profile-step"' in step


def test_the_level_menu_names_each_levels_guiding_phrase(client, content):
    page = client.get("/de/profile/?s=slmo-5&add=slmo").text
    assert '<option value="slmo-3">Ebene 3 — Anwenden</option>' in page
    assert '<option value="slmo-5" selected>Ebene 5 — Sicherstellen, beraten</option>' in page


def test_with_no_attributes_loaded_the_profile_says_what_would_be_there(client, content):
    with_attributes = client.get("/de/profile/?s=slmo-5").text
    assert "Hier würde jedes allgemeine Attribut" not in with_attributes

    AttributeLevel.objects.all().delete()
    page = client.get("/de/profile/?s=slmo-5").text
    assert "Die allgemeinen Attribute auf Ebene <bdi>5</bdi>" in page
    assert "Hier würde jedes allgemeine Attribut" in page
