"""Turn a parsed YAML document into a model, and Pydantic's errors into positioned findings."""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from dialogkit.errors import DialogError, Finding
from dialogkit.yamlload import YamlDocument

M = TypeVar("M", bound=BaseModel)


def validate(doc: YamlDocument, model: type[M], what: str) -> M:
    """Validate a document against its file model; every problem becomes a finding."""
    if doc.data is None:
        raise DialogError(doc.finding((), f"the file is empty; it should describe {what}"))
    if not isinstance(doc.data, dict):
        kind = "a list" if isinstance(doc.data, list) else "a single value"
        raise DialogError(
            doc.finding((), f"the file holds {kind}; it should be a mapping (key: value lines) describing {what}")
        )
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        raise DialogError([_finding(doc, model, error) for error in exc.errors()]) from None


def _finding(doc: YamlDocument, model: type[BaseModel], error: Any) -> Finding:
    loc = tuple(error["loc"])
    kind = error["type"]
    if kind == "extra_forbidden":
        key = loc[-1]
        allowed = _field_names(model, loc[:-1])
        close = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.6)
        hint = f"did you mean '{close[0]}'?" if close else f"allowed here: {', '.join(allowed)}"
        return doc.finding(loc, f"unknown key '{key}': {hint}", key=True)
    if kind == "missing":
        where = f" in {_dotted(loc[:-1])}" if loc[:-1] else ""
        return doc.finding(loc, f"'{loc[-1]}' is missing{where}; add it")
    message = error["msg"].removeprefix("Value error, ")
    if kind.endswith("_type"):
        message = f"{message}, got {_describe(error.get('input'))}"
    return doc.finding(loc, f"{_dotted(loc)}: {message}" if loc else message)


def _dotted(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    return repr(value)


def _field_names(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The keys allowed in the mapping at ``loc`` of ``model``."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        sub = _model_in(current)
        if sub is None or part not in _aliases(sub):
            return []
        current = _aliases(sub)[part]
    sub = _model_in(current)
    return sorted(_aliases(sub)) if sub is not None else []


def _aliases(model: type[BaseModel]) -> dict[str, Any]:
    return {(info.alias or name): info.annotation for name, info in model.model_fields.items()}


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The model inside an annotation such as ``list[Model] | None``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _model_in(typing.get_args(annotation)[0])
    if origin in (list, typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            found = _model_in(arg)
            if found is not None:
                return found
    return None
