"""planner: turn a kickoff meeting's architecture decisions into a record, documents and code."""

__version__ = "0.1.0"
