"""Load the shipped question bank and a team's packs into a typed ``Bank``.

A pack has the bank's shape. A section with a known id extends that section
(a question with a known id replaces it, a new one is appended); a new id adds
a section. Everything is checked here, with positions, so the engine and the
renderers can trust what they are given.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from planner import bounded_read, marked_yaml, resources
from planner.errors import InputFileError, QuestionBankError
from planner.marked_yaml import Document, Path_
from planner.questions.model import (
    QUESTION_TYPES,
    RESERVED_KEYS,
    Bank,
    Choice,
    Condition,
    ConditionOp,
    DefaultFrom,
    Question,
    Section,
    Validation,
)
from planner.reader import Reader
from planner.text import IDENT_RE, TRANSFORMS

logger = logging.getLogger(__name__)

BANK_VERSION = 1
_SECTION_KEYS = ("id", "kind", "title", "intro", "number", "questions", "confirmation")
_QUESTION_KEYS = (
    "id",
    "title",
    "type",
    "prompt",
    "help",
    "choices",
    "default",
    "default_from",
    "when",
    "validate",
    "deferrable",
)
_CHOICE_KEYS = ("value", "label", "description", "pros", "cons", "consequences", "legacy")
_VALIDATE_KEYS = tuple(Validation.__dataclass_fields__)


@dataclass
class _RawSection:
    section: Section
    explicit_number: bool


class _PackReader(Reader):
    """Reads one bank or pack file into sections."""

    def sections(self) -> list[_RawSection]:
        top = self.mapping(self.doc.data, (), known=("version", "sections"), required=("sections",))
        if top is None:
            return []
        if "version" in top:
            version = self.integer(top["version"], ("version",))
            if version is not None and version != BANK_VERSION:
                self.fail(
                    ("version",),
                    f"unsupported version {version}; this planner reads {BANK_VERSION}",
                )
        raw = top.get("sections")
        if not isinstance(raw, list):
            if "sections" in top:
                self.fail(("sections",), "expected a list of sections")
            return []
        out = []
        for i, item in enumerate(raw):
            section = self.section(item, ("sections", i))
            if section is not None:
                out.append(section)
        return out

    def section(self, raw: Any, path: Path_) -> _RawSection | None:
        data = self.mapping(raw, path, known=_SECTION_KEYS, required=("id",))
        if data is None or "id" not in data:
            return None
        sid = self.identifier(data["id"], (*path, "id"))
        kind = self.one_of(data.get("kind", "heuristic"), (*path, "kind"), ("meta", "heuristic"))
        number = None
        if "number" in data:
            number = self.integer(data["number"], (*path, "number"))
        questions: list[Question] = []
        raw_questions = data.get("questions", [])
        if not isinstance(raw_questions, list):
            self.fail((*path, "questions"), "expected a list of questions")
            raw_questions = []
        for j, item in enumerate(raw_questions):
            q = self.question(item, (*path, "questions", j), sid or "?")
            if q is not None:
                questions.append(q)
        if sid is None or kind is None:
            return None
        section = Section(
            id=sid,
            kind=kind,  # type: ignore[arg-type]
            title=self.string(
                data.get("title", sid.replace("_", " ").capitalize()), (*path, "title")
            )
            or sid,
            intro=self.string(data.get("intro", ""), (*path, "intro")) or "",
            number=number,
            questions=tuple(questions),
            confirmation=self.string(data.get("confirmation", ""), (*path, "confirmation")) or "",
        )
        return _RawSection(section, explicit_number=number is not None)

    def identifier(self, value: Any, path: Path_) -> str | None:
        text = self.string(value, path, allow_empty=False)
        if text is None:
            return None
        if not IDENT_RE.match(text):
            self.fail(path, f"{text!r} is not a valid id (lower-case letters, digits, underscores)")
            return None
        return text

    def question(self, raw: Any, path: Path_, section: str) -> Question | None:
        data = self.mapping(raw, path, known=_QUESTION_KEYS, required=("id", "type", "prompt"))
        if data is None or not {"id", "type", "prompt"} <= data.keys():
            return None
        key = self.identifier(data["id"], (*path, "id"))
        if key in RESERVED_KEYS:
            self.fail((*path, "id"), f"{key!r} is reserved for the heuristic's own field")
            return None
        qtype = self.one_of(data["type"], (*path, "type"), QUESTION_TYPES)
        prompt = self.string(data["prompt"], (*path, "prompt"), allow_empty=False)
        if key is None or qtype is None or prompt is None:
            return None
        choices = self.choices(data.get("choices"), (*path, "choices"), qtype)
        question = Question(
            id=f"{section}.{key}",
            key=key,
            section=section,
            type=qtype,  # type: ignore[arg-type]
            prompt=prompt,
            title=self.string(
                data.get("title", key.replace("_", " ").capitalize()), (*path, "title")
            )
            or key,
            help=self.string(data.get("help", ""), (*path, "help")) or "",
            choices=choices,
            default=data.get("default"),
            default_from=self.default_from(data.get("default_from"), (*path, "default_from")),
            when=self.conditions(data.get("when"), (*path, "when")),
            validate=self.validation(data.get("validate"), (*path, "validate")),
            deferrable=bool(self.boolean(data.get("deferrable", True), (*path, "deferrable"))),
        )
        if "default" in data and data["default"] is not None:
            self.check_default(question, (*path, "default"))
        return question

    def choices(self, raw: Any, path: Path_, qtype: str) -> tuple[Choice, ...]:
        needs = qtype in ("select", "checkbox")
        if raw is None:
            if needs:
                self.fail(path[:-1], f"a {qtype} question needs choices")
            return ()
        if not needs:
            self.fail(path, f"a {qtype} question takes no choices")
            return ()
        if not isinstance(raw, list) or not raw:
            self.fail(path, "expected a non-empty list of choices")
            return ()
        out: list[Choice] = []
        for i, item in enumerate(raw):
            cpath = (*path, i)
            data = self.mapping(item, cpath, known=_CHOICE_KEYS, required=("value",))
            if data is None or "value" not in data:
                continue
            value = self.identifier(data["value"], (*cpath, "value"))
            if value is None:
                continue
            if value in {c.value for c in out}:
                self.fail((*cpath, "value"), f"duplicate choice {value!r}")
                continue
            out.append(
                Choice(
                    value=value,
                    label=self.string(data.get("label", value), (*cpath, "label")) or value,
                    description=self.string(data.get("description", ""), (*cpath, "description"))
                    or "",
                    pros=self.strings(data.get("pros", []), (*cpath, "pros")) or (),
                    cons=self.strings(data.get("cons", []), (*cpath, "cons")) or (),
                    consequences=self.strings(
                        data.get("consequences", []), (*cpath, "consequences")
                    )
                    or (),
                    legacy=self.string(data.get("legacy", ""), (*cpath, "legacy")) or "",
                )
            )
        return tuple(out)

    def default_from(self, raw: Any, path: Path_) -> DefaultFrom | None:
        if raw is None:
            return None
        data = self.mapping(raw, path, known=("question", "transform"), required=("question",))
        if data is None or "question" not in data:
            return None
        question = self.string(data["question"], (*path, "question"))
        transform = None
        if "transform" in data:
            transform = self.one_of(data["transform"], (*path, "transform"), TRANSFORMS)
        return DefaultFrom(question, transform) if question else None

    def conditions(self, raw: Any, path: Path_) -> tuple[Condition, ...]:
        if raw is None:
            return ()
        data = self.mapping(raw, path)
        if data is None:
            return ()
        out = []
        for qid, test in data.items():
            cpath = (*path, qid)
            if isinstance(test, dict):
                spec = self.mapping(test, cpath, known=("not", "in", "contains"))
                if spec is None or len(spec) != 1:
                    self.fail(cpath, "use exactly one of: not, in, contains")
                    continue
                ((op, values),) = spec.items()
                vals = tuple(values) if isinstance(values, list) else (values,)
                kind: ConditionOp = (
                    "not_in" if op == "not" else "contains" if op == "contains" else "in"
                )
                out.append(Condition(qid, kind, vals))
            elif isinstance(test, list):
                out.append(Condition(qid, "in", tuple(test)))
            else:
                out.append(Condition(qid, "in", (test,)))
        return tuple(out)

    def validation(self, raw: Any, path: Path_) -> Validation:
        if raw is None:
            return Validation()
        data = self.mapping(raw, path, known=_VALIDATE_KEYS)
        if data is None:
            return Validation()
        values: dict[str, Any] = {}
        for name, value in data.items():
            if name not in _VALIDATE_KEYS:
                continue
            vpath = (*path, name)
            if name in ("required", "identifier", "unique", "not_module"):
                values[name] = self.boolean(value, vpath)
            elif name in ("pattern", "message"):
                values[name] = self.string(value, vpath)
            elif name == "not_in" and isinstance(value, dict):
                reasons = [
                    (str(k), self.string(v, (*vpath, str(k))) or "") for k, v in value.items()
                ]
                values[name] = tuple(k for k, _ in reasons)
                values["not_in_reasons"] = tuple((k, why) for k, why in reasons if why)
            elif name == "not_in":
                values[name] = self.strings(value, vpath) or ()
            elif name == "not_in_reasons":
                self.fail(vpath, "write reasons as the values of a not_in mapping")
            else:
                values[name] = self.integer(value, vpath)
        if isinstance(values.get("pattern"), str):
            from planner.questions.patterns import PatternError, compile_pattern

            try:
                compile_pattern(values["pattern"])
            except PatternError as exc:
                self.fail(
                    (*path, "pattern"),
                    f"not a usable regular expression '{values['pattern']}': {exc}",
                )
                values["pattern"] = None
        return Validation(**{k: v for k, v in values.items() if v is not None})

    def check_default(self, question: Question, path: Path_) -> None:
        from planner.questions.values import coerce

        try:
            coerce(question, question.default)
        except ValueError as exc:
            self.fail(path, f"the default is not a valid answer: {exc}")


def _merge(base: list[_RawSection], pack: list[_RawSection]) -> list[_RawSection]:
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
        merged[index] = _RawSection(
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


def _finish(raw_sections: list[_RawSection], docs: dict[str, Document]) -> Bank:
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


def _read(raw: bytes, source: str) -> tuple[Document, list[_RawSection]]:
    try:
        doc = marked_yaml.load(raw, source)
    except QuestionBankError:
        raise
    except InputFileError as exc:
        raise QuestionBankError(exc.problems) from None
    reader = _PackReader(doc)
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
