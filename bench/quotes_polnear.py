"""Direct quotes and their speakers, scored against PolNeAR's hand-annotated attributions.

The seeds are too few to tell whether quote extraction generalises; PolNeAR (US election
news, 2015-16) has every attribution marked as Source, Cue and Content spans. Run from the
repository root::

    python -m bench.quotes_polnear                     # train and dev
    python -m bench.quotes_polnear --split dev --limit 20 --errors /tmp/quote_errors.jsonl

Data: ``$KURSK_DATA/polnear`` (else ``/work/data/polnear``) holding ``train/`` and ``dev/``,
each with PolNeAR's ``text/`` and ``attributions/`` folders. Without it the benchmark skips.
The test split is held out: this script neither reads it nor runs on it.

Gold: a direct quote is the part of a Content span inside double quotation marks (straight
or curly, paired per paragraph; an unclosed mark runs to its paragraph's end, as news style
does for quotes over several paragraphs), kept when it has at least ``MIN_WORDS`` words.
Its speaker is the attribution's Source span. Articles annotated by several annotators are
scored on the first annotator's file (by id), for repeatable figures. PolNeAR has no coreference annotation, so
pronoun sources are not resolved: they are left out of named-speaker accuracy and counted
apart (with a heuristic figure against the nearest preceding named source).

System: ``kursk-reader quotes --json`` on batches of articles. Its offsets index the text
after BOM removal and CRLF folding; gold offsets are mapped the same way and every system
quote is checked against the text at its offsets (located by search when they disagree).
The speaker canonicalisation is corpus-wide, so a batch shares it: like a reader's corpus.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

SPLITS = ("train", "dev")
HELD_OUT = "test"
MIN_WORDS = 3
"""Quoted parts of a Content span shorter than this are scare quotes or titles, not speech."""
BATCH = 50
TIGHT = 0.5
"""A found quote is well bounded when the overlap is at least this share of the union."""

OPEN_MARKS = "“„«"
CLOSE_MARKS = "”»"
PRONOUNS = frozenset(
    "i me we us you he him she her it they them who whom which that this these those one "
    "his hers its their theirs our ours my mine your yours".split()
)
NOT_NAMES = frozenset(
    "the a an this that these those his her its their our my your some many several "
    "mr mrs ms dr sen senator rep gov governor president vice secretary former "
    "gen general chairman chairwoman spokesman spokeswoman chief judge justice "
    "according jr sr ii iii monday tuesday wednesday thursday friday saturday sunday "
    "jan feb march april june july aug sept oct nov dec".split()
)
LINK_WORDS = frozenset("of and or who which in at from on for to with by".split())
_WORD = re.compile(r"[^\W\d_][\w'’.\-]*")
_POSSESSIVE = re.compile(r"['’]s?$")


@dataclass(frozen=True, slots=True)
class Span:
    """A BRAT text-bound annotation, possibly discontinuous."""

    kind: str
    frags: tuple[tuple[int, int], ...]

    @property
    def start(self) -> int:
        return self.frags[0][0]

    @property
    def end(self) -> int:
        return self.frags[-1][1]


@dataclass(slots=True)
class GoldQuote:
    """A quoted stretch of one annotated Content span, with its Source."""

    article: str
    start: int
    end: int
    source: str | None
    source_start: int
    source_kind: str
    """``named``, ``pronoun``, ``nominal`` or ``none`` (attribution without a source)."""
    matched: dict[str, Any] | None = None


@dataclass(slots=True)
class Article:
    """One PolNeAR article: folded text, its gold quotes and the spans that bound them."""

    name: str
    text: str
    quotes: list[GoldQuote] = field(default_factory=list)
    contents: list[tuple[int, int]] = field(default_factory=list)
    named_sources: list[tuple[int, str]] = field(default_factory=list)
    regions: list[tuple[int, int]] = field(default_factory=list)


def data_root() -> Path:
    """Where PolNeAR lives; outside the repository because it has no licence."""
    base = os.environ.get("KURSK_DATA")
    return Path(base) / "polnear" if base else Path("/work/data/polnear")


def fold(raw: str) -> tuple[str, list[int]]:
    """The loader's folding (BOM, CRLF, CR) and a map from raw offsets to folded ones."""
    out: list[str] = []
    where: list[int] = []
    i = 1 if raw.startswith("\ufeff") else 0
    where.extend([0] * i)
    while i < len(raw):
        where.append(len(out))
        if raw[i] == "\r":
            out.append("\n")
            if raw[i + 1 : i + 2] == "\n":
                where.append(len(out) - 1)
                i += 1
        else:
            out.append(raw[i])
        i += 1
    where.append(len(out))
    return "".join(out), where


