"""The same quotation worded differently by two outlets (a word added, dropped, changed).

The quotes come from :mod:`tui.core.quotes`, which links one speaker's quote across
articles (``same_as``); a linked set with more than one wording is a discrepancy.
"""

from __future__ import annotations

from collections.abc import Sequence

from tui.core.discrepancies.facts import Found
from tui.core.models import Corpus, DiscrepancyValue, Quote
from tui.core.quotes.extract import clip, normalized_words


def quote_wordings(quotes: Sequence[Quote], corpus: Corpus) -> list[Found]:
    """One ``quote_wording`` discrepancy per quote that outlets word differently."""
    by_id = {q.id: q for q in quotes}
    seen: set[str] = set()
    found: list[Found] = []
    for quote in quotes:
        if quote.id in seen or not quote.same_as:
            continue
        group, todo = [], [quote.id]
        while todo:
            qid = todo.pop()
            if qid in seen or qid not in by_id:
                continue
            seen.add(qid)
            group.append(by_id[qid])
            todo.extend(by_id[qid].same_as)
        group.sort(key=lambda q: (q.article, q.start))
        if len({" ".join(normalized_words(q.text)) for q in group}) < 2:
            continue
        values = tuple(
            DiscrepancyValue(
                q.article, corpus.article(q.article).sentence_at(q.start), q.text, q.text
            )
            for q in group
        )
        who = group[0].speaker or "an unknown speaker"
        summary = f"{who} quoted in {len(group)} wordings: “{clip(group[0].text)}”"
        found.append(Found("quote_wording", None, summary, values))
    return found
