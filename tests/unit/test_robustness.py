"""Hostile input at scale: many tiny files, odd punctuation, nothing breaks."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.corpus import load_corpus
from tui.core.segment import segment


def test_thousands_of_tiny_files_load(tmp_path: Path) -> None:
    for i in range(2000):
        folder = tmp_path / f"event-{i // 100:02d}"
        folder.mkdir(exist_ok=True)
        (folder / f"{i:04d}.txt").write_text(f"Report {i} says {i} people left.\n")
    corpus = load_corpus([tmp_path])
    assert len(corpus.articles) == 2000
    assert len({a.id for a in corpus.articles}) == 2000


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="\"'“”‘’«» \n.", max_size=200))
def test_nothing_but_quotation_marks(text: str) -> None:
    seg = segment(text)
    for s in seg.sentences:
        assert text[s.start : s.end] == s.text


@settings(max_examples=50, deadline=None)
@given(st.text(min_size=1, max_size=300), st.sampled_from([".txt", ".md"]))
def test_loader_never_raises_anything_but_corpus_error(text: str, suffix: str) -> None:
    import tempfile

    from tui.core.corpus import CorpusError

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"a{suffix}"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            corpus = load_corpus([path])
        except CorpusError as error:
            assert "\n" not in str(error)
            return
        for article in corpus.articles:
            for s in article.sentences:
                assert article.text[s.start : s.end] == s.text
