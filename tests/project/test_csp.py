"""The Content-Security-Policy header: the site's policy on every page, written by
django-csp's own middleware; a view's own changes to it, and changed settings, honoured."""

import pytest
from csp.decorators import csp_exempt, csp_update
from csp.exceptions import CSPNonceError
from django.http import HttpResponse
from django.urls import path

HEADER = "Content-Security-Policy"

pytestmark = pytest.mark.django_db


def page(request):
    return HttpResponse("a page")


urlpatterns = [
    path("plain/", page),
    path("updated/", csp_update({"img-src": ["https://img.example"]})(page)),
    path("exempt/", csp_exempt()(page)),
]


def directives(header):
    return set(header.split("; "))


def test_a_page_carries_the_site_policy(client, settings):
    response = client.get("/en/skills/slmo/")

    expected = {
        f"{name} {' '.join(sources)}"
        for name, sources in settings.CONTENT_SECURITY_POLICY["DIRECTIVES"].items()
    }
    assert directives(response[HEADER]) == expected
    assert "script-src 'self'" in expected and "frame-ancestors 'none'" in expected


@pytest.mark.urls(__name__)
def test_a_view_that_changes_the_policy_gets_its_own(client):
    updated = client.get("/updated/")
    exempt = client.get("/exempt/")
    plain = client.get("/plain/")

    assert "img-src 'self' data: https://img.example" in directives(updated[HEADER])
    assert HEADER not in exempt
    assert "img-src 'self' data:" in directives(plain[HEADER])
    assert "https://img.example" not in plain[HEADER]


@pytest.mark.urls(__name__)
def test_a_nonce_asked_for_after_the_header_is_written_is_an_error(client):
    response = client.get("/plain/")

    with pytest.raises(CSPNonceError):
        str(response.wsgi_request.csp_nonce)


@pytest.mark.urls(__name__)
def test_new_settings_give_a_new_policy(client, settings):
    client.get("/plain/")
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"default-src": ["'none'"]}}

    assert client.get("/plain/")[HEADER] == "default-src 'none'"
