"""Fixtures of the editorial tests."""

import io

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command


@pytest.fixture
def translator(content, client):
    """A German translator, signed in with `client`."""
    call_command("setup_roles", stdout=io.StringIO())
    user = User.objects.create_user("dora", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name="Translator (German)"))
    client.force_login(user)
    return user
