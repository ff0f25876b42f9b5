"""Quote wording: one quote, several wordings across outlets."""

from __future__ import annotations

import pytest

from tests.conftest import SEEDS
from tui.core.discrepancies.wording import quote_wordings
from tui.core.models import Quote
from tui.core.quotes.extract import extract_quotes
from tui.core.text.corpus import load_corpus


# ---------------------------------------------------------------- the seeds
@pytest.fixture(scope="module")
def seed_quotes() -> tuple[Quote, ...]:
    return extract_quotes(load_corpus([SEEDS]))


def test_quote_discrepancies(seed_quotes: tuple[Quote, ...]) -> None:
    corpus = load_corpus([SEEDS])
    found = quote_wordings(seed_quotes, corpus)
    assert found
    assert all(d.kind == "quote_wording" and d.group is None for d in found)
    articles = {v.article for v in found[0].values}
    assert len(articles) == 2
