"""The loader reads YAML the way a clerk means it, and refuses what could hurt."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from dialogkit.errors import DialogError
from dialogkit.loading import require
from dialogkit.yamlload import MAP_ALL_BELOW, MAX_YAML_BYTES, WrittenFloat, load_yaml, parse_yaml, positions
from tests.conftest import AREAS_YAML, DIALOG_YAML, MEETING_YAML, WriteWorkspace, run_dialog


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("v: NO", "NO"),
        ("v: no", "no"),
        ("v: on", "on"),
        ("v: off", "off"),
        ("v: yes", "yes"),
        ("v: 18:00", "18:00"),
        ("v: 0123", "0123"),
        ("v: 2025-04-08", "2025-04-08"),
        ("v: 1_000", "1_000"),
        ("v: 0x1F", "0x1F"),
        ("v: true", True),
        ("v: false", False),
        ("v: 12", 12),
        ("v: -3", -3),
        ("v: 1.5", WrittenFloat("1.5")),
        ("v: '12'", "12"),
        ("v: !!str 12", "12"),
        ("v:", None),
        ("v: ~", None),
    ],
)
def test_scalars_follow_yaml_1_2_and_stay_text_when_in_doubt(text: str, expected: object) -> None:
    value = parse_yaml(text, "t.yaml").data["v"]
    assert value == expected and type(value) is type(expected)


def test_a_number_with_a_point_keeps_how_it_was_written() -> None:
    value = parse_yaml("v: 19.00", "t.yaml").data["v"]
    assert value == 19.0 and isinstance(value, WrittenFloat) and value.written == "19.00"


def test_bom_and_crlf_read_like_any_file(tmp_path: Path) -> None:
    path = tmp_path / "t.yaml"
    path.write_bytes(b"\xef\xbb\xbfa: 1\r\nb: [x, y]\r\n")
    assert load_yaml(path, "t.yaml").data == {"a": 1, "b": ["x", "y"]}


def test_utf16_is_refused_with_advice(tmp_path: Path) -> None:
    path = tmp_path / "t.yaml"
    path.write_bytes("a: 1\n".encode("utf-16"))
    with pytest.raises(DialogError, match="UTF-16; save it as UTF-8"):
        load_yaml(path, "t.yaml")


def test_positions_point_at_keys_and_values() -> None:
    doc = parse_yaml("a:\n  b: [x, {c: 1}]\n", "t.yaml")
    assert doc.position(("a", "b", 1, "c")) == (2, 14)
    assert doc.position(("a", "b", 1, "c"), key=True) == (2, 11)
    assert doc.position(("a", "missing")) == (2, 3)


def test_aliases_within_bounds_are_fine() -> None:
    doc = parse_yaml("base: &b {minutes: 10}\nitems: [*b, *b]\n", "t.yaml")
    assert doc.data["items"] == [{"minutes": 10}, {"minutes": 10}]


def test_recursive_alias_is_refused() -> None:
    with pytest.raises(DialogError, match="refers to no anchor defined before it"):
        parse_yaml("a: &a [*a]\n", "t.yaml")


def test_unquoted_values_read_right_in_a_workspace(write_workspace: WriteWorkspace) -> None:
    """`start: 18:00` is the time 18:00, `country: NO` is Norway, `id: 0123` is "0123"."""
    root = write_workspace(
        {
            "dialog.yaml": DIALOG_YAML.replace('start: "18:00"', "start: 18:00").replace("country: SE", "country: NO"),
            "areas.yaml": AREAS_YAML + "  - {id: 0123, name: Nummerområde}\n",
            "cycles/2025/hogvad/meeting.yaml": MEETING_YAML.replace('start: "18:00"', "start: 18:00"),
        }
    )
    ws = require(root)
    assert ws.config.process.meeting.start == "18:00"
    assert ws.config.municipality.country == "NO"
    assert ws.area("0123") is not None
    meeting = ws.cycles[2025].meetings["hogvad"].meeting
    assert meeting is not None and meeting.start == "18:00"


def test_bom_and_crlf_workspace_passes_check(write_workspace: WriteWorkspace, runner: CliRunner) -> None:
    root = write_workspace(
        {
            "dialog.yaml": b"\xef\xbb\xbf" + DIALOG_YAML.replace("\n", "\r\n").encode(),
            "areas.yaml": AREAS_YAML.replace("\n", "\r\n").encode(),
        }
    )
    code, output = run_dialog(runner, "-C", root, "check")
    assert code == 0, output


def test_yaml_text_over_the_limit_is_refused_however_it_arrives() -> None:
    # parse_yaml() is where every YAML passes, front matter and survey.yaml included.
    text = "minutes_by: " + "å" * (MAX_YAML_BYTES // 2 + 1)  # fewer characters than the limit, more bytes
    with pytest.raises(DialogError, match=r"the YAML is 20\.0 MB; dialog reads YAML files up to 20 MB"):
        parse_yaml(text, "t.yaml")


def test_front_matter_over_the_limit_is_a_finding_at_the_minutes(
    write_workspace: WriteWorkspace, runner: CliRunner
) -> None:
    front = "date: 2025-04-08\npresent: [Ordförande]\nminutes_by: " + "x" * MAX_YAML_BYTES + "\n"
    root = write_workspace(
        {"cycles/2025/hogvad/meeting.yaml": MEETING_YAML, "cycles/2025/hogvad/referat.md": f"---\n{front}---\nText.\n"}
    )
    code, output = run_dialog(runner, "-C", root, "check")
    assert code == 1
    assert (
        "cycles/2025/hogvad/referat.md:1:1: error: the front matter is 20.0 MB; dialog reads YAML files up to 20 MB"
        in output
    )


def test_positions_in_a_large_file_are_found_without_a_map_of_every_path() -> None:
    text = "items:\n" + "".join(f"  - {{id: a{i}, n: {i}}}\n" for i in range(60_000))
    assert len(text) > MAP_ALL_BELOW
    doc = parse_yaml(text, "big.yaml")
    everything, keys = positions(text, "big.yaml")

    for loc in [("items",), ("items", 0, "n"), ("items", 59_999, "n")]:
        assert doc.position(loc) == everything[loc]
    assert doc.position(("items", 59_999, "n"), key=True) == keys[("items", 59_999, "n")]
    assert doc.position(("items", 7, "missing")) == everything[("items", 7)]
    assert doc._positions is None  # nothing of the size of the file was kept


def test_a_first_position_read_toward_its_path_is_where_the_map_of_every_path_puts_it() -> None:
    text = "a: &x {b: [1, {c: 2}]}\nd: *x\ne:\n  - f: 3\n    g: [h, i]\n  - 'j'\nk: {}\n"
    everything, keys = positions(text, "t.yaml")
    asked = [*everything, ("a", "missing"), ("e", 5), ("e", 0, "g", 9), ("z",)]
    for loc in asked:
        for key in (False, True):
            first = parse_yaml(text, "t.yaml")  # a fresh document: its first position is read toward the path
            assert first.position(loc, key=key) == first.position(loc, key=key), loc  # the second from its map
            assert first._positions is not None
            nearest = next(loc[:n] for n in range(len(loc), -1, -1) if loc[:n] in everything)
            expected = keys[loc] if key and loc in keys else everything[nearest]
            assert parse_yaml(text, "t.yaml").position(loc, key=key) == expected, (loc, key)
