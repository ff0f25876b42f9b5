"""kursk-reader: compare news reports of one event side by side."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("kursk-reader")
except PackageNotFoundError:  # Running from a source tree that is not installed.
    __version__ = "0.0.0+source"
