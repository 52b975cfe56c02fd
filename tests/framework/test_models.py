import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from skills.framework.models import Skill, SkillLevel

pytestmark = pytest.mark.django_db


@pytest.fixture
def slmo():
    call_command("loaddata", "fixtures/sfia.json", verbosity=0)
    return Skill.objects.get(code="SLMO")


def test_a_defined_level_needs_its_english_text(slmo):
    level = SkillLevel.objects.get(skill=slmo, level=3)
    level.description_en = None
    with pytest.raises(ValidationError) as raised:
        level.full_clean()
    assert "description_en" in raised.value.message_dict


def test_an_undefined_level_may_have_no_english_text(slmo):
    SkillLevel.objects.get(skill=slmo, level=1).full_clean()


def test_natural_keys(slmo):
    level = SkillLevel.objects.get(skill=slmo, level=5)
    assert level.natural_key() == ("SLMO", 5)
    assert SkillLevel.objects.get_by_natural_key("SLMO", 5) == level
    assert slmo.subcategory.natural_key() == ("delivery-and-operation", "service-management")


def test_skill_knows_its_category_and_url(slmo):
    assert slmo.category.name_en == "Delivery and operation"
    assert slmo.get_absolute_url() == "/en/skills/slmo/"
    assert str(slmo) == "Service level management (SLMO)"
