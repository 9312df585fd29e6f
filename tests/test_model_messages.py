"""Every error the file models can raise says what to do in words, never in Pydantic's."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from pydantic import BaseModel

from dialogkit.errors import DialogError
from dialogkit.loading import split_front_matter
from dialogkit.models import (
    AreasFile,
    CaseFile,
    DialogConfig,
    MeetingFile,
    PlanFile,
    ReferatFrontMatter,
    SurveyFile,
    WorkgroupsFile,
)
from dialogkit.validation import validate
from dialogkit.yamlload import YamlDocument, parse_yaml
from tests.conftest import REPO

FILES: list[tuple[str, type[BaseModel]]] = [
    ("dialog.yaml", DialogConfig),
    ("areas.yaml", AreasFile),
    ("cycles/2025/plan.yaml", PlanFile),
    ("cycles/2025/case.yaml", CaseFile),
    ("cycles/2025/hogvad/meeting.yaml", MeetingFile),
    ("cycles/2025/hogvad/workgroups.yaml", WorkgroupsFile),
    ("cycles/2025/hogvad/survey.yaml", SurveyFile),
    ("cycles/2025/hogvad/referat.md", ReferatFrontMatter),
]
WRONG: list[Any] = [None, [], {}, "x y", -1, 1.5, True, ["a"], {"k": 1}]
RAW = ("Input should", "Keys should", "Value error", "Field required", "Extra inputs", "valid dictionary")


def _document(name: str) -> YamlDocument:
    text = (REPO / name).read_text(encoding="utf-8")
    if name.endswith(".md"):
        text = split_front_matter(text, name)[0]
    return parse_yaml(text, name)


def _paths(data: Any, at: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every key and the first item of every list, from the root down."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield (*at, key)
            yield from _paths(value, (*at, key))
    elif isinstance(data, list) and data:
        yield (*at, 0)
        yield from _paths(data[0], (*at, 0))


def _replaced(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    copy: Any = dict(data) if isinstance(data, dict) else list(data)
    copy[path[0]] = _replaced(data[path[0]], path[1:], value)
    return copy


@pytest.mark.parametrize(("name", "model"), FILES, ids=[n for n, _ in FILES])
def test_every_wrong_value_gets_words_that_quote_it(name: str, model: type[BaseModel]) -> None:
    doc = _document(name)
    validate(doc, model, "it")  # the example itself is sound
    messages: set[str] = set()
    for path in _paths(doc.data):
        for wrong in WRONG:
            bad = YamlDocument(name, doc.text, _replaced(doc.data, path, wrong))
            try:
                validate(bad, model, "it")
            except DialogError as exc:
                messages.update(f.message for f in exc.findings)
    assert messages
    for message in messages:
        assert not any(raw in message for raw in RAW), message
        assert "None" not in message, message
