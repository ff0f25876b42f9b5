"""The reading and analysis of the articles in a child process, so the process that draws
the screen never waits for them.

In a thread, the analysis (its imports, its Python loops, its long C calls) held the GIL
the reader's event loop needs: keys pressed as the screen appeared answered seconds
later. The child is forked before the app starts any thread, so it inherits the files
the command line read; it parses them (Markdown and segmentation cost a second on 300
articles: the screen does not wait for them), sends the articles, then runs the one core
entry point (``analyse_steps`` or whatever ``analyse`` is given) and writes its progress,
then the result in small pickled frames, to a pipe. The reader side reads them in a
worker thread that only waits on the pipe and decodes one frame at a time, never holding
the GIL for long.
"""

from __future__ import annotations

import contextlib
import copyreg
import dataclasses
import gc
import io
import json
import operator
import os
import pickle
import queue
import select
import signal
import struct
import threading
from collections.abc import Callable, Generator, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any, Protocol

try:
    import fcntl
except ImportError:  # Windows: no fork either, the reader uses a thread.
    fcntl = None  # type: ignore[assignment]

from tui.core import models
from tui.core.analysis import Analysis
from tui.core.collector import collector_paused
from tui.core.models import Alignment, Article, Corpus, Discrepancy, Group, Quote, Story
from tui.core.text.corpus import CorpusError, ParsedBefore, Sources, load_steps

if TYPE_CHECKING:
    from tui.core.cache import FactCache
    from tui.core.first_screen import FirstScreen

Steps = Callable[[Corpus], Generator[float, None, Analysis]]
Session = Generator["float | Corpus | FirstScreen", None, Analysis]
"""Progress (0..1); the first screen of a folder opened before (its first story, ahead of
the rest); the corpus, once read, when the articles were not at hand; the analysis."""

FRAME = struct.Struct("!cI")
"""A frame's header: its kind (one byte) and its payload's length."""
CHUNK = 50
"""Groups, quotes or discrepancies per result frame: each decodes in a few milliseconds
(with 200, keys pressed as BASIL's result arrived waited up to 176 ms)."""
NICENESS = 10
"""How much lower the child's priority is than the reader's (it never delays a key)."""
PR_SET_PDEATHSIG = 1
"""Linux prctl(2) option: a signal the child gets when its parent ends."""
POLL_S = 0.1
"""The longest the reading side blocks before it yields again (so a cancel is noticed)."""
PIPE_BYTES = 1 << 20
"""The pipe's capacity asked for (Linux's default limit for a user, ``pipe-max-size``)."""
GO_AT_LATEST = 0.5
"""Seconds the reader's child waits for :meth:`AnalysisChild.go` at most (its ``wait``)."""


class AnalysisFailed(Exception):
    """The analysis raised in the child, or the child died; the message says which."""


def read_then_analyse(
    sources: Sources, analyse: Steps, parsed: ParsedBefore | None = None
) -> Session:
    """Parse the articles (progress), hand over the corpus, then analyse it (progress
    again from 0); ``CorpusError`` when no article could be read."""
    corpus = yield from load_steps(sources, parsed)
    yield corpus
    return (yield from analyse(corpus))


def reader_session(sources: Sources, *, cache: bool) -> Session:
    """What the reader runs away from its screen: the articles read (those parsed before
    from the cache), then :func:`reader_analysis`. The cache (SQLite, the codec) is
    opened here, in the child: the first paint never waits for it."""
    if not cache:
        return (yield from read_then_analyse(sources, partial(reader_analysis, cache=False)))
    from tui.core.cache import ParsedArticles, default_cache  # noqa: PLC0415 (start-up)
    from tui.core.first_screen import FirstScreens, first_screen_of  # noqa: PLC0415

    facts = default_cache()
    screens = FirstScreens(facts)
    first = screens.get(sources)
    if first is not None:
        yield first
    analyse = partial(_known_or_analysed, facts=facts)
    analysis = yield from read_then_analyse(sources, analyse, ParsedArticles(facts))
    made = first_screen_of(analysis)
    if made != first:  # None yet, or one that is not this analysis's: never kept.
        if made is None:
            screens.drop(sources)
        else:
            screens.put(sources, made)
    return analysis


def reader_analysis(corpus: Corpus, *, cache: bool) -> Generator[float, None, Analysis]:
    """The reader's analysis: the default one, of the whole corpus from the cache when it
    holds it (:class:`KnownAnalyses`), else story by story (cached ones read back)."""
    facts = None
    if cache:
        from tui.core.cache import default_cache  # noqa: PLC0415 (start-up)

        facts = default_cache()
    return (yield from _known_or_analysed(corpus, facts=facts))


