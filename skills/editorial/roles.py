"""The admin's roles: editors change everything; each translator changes one language.

`manage.py setup_roles` creates the groups; `editable_languages` is what the admin asks.
"""

from django.contrib.auth.models import Group, Permission

from skills.framework.languages import (
    BY_CODE,
    LANGUAGE_CODES,
    SOURCE_LANGUAGE,
    TRANSLATED_LANGUAGES,
)
from skills.framework.models import CONTENT_MODELS, GlossaryTerm
from skills.framework.translation import translated_fields

EDITORS = "Editor"


def translator_group(language):
    # In English: group names are data, shared by admins of every language.
    return f"Translator ({BY_CODE[language].name})"


def editable_languages(user):
    """The languages whose fields `user` may change; English means the source and structure."""
    if user.is_superuser or user.has_perm("skills.edit_source"):
        return list(LANGUAGE_CODES)
    return [code for code in TRANSLATED_LANGUAGES if user.has_perm(f"skills.translate_{code}")]


def may_edit_structure(user):
    """Codes, categories, defined levels, adding and deleting: the editors' part."""
    return SOURCE_LANGUAGE in editable_languages(user)


def _permissions(codenames):
    found = Permission.objects.filter(content_type__app_label="skills", codename__in=codenames)
    missing = set(codenames) - {permission.codename for permission in found}
    if missing:
        raise LookupError(f"missing permissions (run migrate first): {sorted(missing)}")
    return list(found)


def setup_roles():
    """Create or update the groups; return their names. Running it again changes nothing."""
    edited = (*CONTENT_MODELS, GlossaryTerm)  # what the admin changes
    everything = [
        f"{action}_{model._meta.model_name}"
        for model in edited
        for action in ("add", "change", "delete", "view")
    ]
    roles = {
        EDITORS: everything
        + ["edit_source"]
        + [f"translate_{code}" for code in TRANSLATED_LANGUAGES]
    }
    for code in TRANSLATED_LANGUAGES:
        # Their language in every text and in the glossary's terms; adding and deleting are
        # the editors'.
        roles[translator_group(code)] = [
            f"{action}_{model._meta.model_name}"
            for model in edited
            if translated_fields(model)  # not the edition: nothing in it to translate
            for action in ("change", "view")
        ] + [f"translate_{code}"]
    for name, codenames in roles.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(_permissions(codenames))
    return list(roles)
