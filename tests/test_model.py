"""The plain dataclasses the stages pass on."""
import dataclasses
import inspect

import pytest

from kg.model import Mention, MentionSource, evolve


def test_mention_init_takes_every_field_in_order_with_its_default():
    """Mention's hand-written __init__ (for speed) must follow its fields as the generated one would."""
    params = list(inspect.signature(Mention.__init__).parameters.values())[1:]
    fields = dataclasses.fields(Mention)
    assert [p.name for p in params] == [f.name for f in fields]
    assert [p.default for p in params] == [
        inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default for f in fields]


def test_mention_is_frozen_hashable_and_compares_by_value():
    m = Mention(3, 5, 10, 20, "بوتين", "Person", MentionSource.GAZETTEER, "putin", sentence=1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        m.start = 4
    same = Mention(3, 5, 10, 20, "بوتين", "Person", MentionSource.GAZETTEER, "putin", sentence=1)
    assert m == same and hash(m) == hash(same) and len({m, same}) == 1
    moved = evolve(m, start=4)
    assert moved.start == 4 and m.start == 3 and moved != m
    assert dataclasses.replace(m, role="رئيس") == evolve(m, role="رئيس")
