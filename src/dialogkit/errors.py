"""Findings and the typed errors that carry them from the core to the CLI."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]

# Characters that would let a value from a file start a new line in a terminal or a CI log
# (a workflow command such as "::stop-commands::"), move the cursor, or reorder the text
# shown (bidirectional overrides): C0 and C1 controls, format characters, line separators.
_UNPRINTABLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]"
)


def printable(text: str) -> str:
    """``text`` with every control or format character shown as an escape (``\\n``, ``\\x1b``, ``\\u202e``)."""
    return _UNPRINTABLE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match[0])
    named = {0x0A: "\\n", 0x0D: "\\r", 0x09: "\\t"}.get(code)
    return named or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


@dataclass(frozen=True, order=True)
class Finding:
    """One positioned message about a workspace file; line and column count from 1."""

    path: str
    line: int
    column: int
    severity: Severity
    message: str

    def __str__(self) -> str:
        return printable(f"{self.path}:{self.line}:{self.column}: {self.severity}: {self.message}")


class DialogkitError(Exception):
    """Every error dialog raises on purpose; anything else reaching the CLI is a bug (exit 3)."""


class DialogError(DialogkitError):
    """An error in the input that a person can fix; carries one or more findings (exit 1)."""

    def __init__(self, findings: list[Finding] | Finding) -> None:
        self.findings = [findings] if isinstance(findings, Finding) else list(findings)
        super().__init__("\n".join(str(f) for f in self.findings))


class UsageError(DialogkitError):
    """The command was called in a way it cannot serve (exit 2)."""
