"""``planner adopt``: read the decisions a codebase has already made, with the evidence."""
