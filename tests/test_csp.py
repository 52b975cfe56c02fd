"""The Content-Security-Policy header: the site's policy built once a process, as django-csp
builds it; a view's own changes to it, and changed settings, still honoured."""

import pytest
from csp.decorators import csp_exempt, csp_update
from csp.exceptions import CSPNonceError
from csp.middleware import CSPMiddleware as DjangoCSPMiddleware
from django.http import HttpResponse
from django.test import RequestFactory

from sfia_site import csp

HEADER = "Content-Security-Policy"


@pytest.fixture(autouse=True)
def nothing_built():
    csp.site_policy_headers.cache_clear()
    yield
    csp.site_policy_headers.cache_clear()


def page(request):
    return HttpResponse("a page")


def served(view, middleware=csp.CSPMiddleware):
    request = RequestFactory().get("/en/skills/slmo/")
    return request, middleware(view)(request)


def test_the_site_policy_as_django_csp_writes_it():
    _, ours = served(page)
    _, theirs = served(page, DjangoCSPMiddleware)

    assert ours[HEADER] == theirs[HEADER]
    assert "script-src 'self'" in ours[HEADER] and "frame-ancestors 'none'" in ours[HEADER]


def test_the_policy_is_built_once(monkeypatch):
    built = []

    def counted(**kwargs):
        built.append(kwargs)
        return build_policy(**kwargs)

    build_policy = csp.build_policy
    monkeypatch.setattr(csp, "build_policy", counted)
    for _ in range(3):
        _, response = served(page)
        assert "default-src 'self'" in response[HEADER]

    assert built == [{}, {"report_only": True}]


def test_a_view_that_changes_the_policy_gets_its_own():
    _, updated = served(csp_update({"img-src": ["https://img.example"]})(page))
    _, exempt = served(csp_exempt()(page))

    assert "img-src 'self' data: https://img.example" in updated[HEADER]
    assert HEADER not in exempt
    _, plain = served(page)
    assert "https://img.example" not in plain[HEADER]


def test_a_nonce_asked_for_after_the_header_is_written_is_an_error():
    request, _ = served(page)

    with pytest.raises(CSPNonceError):
        str(request.csp_nonce)


def test_new_settings_give_a_new_policy(settings):
    served(page)
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"default-src": ["'none'"]}}

    _, response = served(page)
    assert response[HEADER] == "default-src 'none'"
