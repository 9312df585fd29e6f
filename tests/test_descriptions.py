"""Every field of every file model and every command and option explains itself.

The descriptions are what editors show on hover (through the JSON Schemas that `dialog
schema` writes), what the documentation's file reference prints, and what `--help` says.
A field added without a description, or a command without help, fails here.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
import typer.main
from pydantic import BaseModel

from dialogkit.cli import app
from dialogkit.models import FILE_MODELS
from dialogkit.schema import json_schemas


def _models(model: type[BaseModel], seen: set[type[BaseModel]]) -> Iterator[type[BaseModel]]:
    """``model`` and every model its fields hold, however nested (lists, optionals)."""
    if model in seen:
        return
    seen.add(model)
    yield model
    for field in model.model_fields.values():
        stack: list[Any] = [field.annotation]
        while stack:
            kind = stack.pop()
            if isinstance(kind, type) and issubclass(kind, BaseModel):
                yield from _models(kind, seen)
            stack.extend(getattr(kind, "__args__", ()))


def _fields() -> list[tuple[str, str, Any]]:
    seen: set[type[BaseModel]] = set()
    return [
        (f"{name}: {model.__name__}.{field_name}", field_name, field)
        for name, root in FILE_MODELS.items()
        for model in _models(root, seen)
        for field_name, field in model.model_fields.items()
    ]


def test_the_walk_finds_the_nested_models() -> None:
    names = {label.split(":")[1].strip().split(".")[0] for label, _, _ in _fields()}
    assert {"DialogConfig", "Season", "AgendaItem", "SafetyWalk", "Update", "Archive", "Question"} <= names


@pytest.mark.parametrize(("label", "name", "field"), _fields(), ids=lambda v: v if isinstance(v, str) else "")
def test_every_model_field_has_a_description(label: str, name: str, field: Any) -> None:
    assert field.description, f"{label} has no description: add Field(description=...)"
    assert field.description.strip() == field.description and not field.description.endswith(".")


def _properties(schema: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for name, prop in schema.get("properties", {}).items():
        yield schema.get("title", "?") + "." + name, prop
    for definition in schema.get("$defs", {}).values():
        yield from _properties(definition)


def _holds_objects(prop: dict[str, Any]) -> bool:
    text = json.dumps(prop)
    return '"$ref"' in text


@pytest.mark.parametrize("name", list(FILE_MODELS))
def test_descriptions_and_examples_reach_the_json_schemas(name: str) -> None:
    schema = json.loads(json_schemas()[name])
    properties = list(_properties(schema))
    assert properties
    for where, prop in properties:
        assert prop.get("description"), f"{name}.schema.json: {where} has no description"
        if not _holds_objects(prop):  # an object's example is its own table's examples
            assert prop.get("examples"), f"{name}.schema.json: {where} has no example: add Field(examples=[...])"
    for title, definition in schema.get("$defs", {}).items():
        assert definition.get("description"), f"{name}.schema.json: {title} has no docstring"


def _commands() -> Iterator[tuple[str, Any]]:
    """Every command of the click tree typer builds (typer may carry its own copy of click)."""
    stack: list[tuple[str, Any]] = [("dialog", typer.main.get_command(app))]
    while stack:
        path, command = stack.pop()
        yield path, command
        stack.extend((f"{path} {name}", sub) for name, sub in getattr(command, "commands", {}).items())


def test_the_walk_finds_the_subcommands() -> None:
    paths = {path for path, _ in _commands()}
    assert {"dialog", "dialog render invitation", "dialog survey import", "dialog completion"} <= paths


@pytest.mark.parametrize(("path", "command"), list(_commands()), ids=lambda v: v if isinstance(v, str) else "")
def test_every_command_option_and_argument_has_help(path: str, command: Any) -> None:
    assert command.help and command.help.strip(), f"`{path}` has no help: give the function a docstring"
    for param in command.params:
        # Typer keeps an argument's help on the parameter; click's own arguments have none.
        assert getattr(param, "help", None), f"`{path}`: {param.name} has no help: add help=..."
