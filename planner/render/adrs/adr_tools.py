"""The ``adr-tools`` style (the default): Nygard's ``## Status`` section plus a bullet header.

adr-tools edits the section (``adr new -s``, ``adr link``); pyadr and log4brains
read the bullets; titles carry no number, so pyadr's file-name check passes.
"""

from planner.render.adrs.style import Style

STYLE = Style(
    name="adr-tools",
    tools=("adr-tools", "pyadr", "log4brains (reading)"),
    status_section=True,
    bullet_header="*",
    front_matter=False,
    template="templates/template.md",
)
