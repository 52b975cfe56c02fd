"""The skills as a grid of the framework: a row a skill, a column a level, the defined ones
marked and linked, a table screen readers read as one."""

import re

import pytest

from skills.framework.models import Skill, SkillLevel
from tests.skills import copy_of_slmo

pytestmark = pytest.mark.django_db


def grid_rows(page):
    """Each skill's row: (its header, its seven cells)."""
    return [
        (header, re.findall(r"<td.*?</td>", cells))
        for header, cells in re.findall(r'<tr>\s*<th scope="row">(.*?)</th>(.*?)</tr>', page, re.S)
    ]


def test_the_skills_are_a_grid_of_their_levels(client, content):
    copy_of_slmo("STPX", subcategory="strategy-and-planning", defined={1, 7})

    page = client.get("/en/skills/").text

    # A table a category, in framework order, captioned with the category's heading.
    captions = re.findall(r'<caption><h2 id="category-[\w-]+">([^<]+)</h2></caption>', page)
    assert captions == ["Strategy and architecture", "Delivery and operation"]
    assert page.count('<th scope="col" rowspan="2">Skill</th>') == 2
    assert page.count('<th scope="colgroup" colspan="7">Levels of responsibility</th>') == 2
    # Each level's column header: its number to see, "Level n" to hear.
    assert (
        '<th scope="col"><span aria-hidden="true">3</span>'
        '<span class="visually-hidden">Level <bdi>3</bdi></span></th>'
    ) in page
    # Each subcategory's heading, with the anchor its SKOS concept's URI names.
    assert (
        '<th scope="rowgroup" colspan="8" id="subcategory-strategy-and-architecture-'
        'strategy-and-planning">Strategy and planning</th>'
    ) in page
    assert (
        '<th scope="rowgroup" colspan="8" id="subcategory-delivery-and-operation-'
        'service-management">Service management</th>'
    ) in page

    (stpx, stpx_cells), (slmo, slmo_cells) = grid_rows(page)
    assert '<a href="/en/skills/stpx/"><bdi class="code" translate="no">STPX</bdi>' in stpx
    assert '<a href="/en/skills/slmo/"><bdi class="code" translate="no">SLMO</bdi>' in slmo
    assert len(stpx_cells) == len(slmo_cells) == 7
    # A defined level: a mark linking to the skill at that level, with its words; elsewhere,
    # words alone, and no link.
    for number, cell in enumerate(slmo_cells, start=1):
        if number == 1:
            assert cell == (
                '<td><span class="visually-hidden">'
                "This skill is not defined at this level.</span></td>"
            )
        else:
            assert cell == (
                f'<td class="defined"><a href="/en/skills/slmo/{number}/">'
                '<span aria-hidden="true">●</span><span class="visually-hidden">'
                f"<bdi>SLMO</bdi> at level <bdi>{number}</bdi></span></a></td>"
            )
    assert ['class="defined"' in cell for cell in stpx_cells] == [True, *[False] * 5, True]


@pytest.mark.parametrize(
    ("lang", "defined", "not_defined"),
    [
        ("de", "<bdi>SLMO</bdi> auf Ebene <bdi>2</bdi>", "Diese Fähigkeit ist auf dieser Ebene"),
        ("ar", "<bdi>SLMO</bdi> في المستوى <bdi>2</bdi>", "هذه المهارة غير معرّفة في هذا المستوى."),
    ],
)
def test_the_grids_marks_speak_the_page_language(client, content, lang, defined, not_defined):
    page = client.get(f"/{lang}/skills/").text
    ((_, cells),) = grid_rows(page)

    assert defined in cells[1]
    assert not_defined in cells[0]
    assert " at level " not in page and "not defined at this level" not in page


def test_skill_levels_defined_by_skill(content):
    copy_of_slmo("STPX", subcategory="strategy-and-planning", defined={1, 7})
    by_id = {skill.code: skill.pk for skill in Skill.objects.all()}

    defined = SkillLevel.objects.defined_levels_by_skill()

    assert defined == {by_id["SLMO"]: {2, 3, 4, 5, 6, 7}, by_id["STPX"]: {1, 7}}