def parse_ann(path: Path) -> tuple[dict[str, Span], list[dict[str, str]]]:
    """Text-bound spans by id, and each attribution event as a role -> span id map."""
    spans: dict[str, Span] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue  # a span's text continued over a newline
        ident, body = parts[0], parts[1]
        if re.fullmatch(r"T\d+", ident):
            kind, _, offsets = body.partition(" ")
            frags = tuple((int(a), int(b)) for a, b in (f.split() for f in offsets.split(";")))
            spans[ident] = Span(kind, frags)
        elif re.fullmatch(r"E\d+", ident):
            roles = dict(item.split(":", 1) for item in body.split() if ":" in item)
            events.append(roles)
    return spans, events


def quoted_regions(text: str) -> list[tuple[int, int]]:
    """Inner bounds of double-quoted stretches, paired per paragraph.

    A closing mark after a blank or at a paragraph's start opens: some sources type them
    the wrong way round.
    """
    regions = []
    offset = 0
    for paragraph in text.split("\n"):
        opened: int | None = None
        for i, char in enumerate(paragraph):
            backwards = char in CLOSE_MARKS and (i == 0 or paragraph[i - 1].isspace())
            if (char in OPEN_MARKS or backwards) and opened is None:
                opened = i
            elif (char in CLOSE_MARKS or char == '"') and opened is not None:
                regions.append((offset + opened + 1, offset + i))
                opened = None
            elif char == '"':
                opened = i
        if opened is not None:
            regions.append((offset + opened + 1, offset + len(paragraph)))
        offset += len(paragraph) + 1
    return regions


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Bounds without surrounding blanks and punctuation."""
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return start, end


def name_tokens(name: str) -> list[str]:
    """Lower-cased word tokens without possessives."""
    return [_POSSESSIVE.sub("", w).lower().strip(".") for w in words(name)]


def name_heads(name: str) -> list[str]:
    """Last words of the capitalised runs that are names, not modifiers, lower-cased.

    ``Indiana`` in ``the Indiana governor`` and ``Clinton's`` in ``Clinton's campaign``
    only modify a common noun; ``Sanders`` in ``Sanders of Vermont`` is a name.
    """
    found = list(_WORD.finditer(re.sub(r"\([^)]*\)", " ", name)))
    heads = []
    for i, match in enumerate(found):
        word = match.group()
        if not word[0].isupper() or word.lower().strip(".") in NOT_NAMES:
            continue
        if i + 1 < len(found) and not name[match.end() : found[i + 1].start()].strip():
            after = found[i + 1].group()
            if after[0].isupper() and after.lower().strip(".") not in NOT_NAMES:
                continue  # inside a run: ``Donald`` of ``Donald Trump``
            if after[0].islower() and after not in LINK_WORDS:
                continue  # a modifier
        heads.append(_POSSESSIVE.sub("", word).lower().strip("."))
    return heads


def source_kind(text: str, source: str) -> str:
    """Named (a capitalised proper name), pronoun, or nominal (``officials``)."""
    tokens = words(source)
    if not tokens:
        return "nominal"
    if all(t.lower() in PRONOUNS for t in tokens):
        return "pronoun"
    heads = name_heads(source)
    plain = [t.lower().strip(".") for t in tokens]
    proper = [i for i, t in enumerate(tokens) if t[0].isupper() and plain[i] not in NOT_NAMES]
    before = [t for t in plain[: proper[0]] if t not in NOT_NAMES] if proper else []
    if before and before[-1] in LINK_WORDS:
        return "nominal"  # ``a spokesman for Platte River``: the name only qualifies the head
    # A lone capitalised first word may be a sentence's capital: a name if never lower-case.
    lone = heads == [tokens[0].lower()] and sum(t[0].isupper() for t in tokens) == 1
    if lone and re.search(rf"(?<!\w){re.escape(heads[0])}(?!\w)", text):
        return "nominal"
    return "named" if heads else "nominal"


def same_speaker(gold: str, system: str | None) -> bool:
    """The gold name among the system's words, or the system's name among the gold names."""
    if not system:
        return False
    gold_heads, system_heads = name_heads(gold), name_heads(system)
    if not gold_heads or not system_heads:
        return False
    return any(similar(gold_heads[0], token) for token in name_tokens(system)) or any(
        similar(system_heads[-1], head) for head in gold_heads
    )


def similar(a: str, b: str) -> bool:
    """Equal, or one slip apart in a long name (``Sweeny`` / ``Sweeney``)."""
    return a == b or (min(len(a), len(b)) >= 5 and SequenceMatcher(None, a, b).ratio() >= 0.8)


def load_article(text_path: Path, ann_path: Path) -> Article:
    """Gold direct quotes of one article, in folded-text offsets."""
    raw = text_path.read_text(encoding="utf-8")
    text, where = fold(raw)
    article = Article(text_path.stem, text)
    spans, events = parse_ann(ann_path)
    article.regions = [
        r for r in (trim(text, a, b) for a, b in quoted_regions(text)) if r[1] > r[0]
    ]
    for roles in events:
        contents = [spans[roles[r]] for r in ("Content", "Content2") if roles.get(r) in spans]
        source = spans.get(roles.get("Source", ""))
        source_text = (
            " ".join(text[where[a] : where[b]] for a, b in source.frags) if source else None
        )
        kind = source_kind(text, source_text) if source_text else "none"
        if source and source_text and kind == "named":
            article.named_sources.append((where[source.start], source_text))
        for content in contents:
            frags = [(where[a], where[b]) for a, b in content.frags]
            article.contents.extend(frags)
            for r_start, r_end in article.regions:
                inside = [(a, b) for a, b in frags if a < r_end and b > r_start]
                if not inside:
                    continue
                start, end = trim(
                    text,
                    max(r_start, min(a for a, _ in inside)),
                    min(r_end, max(b for _, b in inside)),
                )
                if len(words(text[start:end])) < MIN_WORDS:
                    continue
                article.quotes.append(
                    GoldQuote(
                        article.name,
                        start,
                        end,
                        source_text,
                        where[source.start] if source else -1,
                        kind,
                    )
                )
    article.named_sources.sort()
    return article


def load_split(root: Path, split: str, limit: int | None) -> list[Article]:
    """Articles of a split, one annotator each (the first by id, for repeatability)."""
    folder = root / split
    chosen: dict[str, Path] = {}
    for ann in sorted((folder / "attributions").glob("*.ann")):
        chosen.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    articles = []
    for name, ann in sorted(chosen.items())[:limit]:
        text_path = folder / "text" / f"{name}.txt"
        if text_path.is_file():
            articles.append(load_article(text_path, ann))
    return articles


def tool_command(override: str | None = None) -> list[str]:
    """``--tool`` if given, else ``kursk-reader`` beside this Python, else ``python -m tui``."""
    if override:
        return shlex.split(override)
    script = Path(sys.executable).parent / "kursk-reader"
    if script.is_file():
        return [str(script)]
    found = shutil.which("kursk-reader")
    return [found] if found else [sys.executable, "-m", "tui"]


def run_tool(
    articles: Sequence[Article], source_dir: Path, command: Sequence[str]
) -> tuple[list[dict[str, Any]], int]:
    """System quotes for every article, ``BATCH`` articles per run; and the warning count."""
    quotes: list[dict[str, Any]] = []
    warnings = 0
    for first in range(0, len(articles), BATCH):
        batch = articles[first : first + BATCH]
        with tempfile.TemporaryDirectory(prefix="polnear-") as tmp:
            for article in batch:
                shutil.copyfile(
                    source_dir / f"{article.name}.txt", Path(tmp) / f"{article.name}.txt"
                )
            done = subprocess.run(
                [*command, "quotes", "--json", tmp],
                capture_output=True,
                text=True,
                check=False,
                cwd=tmp,  # so ``python -m tui`` imports the tool's code, not this checkout's
            )
        if done.returncode != 0:
            raise RuntimeError(f"kursk-reader failed: {done.stderr.strip()[:500]}")
        warnings += sum(1 for line in done.stderr.splitlines() if "warning" in line)
        quotes.extend(json.loads(done.stdout)["quotes"])
        print(f"  {min(first + BATCH, len(articles))}/{len(articles)} articles", file=sys.stderr)
    return quotes, warnings


def locate(quote: dict[str, Any], text: str) -> tuple[int, int] | None:
    """The quote's bounds in the text: its offsets if they hold its words, else a search."""
    start, end, words_ = quote["start"], quote["end"], quote["text"]
    if text[start:end] == words_:
        return start, end
    hits = [m.start() for m in re.finditer(re.escape(words_), text)]
    if not hits:
        return None
    best = min(hits, key=lambda h: abs(h - start))
    return best, best + len(words_)


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def context(text: str, start: int, end: int, width: int = 200) -> str:
    """The paragraph around a stretch, cut to ``width`` characters either side."""
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    right = len(text) if right < 0 else right
    left, right = max(left, start - width), min(right, end + width)
    return " ".join(text[left:right].split())


def ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def evaluate(
    split: str,
    articles: Sequence[Article],
    system: Iterable[dict[str, Any]],
    errors: list[dict[str, Any]],
) -> dict[str, Any]:
    """Recall, precision and speaker accuracy for one split; error cases into ``errors``."""
    by_name = {a.name: a for a in articles}
    counts: Counter[str] = Counter()
    placed: dict[str, list[tuple[tuple[int, int], dict[str, Any]]]] = {}
    for quote in system:
        article = by_name.get(quote["article"])
        if article is None:
            counts["system_unknown_article"] += 1
            continue
        bounds = locate(quote, article.text)
        if bounds is None:
            counts["system_unlocated"] += 1
            continue
        if bounds != (quote["start"], quote["end"]):
            counts["system_offsets_shifted"] += 1
        counts["system"] += 1
        counts[f"system_{quote['kind']}"] += 1
        long = len(words(quote["text"])) >= MIN_WORDS
        counts["system_long"] += long
        placed.setdefault(article.name, []).append((bounds, quote))
        gold_hit = any(overlap(bounds, (g.start, g.end)) for g in article.quotes)
        content_hit = any(overlap(bounds, c) for c in article.contents)
        in_marks = any(overlap(bounds, r) for r in article.regions)
        if gold_hit:
            counts["system_on_gold_quote"] += 1
            counts["system_long_on_gold_quote"] += long
        if content_hit:
            counts["system_on_content"] += 1
        elif in_marks:
            counts["system_unannotated_quoted"] += 1
        else:
            counts["system_elsewhere"] += 1
        if not content_hit:
            errors.append(
                {
                    "type": "unannotated" if in_marks else "outside_marks",
                    "split": split,
                    "article": article.name,
                    "system_quote": quote["text"],
                    "system_speaker": quote["speaker"],
                    "context": context(article.text, *bounds),
                }
            )
        elif not gold_hit:
            errors.append(
                {
                    "type": "content_not_direct",
                    "split": split,
                    "article": article.name,
                    "system_quote": quote["text"],
                    "system_speaker": quote["speaker"],
                    "context": context(article.text, *bounds),
                }
            )
    for article in articles:
        candidates = placed.get(article.name, [])
        for gold in article.quotes:
            counts["gold"] += 1
            counts[f"gold_{gold.source_kind}"] += 1
            span = (gold.start, gold.end)
            best = max(candidates, key=lambda c: overlap(c[0], span), default=None)
            record = {
                "split": split,
                "article": article.name,
                "gold_quote": article.text[gold.start : gold.end],
                "gold_speaker": gold.source,
                "gold_speaker_kind": gold.source_kind,
                "context": context(article.text, gold.start, gold.end),
            }
            if best is None or not overlap(best[0], span):
                errors.append({"type": "missed", **record})
                continue
            counts["found"] += 1
            counts[f"found_{gold.source_kind}"] += 1
            union = max(best[0][1], span[1]) - min(best[0][0], span[0])
            if overlap(best[0], span) >= TIGHT * union:
                counts["found_tight"] += 1
            quote = best[1]
            record |= {
                "system_quote": quote["text"],
                "system_speaker": quote["speaker"],
                "system_mention": quote["speaker_mention"],
                "system_cue": quote["cue"],
                "system_reason": quote.get("reason"),
            }
            if gold.source_kind == "named" and gold.source:
                counts["named_scored"] += 1
                if quote["speaker"] is None:
                    counts["named_no_system_speaker"] += 1
                else:
                    counts["named_given"] += 1
                    counts["named_correct_given"] += same_speaker(gold.source, quote["speaker"])
                if same_speaker(gold.source, quote["speaker"]):
                    counts["named_correct"] += 1
                else:
                    errors.append({"type": "wrong_speaker", **record})
                if same_speaker(gold.source, quote["speaker_mention"]):
                    counts["named_correct_mention"] += 1
            elif gold.source_kind == "pronoun":
                antecedent = next(
                    (s for at, s in reversed(article.named_sources) if at < gold.source_start),
                    None,
                )
                if antecedent:
                    counts["pronoun_with_antecedent"] += 1
                    if same_speaker(antecedent, quote["speaker"]):
                        counts["pronoun_proxy_correct"] += 1
                    else:
                        errors.append(
                            {"type": "pronoun_speaker", "antecedent_guess": antecedent, **record}
                        )
            elif gold.source_kind == "nominal" and quote["speaker"]:
                counts["nominal_system_named"] += 1
    return summary(split, len(articles), counts)


