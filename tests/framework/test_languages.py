"""Choosing a site language from an Accept-Language header (the API's, and its cache key)."""

import pytest

from skills.framework.languages import negotiated


@pytest.mark.parametrize(
    ("header", "language"),
    [
        ("", "en"),
        ("de", "de"),
        ("de-AT,de;q=0.9", "de"),
        ("fr, it;q=0.5, ru;q=0.8", "ru"),  # by quality, French not being one
        ("it, de", "it"),  # the same quality: the first
        ("AR-eg", "ar"),
        ("*", "en"),
        ("de;q=0", "en"),  # q=0: not wanted
        ("de;q=x, ar", "ar"),  # a bad quality: that part is left out
        ("ru;q=nan, it;q=inf", "en"),
        ("\x00\u202e;;,,;q=", "en"),
        (",".join(["fr"] * 40 + ["de"]), "en"),  # only the first 32 parts are read
    ],
)
def test_the_language_accept_language_prefers_most_else_english(header, language):
    assert negotiated(header) == language
