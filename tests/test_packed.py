"""Packed strings give back exactly what was put in, by position."""
from hypothesis import given, strategies as st

from kg.packed import PackedStrings


@given(st.lists(st.text(max_size=30), max_size=50))
def test_round_trip(items):
    packed = PackedStrings(items)
    assert len(packed) == len(items)
    assert list(packed) == items
    assert all(packed[i] == s for i, s in enumerate(items))


def test_terms_wraps_the_chosen_items():
    packed = PackedStrings(["000-a", "بوتين", "002-c"])
    assert packed.terms([2, 0], "<x/", ">") == ["<x/002-c>", "<x/000-a>"]
    assert packed.terms([1], "", "") == ["بوتين"]
