"""Load the shipped question bank and a team's packs into a typed ``Bank``.

A pack has the bank's shape. A section with a known id extends that section
(a question with a known id replaces it, a new one is appended); a new id adds
a section. Each document is checked by ``pack_reader`` (with positions) and the
merged bank here (cross-references), so the engine and the
renderers can trust what they are given.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from planner import bounded_read, marked_yaml, resources
from planner.errors import InputFileError, QuestionBankError
from planner.marked_yaml import Document
from planner.questions.model import Bank, Question, Section
from planner.questions.pack_reader import PackReader, RawSection

logger = logging.getLogger(__name__)


def _merge(base: list[RawSection], pack: list[RawSection]) -> list[RawSection]:
    merged = list(base)
    for raw in pack:
        index = next((i for i, s in enumerate(merged) if s.section.id == raw.section.id), None)
        if index is None:
            merged.append(raw)
            continue
        old = merged[index].section
        questions = list(old.questions)
        for q in raw.section.questions:
            pos = next((i for i, o in enumerate(questions) if o.id == q.id), None)
            if pos is None:
                questions.append(q)
            else:
                questions[pos] = q
        merged[index] = RawSection(
            replace(
                old,
                title=raw.section.title if raw.section.title != raw.section.id else old.title,
                intro=raw.section.intro or old.intro,
                confirmation=raw.section.confirmation or old.confirmation,
                questions=tuple(questions),
            ),
            merged[index].explicit_number,
        )
    return merged


def _finish(raw_sections: list[RawSection], docs: dict[str, Document]) -> Bank:
    """Number heuristics, add rationale prompts and check cross-references."""
    sections: list[Section] = []
    next_number = 1
    for raw in raw_sections:
        section = raw.section
        if section.kind == "heuristic":
            number = section.number if section.number is not None else next_number
            next_number = max(next_number, number + 1)
            rationale = Question(
                id=f"{section.id}.rationale",
                key="rationale",
                section=section.id,
                type="text",
                prompt=f"Why did you decide this way on {section.title.lower()}? (optional)",
                title="Rationale",
                help="A sentence or two for the record: it becomes the ADR's rationale.",
                default="",
                deferrable=False,
                role="rationale",
            )
            section = replace(section, number=number, questions=(*section.questions, rationale))
        sections.append(section)
    bank = Bank(tuple(sections), tuple(docs))
    problems = []
    seen: set[str] = {"target"}
    for question in bank.questions():
        refs = [c.question for c in question.when]
        if question.default_from:
            refs.append(question.default_from.question)
        for ref in refs:
            if ref not in seen:
                hint = "" if bank.question(ref) else " (no such question)"
                problems.append(
                    f"{question.id} refers to {ref!r}, which is not asked before it{hint}"
                )
        seen.add(question.id)
    if problems:
        from planner.errors import Problem

        source = bank.sources[-1] if bank.sources else "question bank"
        raise QuestionBankError([Problem(source, None, None, "", p) for p in problems])
    return bank


def _read(raw: bytes, source: str) -> tuple[Document, list[RawSection]]:
    try:
        doc = marked_yaml.load(raw, source)
    except QuestionBankError:
        raise
    except InputFileError as exc:
        raise QuestionBankError(exc.problems) from None
    reader = PackReader(doc)
    sections = reader.sections()
    ids = [s.section.id for s in sections]
    for i, sid in enumerate(ids):
        if sid in ids[:i]:
            reader.fail(("sections", i, "id"), f"duplicate section {sid!r}")
    if reader.problems:
        raise QuestionBankError(reader.problems)
    return doc, sections


def load_bank(packs: Sequence[Path] = ()) -> Bank:
    """The shipped bank, extended by each pack in order."""
    bank_path = resources.bank_path()
    docs: dict[str, Document] = {}
    doc, merged = _read(bank_path.read_bytes(), str(bank_path))
    docs[str(bank_path)] = doc
    for pack in packs:
        try:
            raw = bounded_read.read_bytes(pack)
        except OSError as exc:
            raise QuestionBankError(
                [marked_yaml.Document(str(pack), None).problem((), f"cannot read: {exc.strerror}")]
            ) from None
        doc, sections = _read(raw, str(pack))
        docs[str(pack)] = doc
        known = {s.section.id for s in merged}
        for i, raw_section in enumerate(sections):
            if raw_section.section.id not in known and raw_section.section.kind == "meta":
                problem = doc.problem(
                    ("sections", i, "kind"),
                    "a pack may extend project and meeting but add only heuristic sections",
                )
                raise QuestionBankError([problem])
        merged = _merge(merged, sections)
        logger.info("applied question pack %s (%d sections)", pack, len(sections))
    return _finish(merged, docs)
