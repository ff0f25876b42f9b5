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


FIRST_PAINT = """
import sys
import tui.cli, tui.core.background, tui.app.app
late = ("hashlib", "tui.core.text.segment", "tui.core.cache", "tui.core.align", "sqlite3",
    "tui.app.widgets.pane", "tui.app.widgets.article_view", "tui.app.layout",
    "textual.widgets._progress_bar", "textual.widgets._footer", "tui.core.bookmarks.export_file")
print(",".join(sorted(m for m in sys.modules if m in late or m.startswith("tui.core.align."))))
"""


def test_the_first_paint_imports_no_parsing_or_hashing() -> None:
    """The reader's modules up to its first frame leave parsing and hashing to the analysis
    process (it imports them after the fork, on the other core): each ms counts there. Nor
    do they import what that frame does not show: the panes (there are no articles yet),
    the progress bar (it appears later) or the settings' writer; nor Textual's Footer (the
    reader's key hints are one widget of its own)."""
    result = subprocess.run(
        [sys.executable, "-c", FIRST_PAINT], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
