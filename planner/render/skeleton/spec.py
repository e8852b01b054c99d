"""What the skeleton must look like, derived once from the record's answers.

Templates test flags here (``spec.uow``, ``spec.repository``) instead of
repeating answer lookups. Open (deferred) answers fall back to the bank's
default so the skeleton still works; the README lists them as open.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from planner.questions.model import DEFERRED, Bank, Value
from planner.record.model import Record
from planner.render.skeleton.nearest import OTHER_RESOURCES_GENERATED, nearest, resources_note


@dataclass(frozen=True)
class Spec:
    name: str
    package: str
    description: str
    artifact: str
    ci: str
    wsgi_server: str
    config_management: str
    entry_point: str
    wiring: str
    config_source: str
    database: str
    db_init: str
    db_session: str
    other_resources: tuple[str, ...]
    layout: str
    views: str
    src_layout: bool
    features: tuple[str, ...]
    test_layout: str
    coverage: int
    module_logger: bool
    log_format: str
    log_destination: str
    request_id: bool
    isolation: str
    framework: str
    open_questions: tuple[str, ...] = field(default=())
    adjustments: tuple[str, ...] = field(default=())
    # How test files are named: test_<module>.py, or <module>_test.py (pytest finds both).
    test_naming: str = "test_prefix"

    # -- derived -------------------------------------------------------------

    def test_file(self, stem: str) -> str:
        """The file name of the test of module ``stem``, in the recorded naming."""
        return f"{stem}_test.py" if self.test_naming == "test_suffix" else f"test_{stem}.py"

    @property
    def dist_name(self) -> str:
        return self.package.replace("_", "-")

    @property
    def env_prefix(self) -> str:
        return self.package.upper()

    @property
    def flask(self) -> bool:
        return self.framework == "flask"

    @property
    def falcon(self) -> bool:
        return self.framework == "falcon"

    @property
    def has_db(self) -> bool:
        return self.database != "none"

    @property
    def flask_sqlalchemy(self) -> bool:
        return self.has_db and self.db_session == "flask_sqlalchemy"

    @property
    def scoped(self) -> bool:
        return self.has_db and self.db_session == "scoped_session"

    @property
    def uow(self) -> bool:
        return self.has_db and self.db_session == "unit_of_work"

    @property
    def migrations(self) -> bool:
        return self.has_db and self.db_init == "migrations"

    @property
    def repository(self) -> bool:
        """Features reach storage through a repository protocol."""
        return self.isolation != "none" or self.layout == "ports_and_adapters"

    @property
    def ports(self) -> bool:
        return self.isolation == "ports_and_adapters" or self.layout == "ports_and_adapters"

    @property
    def src_prefix(self) -> str:
        return "src/" if self.src_layout else ""

    @property
    def package_dir(self) -> str:
        return f"{self.src_prefix}{self.package}"

    @property
    def http_client(self) -> bool:
        return "http_client" in self.other_resources

    @property
    def cache(self) -> bool:
        return "cache" in self.other_resources

    @property
    def structlog(self) -> bool:
        return self.log_format == "structlog"

    @property
    def wiring_module(self) -> str:
        return {
            "extensions": "extensions",
            "lazy": "resources",
            "composition_root": "composition",
            "container": "container",
        }[self.wiring]

    @property
    def wsgi_target(self) -> str:
        return f"{self.package}.wsgi:app"

    def dependencies(self) -> list[str]:
        """Runtime requirements of the generated project, pinned to known-good majors."""
        deps = ["falcon>=4,<5"] if self.falcon else ["flask>=3.1,<4"]
        if self.has_db:
            deps.append("sqlalchemy>=2.0,<3")
        if self.flask_sqlalchemy:
            deps.append("flask-sqlalchemy>=3.1,<4")
        if self.database == "postgresql":
            deps.append("psycopg[binary]>=3.1,<4")
        if self.migrations:
            deps.append("alembic>=1.12,<2")
        if self.views == "classful" and self.flask:
            deps.append("flask-classful>=0.16,<1")
        if self.log_format == "json":
            deps.append("python-json-logger>=3,<5")
        if self.structlog:
            deps.append("structlog>=24")
        if self.http_client:
            deps.append("httpx>=0.27,<1")
        if self.cache:
            deps.append("cachelib>=0.13,<1")
        deps.append("gunicorn>=22" if self.wsgi_server == "gunicorn" else "waitress>=3,<4")
        return sorted(deps)

    def test_dependencies(self) -> list[str]:
        deps = ["pytest>=8", "ruff>=0.5"]
        if self.coverage:
            deps.append("pytest-cov>=5")
        if self.ports:
            deps.append("import-linter>=2")
        return sorted(deps)


def _value(answers: dict[str, Value], bank: Bank, qid: str, opened: list[str]) -> Value:
    question = bank.question(qid)
    value = answers.get(qid)
    if value is DEFERRED or value is None:
        if value is DEFERRED and question is not None:
            opened.append(question.title)
        return question.default if question is not None else None
    return value


def build_spec(record: Record, bank: Bank) -> Spec:
    """The skeleton's shape for ``record``; open answers take the bank's default."""
    answers = record.flat_answers()
    opened: list[str] = []

    adjustments: list[str] = []

    def get(qid: str) -> Value:
        value = _value(answers, bank, qid, opened)
        stand_in = nearest(qid, value)
        if stand_in is None:
            return value
        adjustments.append(stand_in.note)
        return stand_in.value

    framework = get("infrastructure.framework") or "flask"
    db_session = get("lifetimes.db_session") or "flask_sqlalchemy"
    wiring = get("initialization.wiring")
    if framework == "falcon":
        if db_session == "flask_sqlalchemy" and get("initialization.database") != "none":
            db_session = "scoped_session"
            adjustments.append(
                "Flask-SQLAlchemy needs Flask, so the Falcon entrypoints use a plain "
                "`scoped_session` removed after every request."
            )
        if wiring in ("extensions", "lazy"):
            adjustments.append(
                "Falcon has no `app.extensions` or `flask.g`, so services are built in a "
                "composition root and handed to the resources."
            )
            wiring = "composition_root"
    recorded_resources = tuple(get("lifetimes.other_resources") or ())
    other_resources = tuple(r for r in recorded_resources if r in OTHER_RESOURCES_GENERATED)
    missing_resources = resources_note(recorded_resources)
    if missing_resources:
        adjustments.append(missing_resources)
    get("initialization.config_read")
    test_naming = get("testing.naming") or "test_prefix"
    get("logging.logger_scope")
    entry_point = get("initialization.entry_point")
    if framework == "falcon" and entry_point == "module":
        entry_point = "factory"
        adjustments.append(
            "A Falcon app is assembled by `create_app`; `wsgi.py` holds the one module-level app."
        )
    return Spec(
        name=record.project.name,
        package=record.project.package,
        description=record.project.description,
        artifact=get("deployment.artifact"),
        ci=get("deployment.ci") or "none",
        wsgi_server=get("deployment.wsgi_server"),
        config_management=get("deployment.config_management"),
        entry_point=entry_point,
        wiring=wiring,
        config_source=get("initialization.config_source"),
        database=get("initialization.database"),
        db_init=get("initialization.db_init") or "command",
        db_session=db_session,
        other_resources=other_resources,
        layout=get("layout.style"),
        views=get("layout.views"),
        src_layout=bool(get("layout.src_layout")),
        features=tuple(get("layout.features") or ("accounts",)),
        test_layout=get("testing.layout"),
        coverage=int(get("testing.coverage") or 0),
        module_logger=bool(get("logging.module_logger")),
        log_format=get("logging.format"),
        log_destination=get("logging.destination"),
        request_id=bool(get("logging.request_id")),
        isolation=get("infrastructure.isolation"),
        framework=framework or "flask",
        open_questions=tuple(opened),
        adjustments=tuple(adjustments),
        test_naming=test_naming if test_naming in ("test_prefix", "test_suffix") else "test_prefix",
    )