def summary(split: str, n_articles: int, c: Counter[str]) -> dict[str, Any]:
    """The figures of one split, rates rounded, raw counts kept for pooling."""
    return {
        "split": split,
        "articles": n_articles,
        "recall": ratio(c["found"], c["gold"]),
        "recall_tight": ratio(c["found_tight"], c["gold"]),
        "precision_gold_quote": ratio(c["system_on_gold_quote"], c["system"]),
        "precision_gold_quote_long": ratio(c["system_long_on_gold_quote"], c["system_long"]),
        "precision_content": ratio(c["system_on_content"], c["system"]),
        "unannotated_quoted_share": ratio(c["system_unannotated_quoted"], c["system"]),
        "named_speaker_accuracy": ratio(c["named_correct"], c["named_scored"]),
        "named_speaker_accuracy_mention": ratio(c["named_correct_mention"], c["named_scored"]),
        "named_speaker_accuracy_given": ratio(c["named_correct_given"], c["named_given"]),
        "pronoun_proxy_accuracy": ratio(c["pronoun_proxy_correct"], c["pronoun_with_antecedent"]),
        "counts": dict(sorted(c.items())),
    }


RATES = (
    ("recall", "recall", "found", "gold"),
    ("recall, tight bounds", "recall_tight", "found_tight", "gold"),
    ("precision vs gold quotes (>= 3 words)", "precision_gold_quote_long",
     "system_long_on_gold_quote", "system_long"),
    ("precision vs any Content", "precision_content", "system_on_content", "system"),
    ("quoted but unannotated", "unannotated_quoted_share", "system_unannotated_quoted", "system"),
    ("named-speaker accuracy", "named_speaker_accuracy", "named_correct", "named_scored"),
    ("  ... when a speaker is given", "named_speaker_accuracy_given", "named_correct_given",
     "named_given"),
    ("pronoun sources vs nearest named*", "pronoun_proxy_accuracy", "pronoun_proxy_correct",
     "pronoun_with_antecedent"),
)  # fmt: skip
"""Table rows: label, summary key, and the counts it is the ratio of."""


