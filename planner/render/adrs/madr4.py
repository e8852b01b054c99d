"""The ``madr4`` style: MADR 4.0's front matter, headings and one option per bullet.

log4brains 1.1 does not read front matter: it shows these ADRs, but not their
status, date or deciders; teams using log4brains choose the ``log4brains`` style.
"""

from planner.render.adrs.style import Style

STYLE = Style(
    name="madr4",
    tools=("MADR 4 (markdownlint with MADR's rules)",),
    status_section=False,
    bullet_header="",
    front_matter=True,
    template="templates/template.md",  # a name log4brains and pyadr skip
)
