"""``kursk-reader bookmarks``: not built yet (see its issue)."""

from __future__ import annotations

import argparse


def run_bookmarks(args: argparse.Namespace) -> int:
    raise NotImplementedError("bookmarks")
