"""Turn a parsed YAML document into a model, and Pydantic's errors into positioned findings."""

from __future__ import annotations

import copy
import difflib
import types
import typing
from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from dialogkit.errors import DialogError, Finding
from dialogkit.models.base import shown
from dialogkit.yamlload import YamlDocument

M = TypeVar("M", bound=BaseModel)
Loc = tuple[Any, ...]
Advice = Callable[[Any, Loc, type[BaseModel]], str]  # (Pydantic's error, where, the file's model) -> words


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


def salvage(data: Any, model: type[M], rounds: int = 8) -> M | None:
    """``data`` as ``model`` with its wrong parts left out, so the rest can be cross-checked in the same round.

    A wrong value whose key may be left out is dropped; a wrong list item, or an item
    missing what it needs, goes whole. None when a required part outside any list is wrong.
    The result is for `dialog check` to look further with, never for a document.
    """
    data = copy.deepcopy(data)
    for _ in range(rounds):
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            if not all(_leave_out(data, tuple(error["loc"]), error["type"] == "missing") for error in exc.errors()):
                return None
            data = _purge(data)
    return None


_GONE: Any = object()  # a list item left out, removed after each round so that indexes hold during it


def _leave_out(data: Any, loc: tuple[Any, ...], missing: bool) -> bool:
    """Leave out the value at ``loc``, or the list item holding it when it is required; False if neither can go."""
    if not missing and loc and _drop_key(data, loc):
        return True
    items = [i for i, part in enumerate(loc) if isinstance(part, int)]
    if not items:
        return False
    parent = _at(data, loc[: items[-1]])
    index = loc[items[-1]]
    if not isinstance(parent, list) or not 0 <= index < len(parent):
        return False
    parent[index] = _GONE
    return True


def _drop_key(data: Any, loc: tuple[Any, ...]) -> bool:
    parent = _at(data, loc[:-1])
    if isinstance(parent, dict) and loc[-1] in parent:
        del parent[loc[-1]]
        return True
    return False


def _at(data: Any, loc: tuple[Any, ...]) -> Any:
    for part in loc:
        if (isinstance(data, dict) and part in data) or (
            isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data)
        ):
            data = data[part]
        else:
            return _GONE
    return data


def _purge(data: Any) -> Any:
    if isinstance(data, dict):
        return {key: _purge(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_purge(item) for item in data if item is not _GONE]
    return data


def _finding(doc: YamlDocument, model: type[BaseModel], error: Any) -> Finding:
    loc = tuple(error["loc"])
    kind = error["type"]
    if kind in ("extra_forbidden", "invalid_key"):
        key = loc[-1] if kind == "extra_forbidden" else error.get("input")
        allowed = _field_names(model, loc[:-1])
        close = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.6)
        hint = f"did you mean '{close[0]}'?" if close else f"allowed here: {', '.join(allowed)}"
        return doc.finding(loc, f"unknown key '{key}': {hint}", key=True)
    field = _field_at(model, loc)
    if kind == "missing":
        where = f" in {_dotted(loc[:-1])}" if loc[:-1] else ""
        return doc.finding(loc, f"'{loc[-1]}' is missing{where}; add it{_about(loc[-1], field)}")
    advise = _ADVICE.get(kind)
    if advise is not None:
        message = advise(error, loc, model) + _example(loc, field)
    else:
        message = error["msg"].removeprefix("Value error, ")
        if kind.endswith("_type"):
            message = f"{message}, got {shown(error.get('input'))}"
    return doc.finding(loc, f"{_dotted(loc)}: {message}" if loc else message)


def _list_advice(error: Any, loc: Loc, model: type[BaseModel]) -> str:
    given = error.get("input")
    items = f"[{given}]" if isinstance(given, str) else "[first, second]"
    return f"expected a list, got {shown(given)}; write {items}, or each item on a line of its own after '- '"


def _mapping_advice(error: Any, loc: Loc, model: type[BaseModel]) -> str:
    keys = ", ".join(_field_names(model, loc))
    return f"expected key: value lines here ({keys}), got {shown(error.get('input'))}"


def _bounded(word: str, bound: str) -> Advice:
    def advice(error: Any, loc: Loc, model: type[BaseModel]) -> str:
        return f"expected {word.format(error.get('ctx', {}).get(bound))}, got {shown(error.get('input'))}"

    return advice


def _simple(expected: str) -> Advice:
    def advice(error: Any, loc: Loc, model: type[BaseModel]) -> str:
        return f"expected {expected}, got {shown(error.get('input'))}"

    return advice


def _literal(error: Any, loc: Loc, model: type[BaseModel]) -> str:
    return (
        f"expected {error.get('ctx', {}).get('expected', 'one of the listed values')}, got {shown(error.get('input'))}"
    )


def _count(word: str, bound: str) -> Advice:
    def advice(error: Any, loc: Loc, model: type[BaseModel]) -> str:
        limit = error.get("ctx", {}).get(bound)
        return f"give {word} {limit} item{'s' if limit != 1 else ''}"

    return advice


# What each kind of error the models can raise tells a person; the custom kinds (ids, dates,
# times, text, too many) carry their own words from models/base.py.
_ADVICE: dict[str, Advice] = {
    "list_type": _list_advice,
    "model_type": _mapping_advice,
    "model_attributes_type": _mapping_advice,
    "dict_type": _mapping_advice,
    "int_type": _simple("a whole number"),
    "int_parsing": _simple("a whole number"),
    "int_from_float": _simple("a whole number"),
    "bool_type": _simple("true or false"),
    "bool_parsing": _simple("true or false"),
    "string_type": _simple("text"),
    "url_type": _simple("a web address starting with https://"),
    "url_parsing": _simple("a web address starting with https://"),
    "url_scheme": _simple("a web address starting with https://"),
    "literal_error": _literal,
    "greater_than_equal": _bounded("{} or more", "ge"),
    "greater_than": _bounded("more than {}", "gt"),
    "less_than_equal": _bounded("{} or less", "le"),
    "less_than": _bounded("less than {}", "lt"),
    "too_short": _count("at least", "min_length"),
    "too_long": _count("at most", "max_length"),
}


def _about(key: Any, field: FieldInfo | None) -> str:
    """What a missing key is for, and an example of it."""
    if field is None or not field.description:
        return ""
    what = field.description
    return f": {what[0].lower()}{what[1:]}{_example((key,), field)}"


def _example(loc: tuple[Any, ...], field: FieldInfo | None) -> str:
    keys = [part for part in loc if isinstance(part, str)]
    if field is None or not field.examples or not keys or isinstance(loc[-1], int):
        return ""
    example = field.examples[0]
    if isinstance(example, list):
        written = "[" + ", ".join(map(str, example)) + "]"
    elif isinstance(example, bool):
        written = "true" if example else "false"
    else:
        written = str(example)
    return f", e.g. {keys[-1]}: {written}"


def _field_at(model: type[BaseModel], loc: tuple[Any, ...]) -> FieldInfo | None:
    """The field of ``model`` at ``loc`` (list indexes skipped), for its description and examples."""
    current: Any = model
    info: FieldInfo | None = None
    for part in loc:
        if isinstance(part, int):
            continue
        sub = _model_in(current)
        if sub is None:
            return None
        fields = {(f.alias or name): f for name, f in sub.model_fields.items()}
        info = fields.get(part)
        if info is None:
            return None
        current = info.annotation
    return info


def _dotted(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


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
