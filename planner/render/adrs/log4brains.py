"""The ``log4brains`` style: its ``- Status:`` header, ``.log4brains.yml`` and ``template.md``.

log4brains names the ADRs it creates by date; planner lists them and keeps
numbering its own after the highest number.
"""

from planner.render.adrs.style import Style

STYLE = Style(
    name="log4brains",
    tools=("log4brains (reading and writing)",),
    status_section=False,
    bullet_header="-",
    front_matter=False,
    template="template.md",
)


def config(project_name: str, adr_dir: str) -> str:
    """``.log4brains.yml``: the project name and the ADR folder, nothing else."""
    import json

    name = json.dumps(project_name, ensure_ascii=False)
    return f"---\nproject:\n  name: {name}\n  tz: Etc/UTC\n  adrFolder: ./{adr_dir}\n"
