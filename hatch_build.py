"""Wheel build hook: ship the Jinja templates precompiled, so no run pays to compile them."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CompileTemplates(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "compile-templates"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        sys.path.insert(0, self.root)
        try:
            from planner.render.environment import COMPILED, compile_shipped
        finally:
            sys.path.pop(0)
        self._tmp = tempfile.TemporaryDirectory()
        target = Path(self._tmp.name)
        compile_shipped(target)
        build_data["force_include"][str(target)] = f"planner/_data/{COMPILED}"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        tmp = getattr(self, "_tmp", None)
        if tmp is not None:
            tmp.cleanup()