def _known_or_analysed(
    corpus: Corpus, *, facts: FactCache | None
) -> Generator[float, None, Analysis]:
    known = KnownAnalyses(facts) if facts is not None else None
    if known is not None and (found := known.get(corpus)) is not None:
        return found
    _hold()
    from tui.core.analysis import analyse_steps  # noqa: PLC0415 (start-up)

    analysis = yield from analyse_steps(corpus, cache=facts)
    if known is not None:
        known.put(analysis)
    return analysis


_GO: list[tuple[int, float]] = []
"""In a child started with ``wait``: the pipe whose end tells that the reader has drawn its
first screen, and the seconds to wait for it at most (set by :func:`_child` only, taken by
:func:`_hold`)."""


def _hold() -> None:
    """Before the analysis proper (its imports and loops take the CPU for seconds), wait
    until the reader has drawn its first screen: the processes share the machine's cores,
    and the analysis starting at once slowed that first paint (the seeds, an empty cache,
    two cores: by about 20 ms in a quiet moment, up to 80 ms with other work running). A
    no-op anywhere but in such a child, and from the second call on."""
    while _GO:
        go, at_latest = _GO.pop()
        select.select([go], [], [], at_latest)
        os.close(go)


class KnownAnalyses:
    """The default analysis of a whole corpus, in the cache, keyed by its articles and the
    analysis's own source (every module of ``tui.core`` and the pair model).

    The per-story entries already spare the analysis; this one spares its imports too
    (numpy, wordfreq, the aligner: half a second) and the split into stories, so a folder
    opened before shows its facts sooner. Read back through the codec and checked like any
    entry; a damaged one is dropped and the analysis runs (from the story entries).
    """

    def __init__(self, cache: FactCache) -> None:
        self.cache = cache

    def get(self, corpus: Corpus) -> Analysis | None:
        return self.cache.read(self._key(corpus), partial(_read_known, corpus=corpus))

    def put(self, analysis: Analysis) -> None:
        from tui.core.codec import (  # noqa: PLC0415 (start-up)
            discrepancy_data,
            dumps,
            group_data,
            quote_data,
            stories_data,
        )

        key = self._key(analysis.corpus)
        if key is None:
            return
        alignment = analysis.alignment
        data = {
            "stories": stories_data(alignment.stories),
            "story_of": [g.story for g in alignment.groups],
            "groups": [group_data(g) for g in alignment.groups],
            "quotes": [quote_data(q) for q in analysis.quotes],
            "discrepancies": [discrepancy_data(d) for d in alignment.discrepancies],
        }
        self.cache.put(key, dumps(data))
        self.cache.flush()

    @staticmethod
    def _key(corpus: Corpus) -> str | None:
        from tui.core.cache import FactCache, analysis_digest, article_digest  # noqa: PLC0415

        code = analysis_digest()
        if code is None:
            return None
        return FactCache.key("corpus", [code, *(article_digest(a) for a in corpus.articles)])


def _read_known(blob: str, corpus: Corpus) -> Analysis | None:
    from tui.core.codec import Damaged  # noqa: PLC0415 (start-up)

    # Hundreds of thousands of new objects that all live on, and few cycles: the
    # collector's passes over them only cost time (BASIL: 165 -> 138 ms).
    with collector_paused():
        try:
            return _decode_known(json.loads(blob), corpus)
        except (Damaged, ValueError, TypeError, KeyError, AttributeError, RecursionError):
            return None


def _decode_known(data: dict[str, Any], corpus: Corpus) -> Analysis | None:
    from tui.core.codec import decode_stories, in_story, story_from_parts  # noqa: PLC0415

    articles = {a.id: a for a in corpus.articles}
    if len(articles) != len(corpus.articles):
        return None
    stories = decode_stories(data["stories"], corpus)
    part = story_from_parts(data["groups"], data["quotes"], data["discrepancies"], articles)
    story_of = data["story_of"]
    if stories is None or not isinstance(story_of, list) or len(story_of) != len(part.groups):
        return None
    if not all(isinstance(s, int) and 0 <= s < len(stories) for s in story_of):
        return None
    groups = tuple(in_story(g, s) for g, s in zip(part.groups, story_of, strict=True))
    alignment = Alignment(groups, part.discrepancies, stories)
    return Analysis(corpus, alignment, part.quotes)


