"""Check one YAML document of the question bank or a pack and turn it into typed sections.

Every problem is collected with its position (file, line, field) so a team sees
all of them at once; the loader merges the sections that pass.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from planner.marked_yaml import Path_
from planner.questions.model import (
    QUESTION_TYPES,
    RESERVED_KEYS,
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
class RawSection:
    section: Section
    explicit_number: bool


class PackReader(Reader):
    """Reads one bank or pack file into sections."""

    def sections(self) -> list[RawSection]:
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

    def section(self, raw: Any, path: Path_) -> RawSection | None:
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
        return RawSection(section, explicit_number=number is not None)

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
