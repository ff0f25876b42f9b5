"""Hostile input at scale: many tiny files, odd punctuation, nothing breaks."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.text.corpus import load_corpus
from tui.core.text.segment import segment


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

    from tui.core.text.corpus import CorpusError

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


_PROSE = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "Kursk",
                "Kyiv",
                "Kiev",
                "Syrskyi",
                "Sirski",
                "76,000",
                "80,000",
                "1 thousand",
                "Tuesday",
                "Wednesday",
                "said",
                '"',
                "“",
                "”",
                "evacuated",
                "fled",
                "the",
                ".",
                "\n",
                "\n\n",
                "km.",
                "U.S.",
                "— A (@a) August 1, 2024",
                ":",
                ",",
            ]
        ),
        st.text(max_size=12),
    ),
    max_size=80,
).map(" ".join)


@settings(max_examples=40, deadline=None)
@given(st.lists(_PROSE, min_size=2, max_size=4))
def test_whole_analysis_on_arbitrary_articles(texts: list[str]) -> None:
    """Loader, segmenter, aligner, quotes and discrepancies together: no exception, offsets valid."""
    import tempfile

    from tui.core.analysis import analyse
    from tui.core.text.corpus import CorpusError

    with tempfile.TemporaryDirectory() as folder:
        for i, text in enumerate(texts):
            (Path(folder) / f"{i}.txt").write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            corpus = load_corpus([folder])
        except CorpusError:
            return
        analysis = analyse(corpus)
    texts_by_id = {a.id: a for a in corpus.articles}
    for group in analysis.alignment.groups:
        assert len({m.article for m in group.members}) >= 2
        for member in group.members:
            article = texts_by_id[member.article]
            sentence = article.sentences[member.sentence]
            for span in member.diff:
                assert sentence.start <= span.start < span.end <= sentence.end
    for quote in analysis.quotes:
        article = texts_by_id[quote.article]
        assert 0 <= quote.start <= quote.end <= len(article.text)
        assert article.text[quote.start : quote.end] == quote.text
    for discrepancy in analysis.discrepancies:
        for value in discrepancy.values:
            assert value.article in texts_by_id
