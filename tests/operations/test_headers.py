"""Responses made before the middleware that sets the security headers sees them still carry
those headers."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("ssl_redirect", [False, True])
def test_a_bad_host_400_carries_the_policy_and_frame_denial(client, settings, ssl_redirect):
    # With the HTTPS redirect on, SecurityMiddleware meets the bad Host first; without it,
    # CommonMiddleware does: either way before the clickjacking middleware.
    settings.SECURE_SSL_REDIRECT = ssl_redirect
    response = client.get("/en/skills/", HTTP_HOST="attacker.example")

    assert response.status_code == 400
    assert response["X-Frame-Options"] == "DENY"
    policy = response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in policy and "script-src 'self'" in policy
    assert "attacker.example" not in response.content.decode()
