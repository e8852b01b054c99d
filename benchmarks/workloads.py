"""Inputs for benchmarks (and the tests that check them): generated packs and records."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from planner.files.plan import FilePlan
from planner.questions.engine import Interview, fill_defaults
from planner.questions.loader import load_bank
from planner.record.build import build_record
from planner.render import plan_all


def pack_with_decisions(folder: Path, count: int) -> Path:
    """A question pack adding ``count`` heuristics of one three-way choice each."""
    sections = []
    for i in range(count):
        choices = [
            {
                "value": f"option_{c}",
                "label": f"Option {c}",
                "description": f"Choice {c} of custom decision {i}.",
                "pros": [f"Pro {c} of decision {i}."],
                "cons": [f"Con {c} of decision {i}."],
                "consequences": [f"Consequence {c} of decision {i}."],
            }
            for c in "abc"
        ]
        question = {
            "id": "choice",
            "type": "select",
            "prompt": f"How do we settle custom matter {i}?",
            "help": f"Matter {i} shapes part of the system.",
            "default": "option_a",
            "choices": choices,
        }
        sections.append(
            {"id": f"custom_{i:04d}", "title": f"Custom matter {i}", "questions": [question]}
        )
    path = folder / f"pack-{count}.yaml"
    path.write_text(yaml.safe_dump({"version": 1, "sections": sections}, sort_keys=False))
    return path


def render_pack_record(pack: Path, root: Path) -> FilePlan:
    """Build the default record for the bank plus ``pack`` and plan its documents."""
    bank = load_bank([pack])
    interview = Interview(bank, target_name="bench")
    fill_defaults(interview)
    record = build_record(bank, interview.resolved(), date=dt.date(2026, 11, 24), packs=[str(pack)])
    return plan_all(record, bank, root, record_file=root / "architecture" / "decisions.yaml")


def codebase(root: Path, modules: int, *, lines: int = 100) -> Path:
    """A ports-and-adapters codebase of ``modules`` modules of about ``lines`` lines each.

    Returns the project folder; its record asks for a pure domain, a logger per
    module and mirrored tests (the tests are generated too, so the check is clean).
    """
    package = root / "bench_app"
    layers = ("domain", "services", "adapters", "entrypoints")
    per_layer = max(1, modules // len(layers))
    filler = "\n".join(
        f"def helper_{i}(value: int) -> int:\n    return value + {i}\n\n" for i in range(lines // 4)
    )
    (package).mkdir(parents=True, exist_ok=True)
    (package / "__init__.py").write_text("import logging\n\nlogger = logging.getLogger(__name__)\n")
    for index, layer in enumerate(layers):
        folder = package / layer
        folder.mkdir(exist_ok=True)
        (folder / "__init__.py").write_text(
            "import logging\n\nlogger = logging.getLogger(__name__)\n"
        )
        tests = root / "tests" / layer
        tests.mkdir(parents=True, exist_ok=True)
        for number in range(per_layer):
            imports = ["import logging"]
            if number:
                imports.append(f"from bench_app.{layer} import m{number - 1:05d}")
            if index:
                imports.append(f"from bench_app.{layers[index - 1]} import m{number:05d} as lower")
            if layer == "entrypoints":
                imports.append("import flask")
            body = "\n".join(imports) + "\n\nlogger = logging.getLogger(__name__)\n\n\n" + filler
            (folder / f"m{number:05d}.py").write_text(body)
            (tests / f"test_m{number:05d}.py").write_text("def test_it() -> None:\n    pass\n")
    record = {
        "infrastructure.isolation": "ports_and_adapters",
        "layout.style": "ports_and_adapters",
        "testing.layout": "mirror",
        "logging.module_logger": True,
    }
    (root / "rules.txt").write_text("\n".join(f"{k}={v}" for k, v in record.items()) + "\n")
    (root / "importlinter.ini").write_text(
        "[importlinter]\nroot_package = bench_app\ninclude_external_packages = True\n\n"
        "[importlinter:contract:pure]\nname = pure core\ntype = forbidden\n"
        "source_modules =\n    bench_app.domain\n    bench_app.services\n"
        "forbidden_modules =\n    flask\n    sqlalchemy\n"
    )
    return root
