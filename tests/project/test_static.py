"""The stylesheet: one for every language (logical properties only), with a print style."""

import re

from django.conf import settings

CSS = (settings.BASE_DIR / "static" / "css" / "site.css").read_text(encoding="utf-8")


def test_no_physical_left_or_right():
    physical = re.findall(
        r"(?:margin|padding|border)-(?:left|right)|(?<![\w-])(?:left|right)\s*:"
        r"|text-align:\s*(?:left|right)|float:\s*(?:left|right)",
        CSS,
    )
    assert physical == []


def test_focus_is_visible():
    assert re.search(r":focus-visible\s*{[^}]*outline:\s*3px solid", CSS)


def test_print_style_for_a4_hides_navigation_and_shows_the_url():
    print_css = CSS[CSS.index("@media print") :]
    assert "size: A4" in print_css
    assert re.search(r"\.site-header,[^{]*\.pager[^{]*{\s*display: none", print_css)
    assert re.search(r"\.print-url\s*{\s*display: block", print_css)
