"""Without a browser the browser tests skip locally, but fail under CI."""

from __future__ import annotations

import pytest

from . import conftest


def test_missing_browser_skips_locally(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="no chromium"):
        conftest._missing("no chromium browser was found")


def test_missing_browser_fails_under_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI is set but no chromium"):
        conftest._missing("no chromium browser was found")
