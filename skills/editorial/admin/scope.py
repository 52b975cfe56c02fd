"""What one admin request knows besides the request, and the one place where the admin's forms
are made for it.

Django's admin makes a form class per request (`get_form`, `get_formset`) and instantiates it
itself, without arguments of ours: what the form must know of the request (who saves, the
glossary, whether it only shows an earlier version) is set on that class, here.
"""

from dataclasses import dataclass
from functools import cached_property

from skills.editorial.glossary import Glossary
from skills.editorial.roles import may_edit_structure


@dataclass
class Editing:
    """The admin's state for one request."""

    user: object
    reading_a_version: bool = False
    # A revert's: the digest of the object as it is, read before reversion put the version in
    # its place (forms.EditGuard).
    state_token: str | None = None
    # Set when a save changed nothing, for the message that says so.
    saved_nothing: bool = False

    @cached_property
    def glossary(self):
        """The glossary the translations are checked against: read once a request."""
        return Glossary.load()

    def form(self, form_class):
        """`form_class` for this request: its user (who its records name), its glossary, the
        revert's digest, and every field read-only while a translator reads a version."""
        attributes = {
            "user": self.user,
            "read_only": self.reading_a_version,
            "state_token": self.state_token,
        }
        if hasattr(form_class, "glossary"):
            attributes["glossary"] = self.glossary
        return type(form_class.__name__, (form_class,), attributes)


def editing(request):
    """The request's Editing, made on first use."""
    if not hasattr(request, "sfia_editing"):
        match = request.resolver_match
        request.sfia_editing = Editing(
            user=request.user,
            # A translator may read and copy an earlier version, not restore it (its page is
            # reversion's revert form).
            reading_a_version=not may_edit_structure(request.user)
            and match is not None
            and (match.url_name or "").endswith("_revision"),
        )
    return request.sfia_editing
