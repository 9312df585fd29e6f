"""The minutes: one meeting's referat, the year's compilation and the council document around it."""

from __future__ import annotations

from dialogkit.minutes.compile import CompileResult, compile_referat, render_referat

__all__ = ["CompileResult", "compile_referat", "render_referat"]
