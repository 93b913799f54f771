"""Packed strings and ordinals give back exactly what was put in, by position."""
import pickle

import pytest
from hypothesis import given, strategies as st

from kg.packed import Ordinals, PackedStrings


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


@given(st.sets(st.integers(min_value=0, max_value=2**31 - 1), max_size=200))
def test_ordinals_round_trip(values):
    ordinals = sorted(values)
    packed = Ordinals(ordinals)
    assert len(packed) == len(ordinals)
    assert list(packed) == ordinals
    assert list(pickle.loads(pickle.dumps(packed))) == ordinals


def test_ordinals_cost_a_byte_per_close_document():
    packed = Ordinals(range(0, 30_000, 3))
    assert len(packed.data) == 10_000
    with pytest.raises(ValueError, match="not increasing"):
        packed.append(29_997)
