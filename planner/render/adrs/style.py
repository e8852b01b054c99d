"""What an ADR style decides: where the status lives, which files go with it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Style:
    """One way of writing ADRs, named by the tools it serves."""

    name: str
    tools: tuple[str, ...]
    status_section: bool  # a ``## Status`` section (adr-tools edits it)
    bullet_header: str  # "*" or "-" before ``Status:``, ``Date:`` ...; "" for none
    front_matter: bool  # MADR 4's YAML front matter
    template: str  # the template ``adr new`` (or log4brains) copies, relative to the ADR folder

    def front_status(self, first_line: str, number_of: dict[str, int]) -> str:
        """The front-matter status: MADR 4 keeps only an identifier, never a link."""
        from planner.render.adrs.headers import split_link, unquote

        before, link, _ = split_link(first_line)
        if link is not None:
            target = link[1]
            number = number_of.get(target)
            ident = f"ADR-{number:04d}" if number is not None else target.removesuffix(".md")
            return f"{before.strip().lower()} {ident}".strip()
        text = unquote(first_line)
        return text[:1].lower() + text[1:]
