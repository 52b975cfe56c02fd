import pytest

from tests.attributes import load_page_content


@pytest.fixture
def content(db):
    """The pages' content: the SLMO fixture and the invented attributes (tests/pages.py)."""
    load_page_content()
