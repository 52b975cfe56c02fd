import pytest
from django.core.management import call_command


@pytest.fixture
def content(db):
    """The pages' content: the SLMO fixture."""
    call_command("loaddata", "fixtures/sfia.json", verbosity=0)
