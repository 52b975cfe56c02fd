"""The role profile a reader is building, kept while they browse: "Add to a profile" on any
skill's page adds to it, and the menu leads back to it.

The reader's pages are the same for everyone (the page cache serves them), so they can't carry
a reader's profile. The browser keeps it instead, in a cookie holding the profile's address
(its canonical query: a title and skills at levels, nothing else): set to the last profile page
the reader looked at, cleared by an empty one (a new profile). The middleware that sets it sits
outside the page cache, so a kept profile page sets it too; the one view that reads it,
`continue_profile`, only ever redirects, so nothing cached depends on it.
"""

from django.conf import settings
from django.http import QueryDict
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.cache import never_cache

from skills.framework import profiles
from skills.framework.languages import LANGUAGE_CODES

COOKIE = "sfia_profile"
# Long enough to come back to a profile over a few weeks' browsing.
COOKIE_SECONDS = 90 * 24 * 60 * 60


@never_cache  # it answers from the reader's cookie
def continue_profile(request):
    """The profile under way (or a new one) with the skills at levels `s` added (a skill
    already in it takes the new level), shown at the last entry added, or else at the
    builder's form."""
    under_way = QueryDict(request.COOKIES.get(COOKIE, ""))
    # The profile only: a form's step in a made-up cookie is not taken.
    wanted = QueryDict(mutable=True)
    wanted.setlist("title", under_way.getlist("title")[:1])
    wanted.setlist("s", under_way.getlist("s") + request.GET.getlist("s"))
    profile = profiles.parse(wanted)
    target = reverse("skills:profile")
    # What can't be used goes to the profile page as it came, which lists it.
    query = wanted.urlencode() if profile.rejected else profile.query()
    if not query:
        return redirect(target)
    added = [profiles.ENTRY.fullmatch(value.strip()) for value in request.GET.getlist("s")]
    place = f"#entry-{added[-1][1].lower()}" if added and added[-1] else "#profile-build"
    return redirect(f"{target}?{query}{place}")


class ProfileUnderWayMiddleware:
    """Remembers, in the reader's browser, the profile of each profile page it shows."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        language, _, page = request.path_info.removeprefix("/").partition("/")
        if (
            page == "profile/"
            and language in LANGUAGE_CODES
            and response.status_code == 200
            and response.get("Content-Type", "").startswith("text/html")
        ):
            remember(request, response, profiles.parse(request.GET).query())
        return response


def remember(request, response, query):
    if request.COOKIES.get(COOKIE, "") == query:
        return
    if not query:
        response.delete_cookie(COOKIE, samesite="Lax")
        return
    response.set_cookie(
        COOKIE,
        query,
        max_age=COOKIE_SECONDS,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
