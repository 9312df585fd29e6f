"""Generate the documentation's file reference from the JSON Schemas of the file models.

Every field's type, whether it is required, its default, meaning and example come from the
schema that `dialog schema` writes, so the page, the editors' hover texts and `dialog check`
cannot disagree. `python scripts/file_reference.py` prints the Markdown.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dialogkit.models import FILE_MODELS
from dialogkit.models.base import SLUG
from dialogkit.schema import schema_file

REPO = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class FileInfo:
    """Where a file lives, who writes it, and which example file shows it."""

    path: str
    written_by: str
    example: str  # relative to the repository, which is itself an example workspace


FILES: dict[str, FileInfo] = {
    "dialog": FileInfo("dialog.yaml", "you, once (`dialog init` starts it)", "dialog.yaml"),
    "areas": FileInfo("areas.yaml", "you, once (`dialog init` starts it)", "areas.yaml"),
    "plan": FileInfo("cycles/YEAR/plan.yaml", "`dialog plan YEAR --write`", "cycles/2025/plan.yaml"),
    "meeting": FileInfo(
        "cycles/YEAR/AREA/meeting.yaml",
        "`dialog plan YEAR --write` starts it; you complete it",
        "cycles/2025/hogvad/meeting.yaml",
    ),
    "survey": FileInfo(
        "cycles/YEAR/AREA/survey.yaml",
        "`dialog survey import` writes it once; you correct it",
        "cycles/2025/hogvad/survey.yaml",
    ),
    "referat": FileInfo(
        "cycles/YEAR/AREA/referat.md (front matter)",
        "the administration, after the meeting",
        "cycles/2025/hogvad/referat.md",
    ),
    "workgroups": FileInfo(
        "cycles/YEAR/AREA/workgroups.yaml",
        "the administration, after the meeting and through the year",
        "cycles/2025/hogvad/workgroups.yaml",
    ),
    "case": FileInfo("cycles/YEAR/case.yaml", "the case officer, at the end of the year", "cycles/2025/case.yaml"),
}

_CLOCK_PATTERN = r"^([01]?\d|2[0-3])[.:][0-5]\d$"
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_MONTH_DAY_PATTERN = r"^\d{2}-\d{2}$"


def _def_name(ref: str) -> str:
    return ref.rsplit("/", 1)[-1]


def _without_null(prop: dict[str, Any]) -> dict[str, Any]:
    """The property's own schema, an optional value's `null` alternative left out."""
    options = [o for o in prop.get("anyOf", []) if o.get("type") != "null"]
    if len(options) == 1:
        return {**options[0], **{k: v for k, v in prop.items() if k != "anyOf"}}
    return {**prop, "anyOf": options} if "anyOf" in prop else prop


def type_text(prop: dict[str, Any], anchors: dict[str, str]) -> str:
    """A person's name for a property's type, with a link to an object's own table."""
    prop = _without_null(prop)
    if (
        len(prop.get("anyOf", [])) > 1
    ):  # e.g. an invitee (a name or {name, email}), a step of the route (an id or {body, date, number})
        return " or ".join(type_text(option, anchors) for option in prop["anyOf"])
    if "$ref" in prop:
        name = _def_name(prop["$ref"])
        return f"[object](#{anchors[name]})"
    if "enum" in prop:
        return "one of " + ", ".join(f"`{v}`" for v in prop["enum"])
    if "const" in prop:
        return f"`{prop['const']}`"
    kind = prop.get("type")
    if kind == "array":
        return f"list of {type_text(prop['items'], anchors)}"
    if kind == "boolean":
        return "`true` or `false`"
    if kind == "integer":
        return _integer_text(prop)
    if kind == "string":
        return _string_text(prop)
    raise ValueError(f"no name for the schema type {prop}")


def _integer_text(prop: dict[str, Any]) -> str:
    bounds = []
    if "minimum" in prop:
        bounds.append(f"≥ {prop['minimum']}")
    if "exclusiveMinimum" in prop:
        bounds.append(f"> {prop['exclusiveMinimum']}")
    if "maximum" in prop:
        bounds.append(f"≤ {prop['maximum']}")
    return "whole number" + (f" ({', '.join(bounds)})" if bounds else "")


