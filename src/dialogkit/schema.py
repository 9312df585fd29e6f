"""JSON Schema for editors, generated from the file models (never written by hand)."""

from __future__ import annotations

import json
from pathlib import Path

from dialogkit.files import WriteOutcome, write_atomic
from dialogkit.layout import SCHEMA_DIR
from dialogkit.models import FILE_MODELS


def schema_file(name: str) -> str:
    """The file name of one format's schema, e.g. meeting.schema.json."""
    return f"{name}.schema.json"


def json_schemas() -> dict[str, str]:
    """Each file format's JSON Schema, by format name, as pretty JSON text."""
    out = {}
    for name, model in FILE_MODELS.items():
        schema = model.model_json_schema(by_alias=True)
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        out[name] = json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return out


def write_schemas(folder: Path) -> list[tuple[Path, WriteOutcome]]:
    """Write every format's schema into ``folder``; schemas are generated, so they are replaced."""
    return [
        (folder / schema_file(name), write_atomic(folder / schema_file(name), text))
        for name, text in json_schemas().items()
    ]


def modeline(name: str, depth: int) -> str:
    """The yaml-language-server comment that points a file ``depth`` folders down at its schema."""
    return f"# yaml-language-server: $schema={'../' * depth}{SCHEMA_DIR}/{schema_file(name)}\n"
