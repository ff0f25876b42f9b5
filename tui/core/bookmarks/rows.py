"""Bookmarks as SQLite rows: JSON columns for the nested parts, decoded leniently."""

from __future__ import annotations

import json
from typing import Any

from tui.core.bookmarks.model import Anchor, Bookmark, BookmarkDraft, MarkedValue, SourceName

COLUMNS = (
    "id, kind, target, label, anchors, dvalues, details, note, tags, created, updated, fingerprint"
)
"""The columns :func:`bookmark_from_row` reads, in order (schema version 2 and later)."""


def draft_row(draft: BookmarkDraft, now: str) -> tuple[Any, ...]:
    """Values for ``INSERT (kind, target, label, anchors, dvalues, details, note, tags,
    created, updated, fingerprint)``."""
    values = (
        draft.kind,
        draft.target,
        draft.label,
        dump_json([anchor_json(a) for a in draft.anchors]),
        dump_json([value_json(v) for v in draft.values]),
        dump_json(_details(draft)),
        draft.note,
        dump_json(list(draft.tags)),
        now,
        now,
        draft.fingerprint,
    )
    return tuple(safe_text(v) for v in values)


def safe_text(text: str) -> str:
    """Text SQLite can store: a lone surrogate (not UTF-8 encodable) becomes ``?``."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "replace").decode("utf-8")
    return text


def dump_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _load_json(text: str | None, default: Any) -> Any:
    try:
        return json.loads(text) if text else default
    except ValueError:
        return default


def anchor_json(anchor: Anchor) -> dict[str, Any]:
    """An anchor as JSON data: the stored row and the exports share this shape."""
    return {
        "article": anchor.article,
        "sentence": anchor.sentence,
        "start": anchor.start,
        "end": anchor.end,
        "text": anchor.text,
    }


def value_json(value: MarkedValue) -> dict[str, Any]:
    """A marked value as JSON data (stored row and exports)."""
    return {
        "article": value.article,
        "sentence": value.sentence,
        "text": value.text,
        "value": value.value,
    }


def _details(draft: BookmarkDraft) -> dict[str, Any]:
    return {
        "discrepancy_kind": draft.discrepancy_kind,
        "speaker": draft.speaker,
        "quote_text": draft.quote_text,
        "sources": [[n.article, n.outlet, n.title, n.date] for n in draft.sources],
    }


def bookmark_from_row(row: tuple[Any, ...]) -> Bookmark:
    """A row as a :class:`Bookmark`; a damaged JSON column decodes as empty, not an error."""
    (id_, kind, target, label, anchors, dvalues, details, note, tags, created, updated, fprint) = (
        row
    )
    extra = _load_json(details, {})
    if not isinstance(extra, dict):
        extra = {}
    return Bookmark(
        id=int(id_),
        kind=kind,
        target=str(target),
        label=str(label),
        anchors=tuple(a for a in map(_anchor, _load_json(anchors, [])) if a is not None),
        values=tuple(v for v in map(_value, _load_json(dvalues, [])) if v is not None),
        note=str(note or ""),
        tags=tuple(str(t) for t in _load_json(tags, [])),
        created=str(created),
        updated=str(updated or created),
        fingerprint=str(fprint),
        discrepancy_kind=extra.get("discrepancy_kind"),
        speaker=extra.get("speaker"),
        quote_text=extra.get("quote_text"),
        sources=tuple(n for n in map(_source, extra.get("sources") or []) if n is not None),
    )


def _anchor(item: Any) -> Anchor | None:
    try:
        return Anchor(
            str(item["article"]),
            int(item["sentence"]),
            int(item["start"]),
            int(item["end"]),
            str(item["text"]),
        )
    except (KeyError, TypeError, ValueError):
        return None


def _value(item: Any) -> MarkedValue | None:
    try:
        return MarkedValue(
            str(item["article"]), int(item["sentence"]), str(item["text"]), str(item["value"])
        )
    except (KeyError, TypeError, ValueError):
        return None


def _source(item: Any) -> SourceName | None:
    try:
        article, outlet, title, date = item
        return SourceName(
            str(article),
            None if outlet is None else str(outlet),
            str(title),
            None if date is None else str(date),
        )
    except (TypeError, ValueError):
        return None
