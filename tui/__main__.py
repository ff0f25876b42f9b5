"""``python -m tui`` runs the command line."""

from __future__ import annotations

import gc
import sys

# The command line's imports make tens of thousands of objects that all live on: the
# collector's passes over them cost 10-15 ms before the reader's first paint, for nothing.
gc.disable()
from tui.cli import main  # noqa: E402 (after the collector is paused)

gc.enable()
sys.exit(main())
