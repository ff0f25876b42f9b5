"""kursk-reader: compare news reports of one event side by side."""

from __future__ import annotations

__version__ = "0.1.0"
"""The single source of the version: pyproject reads it from here (hatch)."""