def _widen(pipe: int) -> None:
    """Let the pipe hold ``PIPE_BYTES`` (Linux; elsewhere, or past the system's limit, it
    keeps its 64 kB): a cached analysis (BASIL: 5 MB of frames) crosses in a few large
    reads instead of a hundred exchanges of 64 kB between the two processes."""
    setpipe = getattr(fcntl, "F_SETPIPE_SZ", None) if fcntl is not None else None
    if setpipe is not None:
        with contextlib.suppress(OSError):
            fcntl.fcntl(pipe, setpipe, PIPE_BYTES)


class AnalysisChild:
    """A forked process analysing a corpus; ``steps`` reads its progress and result."""

    def __init__(self, pid: int, pipe: int, go: int | None = None) -> None:
        self.pid = pid
        self._pipe = pipe
        self._go = go
        """The write end of the pipe the child waits on (None: it did not wait, or no more)."""
        self._reaped = False
        self._lock = threading.Lock()
        """Guards ``_go`` and ``_reaped``: :meth:`go` runs on the UI thread (the first paint)
        and :meth:`stop` on the reading worker's (the end of :meth:`steps`) or at quit. A
        pipe closed twice could close a file opened meanwhile under the same number; a
        child reaped twice, kill another process given its pid."""

    @classmethod
    def start(cls, session: Callable[[], Session], *, wait: float | None = None) -> AnalysisChild:
        """Fork now (call it while the process has one thread) and start the session; with
        ``wait``, its analysis proper waits for :meth:`go`, or that many seconds at most."""
        read, write = os.pipe()
        _widen(write)
        go_read, go_write = os.pipe() if wait is not None else (None, None)
        reader = os.getpid()
        pid = os.fork()
        if pid == 0:  # pragma: no cover (the child: covered through the pipe)
            os.close(read)
            if go_write is not None:
                os.close(go_write)
            _child(session, write, reader, None if go_read is None else (go_read, wait or 0.0))
        os.close(write)
        if go_read is not None:
            os.close(go_read)
        return cls(pid, read, go_write)

    def go(self) -> None:
        """Let a child started with ``wait`` analyse (safe to call again, or for any child):
        the reader calls it once its first screen is drawn (see :func:`_hold`)."""
        with self._lock:
            go, self._go = self._go, None
        if go is not None:
            os.close(go)  # End of file: the child's wait is over.

    def steps(self, corpus: Corpus | None = None) -> Session:
        """Progress (0..1) as the child reports it, the corpus it read (if it read one: at
        once, or with the analysis when that is right behind it), then its analysis, of
        the corpus it read or else of ``corpus``.

        ``corpus`` must hold the articles the child analyses (it may name their sources
        differently): the result refers to articles by id only. Closing the generator
        early stops the child.
        """
        of = corpus
        articles: list[Article] = []
        groups: list[Group] = []
        found: list[Discrepancy] = []
        quotes: list[Quote] = []
        stories: list[Story] = []
        parts: dict[bytes, list[Any]] = {
            b"a": articles,
            b"g": groups,
            b"d": found,
            b"q": quotes,
            b"s": stories,
        }
        fraction = 0.0
        # The corpus read and not handed over yet: a cached analysis comes right behind it,
        # and the reader then lays the articles out once, with the facts (not twice, the
        # articles alone first: two layouts of 25-30 ms as the analysis was being read).
        held: Corpus | None = None
        try:
            while True:
                frame = self._read_frame()
                if frame is None:
                    if held is not None:  # Nothing right behind: the articles, meanwhile.
                        yield held
                        held = None
                    yield fraction  # Nothing yet: the consumer may look for a cancel.
                    continue
                kind, payload = frame
                if kind == b"p":
                    (fraction,) = struct.unpack("!d", payload)
                    if held is not None and fraction < 1.0:  # Being analysed: not at once.
                        yield held
                        held = None
                    yield fraction
                elif kind in parts:
                    parts[kind].extend(_loads(payload))
                    yield fraction
                elif kind == b"f":
                    yield _first_screen(_loads(payload))
                elif kind == b"c":
                    of = held = Corpus(tuple(articles), tuple(_loads(payload)))
                    fraction = 0.0
                elif kind == b"r":
                    raise CorpusError(payload.decode("utf-8", "replace"))
                elif kind == b"e":
                    if held is not None:  # The articles are still worth reading.
                        yield held
                    raise AnalysisFailed(payload.decode("utf-8", "replace"))
                elif kind == b"k":
                    if held is not None:
                        yield held
                    break
                else:
                    raise AnalysisFailed(f"the analysis process sent an unknown frame {kind!r}")
        finally:
            self.stop()
            os.close(self._pipe)  # Here, in the thread that reads it, never under its feet.
        if of is None:
            raise AnalysisFailed("the analysis process sent no articles")
        alignment = Alignment(tuple(groups), tuple(found), tuple(stories))
        return Analysis(of, alignment, tuple(quotes))

    def stop(self) -> None:
        """End the child if it still runs, and reap it; safe to call again, from any thread."""
        self.go()
        with self._lock:
            if self._reaped:
                return
            self._reaped = True
            try:
                if os.waitpid(self.pid, os.WNOHANG) == (0, 0):
                    os.kill(self.pid, signal.SIGKILL)
                    os.waitpid(self.pid, 0)
            except ChildProcessError:
                pass

    def _read_frame(self) -> tuple[bytes, bytes] | None:
        """The next frame, or None when none came within ``POLL_S``."""
        ready, _, _ = select.select([self._pipe], [], [], POLL_S)
        if not ready:
            return None
        header = self._read_exactly(FRAME.size)
        kind, size = FRAME.unpack(header)
        return kind, self._read_exactly(size)

    def _read_exactly(self, size: int) -> bytes:
        chunks: list[bytes] = []
        while size > 0:
            chunk = os.read(self._pipe, min(size, 1 << 20))
            if not chunk:
                raise AnalysisFailed(f"the analysis process ended unexpectedly ({self._status()})")
            chunks.append(chunk)
            size -= len(chunk)
        return b"".join(chunks)

    def _status(self) -> str:
        with self._lock:  # The child closed the pipe: it is ending, this wait is short.
            if self._reaped:
                return "already reaped"
            try:
                _, status = os.waitpid(self.pid, 0)
            except ChildProcessError:
                return "already reaped"
            self._reaped = True
        if os.WIFSIGNALED(status):
            return f"killed by signal {os.WTERMSIG(status)}"
        return f"exit status {os.WEXITSTATUS(status)}"


