"""The hand judgements of an ECB+ precision audit, and new discrepancies matched to them.

:mod:`bench.ecb_precision` runs the current code on ECB+ and prints what this module
finds: each new discrepancy matched to one the audit judged (same folder and kind, and
the same (article, sentence, start, end) of every value, *exact*; else one's (article,
sentence) pairs all among the other's, largest overlap first, *fallback*; last, the very
values under another kind of conflict, a finding relabelled, by fallback too; an original
is matched at most once), and per kind how many judged TRUE and FALSE items are still
reported and how many nobody has judged (NEW).
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
JUDGEMENTS = REPO / "tests" / "data" / "ecbplus_discrepancy_judgements.json"
KINDS = ("number", "date", "place", "name", "attribution", "quote_wording", "entity_variant")
VARIANT = "entity_variant"
"""The kind that shows a spelling variant and claims no conflict."""
VERDICTS = ("TRUE", "FALSE", "UNSURE", "ARTIFACT")
UNSAMPLED = "unsampled"
"""The verdict column of the quote_wordings left out of the judged sample."""

ValueKey = tuple[str, int, int, int]
PairKey = tuple[str, int]


@dataclass(eq=False)
class Item:
    """One discrepancy: an original the audit saw (``verdict`` None when it was not in the
    sample) or one of the current run; ``match`` is its partner on the other side."""

    folder: str
    id: int
    kind: str
    summary: str
    values: tuple[Mapping[str, Any], ...]
    verdict: str | None = None
    pattern: str = ""
    reason: str = ""
    confidence: float | None = None
    match: Item | None = None
    how: str | None = None
    """``exact`` or ``fallback`` once matched."""
    exact_key: frozenset[ValueKey] = field(init=False)
    pair_key: frozenset[PairKey] = field(init=False)

    def __post_init__(self) -> None:
        self.exact_key = frozenset(
            (v["article"], v["sentence"], v["start"], v["end"]) for v in self.values
        )
        self.pair_key = frozenset((v["article"], v["sentence"]) for v in self.values)

    @property
    def uid(self) -> str:
        return f"{self.folder}#{self.id}"

    @property
    def column(self) -> str:
        return self.verdict or UNSAMPLED


def folder_sort_key(name: str) -> tuple[int, str]:
    """``2_ecb`` before ``10_ecb``: topics in numeric order."""
    topic, _, subtopic = name.partition("_")
    return (int(topic) if topic.isdigit() else 10**6, subtopic)


# --- judgements and runs as items ----------------------------------------------------------


def load_judgements(path: Path = JUDGEMENTS) -> dict[str, Any]:
    return dict(json.loads(path.read_text(encoding="utf-8")))


def judged_items(judgements: Mapping[str, Any]) -> list[Item]:
    """The originals, judged or not, in the audited run's order (folder, id)."""
    items = [
        Item(
            j["folder"],
            j["id"],
            j["kind"],
            j["summary"],
            tuple(j["values"]),
            verdict=j["verdict"],
            pattern=j["pattern"],
            reason=j["reason"],
        )
        for j in judgements["items"]
    ]
    items += [
        Item(u["folder"], u["id"], u["kind"], u["summary"], tuple(u["values"]))
        for u in judgements["unsampled_quote_wordings"]
    ]
    return sorted(items, key=lambda i: (folder_sort_key(i.folder), i.id))


def new_items(outputs: Mapping[str, Mapping[str, Any]]) -> list[Item]:
    """The current run's discrepancies: folder -> ``discrepancies --json`` output."""
    return [
        Item(
            folder,
            d["id"],
            d["kind"],
            d["summary"],
            tuple(d["values"]),
            confidence=d.get("confidence"),
        )
        for folder, output in outputs.items()
        for d in output["discrepancies"]
    ]


# --- matching -------------------------------------------------------------------------------


def _pair(original: Item, new: Item, how: str) -> None:
    original.match, new.match = new, original
    original.how = new.how = how


