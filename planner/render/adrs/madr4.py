"""The ``madr4`` style: MADR 4.0's front matter, headings and one option per bullet."""

from planner.render.adrs.style import Style

STYLE = Style(
    name="madr4",
    tools=("MADR 4 (markdownlint with MADR's rules)", "log4brains (reading)"),
    status_section=False,
    bullet_header="",
    front_matter=True,
    template="adr-template.md",
)
