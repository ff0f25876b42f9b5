"""The core is plain Python: importing it must not pull in Textual or rich."""

from __future__ import annotations

import subprocess
import sys

CHECK = """
import importlib, pkgutil, sys
import tui.core
for info in pkgutil.walk_packages(tui.core.__path__, "tui.core."):
    importlib.import_module(info.name)
bad = sorted(m for m in sys.modules if m.split(".")[0] in ("textual", "rich") or m.startswith("tui.app"))
print(",".join(bad))
"""


def test_core_imports_no_textual_or_rich() -> None:
    result = subprocess.run(
        [sys.executable, "-c", CHECK], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
