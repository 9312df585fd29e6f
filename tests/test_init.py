"""`dialog init` writes a workspace that passes `dialog check` for every locale and kind."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from dialogkit.terminal.catalogue import MESSAGES
from dialogkit.yamlload import parse_yaml
from tests.conftest import run_dialog


@pytest.mark.parametrize("locale", ["sv", "nb", "nn", "en"])
@pytest.mark.parametrize("kind", ["area", "service"])
def test_init_passes_check(tmp_path: Path, runner: CliRunner, locale: str, kind: str) -> None:
    target = tmp_path / "kommun"
    code, output = run_dialog(runner, "init", target, "--locale", locale, "--kind", kind)
    assert code == 0, output
    code, output = run_dialog(runner, "-C", target, "check")
    assert code == 0, output
    assert MESSAGES[locale]["check_clean"].replace("{root}", str(target)) in output  # in the workspace's language
    gitignore = (target / ".gitignore").read_text().splitlines()
    assert "build/" in gitignore and "raw/" in gitignore
    config = (target / "dialog.yaml").read_text()
    assert config.startswith("# yaml-language-server: $schema=schemas/dialog.schema.json\n")
    assert (target / "schemas" / "dialog.schema.json").is_file()
    assert "  # schema version" in config and "  # area (rotation) | service" in config
    for name in ("dialog.yaml", "areas.yaml"):  # an editor reading YAML 1.1 reads what dialog reads (NO stays text)
        text = (target / name).read_text()
        assert yaml.safe_load(text) == parse_yaml(text, name).data


def test_init_never_overwrites_a_workspace(tmp_path: Path, runner: CliRunner) -> None:
    target = tmp_path / "kommun"
    run_dialog(runner, "init", target)
    (target / "dialog.yaml").write_text("# edited by hand\n" + (target / "dialog.yaml").read_text())
    code, output = run_dialog(runner, "init", target)
    assert code == 2 and "already exists" in output
    assert (target / "dialog.yaml").read_text().startswith("# edited by hand")