def print_table(results: Sequence[dict[str, Any]]) -> None:
    """One row per figure, one column per split; rates with their counts."""
    rows = [
        ("", [r["split"] for r in results]),
        ("articles", [str(r["articles"]) for r in results]),
    ]
    kinds = ("named", "pronoun", "nominal", "none")
    rows.append(
        (
            "gold quotes named/pron/nominal/none",
            ["/".join(str(r["counts"].get(f"gold_{k}", 0)) for k in kinds) for r in results],
        )
    )
    rows.append(
        (
            "system quotes (>= 3 words)",
            [
                f"{r['counts'].get('system', 0)} ({r['counts'].get('system_long', 0)})"
                for r in results
            ],
        )
    )
    for label, key, part, whole in RATES:
        cells = []
        for r in results:
            counts = f"({r['counts'].get(part, 0)}/{r['counts'].get(whole, 0)})"
            cells.append("-" if r[key] is None else f"{100 * r[key]:.1f}% {counts}")
        rows.append((label, cells))
    width = max(len(label) for label, _ in rows)
    for label, cells in rows:
        print(f"{label:<{width}}  " + "  ".join(f"{cell:>22}" for cell in cells))
    print(
        "\nrecall: gold quoted spans a system quote overlaps (tight: overlap >= half the union)."
        "\nnamed-speaker accuracy: the system speaker shares the gold source's surname."
        "\n* heuristic: PolNeAR has no coreference, so pronoun sources are not scored."
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", help="train or dev (default: both); test is held out")
    parser.add_argument("--limit", type=int, help="first N articles of each split")
    parser.add_argument("--errors", type=Path, help="write error cases here (JSON lines)")
    parser.add_argument("--json", action="store_true", help="print a JSON summary")
    parser.add_argument("--tool", help="command to run instead of kursk-reader (shell words)")
    args = parser.parse_args(argv)
    if args.split == HELD_OUT:
        print("refusing --split test: PolNeAR's test split is held out", file=sys.stderr)
        return 2
    if args.split not in (None, *SPLITS):
        parser.error(f"--split must be one of {', '.join(SPLITS)}")
    root = data_root()
    if not root.is_dir():
        print(f"skipped: no PolNeAR data at {root} (set KURSK_DATA)")
        return 0
    errors: list[dict[str, Any]] = []
    results = []
    for split in [args.split] if args.split else list(SPLITS):
        if not (root / split).is_dir():
            print(f"skipped {split}: no {root / split}", file=sys.stderr)
            continue
        articles = load_split(root, split, args.limit)
        print(f"{split}: {len(articles)} articles", file=sys.stderr)
        system, warnings = run_tool(articles, root / split / "text", tool_command(args.tool))
        result = evaluate(split, articles, system, errors)
        result["tool_warnings"] = warnings
        results.append(result)
    if args.errors:
        with args.errors.open("w", encoding="utf-8") as out:
            for error in errors:
                out.write(json.dumps(error, ensure_ascii=False) + "\n")
    if args.json:
        print(json.dumps({"min_words": MIN_WORDS, "splits": results}, indent=2))
    else:
        print_table(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
