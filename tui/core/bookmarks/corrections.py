"""Corrections of the machine: a discrepancy dismissed ("not a disagreement") or checked
("X is right"), with a note. Kept in the bookmark store (its ``corrections`` table) with
the values' words, so that a reload finds the discrepancy again even if its id changed.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from tui.core.bookmarks.store import BookmarkStore, StoreError
from tui.core.models import Corpus, Discrepancy
from tui.core.text.corpus import corpus_fingerprint
from tui.core.text.sanitize import sanitize, sanitize_line

CorrectionKind = Literal["dismissed", "checked"]
NOTE_LIMIT = 4000


@dataclass(frozen=True, slots=True)
class Correction:
    """What the user said about one discrepancy."""

    id: int
    kind: CorrectionKind
    summary: str
    values: tuple[tuple[str, str], ...]
    """(article id, the value's words) of each source, to find the discrepancy again."""
    verdict: str
    """For ``checked``: the article whose value is right."""
    note: str
    created: str
    fingerprint: str

    def describe(self, names: dict[str, str]) -> str:
        """One line for the status line and the memo."""
        if self.kind == "dismissed":
            head = "dismissed: not a disagreement"
        else:
            head = f"checked: {names.get(self.verdict, self.verdict)} is right"
        return head + (f" — {self.note}" if self.note else "")


def _key(values: Iterable[tuple[str, str]]) -> frozenset[tuple[str, str]]:
    return frozenset((article, " ".join(text.split()).casefold()) for article, text in values)


def find(correction: Correction, discrepancies: Sequence[Discrepancy]) -> Discrepancy | None:
    """The discrepancy a correction is about: the same sources saying the same words."""
    wanted = _key(correction.values)
    for discrepancy in discrepancies:
        if _key((v.article, v.text) for v in discrepancy.values) == wanted:
            return discrepancy
    for discrepancy in discrepancies:  # The words moved: the same summary will do.
        if discrepancy.summary == correction.summary:
            return discrepancy
    return None


def by_discrepancy(
    corrections: Iterable[Correction], discrepancies: Sequence[Discrepancy]
) -> dict[int, Correction]:
    """Discrepancy id -> its latest correction (those whose discrepancy is gone are left)."""
    found: dict[int, Correction] = {}
    for correction in corrections:
        discrepancy = find(correction, discrepancies)
        if discrepancy is not None:
            found[discrepancy.id] = correction
    return found


def add_correction(
    store: BookmarkStore,
    kind: CorrectionKind,
    discrepancy: Discrepancy,
    corpus: Corpus,
    *,
    verdict: str = "",
    note: str = "",
) -> Correction:
    """Save a correction in one transaction (replacing an earlier one on the same values)."""
    values = tuple((v.article, sanitize_line(v.text)) for v in discrepancy.values)
    summary = sanitize_line(discrepancy.summary)
    note = sanitize(note).strip()[:NOTE_LIMIT]
    now = datetime.now(UTC).isoformat(timespec="seconds")
    fingerprint = corpus_fingerprint(corpus)
    earlier = [c.id for c in list_corrections(store) if _key(c.values) == _key(values)]
    # The store's own transaction (a friend module: same package, same file).
    with store._write() as conn:
        for old in earlier:
            conn.execute("DELETE FROM corrections WHERE id = ?", (old,))
        cursor = conn.execute(
            "INSERT INTO corrections (kind, summary, dvalues, verdict, note, created, "
            "fingerprint) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (kind, summary, json.dumps(values), verdict, note, now, fingerprint),
        )
        new_id = cursor.lastrowid
    assert new_id is not None
    return Correction(new_id, kind, summary, values, verdict, note, now, fingerprint)


def remove_correction(store: BookmarkStore, correction_id: int) -> None:
    """Forget a correction (the discrepancy counts again)."""
    with store._write() as conn:
        conn.execute("DELETE FROM corrections WHERE id = ?", (correction_id,))


def list_corrections(store: BookmarkStore) -> list[Correction]:
    """Every readable correction, oldest first (damaged rows are left out)."""
    store._check_available()
    try:
        with store._lock:
            rows = store._conn.execute(
                "SELECT id, kind, summary, dvalues, verdict, note, created, fingerprint "
                "FROM corrections ORDER BY id"
            ).fetchall()
    except Exception as error:  # sqlite3.Error: an old store opened read-only.
        raise StoreError(f"cannot read corrections from {store.path}: {error}") from None
    found = []
    for row in rows:
        try:
            values = tuple((str(a), str(t)) for a, t in json.loads(row[3]) if isinstance(a, str))
        except (TypeError, ValueError):
            continue
        if row[1] not in ("dismissed", "checked"):
            continue
        found.append(
            Correction(
                int(row[0]),
                row[1],
                sanitize_line(str(row[2])),
                values,
                sanitize_line(str(row[4])),
                sanitize(str(row[5])),
                str(row[6]),
                str(row[7]),
            )
        )
    return found
