"""Bookmarks exported: a Markdown fact-check memo for people, JSON and CSV for tools.

Everything comes from the bookmarks themselves (they carry the marked sentences and the
values), so an export needs no corpus and still reads right after the articles change.
Files are written by :mod:`tui.core.bookmarks.export_file` (atomically, never over the store).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from tui.core.bookmarks.model import Anchor, Bookmark, MarkedValue
from tui.core.bookmarks.rows import anchor_json, value_json

if TYPE_CHECKING:
    from tui.core.bookmarks.corrections import Correction

EXPORT_FORMAT_VERSION = 1
CSV_FIELDS = (
    "id",
    "kind",
    "label",
    "articles",
    "values",
    "note",
    "tags",
    "created",
    "updated",
    "fingerprint",
    "target",
)
_KIND_TITLES = {"fact": "Fact", "discrepancy": "Discrepancy", "quote": "Quote"}
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""A spreadsheet runs a cell starting with one of these as a formula (OWASP CSV injection)."""
_MD_SPECIAL = str.maketrans({c: f"\\{c}" for c in "\\`*_[]<>|"})


def bookmark_json(bookmark: Bookmark) -> dict[str, Any]:
    """One bookmark as plain JSON data (the ``list --json`` and export shape)."""
    return {
        "id": bookmark.id,
        "kind": bookmark.kind,
        "target": bookmark.target,
        "label": bookmark.label,
        "articles": list(bookmark.articles),
        "anchors": [anchor_json(a) for a in bookmark.anchors],
        "values": [value_json(v) for v in bookmark.values],
        "note": bookmark.note,
        "tags": list(bookmark.tags),
        "created": bookmark.created,
        "updated": bookmark.updated,
        "fingerprint": bookmark.fingerprint,
        "discrepancy_kind": bookmark.discrepancy_kind,
        "speaker": bookmark.speaker,
        "quote_text": bookmark.quote_text,
        "sources": [
            {
                "article": n.article,
                "outlet": n.outlet,
                "title": n.title,
                "date": n.date,
                "url": n.url,
            }
            for n in bookmark.sources
        ],
    }


