"""Bookmarks as SQLite rows: JSON columns for the nested parts, each row validated.

A store file can be edited by anything. A row with the wrong types (a number where text
belongs, ``tags`` that is not a list, JSON nested thousands deep) is a :class:`RowError`,
which the store reports and skips, so one bad row never hides the others. Text read back
is sanitised like any other untrusted text (:mod:`tui.core.text.sanitize`).
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any, cast, get_args

from tui.core.bookmarks.model import (
    Anchor,
    Bookmark,
    BookmarkDraft,
    MarkedValue,
    SourceName,
    TargetKind,
)
from tui.core.text.sanitize import sanitize, sanitize_line

MAX_JSON_CHARS = 1_000_000
"""A JSON column longer than this is not one the app wrote."""
_KINDS = frozenset(get_args(TargetKind))


class RowError(ValueError):
    """A stored row that is not a bookmark; the message says which column is wrong."""


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


def clean_draft(draft: BookmarkDraft) -> BookmarkDraft:
    """The draft as it will be stored: controls in the text shown as placeholders.

    Notes keep their newlines and tabs; one-line fields do not. The store saves this, so
    the bookmark it returns is the one that reads back.
    """
    return replace(
        draft,
        label=safe_text(sanitize_line(draft.label)),
        note=safe_text(sanitize(draft.note)),
        tags=tuple(safe_text(sanitize_line(t)) for t in draft.tags),
        anchors=tuple(
            replace(a, article=_line(a.article), text=safe_text(sanitize(a.text)))
            for a in draft.anchors
        ),
        values=tuple(
            replace(v, article=_line(v.article), text=_line(v.text), value=_line(v.value))
            for v in draft.values
        ),
        speaker=None if draft.speaker is None else _line(draft.speaker),
        quote_text=None if draft.quote_text is None else safe_text(sanitize(draft.quote_text)),
        sources=tuple(
            SourceName(
                _line(n.article),
                None if n.outlet is None else _line(n.outlet),
                _line(n.title),
                None if n.date is None else _line(n.date),
                None if n.url is None else _line(n.url),
            )
            for n in draft.sources
        ),
    )


def _line(text: str) -> str:
    return safe_text(sanitize_line(text))


def safe_text(text: str) -> str:
    """Text SQLite can store: a lone surrogate (not UTF-8 encodable) becomes ``?``."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "replace").decode("utf-8")
    return text


def dump_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _load_json(text: Any, column: str, expected: type) -> Any:
    """A JSON column of the expected type (an empty column is the empty value)."""
    if text is None or text == "":
        return expected()
    if not isinstance(text, str):
        raise RowError(f"{column} is not text")
    if len(text) > MAX_JSON_CHARS:
        raise RowError(f"{column} is {len(text):,} characters long")
    try:
        value = json.loads(text)
    except RecursionError:
        raise RowError(f"{column} is nested too deeply") from None
    except ValueError:
        raise RowError(f"{column} is not valid JSON") from None
    if not isinstance(value, expected):
        raise RowError(f"{column} is not a JSON {expected.__name__}")
    return value


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
        "sources": [[n.article, n.outlet, n.title, n.date, n.url] for n in draft.sources],
    }


def bookmark_from_row(row: tuple[Any, ...]) -> Bookmark:
    """A row as a :class:`Bookmark`, or :class:`RowError` saying what is wrong with it."""
    (id_, kind, target, label, anchors, dvalues, details, note, tags, created, updated, fprint) = (
        row
    )
    if not isinstance(id_, int) or isinstance(id_, bool):
        raise RowError("id is not a number")
    if kind not in _KINDS:
        raise RowError(f"kind {_text(kind, 'kind')[:20]!r} is not fact, discrepancy or quote")
    extra = _load_json(details, "details", dict)
    tag_list = _load_json(tags, "tags", list)
    if not all(isinstance(t, str) for t in tag_list):
        raise RowError("tags is not a list of text")
    return Bookmark(
        id=id_,
        kind=cast("TargetKind", kind),
        target=_line(_text(target, "target")),
        label=_line(_text(label, "label")),
        anchors=tuple(_anchor(a) for a in _load_json(anchors, "anchors", list)),
        values=tuple(_value(v) for v in _load_json(dvalues, "dvalues", list)),
        note=safe_text(sanitize(_text(note, "note", empty=True))),
        tags=tuple(_line(t) for t in tag_list),
        created=_line(_text(created, "created")),
        updated=_line(_text(updated, "updated", empty=True) or _text(created, "created")),
        fingerprint=_line(_text(fprint, "fingerprint")),
        discrepancy_kind=_optional(extra.get("discrepancy_kind"), "discrepancy_kind"),
        speaker=_optional(extra.get("speaker"), "speaker"),
        quote_text=_optional(extra.get("quote_text"), "quote_text", one_line=False),
        sources=tuple(_source(n) for n in _list(extra.get("sources"), "sources")),
    )


def _text(value: Any, column: str, *, empty: bool = False) -> str:
    if empty and value is None:
        return ""
    if not isinstance(value, str):
        raise RowError(f"{column} is not text")
    return value


def _optional(value: Any, field: str, *, one_line: bool = True) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise RowError(f"details {field} is not text")
    return _line(value) if one_line else safe_text(sanitize(value))


def _list(value: Any, field: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise RowError(f"details {field} is not a list")
    return value


def _int(value: Any, field: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise RowError(f"{field} is not a number")
    return value


def _anchor(item: Any) -> Anchor:
    if not isinstance(item, dict):
        raise RowError("anchors holds something that is not an anchor")
    try:
        return Anchor(
            _line(_text(item["article"], "anchor article")),
            _int(item["sentence"], "anchor sentence"),
            _int(item["start"], "anchor start"),
            _int(item["end"], "anchor end"),
            safe_text(sanitize(_text(item["text"], "anchor text"))),
        )
    except KeyError as missing:
        raise RowError(f"an anchor has no {missing}") from None


def _value(item: Any) -> MarkedValue:
    if not isinstance(item, dict):
        raise RowError("dvalues holds something that is not a value")
    try:
        return MarkedValue(
            _line(_text(item["article"], "value article")),
            _int(item["sentence"], "value sentence"),
            _line(_text(item["text"], "value text")),
            _line(_text(item["value"], "value")),
        )
    except KeyError as missing:
        raise RowError(f"a value has no {missing}") from None


def _source(item: Any) -> SourceName:
    # Four fields before sources carried their URL; five since.
    if not isinstance(item, list) or len(item) not in (4, 5):
        raise RowError("details sources holds something that is not a source")
    article, outlet, title, date, url = [*item, None][:5]
    return SourceName(
        _line(_text(article, "source article")),
        _optional(outlet, "source outlet"),
        _line(_text(title, "source title")),
        _optional(date, "source date"),
        _optional(url, "source url"),
    )
