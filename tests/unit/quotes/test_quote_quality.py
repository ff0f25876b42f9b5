"""Quote extraction and attribution measured against hand labels (tests/data/gold_quotes.json).

Run ``python tests/unit/test_quote_quality.py`` to print precision, recall and attribution
accuracy per set (seeds, basil, heldout); the tests hold floors a little below them.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[3]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from tui.core.models import Quote  # noqa: E402
from tui.core.quotes.extract import extract_quotes  # noqa: E402
from tui.core.text.corpus import load_corpus  # noqa: E402
from tui.core.text.names import fold  # noqa: E402
from tui.core.text.names import same_name as same_person  # noqa: E402

GOLD = REPO / "tests" / "data" / "gold_quotes.json"
BASIL = REPO.parent / "shared" / "corpora" / "basil"
FLOORS = {
    "seeds": (0.95, 0.95, 0.95),
    "basil": (0.95, 0.95, 0.93),
    "heldout": (0.95, 0.95, 0.9),
    "heldout2": (0.95, 0.95, 0.9),
    "heldout3": (0.95, 0.95, 0.9),
    "heldout4": (0.95, 0.95, 0.9),
}
"""Per set: minimum precision, recall, attribution accuracy (a little below measured)."""


@dataclass
class Score:
    """Counts for one set of articles."""

    found: int = 0
    false_alarms: int = 0
    gold: int = 0
    matched: int = 0
    right_speaker: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / max(1, self.matched + self.false_alarms)

    @property
    def recall(self) -> float:
        return self.matched / max(1, self.gold)

    @property
    def accuracy(self) -> float:
        return self.right_speaker / max(1, self.matched)


def speaker_matches(gold: str | None, predicted: str | None) -> bool:
    """Same person (surname and first name agree) or same institution words."""
    if gold is None or predicted is None:
        return gold is None and predicted is None
    if same_person(gold, predicted):
        return True
    words_g = set(fold(gold.removeprefix("the ")).split()) - {"the"}
    words_p = set(fold(predicted.removeprefix("the ")).split()) - {"the"}
    return bool(words_g) and (words_g <= words_p or words_p <= words_g)


def _locate(text: str, gold: list[dict[str, Any]]) -> list[tuple[int, int]]:
    spans, cursor = [], 0
    for quote in gold:
        start = text.find(quote["text"], cursor)
        if start < 0:
            start = text.find(quote["text"])
        assert start >= 0, quote["text"][:60]
        spans.append((start, start + len(quote["text"])))
        cursor = start + 1
    return spans


def score_article(path: Path, gold: list[dict[str, Any]], score: Score) -> None:
    article = load_corpus([path]).articles[0]
    predicted: list[Quote] = list(extract_quotes(load_corpus([path])))
    gold_spans = _locate(article.text, gold)
    used: set[int] = set()
    score.found += len(predicted)
    for quote in predicted:
        best, best_overlap = -1, 0
        for i, (start, end) in enumerate(gold_spans):
            overlap = min(end, quote.end) - max(start, quote.start)
            enough = overlap >= 0.5 * max(end - start, quote.end - quote.start)
            if i not in used and enough and overlap > best_overlap:
                best, best_overlap = i, overlap
        if best < 0:
            score.false_alarms += 1
            score.errors.append(f"{path.parent.name}/{path.name}: extra “{quote.text[:50]}”")
            continue
        used.add(best)
        label = gold[best]
        if label.get("optional"):
            continue
        score.matched += 1
        accepted = [label["speaker"], *label.get("also", [])]
        if any(speaker_matches(gold, quote.speaker) for gold in accepted):
            score.right_speaker += 1
        else:
            score.errors.append(
                f"{path.parent.name}/{path.name}: “{quote.text[:40]}” by {quote.speaker!r} "
                f"({quote.reason or quote.speaker_mention}), gold {label['speaker']!r}"
            )
    for i, label in enumerate(gold):
        if not label.get("optional"):
            score.gold += 1
            if i not in used:
                score.errors.append(
                    f"{path.parent.name}/{path.name}: missed “{label['text'][:50]}”"
                )


def evaluate(set_name: str) -> Score:
    data = json.loads(GOLD.read_text(encoding="utf-8"))
    score = Score()
    for entry in data["sets"][set_name]:
        root = REPO if set_name == "seeds" else BASIL
        score_article(root / entry["path"], entry["quotes"], score)
    return score


@pytest.mark.parametrize("set_name", list(FLOORS))
def test_quality_floor(set_name: str) -> None:
    if set_name != "seeds" and not BASIL.is_dir():
        pytest.skip("../shared/corpora/basil is not present")
    score = evaluate(set_name)
    precision, recall, accuracy = FLOORS[set_name]
    details = "\n".join(score.errors)
    assert score.precision >= precision, details
    assert score.recall >= recall, details
    assert score.accuracy >= accuracy, details


def main() -> None:
    for set_name in FLOORS:
        if set_name != "seeds" and not BASIL.is_dir():
            print(f"{set_name}: skipped (no {BASIL})")
            continue
        score = evaluate(set_name)
        print(
            f"{set_name:8} gold {score.gold:3}  found {score.found:3}  "
            f"precision {score.precision:.3f}  recall {score.recall:.3f}  "
            f"attribution {score.accuracy:.3f} ({score.right_speaker}/{score.matched})"
        )
        if "-v" in sys.argv:
            for error in score.errors:
                print("   ", error)


if __name__ == "__main__":
    main()
