"""``planner check``: the recorded decisions as checks on a codebase (ast only, never imported)."""