def match(originals: Sequence[Item], new: Sequence[Item]) -> None:
    """Pair each new item with at most one original: exact matches first, then fallbacks
    of the same kind, then the very values under another kind of conflict.

    Ties go to judged originals, then to the lower id; fallbacks go by the largest
    (article, sentence) overlap, then the smallest difference, then the closest id.
    """
    by_folder_kind: dict[tuple[str, str], list[Item]] = defaultdict(list)
    for o in originals:
        by_folder_kind[o.folder, o.kind].append(o)
    for n in new:
        same = [
            o
            for o in by_folder_kind[n.folder, n.kind]
            if o.match is None and o.exact_key == n.exact_key
        ]
        if same:
            _pair(min(same, key=lambda o: (o.verdict is None, o.id)), n, "exact")
    candidates: list[tuple[tuple[int, int, bool, int, int, int], Item, Item]] = []
    for n in new:
        if n.match is not None:
            continue
        for o in by_folder_kind[n.folder, n.kind]:
            if o.match is not None:
                continue
            overlap = len(n.pair_key & o.pair_key)
            if overlap and overlap == min(len(n.pair_key), len(o.pair_key)):
                rank = (
                    -overlap,
                    len(n.pair_key ^ o.pair_key),
                    o.verdict is None,
                    abs(n.id - o.id),
                    o.id,
                    n.id,
                )
                candidates.append((rank, n, o))
    candidates.sort(key=lambda c: c[0])
    for _, n, o in candidates:
        if n.match is None and o.match is None:
            _pair(o, n, "fallback")
    by_folder: dict[str, list[Item]] = defaultdict(list)
    for o in originals:
        by_folder[o.folder].append(o)
    for n in new:
        # The very values under another kind of conflict (a street spelled two ways, once a
        # name, now a place): the judged finding relabelled, not a new one to judge. A
        # spelling variant claims no conflict, so its verdict is not a conflict's.
        same = [
            o
            for o in by_folder[n.folder]
            if n.match is None
            and o.match is None
            and o.exact_key == n.exact_key
            and VARIANT not in (o.kind, n.kind)
        ]
        if same:
            _pair(min(same, key=lambda o: (o.verdict is None, o.id)), n, "fallback")


# --- the table ------------------------------------------------------------------------------


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.0f}%" if b else "n/a"


def tally(originals: Iterable[Item], new: Iterable[Item]) -> dict[str, Counter[Any]]:
    """Per kind: (verdict, "total"/"kept"), ("how", exact/fallback) and "NEW" counts."""
    counts: dict[str, Counter[Any]] = defaultdict(Counter)
    for o in originals:
        c = counts[o.kind]
        c[o.column, "total"] += 1
        if o.match is not None:
            c[o.column, "kept"] += 1
            c["how", o.how] += 1
    for n in new:
        counts[n.kind]["NEW"] += n.match is None
    return counts


def table(originals: Sequence[Item], new: Sequence[Item]) -> list[str]:
    """The audit scorer's table and precision lines, kept/total per judged verdict."""
    counts = tally(originals, new)
    kinds = [*KINDS, *sorted(set(counts) - set(KINDS))]
    header = (
        f"{'kind':<15}{'TRUE':>9}{'FALSE':>9}{'UNSURE':>8}{'ARTIF':>7}{'unsamp':>8}"
        f"{'NEW':>5}{'exact':>7}{'fallbk':>7}{'prec.orig':>10}{'prec.kept':>10}"
    )
    rule = "-" * len(header)
    lines = [
        "kept / total per judged verdict; NEW = new items matching nothing; "
        "exact/fallbk = how kept items matched",
        header,
        rule,
    ]

    def row(name: str, c: Counter[Any], dash_empty: bool) -> str:
        def cell(verdict: str, width: int) -> str:
            if dash_empty and not c[verdict, "total"]:
                return "-".rjust(width)
            return f"{c[verdict, 'kept']}/{c[verdict, 'total']}".rjust(width)

        t_o, f_o = c["TRUE", "total"], c["FALSE", "total"]
        t_k, f_k = c["TRUE", "kept"], c["FALSE", "kept"]
        return (
            f"{name:<15}{cell('TRUE', 9)}{cell('FALSE', 9)}{cell('UNSURE', 8)}"
            f"{cell('ARTIFACT', 7)}{cell(UNSAMPLED, 8)}{c['NEW']:>5}{c['how', 'exact']:>7}"
            f"{c['how', 'fallback']:>7}{_pct(t_o, t_o + f_o):>10}{_pct(t_k, t_k + f_k):>10}"
        )

    total: Counter[Any] = Counter()
    for kind in kinds:
        if kind in counts:
            lines.append(row(kind, counts[kind], dash_empty=True))
            total.update(counts[kind])
    lines += [rule, row("all", total, dash_empty=False), ""]
    t_k, f_k = total["TRUE", "kept"], total["FALSE", "kept"]
    t_o, f_o = total["TRUE", "total"], total["FALSE", "total"]
    lines.append(
        f"precision estimate (kept judged, TRUE/(TRUE+FALSE)): {t_k}/{t_k + f_k} = "
        f"{_pct(t_k, t_k + f_k)}   [original: {t_o}/{t_o + f_o} = {_pct(t_o, t_o + f_o)}]"
    )
    n_new = total["NEW"]
    if n_new:
        lines.append(
            f"  with the {n_new} NEW items unjudged, the range is "
            f"{_pct(t_k, t_k + f_k + n_new)} (all NEW false) .. "
            f"{_pct(t_k + n_new, t_k + f_k + n_new)} (all NEW true)"
        )
    lines.append(
        f"TRUE kept: {t_k}/{t_o}; FALSE removed: {f_o - f_k}/{f_o}; "
        f"UNSURE kept {total['UNSURE', 'kept']}/{total['UNSURE', 'total']}, ARTIFACT kept "
        f"{total['ARTIFACT', 'kept']}/{total['ARTIFACT', 'total']}; quote_wording unsampled "
        f"kept {total[UNSAMPLED, 'kept']}/{total[UNSAMPLED, 'total']}"
    )
    return lines
