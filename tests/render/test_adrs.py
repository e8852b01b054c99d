from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from planner.files.plan import FilePlan
from planner.record.model import Record
from planner.render.adrs import scan

HAND_WRITTEN = """# 1. Record architecture decisions

Date: 2025-01-10

## Status

Accepted

## Context

We record decisions.
"""


def adr_names(plan: FilePlan) -> list[str]:
    return sorted(p.rsplit("/", 1)[1] for p in plan.files if p.startswith("docs/adr/0"))


def test_fresh_folder_numbers_from_one(
    make_record: Callable[..., Record], plan_for: Callable[..., FilePlan]
) -> None:
    names = adr_names(plan_for(make_record()))
    assert names[0] == "0001-record-architecture-decisions.md"
    assert [n[:4] for n in names] == [f"{i:04d}" for i in range(1, 9)]


def test_numbering_continues_after_hand_written_adrs(
    tmp_path: Path, make_record: Callable[..., Record], plan_for: Callable[..., FilePlan]
) -> None:
    folder = tmp_path / "out" / "docs" / "adr"
    folder.mkdir(parents=True)
    (folder / "0001-record-architecture-decisions.md").write_text(HAND_WRITTEN)
    (folder / "0002-use-postgres.md").write_text("# 2. Use Postgres\n\n## Status\n\nAccepted\n")
    plan = plan_for(make_record())
    assert "docs/adr/0001-record-architecture-decisions.md" not in plan.files  # kept as it is
    assert "docs/adr/0002-use-postgres.md" not in plan.files
    assert adr_names(plan)[0].startswith("0003-deployment")
    index = plan.files["docs/adr/index.md"].decode()
    assert "[0002](0002-use-postgres.md) | Use Postgres | Accepted" in index
    assert (
        "[0001](0001-record-architecture-decisions.md) | Record architecture decisions | Accepted"
        in index
    )


def test_rerender_keeps_numbers(
    tmp_path: Path,
    make_record: Callable[..., Record],
    plan_for: Callable[..., FilePlan],
    render_to: Callable[..., Path],
) -> None:
    root = tmp_path / "out"
    record = make_record()
    render_to(record, root)
    (root / "docs" / "adr" / "0009-later-hand-written.md").write_text(
        "# 9. Later\n\n## Status\n\nProposed\n"
    )
    again = plan_for(record, root)
    for path, data in again.files.items():
        if path.startswith("docs/adr/0"):
            assert (root / path).read_bytes() == data, path


def test_date_named_and_unnumbered_adrs_are_listed_and_numbering_goes_on(
    tmp_path: Path, make_record: Callable[..., Record], plan_for: Callable[..., FilePlan]
) -> None:
    """log4brains names its ADRs by date and pyadr proposes ``XXXX-`` files: neither is refused."""
    folder = tmp_path / "out" / "docs" / "adr"
    folder.mkdir(parents=True)
    (folder / "20240105-use-kafka.md").write_text("# Use Kafka\n\n- Status: accepted\n")
    (folder / "XXXX-use-redis.md").write_text("# Use Redis\n\n* Status: proposed\n")
    (folder / "0004-use-postgres.md").write_text("# Use Postgres\n\n* Status: accepted\n")
    plan = plan_for(make_record())
    names = adr_names(plan)
    assert names[0] == "0005-record-architecture-decisions.md"  # after the highest number
    assert not any(n.startswith("2024") for n in names)  # not numbered, not rewritten
    index = plan.files["docs/adr/index.md"].decode()
    assert "| [20240105](20240105-use-kafka.md) | Use Kafka | accepted |" in index
    assert "| [XXXX](XXXX-use-redis.md) | Use Redis | proposed |" in index
    assert index.index("20240105-use-kafka") > index.index("0012-")  # listed after the numbers


def test_adr_dir_file_is_honoured(
    tmp_path: Path, make_record: Callable[..., Record], plan_for: Callable[..., FilePlan]
) -> None:
    root = tmp_path / "out"
    root.mkdir()
    (root / ".adr-dir").write_text("doc/decisions\n")
    plan = plan_for(make_record(), root)
    assert "doc/decisions/0002-deployment-container-image.md" in plan.files
    assert plan.files[".adr-dir"] == b"doc/decisions\n"  # the same bytes: left as it is
    doc = plan.files["docs/architecture.md"].decode()
    assert "(../doc/decisions/0002-deployment-container-image.md)" in doc


def test_adr_dir_outside_root_is_refused(
    tmp_path: Path, make_record: Callable[..., Record], plan_for: Callable[..., FilePlan]
) -> None:
    from planner.errors import UnsafePathError

    root = tmp_path / "out"
    root.mkdir()
    (root / ".adr-dir").write_text("../elsewhere\n")
    with pytest.raises(UnsafePathError):
        plan_for(make_record(), root)


def test_scan_reads_titles_and_statuses(tmp_path: Path) -> None:
    (tmp_path / "0003-x.md").write_text(
        "# 3. Use X\n\n## Status\n\nSuperseded by [4. Use Y](0004-use-y.md)\n\n## Context\n"
    )
    (tmp_path / "0004-use-y.md").write_text("# 4. Use Y\n\n* Status: proposed\n")
    (tmp_path / "notes.md").write_text("not an ADR")
    found = scan(tmp_path)
    assert [(a.number, a.title, a.status) for a in found] == [
        (3, "Use X", "Superseded by [4. Use Y](0004-use-y.md)"),
        (4, "Use Y", "proposed"),
    ]


def test_team_template_without_the_marker_keeps_numbering_stable(
    tmp_path: Path, make_record: Callable[..., Record], render_to: Callable[..., Path]
) -> None:
    """A team's decision template that drops planner's marker must not add ADRs on every render."""
    overrides = tmp_path / "team-templates" / "adr"
    overrides.mkdir(parents=True)
    (overrides / "decision.md.j2").write_text(
        "# {{ view.adr.title }}\n\n* Status: {{ view.adr_status }}\n\nOur own short format.\n"
    )
    root = tmp_path / "out"
    record = make_record()
    for _ in range(3):
        render_to(record, root, template_dirs=[tmp_path / "team-templates"])
    names = sorted(p.name for p in (root / "docs" / "adr").glob("0*.md"))
    assert len(names) == 8 and names[-1].startswith("0008-"), names
    text = (root / "docs" / "adr" / "0007-logging-plain-text.md").read_text()
    assert text.startswith("# Logging: Plain text\n\n* Status: accepted\n\nOur own short format.\n")
