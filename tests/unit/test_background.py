"""The analysis in a child process: the same result, its progress, its failures, its end."""

from __future__ import annotations

import dataclasses
import json
import os
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Generator
from pathlib import Path

import pytest

from tests.conftest import TWO_STORIES, run_steps
from tui.core import background
from tui.core.analysis import Analysis, analyse, analyse_steps
from tui.core.background import (
    PIPE_BYTES,
    AnalysisChild,
    AnalysisFailed,
    KnownAnalyses,
    Session,
    _widen,
    read_then_analyse,
)
from tui.core.cache import FactCache
from tui.core.codec import dumps
from tui.core.models import Corpus, Group
from tui.core.progress import drain
from tui.core.text.corpus import CorpusError, article_from_text, find_sources, load_corpus

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")


@pytest.fixture(scope="module")
def seeds() -> Corpus:
    return load_corpus([])


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_the_child_gives_the_analysis_of_the_thread(
    seeds: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(background, "CHUNK", 7)  # Many frames of each kind.
    child = AnalysisChild.start(lambda: analyse_steps(seeds))
    progress, result = run_steps(child.steps(seeds))
    expected = analyse(seeds)
    assert result.alignment == expected.alignment
    assert result.quotes == expected.quotes
    assert result.corpus is seeds
    assert progress == sorted(progress)
    assert progress[-1] == pytest.approx(1.0)
    assert not _alive(child.pid)


def test_the_core_objects_cross_the_pipe_equal(seeds: Corpus) -> None:
    """Pickled as their class and fields (one ``attrgetter`` call each): rebuilt equal."""
    analysis = analyse(seeds)
    alignment = analysis.alignment
    for items in (
        seeds.articles,
        alignment.groups,
        alignment.discrepancies,
        alignment.stories,
        analysis.quotes,
        (seeds, alignment),
    ):
        back = background._loads(background._dumps(items))
        assert back == items
        assert [type(item) for item in back] == [type(item) for item in items]


def test_an_error_in_the_child_is_one_line_naming_it(seeds: Corpus) -> None:
    def broken(corpus: Corpus) -> Generator[float, None, Analysis]:
        yield 0.5
        raise ValueError("no sentences in article 3")

    child = AnalysisChild.start(lambda: broken(seeds))
    with pytest.raises(AnalysisFailed, match=r"^ValueError: no sentences in article 3$"):
        drain(child.steps(seeds))


def test_a_child_that_dies_is_reported(seeds: Corpus) -> None:
    def killed(corpus: Corpus) -> Generator[float, None, Analysis]:
        yield 0.5
        os._exit(9)

    child = AnalysisChild.start(lambda: killed(seeds))
    with pytest.raises(AnalysisFailed, match=r"ended unexpectedly \(exit status 9\)"):
        drain(child.steps(seeds))


def test_stopping_early_ends_the_child(seeds: Corpus) -> None:
    def endless(corpus: Corpus) -> Generator[float, None, Analysis]:
        while True:
            time.sleep(0.01)
            yield 0.5

    child = AnalysisChild.start(lambda: endless(seeds))
    steps = child.steps(seeds)
    assert next(steps) == 0.5
    steps.close()
    assert not _alive(child.pid)
    child.stop()  # Again: nothing left to do.


ORPHAN = """
import os, signal, sys, time
from tui.core.background import AnalysisChild
from tui.core.models import Corpus

def slow(corpus):
    while True:
        time.sleep(0.05)
        yield 0.0

child = AnalysisChild.start(lambda: slow(Corpus(())))
print(child.pid, flush=True)
time.sleep(0.5)
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_session_that_never_sends_its_articles_is_an_error(seeds: Corpus) -> None:
    """Given no corpus (the reader's is still being read), the child must send one: an
    analysis of nothing is never passed off as the result."""
    child = AnalysisChild.start(lambda: analyse_steps(seeds))
    with pytest.raises(AnalysisFailed, match="sent no articles"):
        drain(child.steps())
    assert not _alive(child.pid)


def test_the_child_ends_with_a_reader_that_is_killed() -> None:
    run = subprocess.run(
        [sys.executable, "-c", ORPHAN], capture_output=True, text=True, timeout=30, check=False
    )
    pid = int(run.stdout.split()[0])
    deadline = time.monotonic() + 10
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _alive(pid)


def test_the_child_reads_the_articles_and_sends_them_before_the_analysis(seeds: Corpus) -> None:
    sources = find_sources([])
    child = AnalysisChild.start(lambda: read_then_analyse(sources, analyse_steps))
    items, result = run_steps(child.steps())
    (read,) = [item for item in items if isinstance(item, Corpus)]
    assert read == seeds
    assert result.corpus is read
    assert result.alignment == analyse(seeds).alignment


def _read_then(corpus: Corpus, analysis: Analysis, *progress: float) -> Session:
    yield corpus
    yield from progress
    return analysis


def _read_then_fail(corpus: Corpus) -> Session:
    yield corpus
    raise ValueError("no facts")


def test_articles_with_their_analysis_right_behind_are_handed_over_with_it(
    seeds: Corpus, seed_analysis: Analysis
) -> None:
    """A cached analysis: the reader lays the articles out once, with the facts."""
    child = AnalysisChild.start(lambda: _read_then(seeds, seed_analysis))
    items, result = run_steps(child.steps())
    assert isinstance(items[-1], Corpus) and result.corpus is items[-1]
    assert all(isinstance(item, float) for item in items[:-1])


def test_articles_still_to_be_analysed_are_handed_over_at_once(
    seeds: Corpus, seed_analysis: Analysis
) -> None:
    child = AnalysisChild.start(lambda: _read_then(seeds, seed_analysis, 0.5, 0.75))
    items, _ = run_steps(child.steps())
    read = next(n for n, item in enumerate(items) if isinstance(item, Corpus))
    assert 0.5 in items[read:]


def test_articles_read_before_the_analysis_failed_are_still_handed_over(seeds: Corpus) -> None:
    child = AnalysisChild.start(lambda: _read_then_fail(seeds))
    items: list[object] = []
    with pytest.raises(AnalysisFailed, match="no facts"):
        for item in child.steps():
            items.append(item)
    assert any(isinstance(item, Corpus) for item in items)


def test_no_article_read_in_the_child_is_the_loaders_one_line(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("```\nprint('no prose')\n```\n")
    sources = find_sources([tmp_path])
    child = AnalysisChild.start(lambda: read_then_analyse(sources, analyse_steps))
    with pytest.raises(CorpusError, match=r"a\.md: no article text"):
        drain(child.steps())  # type: ignore[arg-type]


def test_a_known_analysis_comes_back_the_same(tmp_path: Path) -> None:
    texts = TWO_STORIES
    corpus = Corpus(tuple(article_from_text(k, v) for k, v in texts.items()))
    known = KnownAnalyses(FactCache(tmp_path / "cache.sqlite3"))
    assert known.get(corpus) is None
    fresh = analyse(corpus)
    assert len(fresh.alignment.stories) == 2
    known.put(fresh)
    found = known.get(corpus)
    assert found is not None
    assert found.alignment == fresh.alignment
    assert found.quotes == fresh.quotes
    changed = Corpus((*corpus.articles[:-1], article_from_text("vote-b", texts["vote-b"] + "!")))
    assert known.get(changed) is None


def test_a_damaged_known_analysis_is_dropped(tmp_path: Path) -> None:
    corpus = Corpus(tuple(article_from_text(k, v) for k, v in TWO_STORIES.items()))
    known = KnownAnalyses(FactCache(tmp_path / "cache.sqlite3"))
    known.put(analyse(corpus))
    with sqlite3.connect(tmp_path / "cache.sqlite3") as conn:
        conn.execute("""UPDATE entries SET data = '{"stories": [], "story_of": [7]}'""")
    assert known.get(corpus) is None
    known.cache.flush()
    with sqlite3.connect(tmp_path / "cache.sqlite3") as conn:
        assert conn.execute("SELECT COUNT(*) FROM entries").fetchone()[0] == 0


@pytest.mark.parametrize(
    "damage",
    [
        lambda story_of, stories: [*story_of[:-1], stories],  # Past the last story.
        lambda story_of, _: [-1, *story_of[1:]],  # Before the first.
        lambda story_of, _: story_of[:-1],  # One group without its story.
        lambda story_of, _: [*story_of, 0],  # A story for a group that is not there.
        lambda story_of, _: [str(s) for s in story_of],  # Not numbers.
    ],
)
def test_a_known_analysis_with_a_wrong_story_of_is_ignored(
    tmp_path: Path, damage: Callable[[list[int], int], object]
) -> None:
    """A well-formed entry whose groups point at stories it lacks (or miscount them) is
    dropped, never an analysis with groups in no story."""
    corpus = Corpus(tuple(article_from_text(k, v) for k, v in TWO_STORIES.items()))
    known = KnownAnalyses(FactCache(tmp_path / "cache.sqlite3"))
    known.put(analyse(corpus))
    key = known._key(corpus)
    assert key is not None
    blob = known.cache.get(key)
    assert blob is not None
    data = json.loads(blob)
    assert len(data["story_of"]) > 1 and len(data["stories"]) > 1  # Both stories have facts.
    data["story_of"] = damage(data["story_of"], len(data["stories"]))
    known.cache.put(key, dumps(data))
    assert known.get(corpus) is None
    assert known.cache.get(key) is None  # Dropped: the next run analyses again.


REOPEN = """
import sys
from tui.core.background import reader_session
from tui.core.progress import drain
from tui.core.text.corpus import find_sources

analysis = drain(reader_session(find_sources([]), cache=True))
print(len(analysis.groups), "numpy" in sys.modules)
"""


def test_reopening_a_known_corpus_needs_no_aligner(tmp_path: Path) -> None:
    env = {**os.environ, "KURSK_READER_CACHE_DIR": str(tmp_path)}
    runs = [
        subprocess.run(
            [sys.executable, "-c", REOPEN], capture_output=True, text=True, env=env, check=True
        ).stdout.split()
        for _ in range(2)
    ]
    assert runs[0][0] == runs[1][0] != "0"
    assert runs == [[runs[0][0], "True"], [runs[0][0], "False"]]


def _held(analysis: Analysis) -> Generator[float, None, Analysis]:
    """What a cache miss does: wait for the reader's first screen, then analyse (here at
    once: the analysis is at hand, so the time measured is the wait)."""
    yield 0.1
    background._hold()
    yield 0.9
    return analysis


@pytest.fixture(scope="module")
def seed_analysis(seeds: Corpus) -> Analysis:
    return analyse(seeds)


def test_a_waiting_child_analyses_once_told_to_go(seeds: Corpus, seed_analysis: Analysis) -> None:
    child = AnalysisChild.start(lambda: _held(seed_analysis), wait=30.0)
    steps = child.steps(seeds)
    assert next(steps) == pytest.approx(0.1)  # What comes before the analysis is not held.
    held_until = time.monotonic() + 0.5
    while time.monotonic() < held_until:
        assert next(steps) == pytest.approx(0.1)  # Nothing new: the child waits.
    started = time.monotonic()
    child.go()
    child.go()  # Again: nothing more.
    result = drain(steps)
    assert result.alignment == seed_analysis.alignment
    assert time.monotonic() - started < 10  # Far sooner than the 30 s at the latest.


def test_a_waiting_child_not_told_to_go_analyses_at_the_latest(
    seeds: Corpus, seed_analysis: Analysis
) -> None:
    started = time.monotonic()
    child = AnalysisChild.start(lambda: _held(seed_analysis), wait=0.3)
    result = drain(child.steps(seeds))
    assert result.alignment == seed_analysis.alignment
    assert time.monotonic() - started >= 0.3


def test_go_closes_the_pipe_once_however_many_threads_call_it() -> None:
    """The UI thread (the first paint) and the reading worker (the end of ``steps``) may
    both call it: a second close could end a file opened meanwhile under the same number."""
    closed: list[int] = []
    switch = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # Threads swap as often as they can: any race shows.
    try:
        for _ in range(200):
            read, write = os.pipe()
            child = AnalysisChild(os.getpid(), read, write)
            barrier = threading.Barrier(8)
            errors: list[OSError] = []

            def go(
                child: AnalysisChild = child,
                barrier: threading.Barrier = barrier,
                errors: list[OSError] = errors,
            ) -> None:
                barrier.wait()
                try:
                    child.go()
                except OSError as error:  # pragma: no cover (the race this test guards)
                    errors.append(error)

            threads = [threading.Thread(target=go) for _ in range(8)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            os.close(read)
            closed.append(len(errors))
    finally:
        sys.setswitchinterval(switch)
    assert closed == [0] * 200


def test_hold_is_a_no_op_outside_a_waiting_child() -> None:
    started = time.monotonic()
    background._hold()
    assert time.monotonic() - started < 0.1


def test_the_pipe_holds_a_cached_analysis_in_a_few_reads() -> None:
    """1 MB instead of 64 kB: a cached BASIL analysis (5 MB) crossed in a hundred
    exchanges between the processes."""
    fcntl = pytest.importorskip("fcntl")
    limit = Path("/proc/sys/fs/pipe-max-size")
    if not hasattr(fcntl, "F_GETPIPE_SZ") or int(limit.read_text()) < PIPE_BYTES:
        pytest.skip("Linux, with pipes of 1 MB allowed")
    read, write = os.pipe()
    try:
        _widen(write)
        assert fcntl.fcntl(read, fcntl.F_GETPIPE_SZ) == PIPE_BYTES
    finally:
        os.close(read)
        os.close(write)


def test_a_fact_given_its_story_keeps_every_field() -> None:
    """The cached analysis makes each fact again by its fields' names, for speed: a field
    added to Group must be added there too (background's ``_decode_known``)."""
    assert [f.name for f in dataclasses.fields(Group)] == [
        "id",
        "label",
        "score",
        "members",
        "discrepancies",
        "story",
    ]
