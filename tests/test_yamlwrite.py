"""The YAML writer: what it writes reads back the same in our loader and in a YAML 1.1 reader."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from dialogkit.yamlload import parse_yaml
from dialogkit.yamlwrite import FlowMapping, FlowSequence, dump
from tests.conftest import FUZZ

texts = st.text(st.characters(exclude_categories=["Cs"]), max_size=30) | st.sampled_from(
    ["NO", "Yes", "on", "y", "N", "18:00", "0123", "2025-04-08", "1e5", "+1", ".5", ".inf", "~", "null", "TRUE", " a"]
)
scalars = st.none() | st.booleans() | st.integers() | st.dates() | texts
keys = st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=12) | st.sampled_from(["no", "on", "1"])
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.lists(inner, max_size=4).map(FlowSequence)
        | st.dictionaries(keys, inner, max_size=4)
        | st.dictionaries(keys, inner, max_size=4).map(FlowMapping)
    ),
    max_leaves=12,
)


def typed(value: Any, *, dates_as_text: bool) -> Any:
    """``value`` with the type of every part spelled out, so that True and 1 differ."""
    if isinstance(value, dict):
        return {key: typed(item, dates_as_text=dates_as_text) for key, item in value.items()}
    if isinstance(value, list):
        return [typed(item, dates_as_text=dates_as_text) for item in value]
    if isinstance(value, dt.date) and dates_as_text:
        return ("str", value.isoformat())
    return (type(value).__name__, value)


@FUZZ
@given(st.dictionaries(keys, values, max_size=5))
def test_any_data_reads_back_the_same_in_our_loader_and_a_yaml_1_1_reader(data: dict[str, Any]) -> None:
    text = dump(data)
    assert typed(parse_yaml(text, "t.yaml").data, dates_as_text=False) == typed(data, dates_as_text=True)
    assert typed(yaml.safe_load(text) or {}, dates_as_text=False) == typed(data, dates_as_text=False)


# What YAML 1.1, YAML 1.2 or our loader reads as something else, and what plain text cannot hold.
WORDS = ["NO", "no", "yes", "on", "Off", "y", "n", "true", "null", "~"]
NUMBERS = ["18:00", "0123", "0129", "0o17", "2025-04-08", "1e5", "12"]
UNPLAIN = ["", " leading", "trailing ", "bell\x07", "line\nbreak", "tab\there", "\u2028", "\ufeffbom", "#a", "- a"]


@pytest.mark.parametrize("text", [*WORDS, *NUMBERS, *UNPLAIN])
def test_text_a_reader_could_misread_is_quoted(text: str) -> None:
    written = dump({"v": text, "flow": FlowSequence([text])})
    assert written.startswith('v: "'), written
    assert parse_yaml(written, "t.yaml").data == {"v": text, "flow": [text]}
    assert yaml.safe_load(written) == {"v": text, "flow": [text]}


def test_plain_words_dates_and_numbers_stay_plain() -> None:
    data = {"title": "Synpunkter från enkäten", "date": dt.date(2025, 4, 8), "minutes": 10, "place": None}
    assert dump(data) == "title: Synpunkter från enkäten\ndate: 2025-04-08\nminutes: 10\nplace: null\n"


def test_lists_sit_under_their_key_and_flow_collections_on_one_line() -> None:
    data = {
        "agenda": [FlowMapping({"title": "Välkommen, alla", "minutes": 10})],
        "invitees": FlowSequence(["Högvads byalag"]),
        "drop": ["Namn"],
        "empty": [],
    }
    assert dump(data) == (
        'agenda:\n  - {title: "Välkommen, alla", minutes: 10}\ninvitees: [Högvads byalag]\ndrop:\n  - Namn\nempty: []\n'
    )


def test_a_header_and_comments_are_kept_and_aligned() -> None:
    text = dump(
        {"dialog": 1, "process": {"kind": "area", "name": "x"}},
        header="# yaml-language-server: $schema=schemas/dialog.schema.json\n",
        comments={("dialog",): "schema version", ("process", "kind"): "area | service"},
    )
    assert text.splitlines() == [
        "# yaml-language-server: $schema=schemas/dialog.schema.json",
        "dialog: 1     # schema version",
        "process:",
        "  kind: area  # area | service",
        "  name: x",
    ]


def test_a_header_must_be_comment_lines() -> None:
    with pytest.raises(ValueError, match="comment lines"):
        dump({"v": 1}, header="v: 2\n")


def test_what_does_not_read_back_the_same_is_refused() -> None:
    # Our loader reads .inf as text (YAML 1.2, stricter), so an infinite number cannot be written.
    with pytest.raises(AssertionError, match="does not read back"):
        dump({"v": float("inf")})