def _child(  # pragma: no cover
    session: Callable[[], Session], pipe: int, reader: int, go: tuple[int, float] | None = None
) -> None:
    """Run the session and write it to ``pipe``; never returns. With ``go`` (a pipe, and
    seconds), once the reader closes its end of that pipe (or after those seconds) if the
    session must analyse (:func:`_hold`): what the cache holds is read and sent at once."""
    code = 1
    try:
        _die_with(reader)
        # The terminal belongs to the reader: nothing of the child may write to it.
        devnull = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(devnull, fd)
        # The screen first: on a busy machine the child yields the CPU to the reader.
        os.nice(NICENESS)
        if go is not None:
            _GO.append(go)
        # What the parent built is never garbage here: keep the collector off it. The
        # reader forks with the collector paused (its start-up): the analysis needs it.
        gc.freeze()
        gc.enable()
        with _QueuedPipe(pipe) as out:
            try:
                _send_session(out, session(), reader)
                code = 0
            except BrokenPipeError:
                code = 0  # The reader quit: nobody is waiting for the result.
            except CorpusError as error:  # No article could be read: the reader says why.
                _send(out, b"r", str(error).encode())
            except BaseException as error:  # Anything is reported, then the child exits.
                _send(out, b"e", f"{type(error).__name__}: {error}".encode())
    finally:
        os._exit(code)


class _Writable(Protocol):
    def write(self, data: bytes, /) -> object: ...
    def flush(self) -> object: ...


class _QueuedPipe:  # pragma: no cover (the child)
    """The child's end of the pipe, written by a thread: the child works on while the
    reader is not reading yet. Forked before the reader imports Textual, the child has the
    articles and a cached analysis ready by its first paint; blocked on a full pipe (64
    kB), it waited for the reader to drain the articles before reading the cache."""

    def __init__(self, fd: int) -> None:
        self._fd = fd
        self._queue: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        self._broken = False
        self._writer = threading.Thread(target=self._write_all, daemon=True)
        self._writer.start()

    def write(self, data: bytes) -> None:
        if self._broken:
            raise BrokenPipeError("the reader closed the pipe")
        self._queue.put(data)

    def flush(self) -> None:
        """Frames are written as the reader takes them: nothing to do here."""

    def __enter__(self) -> _QueuedPipe:
        return self

    def __exit__(self, *exc: object) -> None:
        self._queue.put(None)
        self._writer.join()
        os.close(self._fd)

    def _write_all(self) -> None:
        while (data := self._queue.get()) is not None:
            view = memoryview(data)
            try:
                while view:
                    view = view[os.write(self._fd, view) :]
            except OSError:  # The reader quit: what is left is not needed.
                self._broken = True
                return


