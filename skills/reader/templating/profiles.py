"""The profile page's words that need Python: its count, in each language's plural forms, and
why each value its address gave could not be used."""

from django.utils.translation import gettext, ngettext

from skills.framework import profiles


def skills_in_profile(count):
    return ngettext(
        "%(count)s skill in this profile", "%(count)s skills in this profile", count
    ) % {"count": count}


def rejected_reason(reason):
    """The message for a rejected value, `%(value)s` for the value (isolated by the page)."""
    messages = {
        profiles.MALFORMED: gettext("%(value)s: not a skill’s code and level, such as slmo-5"),
        profiles.TOO_MANY: ngettext(
            "%(value)s: a profile holds at most %(count)s skill",
            "%(value)s: a profile holds at most %(count)s skills",
            profiles.MAX_ENTRIES,
        ),
        profiles.UNKNOWN_SKILL: gettext("%(value)s: no skill has this code"),
        profiles.UNDEFINED_LEVEL: gettext("%(value)s: the skill is not defined at this level"),
        profiles.TITLE_CUT: ngettext(
            "The title was cut to its first %(count)s character: %(value)s",
            "The title was cut to its first %(count)s characters: %(value)s",
            profiles.MAX_TITLE_LENGTH,
        ),
        profiles.BAD_ADDRESS: gettext("%(value)s: not the address of a profile with skills"),
    }
    count = profiles.MAX_TITLE_LENGTH if reason == profiles.TITLE_CUT else profiles.MAX_ENTRIES
    # %(count)s filled now; %(value)s left for the page to fill, escaped.
    return messages[reason].replace("%(count)s", str(count))
