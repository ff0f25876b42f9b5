"""Report JSON text: the standard library's indented output, character for character."""

from __future__ import annotations

import enum
import json
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.reports.jsontext import dumps


def reference(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


class Level(enum.IntEnum):
    LOW = 3


class Name(str):
    pass


@pytest.mark.parametrize(
    "value",
    [
        {},
        [],
        (),
        {"a": [], "b": {}, "c": [{}]},
        {1: 2, 2.5: True, None: None, False: 1.0},
        [math.nan, math.inf, -math.inf, 1e-05, 1e16, -0.0, 0.1, 10**30],
        [Level.LOW, Name("x\ny"), '\u2028\x7f\x00"\\/ Zelenskyy «Сирський»'],
        ((1, 2), [3], {"x": {"y": [None, True, False]}}),
        "a string alone",
        None,
    ],
)
def test_same_text_as_json_dumps(value: object) -> None:
    assert dumps(value) == reference(value)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda children: st.lists(children) | st.dictionaries(st.text(), children),
    max_leaves=30,
)


@given(json_values)
def test_any_tree_gives_the_same_text(value: object) -> None:
    assert dumps(value) == reference(value)


@pytest.mark.parametrize("value", [object(), {(1, 2): 3}, [b"bytes"]])
def test_what_json_cannot_encode_is_a_type_error(value: object) -> None:
    with pytest.raises(TypeError):
        dumps(value)