def _die_with(reader: int) -> None:  # pragma: no cover (the child)
    """Ask the kernel to end the child with the reader, however the reader ends (a kill
    or the OOM killer give no chance to stop the child): Linux only; elsewhere the
    child notices at its next step that its parent changed."""
    with contextlib.suppress(OSError, AttributeError, ImportError):
        import ctypes  # noqa: PLC0415 (the child only)

        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != reader:
        os._exit(0)  # The reader ended before the request took effect.


def _send_session(out: _Writable, steps: Session, reader: int) -> None:
    shown = -1.0
    while True:
        if os.getppid() != reader:
            return  # Orphaned: the reader is gone, nobody waits for the result.
        try:
            step = next(steps)
        except StopIteration as stop:
            analysis: Analysis = stop.value
            break
        if isinstance(step, Corpus):
            _send_chunks(out, b"a", step.articles)
            _send(out, b"c", _dumps(step.warnings))
            shown = -1.0  # The analysis's progress starts again from 0.
            gc.freeze()  # The articles live as long as the child.
        elif not isinstance(step, (int, float)):  # The first screen, ahead of the rest.
            _send(out, b"f", _dumps(_first_parts(step)))
        elif step - shown >= 0.01:
            shown = step
            _send(out, b"p", struct.pack("!d", step))
    _send(out, b"p", struct.pack("!d", 1.0))
    alignment = analysis.alignment
    _send(out, b"s", _dumps(alignment.stories))
    for kind, items in ((b"g", alignment.groups), (b"d", alignment.discrepancies)):
        _send_chunks(out, kind, items)
    _send_chunks(out, b"q", analysis.quotes)
    _send(out, b"k", b"")


def _first_parts(first: FirstScreen) -> tuple[Any, ...]:
    """A first screen as the core's objects it holds (the reader rebuilds the lookups)."""
    analysis, alignment = first.analysis, first.analysis.alignment
    return (
        analysis.corpus.articles,
        alignment.groups,
        alignment.discrepancies,
        alignment.stories,
        analysis.quotes,
        first.totals,
        first.fingerprint,
    )


def _first_screen(parts: tuple[Any, ...]) -> FirstScreen:
    from tui.core.first_screen import FirstScreen  # noqa: PLC0415 (start-up: a cached folder)

    articles, groups, discrepancies, stories, quotes, totals, fingerprint = parts
    alignment = Alignment(groups, discrepancies, stories)
    return FirstScreen(Analysis(Corpus(articles), alignment, quotes), totals, fingerprint)


def _send_chunks(out: _Writable, kind: bytes, items: Sequence[object]) -> None:
    for start in range(0, len(items), CHUNK):
        _send(out, kind, _dumps(items[start : start + CHUNK]))


def _send(out: _Writable, kind: bytes, payload: bytes) -> None:
    out.write(FRAME.pack(kind, len(payload)) + payload)
    out.flush()


def _fields_reducer(cls: type) -> Callable[[Any], tuple[type, tuple[Any, ...]]]:
    names = [f.name for f in dataclasses.fields(cls)]
    # One C call gives the fields' tuple: a generator per object made pickling a cached
    # BASIL analysis (55,000 objects) take 71 ms in the analysis process, now 25.
    fields = operator.attrgetter(*names)
    if len(names) == 1:
        return lambda item: (cls, (fields(item),))
    return lambda item: (cls, fields(item))


_REDUCERS: dict[type, Any] = {
    cls: _fields_reducer(cls)
    for cls in vars(models).values()
    if isinstance(cls, type)
    and dataclasses.is_dataclass(cls)
    and all(f.init for f in dataclasses.fields(cls))
}
"""The core's objects pickled as their class and fields, rebuilt by one constructor call:
half the time of the default (which restores a frozen, slotted dataclass field by field)."""


def _dumps(items: object) -> bytes:
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = copyreg.dispatch_table | _REDUCERS
    pickler.dump(items)
    return buffer.getvalue()


def _loads(payload: bytes) -> Any:
    """A frame's items; the collector waits meanwhile (each frame is thousands of new
    objects that live as long as the reader: collecting them only costs time)."""
    with collector_paused():
        return pickle.loads(payload)
