"""The GitHub Action and the GitLab component: their shell steps, run here as CI would run them.

GitHub and GitLab cannot run on this machine, so each test reads action.yml or
dialog.gitlab-ci.yml, puts each input's default where the file uses it, and runs every shell
step with bash in a copy of an example workspace. Only the install differs: dialogkit comes
from a wheel of this checkout instead of PyPI (the `install` input), installed into a folder
of its own as pip would install it from PyPI; its dependencies are the test environment's.
The steps that use other actions (setup-python, upload-artifact, Pages) are checked for
what they would upload, not run.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from dialogkit import __version__
from dialogkit.pipelines import ACTION, GITLAB_COMPONENT, PIPELINES, pipeline_text
from dialogkit.yamlload import load_yaml
from tests.conftest import EXAMPLES, REPO, run_dialog

GITHUB_INPUT = re.compile(r"\$\{\{\s*inputs\.([\w-]+)\s*\}\}")
GITLAB_INPUT = re.compile(r"\$\[\[\s*inputs\.([\w-]+)\s*\]\]")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(out),
            str(REPO),
        ],
        check=True,
    )
    return next(out.glob("dialogkit-*.whl"))


def _workspace(source: Path, target: Path) -> Path:
    """A copy of an example workspace as a municipality's repository holds it."""
    shutil.copytree(
        source,
        target,
        ignore=shutil.ignore_patterns("build", "raw", "examples", "src", "tests", "benchmarks", "scripts", ".*"),
    )
    return target


def _environment(tmp_path: Path) -> dict[str, str]:
    """The runner's environment: pip installs into a folder of its own, whose `dialog` comes first."""
    site = tmp_path / "site"
    return {
        **os.environ,
        "PATH": os.pathsep.join([str(site / "bin"), str(Path(sys.executable).parent), os.environ["PATH"]]),
        "PYTHONPATH": str(site),
        "PIP_TARGET": str(site),
        "PIP_NO_DEPS": "1",
    }