def _string_text(prop: dict[str, Any]) -> str:
    pattern, fmt = prop.get("pattern"), prop.get("format")
    if fmt == "date":
        return "[date](#dates-and-times)"
    if fmt == "uri":
        return "web address"
    if pattern == _CLOCK_PATTERN:
        return "[time](#dates-and-times)"
    if pattern == _MONTH_DAY_PATTERN:
        return "[day of the year](#dates-and-times)"
    if pattern is not None and pattern.rstrip("$").lstrip("^") == SLUG.pattern.removesuffix("\\Z"):
        return "[id](#ids)"
    return "text"


def _yaml_value(value: Any) -> str:
    """A value as it would stand in the YAML file, in flow style."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, list):
        return "[" + ", ".join(_yaml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_yaml_value(v)}" for k, v in value.items()) + "}"
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        return value  # a date needs no quotes
    if isinstance(value, str) and (value[:1].isdigit() or ":" in value or value in {"", "null"}):
        return json.dumps(value, ensure_ascii=False)  # quoted, as other YAML tools need it
    return str(value)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _if_left_out(prop: dict[str, Any], required: bool) -> str:
    """What a field is when the file leaves it out: required, or its default."""
    if required:
        return "required"
    value = prop.get("default")
    if value in (None, {}):
        return "none"
    if value == []:
        return "empty list"
    if value == "":
        return "empty"
    return f"`{_yaml_value(value)}`"


def _example_text(prop: dict[str, Any]) -> str:
    examples = prop.get("examples")
    if not examples:
        return ""
    return f"`{_cell(_yaml_value(examples[0]))}`"


def object_table(schema: dict[str, Any], anchors: dict[str, str]) -> str:
    """The Markdown table of one object's fields, in the order the model declares them."""
    required = set(schema.get("required", []))
    rows = [
        "| Field | Type | If left out | Meaning | Example |",
        "| --- | --- | --- | --- | --- |",
    ]
    for name, prop in schema["properties"].items():
        rows.append(
            "| "
            + " | ".join(
                [
                    f"`{name}`",
                    type_text(prop, anchors),
                    _if_left_out(prop, name in required),
                    _cell(prop.get("description", "")),
                    _example_text(prop),
                ]
            )
            + " |"
        )
    return "\n".join(rows)


def object_paths(schema: dict[str, Any]) -> dict[str, str]:
    """Each nested object's path in the file, e.g. Season -> process.seasons[], by definition name."""
    defs = schema.get("$defs", {})
    found: dict[str, str] = {}

    def visit(node: dict[str, Any], path: str) -> None:
        for name, prop in node.get("properties", {}).items():
            own = _without_null(prop)
            suffix = ""
            if own.get("type") == "array":
                own, suffix = _without_null(own["items"]), "[]"
            # An object, or one of several alternatives (an invitee: a name or {name, email}).
            for option in [own, *own.get("anyOf", [])]:
                if "$ref" not in option:
                    continue
                ref = _def_name(option["$ref"])
                if ref not in found:
                    found[ref] = f"{path}{name}{suffix}"
                    visit(defs[ref], f"{found[ref]}.")

    visit(schema, "")
    return found


def file_section(name: str) -> str:
    """The reference of one file format: where it lives, an example, and a table per object."""
    info = FILES[name]
    schema = FILE_MODELS[name].model_json_schema(by_alias=True)
    paths = object_paths(schema)
    anchors = {
        ref: f"{name}-{path.replace('[]', '').replace('.', '-').replace('_', '-')}" for ref, path in paths.items()
    }
    example = (REPO / info.example).read_text(encoding="utf-8")
    language = "yaml"
    if info.example.endswith(".md"):
        example = "---\n" + example.split("---\n", 2)[1] + "---\n"
        language = "markdown"
    parts = [
        f"## {info.path.split(' ')[0].rsplit('/', 1)[-1]} {{#{name}}}",
        "",
        f"**Where:** `{info.path}` · **Written by:** {info.written_by} · **Schema:** `schemas/{schema_file(name)}`",
        "",
        object_table(schema, anchors),
        "",
        f'??? example "Example: {info.example}"',
        "",
        f'    ```{language} title="{info.example}"',
        *(f"    {line}".rstrip() for line in example.rstrip("\n").splitlines()),
        "    ```",
    ]
    for ref, path in paths.items():
        definition = schema["$defs"][ref]
        parts += [
            "",
            f"### `{path}` {{#{anchors[ref]}}}",
            "",
            definition.get("description", ""),
            "",
            object_table(definition, anchors),
        ]
    return "\n".join(parts) + "\n"


def reference() -> str:
    """The file reference: one section per file format."""
    return "\n".join(file_section(name) for name in FILES)


if __name__ == "__main__":
    sys.stdout.write(reference())
