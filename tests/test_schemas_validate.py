"""The JSON Schemas as an editor uses them: every file of both example workspaces validates."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from dialogkit.layout import (
    AREAS_FILE,
    CASE_FILE,
    CONFIG_FILE,
    MEETING_FILE,
    PLAN_FILE,
    REFERAT_FILE,
    SURVEY_FILE,
    WORKGROUPS_FILE,
)
from dialogkit.loading import split_front_matter
from dialogkit.schema import json_schemas
from dialogkit.yamlload import parse_yaml
from tests.conftest import EXAMPLES

# Which schema each file takes, by its name.
FORMATS = {
    CONFIG_FILE: "dialog",
    AREAS_FILE: "areas",
    PLAN_FILE: "plan",
    MEETING_FILE: "meeting",
    SURVEY_FILE: "survey",
    WORKGROUPS_FILE: "workgroups",
    CASE_FILE: "case",
    REFERAT_FILE: "referat",
}


def _validator(name: str) -> jsonschema.Draft202012Validator:
    schema = json.loads(json_schemas()[name])
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _as_an_editor_reads(path: Path) -> object:
    """The file's data as YAML 1.2 gives it (as yaml-language-server reads it): "18:00" a string."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        text = split_front_matter(text, path.name)[0]
    return parse_yaml(text, path.name).data


def _example_files() -> list[Path]:
    files = []
    for root in EXAMPLES.values():
        for name in FORMATS:
            files += [
                p
                for p in [root / name, *root.glob(f"cycles/*/{name}"), *root.glob(f"cycles/*/*/{name}")]
                if p.is_file()
            ]
    return sorted(files)


@pytest.mark.parametrize("path", _example_files(), ids=lambda p: str(p.relative_to(EXAMPLES["sv"])))
def test_every_example_file_validates_against_its_schema(path: Path) -> None:
    errors = [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
        for e in _validator(FORMATS[path.name]).iter_errors(_as_an_editor_reads(path))
    ]
    assert not errors, errors


def test_funds_with_spaces_between_thousands_validate_as_dialog_reads_them() -> None:
    validator = _validator("workgroups")
    action = {"text": "Ny belysning", "owner": "sbf", "funds": 85000}
    group = {"id": "trafik", "name": "Trafik", "convener": {"name": "Gatuchef", "department": "sbf"}}
    document = {"workgroups": [{**group, "actions": [action]}]}
    for written in [85000, "85 000", "1 250 000", "85\u00a0000"]:
        action["funds"] = written
        assert validator.is_valid(document), written
    for wrong in ["85.000", "85 00", -5, "mycket"]:
        action["funds"] = wrong
        assert not validator.is_valid(document), wrong
