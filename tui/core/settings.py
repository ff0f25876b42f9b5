"""The reader's settings (its theme, the names given to sources), kept next to the
bookmarks across launches.

A small JSON file in the bookmarks' data folder, written whole or not at all (temp file
and ``os.replace``). A missing, unreadable or damaged file gives the defaults: settings
are a convenience, never a reason not to start.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

import platformdirs

from tui.core.models import Corpus
from tui.core.text.sanitize import sanitize_line

NAME_LIMIT = 80
"""Longest source name kept (a name is a label, not a note)."""

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
    names: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    """Source names the user gave, per corpus (its fingerprint): article id -> name."""

    def with_name(self, corpus_key: str, article_id: str, name: str) -> Settings:
        """These settings with one source renamed (an empty name forgets the rename)."""
        names = {key: dict(value) for key, value in self.names.items()}
        mine = names.setdefault(corpus_key, {})
        clean = clean_name(name)
        if clean:
            mine[article_id] = clean
        else:
            mine.pop(article_id, None)
        return replace(self, names={k: v for k, v in names.items() if v})


def clean_name(name: str) -> str:
    """One line, no controls, at most ``NAME_LIMIT`` characters."""
    return " ".join(sanitize_line(name).split())[:NAME_LIMIT]


def apply_names(corpus: Corpus, names: Mapping[str, str]) -> Corpus:
    """The corpus with the user's names as the articles' outlets."""
    if not names:
        return corpus
    articles = tuple(
        replace(a, source=names[a.id]) if a.id in names else a for a in corpus.articles
    )
    return replace(corpus, articles=articles)


def _names(data: Any) -> dict[str, dict[str, str]]:
    if not isinstance(data, dict):
        return {}
    found: dict[str, dict[str, str]] = {}
    for key, value in data.items():
        if isinstance(key, str) and isinstance(value, dict):
            names = {
                a: clean_name(n)
                for a, n in value.items()
                if isinstance(a, str) and isinstance(n, str) and clean_name(n)
            }
            if names:
                found[key] = names
    return found


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
    return Settings(
        theme=theme if isinstance(theme, str) and len(theme) <= 100 else None,
        names=_names(data.get("names")),
    )


def save_settings(settings: Settings, folder: Path | None = None) -> None:
    """Write the settings atomically (``OSError`` when the folder cannot be written)."""
    # Imported here: the reader loads its settings before its first paint, and saves
    # them only when the user changes one.
    from tui.core.bookmarks.export_file import write_atomic  # noqa: PLC0415 (start-up)

    folder = folder or settings_dir()
    folder.mkdir(parents=True, exist_ok=True)
    write_atomic(folder / SETTINGS_NAME, json.dumps(asdict(settings), indent=2) + "\n")
