"""Where templates come from: the workspace's templates/ first, then the built-in ones."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from dialogkit.errors import DialogError, Finding, UsageError
from dialogkit.files import write_atomic
from dialogkit.layout import builtin_templates

WORKSPACE_TEMPLATES = "templates"
REFERENCE_DOCX = "reference.docx"
REFERENCE_ODT = "reference.odt"
LOGO = "logo.png"


def builtin_dir() -> Path:
    """The built-in templates: inside the wheel, or the repository's templates/ when editable."""
    return builtin_templates()


@dataclass(frozen=True)
class TemplateInfo:
    """One built-in template and whether the workspace overrides it."""

    name: str
    overridden: bool


def list_templates(root: Path) -> list[TemplateInfo]:
    """Every built-in template, and which of them the workspace at ``root`` overrides."""
    base = builtin_dir()
    names = sorted(
        p.relative_to(base).as_posix() for p in base.rglob("*") if p.is_file() and not p.name.startswith(".")
    )
    return [TemplateInfo(name, _overrides(root / WORKSPACE_TEMPLATES / name, base / name)) for name in names]


def _overrides(own: Path, builtin: Path) -> bool:
    # The repository's root is an example workspace whose templates/ are the built-in ones.
    return own.is_file() and own.resolve() != builtin.resolve()


def copy_template(root: Path, name: str) -> tuple[Path, bool]:
    """Copy the built-in template ``name`` into the workspace; never overwrites. Returns (path, copied)."""
    known = {t.name for t in list_templates(root)}
    if name not in known:
        raise UsageError(
            f"no built-in template '{name}'; `dialog templates list` shows them: {', '.join(sorted(known))}"
        )
    target = root / WORKSPACE_TEMPLATES / name
    outcome = write_atomic(target, (builtin_dir() / name).read_bytes(), overwrite=False, within=root)
    return target, outcome != "kept"


def find_template_file(root: Path, name: str) -> Path:
    """The file of template ``name``: the workspace's own when present, else the built-in one."""
    own = root / WORKSPACE_TEMPLATES / name
    if own.is_file():
        return own
    builtin = builtin_dir() / name
    if builtin.is_file():
        return builtin
    raise DialogError(Finding(f"{WORKSPACE_TEMPLATES}/{name}", 1, 1, "error", f"template '{name}' not found"))


def workspace_asset(root: Path, name: str) -> Path | None:
    """An optional workspace file such as templates/reference.docx or templates/logo.png."""
    path = root / WORKSPACE_TEMPLATES / name
    return path if path.is_file() else None
