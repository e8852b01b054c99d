"""ADRs: number them, write them in the team's style, read back what ADR tools changed.

One module per style (``adr_tools``, ``madr4``, ``log4brains``); ``folder``
finds and numbers ADRs; ``headers`` reads statuses back from any of them.
"""

from __future__ import annotations

from planner.render.adrs import adr_tools, log4brains, madr4
from planner.render.adrs.folder import (
    DEFAULT_ADR_DIR,
    RECORD_ADR,
    ExistingAdr,
    Numbering,
    assign,
    filename,
    marker,
    scan,
)
from planner.render.adrs.headers import Headers, supersede_link
from planner.render.adrs.style import Style

STYLES: dict[str, Style] = {s.name: s for s in (adr_tools.STYLE, madr4.STYLE, log4brains.STYLE)}

__all__ = [
    "DEFAULT_ADR_DIR",
    "RECORD_ADR",
    "STYLES",
    "ExistingAdr",
    "Headers",
    "Numbering",
    "Style",
    "assign",
    "filename",
    "marker",
    "scan",
    "supersede_link",
]