def _bash(script: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    # GitHub runs a `shell: bash` step as `bash --noprofile --norc -eo pipefail {0}`.
    return subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def _fill(value: Any, pattern: re.Pattern[str], inputs: dict[str, str]) -> Any:
    if isinstance(value, str):
        return pattern.sub(lambda m: inputs[m[1]], value)
    if isinstance(value, dict):
        return {k: _fill(v, pattern, inputs) for k, v in value.items()}
    if isinstance(value, list):
        return [_fill(v, pattern, inputs) for v in value]
    return value


def _action(install: Path | None = None, **given: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """action.yml, and its steps with each input put in as GitHub does: the default, or as ``given``."""
    action = yaml.safe_load((REPO / "action.yml").read_text())
    inputs = {name: str(spec["default"]) for name, spec in action["inputs"].items()} | given
    if install is not None:
        inputs["install"] = str(install)
    return action, [_fill(step, GITHUB_INPUT, inputs) for step in action["runs"]["steps"]]


def test_action_installs_the_version_it_is_tagged_with() -> None:
    action, steps = _action()
    assert action["runs"]["using"] == "composite"
    assert action["inputs"]["version"]["default"] == __version__
    for name, spec in action["inputs"].items():
        assert spec.get("description"), f"input {name} has no description"
    used = [step["uses"] for step in steps if "uses" in step]
    assert all(re.fullmatch(r"actions/[\w-]+@v\d+", u) for u in used), used
    assert {"actions/setup-python", "actions/upload-artifact", "actions/deploy-pages"} <= {
        u.split("@")[0] for u in used
    }


def test_action_steps_check_build_and_leave_what_is_uploaded(tmp_path: Path, wheel: Path) -> None:
    _, steps = _action(install=wheel)
    workspace = _workspace(EXAMPLES["sv"], tmp_path / "repository")
    env = _environment(tmp_path)
    ran = []
    for step in steps:
        if "run" not in step:
            continue
        assert step["shell"] == "bash"
        done = _bash(step["run"], workspace / step.get("working-directory", "."), {**env, **step.get("env", {})})
        assert done.returncode == 0, f"{step['name']}: {done.stdout}{done.stderr}"
        ran.append(step["run"].split()[:2])
    assert ran == [["python", "-m"], ["missing=()", "for"], ["dialog", "check"], ["dialog", "build"]]
    # The dialog that ran is the one the install step put in, not the test environment's.
    which = _bash("command -v dialog && python -c 'import dialogkit; print(dialogkit.__file__)'", workspace, env)
    site = tmp_path / "site"
    assert which.stdout.splitlines() == [str(site / "bin" / "dialog"), str(site / "dialogkit" / "__init__.py")]
    uploads = {step["uses"].split("@")[0]: step["with"]["path"] for step in steps if "path" in step.get("with", {})}
    documents = workspace / uploads["actions/upload-artifact"]
    assert (documents / "2025" / "case-document.pdf").stat().st_size > 0
    assert (documents / "2025" / "hogvad" / "invitation.docx").is_file()
    assert (workspace / uploads["actions/upload-pages-artifact"] / "index.html").is_file()


def test_action_check_step_fails_on_a_bad_file_with_an_annotation(tmp_path: Path, wheel: Path) -> None:
    _, steps = _action(install=wheel)
    workspace = _workspace(EXAMPLES["nb"], tmp_path / "repository")
    areas = workspace / "areas.yaml"
    areas.write_text(areas.read_text().replace("id: skole", "id: Skole", 1))
    env = _environment(tmp_path)
    named = {step["name"]: step for step in steps if "run" in step}
    install, check = named["Install dialogkit"], named["Check the workspace"]
    assert _bash(install["run"], workspace, {**env, **install["env"]}).returncode == 0
    done = _bash(check["run"], workspace, env)
    assert done.returncode == 1
    assert done.stdout.startswith("::error file=areas.yaml,line=")


def test_action_inputs_reach_the_shell_as_values_not_as_script(tmp_path: Path, wheel: Path) -> None:
    # GitHub splices ${{ inputs.x }} into a step as text; the action puts inputs only in
    # env:, never in run:, so an input is one value however it is quoted.
    planted = tmp_path / "planted"
    hostile = f'pdf"; touch {planted}; echo "'
    _, steps = _action(install=wheel, formats=hostile, jobs=f"1$(touch {planted})")
    assert all(
        "${{" not in step["run"]
        for step in yaml.safe_load((REPO / "action.yml").read_text())["runs"]["steps"]
        if "run" in step
    )
    workspace = _workspace(EXAMPLES["nb"], tmp_path / "repository")
    env = _environment(tmp_path)
    named = {step["name"]: step for step in steps if "run" in step}
    install, build = named["Install dialogkit"], named["Build the documents"]
    assert _bash(install["run"], workspace, {**env, **install["env"]}).returncode == 0
    done = _bash(build["run"], workspace, {**env, **build["env"]})
    assert done.returncode == 2, done.stderr
    assert not planted.exists()


def _gitlab() -> tuple[dict[str, Any], dict[str, Any]]:
    header, jobs = yaml.safe_load_all((REPO / "dialog.gitlab-ci.yml").read_text())
    return header["spec"]["inputs"], jobs


def test_gitlab_component_installs_the_version_it_is_tagged_with() -> None:
    spec, jobs = _gitlab()
    assert spec["version"]["default"] == __version__
    assert all(s.get("description") for s in spec.values())
    assert set(jobs) == {"dialog-documents", "pages"}


def test_gitlab_component_script_checks_builds_and_leaves_the_artifacts(tmp_path: Path, wheel: Path) -> None:
    spec, jobs = _gitlab()
    # GitLab puts a boolean input in as true or false.
    inputs = {
        name: str(s["default"]).lower() if isinstance(s["default"], bool) else str(s["default"])
        for name, s in spec.items()
    }
    inputs["install"] = str(wheel)
    project = _workspace(EXAMPLES["nb"], tmp_path / "project")
    env = {**_environment(tmp_path), "CI_PROJECT_DIR": str(project), "CI_COMMIT_REF_SLUG": "main"}
    for job in ("dialog-documents", "pages"):
        filled = _fill(jobs[job], GITLAB_INPUT, inputs)
        variables = {k: os.path.expandvars(v) for k, v in filled.get("variables", {}).items()}
        # A GitLab runner runs the script's lines in one shell, in the project's folder.
        done = _bash("\n".join(filled["script"]), project, {**env, **variables})
        assert done.returncode == 0, f"{job}: {done.stdout}{done.stderr}"
        for path in filled["artifacts"]["paths"]:
            assert (project / path).exists(), f"{job}: no {path} to keep"
    assert (project / "build" / "2022" / "referat-compilation.pdf").stat().st_size > 0
    assert (project / "public" / "index.html").is_file()
    rule = _fill(jobs["pages"], GITLAB_INPUT, inputs)["rules"][0]["if"]
    assert rule.startswith('"false" == "true"'), "the site is published only when asked"


@pytest.mark.parametrize("ci", list(PIPELINES))
def test_init_ci_pins_the_installed_version(tmp_path: Path, runner: CliRunner, ci: str) -> None:
    code, output = run_dialog(runner, "init", tmp_path / "kommun", "--ci", ci)
    assert code == 0, output
    path = tmp_path / "kommun" / PIPELINES[ci][1]
    text = path.read_text()
    data = load_yaml(path, PIPELINES[ci][1]).data  # YAML our own strict loader accepts too
    if ci == "github":
        steps = data["jobs"]["documents"]["steps"]
        assert steps[-1] == {"uses": f"{ACTION}@v{__version__}"}
    else:
        assert data["include"] == [{"remote": GITLAB_COMPONENT.format(version=__version__)}]
        assert f"/v{__version__}/dialog.gitlab-ci.yml" in text


def test_the_pinned_files_exist_at_the_repository_root() -> None:
    # The tag the pipelines name holds these two files, where they point.
    assert GITLAB_COMPONENT.endswith("/dialog.gitlab-ci.yml") and (REPO / "dialog.gitlab-ci.yml").is_file()
    assert (REPO / "action.yml").is_file()


@pytest.mark.parametrize(("example", "ci"), [("sv", "github"), ("nb", "gitlab")])
def test_the_examples_ci_files_are_what_init_writes(example: str, ci: str) -> None:
    committed = EXAMPLES[example] / PIPELINES[ci][1]
    assert committed.read_text() == pipeline_text(ci), f"regenerate {committed}: dialog init DIR --ci {ci}"


def test_the_action_and_the_component_install_the_fonts_before_the_build() -> None:
    _, steps = _action()
    runs = [step["run"] for step in steps if "run" in step]
    _, jobs = _gitlab()
    script = jobs["dialog-documents"]["script"]
    for lines in (runs, script):
        fonts = next(i for i, line in enumerate(lines) if "fonts-noto-cjk" in line)
        build = next(i for i, line in enumerate(lines) if line.startswith("dialog build"))
        assert fonts < build and "fonts-noto-core fonts-noto-cjk fonts-noto-color-emoji" in lines[fonts]
