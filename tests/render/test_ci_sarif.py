"""The generated CI runs ``planner check`` and hands its SARIF to what the CI offers.

GitHub Actions uploads it to code scanning, even when the check step fails; GitLab keeps it
as an artifact (it does not read SARIF). The workflow files are parsed, checked against the
CI vendors' published schemas (as vendored by check-jsonschema), and the check command is
run as the CI would run it, in a generated project, to prove it writes the file uploaded.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from planner.files.apply import apply
from planner.files.plan import FilePlan
from planner.record.io import dump_record
from planner.record.model import Record

UPLOAD = re.compile(r"^github/codeql-action/upload-sarif@v\d+$")


def _sarif_target(command: str) -> str:
    """The file a ``planner check --format sarif > FILE`` command writes."""
    words = shlex.split(command)
    assert words[:2] == ["planner", "check"], command
    assert words[words.index("--format") + 1] == "sarif", command
    assert words[-2] == ">", command
    return words[-1]


def _schema_check(path: Path, schema: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def _run_like_ci(root: Path, command: str) -> dict[str, Any]:
    """Run the CI's check command in ``root`` with a shell, as a runner would."""
    bin_dir = Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
    done = subprocess.run(
        ["bash", "-e", "-c", command], cwd=root, env=env, capture_output=True, timeout=120
    )
    assert done.returncode in (0, 1), done.stderr.decode()
    target = root / _sarif_target(command)
    sarif: dict[str, Any] = json.loads(target.read_text())
    assert sarif["version"] == "2.1.0"
    assert sarif["runs"][0]["tool"]["driver"]["name"] == "planner"
    return sarif


def _project(record: Record, root: Path, plan_for: Callable[..., FilePlan], bank: Any) -> FilePlan:
    plan = plan_for(record, root)
    plan.add("architecture/decisions.yaml", dump_record(record, bank), tracked=False)
    apply(plan, root)
    return plan


def test_github_workflow_uploads_the_sarif_it_writes(
    make_record: Callable[..., Record],
    plan_for: Callable[..., FilePlan],
    bank: Any,
    tmp_path: Path,
) -> None:
    record = make_record(**{"deployment.ci": "github"})
    _project(record, tmp_path, plan_for, bank)
    workflow_file = tmp_path / ".github" / "workflows" / "ci.yml"
    _schema_check(workflow_file, "vendor.github-workflows")
    workflow = yaml.safe_load(workflow_file.read_text())
    job = workflow["jobs"]["architecture"]
    assert job["permissions"]["security-events"] == "write"
    assert job["permissions"]["contents"] == "read"
    steps = job["steps"]
    checks = [i for i, s in enumerate(steps) if "planner check" in s.get("run", "")]
    uploads = [i for i, s in enumerate(steps) if UPLOAD.match(s.get("uses", ""))]
    assert len(checks) == 1 and len(uploads) == 1, steps
    check, upload = steps[checks[0]], steps[uploads[0]]
    assert steps[0]["uses"].startswith("actions/checkout@")
    assert any("architecture-kickoff" in s.get("run", "") for s in steps[: checks[0]])
    assert checks[0] < uploads[0] == len(steps) - 1
    assert upload["if"] == "always()"  # the findings are uploaded when the check fails
    assert "if" not in check
    assert upload["with"]["sarif_file"] == _sarif_target(check["run"])
    # The test job is untouched: it still ends with pytest.
    assert workflow["jobs"]["test"]["steps"][-1]["run"] == "pytest"
    sarif = _run_like_ci(tmp_path, check["run"])
    assert sarif["runs"][0]["results"] == []  # a fresh skeleton follows its own decisions


def test_gitlab_pipeline_keeps_the_sarif_as_an_artifact(
    make_record: Callable[..., Record],
    plan_for: Callable[..., FilePlan],
    bank: Any,
    tmp_path: Path,
) -> None:
    record = make_record(**{"deployment.ci": "gitlab", "initialization.database": "postgresql"})
    _project(record, tmp_path, plan_for, bank)
    pipeline_file = tmp_path / ".gitlab-ci.yml"
    _schema_check(pipeline_file, "vendor.gitlab-ci")
    pipeline = yaml.safe_load(pipeline_file.read_text())
    job = pipeline["architecture"]
    assert job["stage"] in pipeline["stages"]
    (command,) = [line for line in job["script"] if "planner check" in line]
    assert job["script"].index(command) == len(job["script"]) - 1
    assert any("architecture-kickoff" in line for line in job["script"])
    assert job["artifacts"]["when"] == "always"
    assert job["artifacts"]["paths"] == [_sarif_target(command)]
    assert pipeline["test"]["script"][-1] == "pytest"
    _run_like_ci(tmp_path, command)


def test_no_ci_no_workflow(
    make_record: Callable[..., Record], plan_for: Callable[..., FilePlan], tmp_path: Path
) -> None:
    plan = plan_for(make_record(**{"deployment.ci": "none"}), tmp_path)
    assert not any(p.startswith(".github/") or p == ".gitlab-ci.yml" for p in plan.files)


def test_ci_installs_the_planner_that_wrote_the_project(tmp_path: Path) -> None:
    """A new planner release changes rules: it reaches CI when the team renders with it."""
    from planner import __version__

    for ci, path in (("github", ".github/workflows/ci.yml"), ("gitlab", ".gitlab-ci.yml")):
        root = tmp_path / ci
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "planner",
                "new",
                str(root),
                "--defaults",
                "--no-input",
                "--set",
                f"deployment.ci={ci}",
            ],
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stderr
        text = (root / path).read_text()
        assert f'pip install "architecture-kickoff=={__version__}"' in text
        assert "pip install architecture-kickoff\n" not in text
