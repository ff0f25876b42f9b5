"""The reader's settings (its theme), kept next to the bookmarks across launches.

A small JSON file in the bookmarks' data folder, written whole or not at all (temp file
and ``os.replace``). A missing, unreadable or damaged file gives the defaults: settings
are a convenience, never a reason not to start.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

import platformdirs

from tui.core.bookmarks.export_file import write_atomic

SETTINGS_NAME = "settings.json"
DATA_DIR_ENV = "KURSK_READER_DATA_DIR"
"""The same override as the bookmark store's (``store.data_dir``; a test keeps them equal).
Not imported from there: the store pulls in the corpus model, and settings are read before
the first paint."""


@dataclass(frozen=True, slots=True)
class Settings:
    """What the reader remembers between launches."""

    theme: str | None = None
    """The Textual theme chosen in the palette (None: the default)."""


def settings_dir() -> Path:
    """The folder holding the settings: the bookmarks' data folder."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser()
    return platformdirs.user_data_path("kursk-reader")


def load_settings(folder: Path | None = None) -> Settings:
    """The saved settings, or the defaults when there are none or they cannot be read."""
    path = (folder or settings_dir()) / SETTINGS_NAME
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return Settings()
    if not isinstance(data, dict):
        return Settings()
    theme = data.get("theme")
    return Settings(theme=theme if isinstance(theme, str) and len(theme) <= 100 else None)


def save_settings(settings: Settings, folder: Path | None = None) -> None:
    """Write the settings atomically (``OSError`` when the folder cannot be written)."""
    folder = folder or settings_dir()
    folder.mkdir(parents=True, exist_ok=True)
    write_atomic(folder / SETTINGS_NAME, json.dumps(asdict(settings), indent=2) + "\n")
