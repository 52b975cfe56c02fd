"""More skills than the fixture's one, for pages that list several (test helper)."""

from skills.framework.models import Skill, Subcategory


def copy_of_slmo(code, subcategory=None, defined=None):
    """Another skill with SLMO's texts and levels; in the subcategory with the slug
    `subcategory`, and defined at the levels `defined`, where given."""
    skill = Skill.objects.get(code="SLMO")
    levels = list(skill.levels.all())
    skill.pk, skill.code = None, code
    if subcategory is not None:
        skill.subcategory = Subcategory.objects.get(slug=subcategory)
    skill.save()
    for level in levels:
        level.pk, level.skill = None, skill
        if defined is not None:
            level.defined = level.level_id in defined
        level.save()


def named_copy_of_slmo(code, names, subcategory=None, defined=None):
    """copy_of_slmo named `names` ({language: name}; the others keep SLMO's)."""
    copy_of_slmo(code, subcategory, defined)
    skill = Skill.objects.get(code=code)
    for language, name in names.items():
        setattr(skill, f"name_{language}", name)
    skill.save()
    return skill
