"""The skills grid's narrowing as its address gives it (skills/framework/narrowing.py)."""

from django.http import QueryDict

from skills.framework import narrowing


def test_a_category_and_a_level_are_read_in_their_canonical_form():
    narrowed = narrowing.parse(QueryDict("level=5&category=delivery-and-operation&x=1"))

    assert (narrowed.category, narrowed.level, narrowed.malformed) == (
        "delivery-and-operation",
        5,
        (),
    )
    assert narrowed.query() == "category=delivery-and-operation&level=5"
    assert narrowing.page_key(QueryDict("level=5&category=delivery-and-operation")) == (
        "category=delivery-and-operation&level=5"
    )


def test_empty_values_narrow_nothing():
    narrowed = narrowing.parse(QueryDict("category=&level="))

    assert not narrowed
    assert narrowing.page_key(QueryDict("category=&level=")) == ""


def test_values_that_can_be_no_category_or_level_are_set_aside():
    for query in ("level=9", "level=05", "level=+5", "level=0", "level=%E2%91%A4"):
        assert narrowing.parse(QueryDict(query)).malformed == ("level",), query
        assert narrowing.page_key(QueryDict(query)) is None
    for query in ("category=Delivery", "category=a--b", "category=%00", f"category={'a' * 51}"):
        assert narrowing.parse(QueryDict(query)).malformed == ("category",), query
        assert narrowing.page_key(QueryDict(query)) is None
