"""Findings and the typed errors that carry them from the core to the CLI."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Finding:
    """One positioned message about a workspace file; line and column count from 1."""

    path: str
    line: int
    column: int
    severity: Severity
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.severity}: {self.message}"


class DialogError(Exception):
    """An error in the input that a person can fix; carries one or more findings."""

    def __init__(self, findings: list[Finding] | Finding) -> None:
        self.findings = [findings] if isinstance(findings, Finding) else list(findings)
        super().__init__("\n".join(str(f) for f in self.findings))


class UsageError(Exception):
    """The command was called in a way it cannot serve (exit code 2)."""


def finding(path: str | Path, message: str, line: int = 1, column: int = 1, severity: Severity = "error") -> Finding:
    """Build a finding; a convenience for rules that know only the file."""
    return Finding(str(path), line, column, severity, message)