def export_json(
    bookmarks: Sequence[Bookmark],
    *,
    exported: str | None = None,
    corrections: Sequence[Correction] = (),
) -> str:
    """The bookmarks, and the discrepancies the reader dismissed or checked, as JSON."""
    payload = {
        "format": "kursk-reader-bookmarks",
        "version": EXPORT_FORMAT_VERSION,
        "exported": exported or _now(),
        "bookmarks": [bookmark_json(b) for b in bookmarks],
        "corrections": [
            {
                "id": c.id,
                "kind": c.kind,
                "summary": c.summary,
                "values": [{"article": a, "text": t} for a, t in c.values],
                "verdict": c.verdict or None,
                "note": c.note,
                "created": c.created,
            }
            for c in corrections
        ],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def export_csv(bookmarks: Sequence[Bookmark]) -> str:
    """One row per bookmark; values as ``article=value`` pairs, tags space-separated.

    Every cell that a spreadsheet would run as a formula is prefixed with ``'``.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    for b in bookmarks:
        writer.writerow(
            csv_cell(cell)
            for cell in (
                b.id,
                b.kind,
                b.label,
                "; ".join(b.articles),
                "; ".join(f"{v.article}={v.text}" for v in b.values),
                b.note,
                " ".join(b.tags),
                b.created,
                b.updated,
                b.fingerprint,
                b.target,
            )
        )
    return out.getvalue()


def csv_cell(value: object) -> str:
    """A CSV cell a spreadsheet shows as text: ``=1+1`` becomes ``'=1+1``."""
    text = str(value)
    return f"'{text}" if text.startswith(_FORMULA_STARTS) else text


def export_markdown(
    bookmarks: Sequence[Bookmark],
    *,
    exported: str | None = None,
    corrections: Sequence[Correction] = (),
) -> str:
    """A fact-check memo: per bookmark the fact, each source's wording and values, the note;
    then the discrepancies the reader dismissed or checked."""
    when = _readable_time(exported or _now())
    count = f"{len(bookmarks)} bookmark{'s' if len(bookmarks) != 1 else ''}"
    lines = ["# Fact-check memo", "", f"{count}, exported from kursk-reader on {when}.", ""]
    if not bookmarks:
        lines += ["_No bookmarks yet: press `b` in the reader to add one._", ""]
    for number, bookmark in enumerate(bookmarks, 1):
        lines += _memo_entry(number, bookmark)
    if corrections:
        lines += ["## Corrections", ""]
        for correction in corrections:
            if correction.kind == "dismissed":
                verdict = "not a disagreement"
            else:
                verdict = f"checked: `{_escape(correction.verdict)}` is right"
            values = "; ".join(f"`{_escape(a)}`: {_md(t)}" for a, t in correction.values)
            line = f"- **{_md(correction.summary)}**: {verdict} ({values})"
            if correction.note:
                line += f". _{_md(' '.join(correction.note.split()))}_"
            lines.append(line)
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _memo_entry(number: int, bookmark: Bookmark) -> list[str]:
    kind = _KIND_TITLES.get(bookmark.kind, bookmark.kind.title())
    if bookmark.discrepancy_kind:
        kind += f" ({bookmark.discrepancy_kind.replace('_', ' ')})"
    meta = [f"bookmark {bookmark.id}", f"saved {_readable_time(bookmark.created)}"]
    if bookmark.updated and bookmark.updated != bookmark.created:
        meta.append(f"edited {_readable_time(bookmark.updated)}")
    if bookmark.tags:
        meta.append("tags: " + " ".join(f"`#{t}`" for t in bookmark.tags))
    meta.append(f"corpus `{bookmark.fingerprint}`")
    lines = [f"## {number}. {kind}: {_md(bookmark.label)}", "", "_" + " · ".join(meta) + "_", ""]
    if bookmark.kind == "quote" and bookmark.quote_text:
        speaker = _md(bookmark.speaker or "unknown speaker")
        lines += [f"**Quote:** {speaker} said “{_md(bookmark.quote_text)}”", ""]
    if bookmark.values:
        lines += ["| Source | Value |", "|---|---|"]
        shown = dict.fromkeys((_short(bookmark, v.article), v.text) for v in bookmark.values)
        lines += [f"| {_md(source)} | {_md(text)} |" for source, text in shown]
        lines.append("")
    lines += ["**What each source says:**", ""]
    for article in bookmark.articles:
        lines += _source_lines(article, bookmark)
    if not bookmark.articles:
        lines += ["- _(no sentence was recorded)_", ""]
    note = bookmark.note.strip()
    if note:
        lines += ["**Note:**", ""] + [
            f"> {_md(line)}" if line else ">" for line in note.splitlines()
        ]
    else:
        lines.append("**Note:** _none_")
    lines += ["", "---", ""]
    return lines


def _source_lines(article: str, bookmark: Bookmark) -> list[str]:
    values = [v for v in bookmark.values if v.article == article]
    head = f"- **{_md(_short(bookmark, article))}**"
    name = next((n for n in bookmark.sources if n.article == article), None)
    if name is not None:
        head += f" · _{_md(name.title)}_" + (f" ({_md(name.date)})" if name.date else "")
        if name.outlet and name.outlet != article:
            head += f" · `{article}`"
        if name.url:
            head += f" · {_link(name.url)}"
    if values:
        texts = dict.fromkeys(v.text for v in values)
        head += " — value " + ", ".join(f"**{_md(t)}**" for t in texts)
    lines = [head]
    for anchor in (a for a in bookmark.anchors if a.article == article):
        lines.append(f"  > {_wording(anchor, values)}")
    lines.append("")
    return lines


def _link(url: str) -> str:
    """A Markdown autolink for a plain web address; anything else as escaped text."""
    if re.fullmatch(r"https?://[^\s<>`]+", url):
        return f"<{url}>"
    return _md(url)


def _short(bookmark: Bookmark, article: str) -> str:
    name = next((n for n in bookmark.sources if n.article == article), None)
    return name.short if name is not None else article


def _wording(anchor: Anchor, values: Sequence[MarkedValue]) -> str:
    """The sentence on one line, with the source's value in bold where it appears."""
    text = " ".join(anchor.text.split())
    for value in values:
        at = text.find(value.text) if value.text else -1
        if at != -1:
            before, after = text[:at], text[at + len(value.text) :]
            return f"{_escape(before)}**{_escape(value.text)}**{_escape(after)}"
    return _escape(text)


def _md(text: str) -> str:
    """One line of text, safe inside Markdown."""
    return _escape(" ".join(text.split()))


def _escape(text: str) -> str:
    return text.translate(_MD_SPECIAL)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _readable_time(iso: str) -> str:
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%d %H:%M UTC")
