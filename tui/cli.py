"""The ``kursk-reader`` command line: the reader app, and JSON/table reports for scripts.

Exit codes: 0 success (also when the reader of the output goes away, as with ``| head``),
1 input error, unwritable output or a crash of the reader (one line on stderr, never a
traceback), 2 usage error (argparse), 130 interrupted.
"""

from __future__ import annotations

import argparse
import gc
import os
import stat
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui import __version__
from tui.core.collector import resume_collector
from tui.core.models import Corpus
from tui.core.text.corpus import CorpusError, Sources, find_sources, load_corpus
from tui.core.text.sanitize import display_name
from tui.core.text.web import is_url
from tui.errors import PROG, InputError, say

if TYPE_CHECKING:
    from tui.core.analysis import Analysis
    from tui.core.background import AnalysisChild
    from tui.core.cache import FactCache

REPORTS = ("sentences", "align", "discrepancies", "quotes")
COMMANDS = (*REPORTS, "match", "index", "bookmarks", "read")
SQLITE_MAGIC = b"SQLite format 3\x00"
"""The first bytes of every SQLite file: a PATH that starts so is read as an index."""
READER_FPS = 120
"""Frames a second the reader may draw (Textual's default: 60). Textual draws a frame
period after the screen falls idle, so each step of a change (panes mounted, laid out,
drawn) waits that long: a cached folder's first story was usable 20 ms later at 60."""


def build_parser() -> argparse.ArgumentParser:
    """The full parser: ``read`` is the default command when none is named."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        description=(
            "Compare news reports of one event: aligned facts, conflicting numbers, "
            "name variants and who said what. With no command, opens the reader on "
            "PATHs (files or folders of .txt, .md or saved .html articles, or http(s) links) "
            "or on the bundled corpus."
        ),
        epilog="Run 'kursk-reader COMMAND --help' for a command's options.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    read = commands.add_parser("read", help="open the reader app (the default)")
    _add_paths(read)

    helps = {
        "sentences": "print each article's segmentation",
        "align": "print the facts aligned across articles",
        "discrepancies": "print where the sources disagree",
        "quotes": "print direct quotes and their speakers",
    }
    for name in REPORTS:
        report = commands.add_parser(name, help=helps[name], description=helps[name].capitalize())
        report.add_argument("--json", action="store_true", help="print JSON instead of a table")
        if name in ("align", "discrepancies"):
            report.add_argument(
                "--jobs",
                type=int,
                metavar="N",
                help="align stories in N processes (default: the cores, for 2,000 sentences or more)",
            )
        _add_paths(report)

    match = commands.add_parser(
        "match",
        help="a sentence's possible matches in the other articles of its story",
        description="The likeliest sentences of each other article of the story, with "
        "the probability that each reports the same fact.",
    )
    match.add_argument("--json", action="store_true", help="print JSON instead of a table")
    match.add_argument("target", metavar="ARTICLE:SENTENCE", help="e.g. 000_853be78dae701b95:4")
    _add_paths(match)

    index = commands.add_parser(
        "index",
        help="analyse every story of an archive into one index file",
        description="Split the archive into stories and analyse each one as a task (on "
        "Dask when installed: pip install 'kursk-reader[scale]'; else local processes).",
    )
    index.add_argument("--out", required=True, metavar="INDEX", help="the index file to write")
    index.add_argument(
        "--scheduler", metavar="tcp://HOST:PORT", help="an existing Dask cluster's scheduler"
    )
    index.add_argument(
        "--jobs", type=int, metavar="N", help="workers (default: the cores; 0: one process)"
    )
    _add_paths(index)

    bookmarks = commands.add_parser("bookmarks", help="list, export or delete bookmarks")
    actions = bookmarks.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="list bookmarks")
    listing.add_argument("--json", action="store_true", help="print JSON instead of a table")
    export = actions.add_parser("export", help="export bookmarks as a fact-check memo or data")
    export.add_argument("--format", choices=("md", "json", "csv"), default="md")
    export.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    export.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="only the bookmarks on these articles (files, folders, as given to the reader)",
    )
    delete = actions.add_parser("delete", help="delete one bookmark")
    delete.add_argument("id", type=int, metavar="ID")
    return parser


READ_OPTIONS = ("--urls", "--refresh")
"""Options of the default command that may open the command line."""


def _add_paths(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="article files, folders or http(s):// links (default: bundled corpus)",
    )
    parser.add_argument(
        "--urls", metavar="FILE", help="read links from FILE, one a line (# comments skipped)"
    )
    parser.add_argument(
        "--refresh", action="store_true", help="fetch links again instead of using the cache"
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="analyse every story again instead of reusing the cached facts",
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or (
        args_list[0] not in COMMANDS
        and (not args_list[0].startswith("-") or args_list[0].split("=")[0] in READ_OPTIONS)
    ):
        args_list.insert(0, "read")
    elif args_list[0] == "--" and len(args_list) > 1:
        args_list[0] = "read"
    args = build_parser().parse_args(args_list)
    # The analysis makes millions of short-lived objects and few cycles: collecting the
    # youngest generation every 10,000 allocations instead of 700 saves 8-10% of its CPU
    # (align --json, 300 BASIL articles: 7.8 -> 7.2 s serial, 8.8 -> 7.9 s on 2 jobs).
    thresholds = gc.get_threshold()
    gc.set_threshold(10_000)
    collecting = gc.isenabled()
    if args.command == "read":
        # Up to the first paint (Textual's imports, the screen), the objects made all live
        # on: the collector is paused, then those are frozen (``_collect_from_paint``).
        gc.disable()
    try:
        code = _dispatch(args)
        sys.stdout.flush()  # Here, not at exit, so a full disk is reported like any error.
        return code
    except (CorpusError, InputError) as error:
        _error(str(error))
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        _discard_stdout()  # The reader of our output went away (``| head``): not an error.
        return 0
    except OSError as error:
        _discard_stdout()
        if error.filename is None:
            _error(f"cannot write output ({error.strerror or error})")
        else:
            _error(f"{display_name(str(error.filename))}: {error.strerror or error}")
        return 1
    finally:
        gc.set_threshold(*thresholds)  # A caller (a test, a script) keeps its own.
        if collecting:
            gc.enable()
        else:
            gc.disable()  # As it was (the first paint turns the collector on).


def _error(message: str) -> None:
    say("error", message)


def _discard_stdout() -> None:
    """Point standard output at /dev/null: what is still buffered cannot fail again at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # No real file descriptor (tests capture stdout).
        pass


def _dispatch(args: argparse.Namespace) -> int:
    if args.command == "bookmarks":
        from tui.reports.bookmarks import run_bookmarks  # noqa: PLC0415 (start-up)

        return run_bookmarks(args)
    if args.command != "index" and _index_of(args.paths) is not None:
        return _from_index(args)
    if args.command == "read":
        return _read(args)
    corpus = _load(args.paths, args.urls, refresh=args.refresh)
    if args.command == "index":
        from tui.reports.index import run_index  # noqa: PLC0415 (start-up)

        return run_index(corpus, args.out, scheduler=args.scheduler, jobs=args.jobs)
    if args.command == "match":
        return _match(corpus, args.target, as_json=args.json)
    return _report(args.command, corpus, args)


def _read(args: argparse.Namespace) -> int:
    """The reader: files found and read here (a wrong path is one line and exit 1), parsed
    and analysed after the screen paints, which says meanwhile that it is reading them;
    their warnings are printed when it closes. The analysis process is forked before
    Textual is imported: it parses the files and reads what the cache holds while the
    screen is built."""
    sources = find_sources(
        [*args.paths, *(_read_urls(args.urls) if args.urls else [])], refresh=args.refresh
    )
    child = _analysis_child(sources, cache=not args.no_cache)
    os.environ.setdefault("TEXTUAL_FPS", str(READER_FPS))  # Read as Textual is imported.
    try:
        from tui.app.app import run_app  # noqa: PLC0415 (start-up: Textual)

        return run_app(sources, cache=not args.no_cache, child=child, painted=_collect_from_paint)
    finally:
        if child is not None:
            child.stop()  # Quit before the analysis finished (or run_app never ran).


def _collect_from_paint() -> None:
    """The reader's first frame is drawn: what start-up made lives as long as the app, out
    of the collector's sight (frozen), and the collector runs again."""
    gc.freeze()
    resume_collector()  # Now, or when a frame being read meanwhile is read.


def _analysis_child(sources: Sources, *, cache: bool) -> AnalysisChild | None:
    """The reader's analysis process, forked now: while this process has one thread, and
    before Textual's imports (150 ms), so that it parses the files and reads the cache
    meanwhile, on the other core. None without ``fork`` (the reader then uses a thread)."""
    if not hasattr(os, "fork") or threading.active_count() != 1:
        return None
    from tui.core.background import GO_AT_LATEST, AnalysisChild, reader_session  # noqa: PLC0415

    return AnalysisChild.start(lambda: reader_session(sources, cache=cache), wait=GO_AT_LATEST)


def _index_of(paths: Sequence[str]) -> str | None:
    """The one PATH given, when it is an SQLite file (an index written by ``index``, or a
    foreign database that the index reader refuses with one clear line)."""
    if len(paths) != 1 or is_url(paths[0]):
        return None
    try:
        # Non-blocking, and only a regular file is read: a FIFO must not hang us here.
        fd = os.open(paths[0], os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except (OSError, ValueError):  # A missing file: the loader says what is wrong.
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        return paths[0] if os.read(fd, len(SQLITE_MAGIC)) == SQLITE_MAGIC else None
    except OSError:
        return None
    finally:
        os.close(fd)


def _from_index(args: argparse.Namespace) -> int:
    """The reader or a report on an index: its articles and analysis, nothing analysed."""
    from tui.reports.index import already, load_index  # noqa: PLC0415 (start-up)

    if args.urls:
        raise InputError("--urls cannot be added to an index")
    analysis = load_index(args.paths[0])
    if args.command == "read":
        os.environ.setdefault("TEXTUAL_FPS", str(READER_FPS))
        from tui.app.app import run_app  # noqa: PLC0415 (start-up: Textual)

        return run_app(
            analysis.corpus,
            analyse=already(analysis),
            in_child=False,
            painted=_collect_from_paint,
        )
    if args.command == "match":
        return _match(analysis.corpus, args.target, as_json=args.json)
    return _report(args.command, analysis.corpus, args, analysis)


def _match(corpus: Corpus, target: str, *, as_json: bool) -> int:
    from tui.reports import match  # noqa: PLC0415 (start-up: the aligner)

    if as_json:
        _write_json(match.to_json(corpus, target))
    else:
        from tui.reports.console import report_console  # noqa: PLC0415 (start-up: rich)

        match.print_table(corpus, target, report_console())
    return 0


def _load(paths: Sequence[str], urls_file: str | None = None, *, refresh: bool = False) -> Corpus:
    sources = [*paths, *(_read_urls(urls_file) if urls_file else [])]
    corpus = load_corpus(sources, refresh=refresh)
    _warn(corpus)
    return corpus


def _warn(corpus: Corpus) -> None:
    for warning in corpus.warnings:
        say("warning", warning)


def _cache(args: argparse.Namespace) -> FactCache | None:
    """The facts cache in the user cache folder, unless ``--no-cache``."""
    if getattr(args, "no_cache", False):
        return None
    from tui.core.cache import default_cache  # noqa: PLC0415 (start-up)

    return default_cache()


def _write_json(payload: Any) -> None:
    """One write of the whole document: ``json.dump`` writes piece by piece, which with
    ``PYTHONUNBUFFERED=1`` (set in many environments) is a million system calls."""
    from tui.reports.jsontext import dumps  # noqa: PLC0415 (start-up: rich)

    sys.stdout.write(dumps(payload) + "\n")


def _read_urls(path: str) -> list[str]:
    """One link a line; blank lines and ``#`` comments skipped."""
    try:
        lines = Path(path).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as error:
        raise InputError(f"{display_name(path)}: cannot read ({error.strerror or error})") from None
    urls = [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
    if not urls:
        raise InputError(f"{display_name(path)}: no links in the file")
    bad = [u for u in urls if not is_url(u)]
    if bad:
        raise InputError(f"{display_name(path)}: not an http(s) link: {display_name(bad[0])}")
    return urls


def _report(
    command: str, corpus: Corpus, args: argparse.Namespace, analysis: Analysis | None = None
) -> int:
    from tui.reports import ANALYSED, REPORTERS  # noqa: PLC0415 (start-up: rich, the core)

    reporter = REPORTERS[command]
    extra: dict[str, Any] = {}
    if analysis is not None and command in (*ANALYSED, "quotes"):
        extra["analysis"] = analysis
    elif command in ANALYSED:
        from tui.core.analysis import analyse, default_jobs  # noqa: PLC0415 (start-up)

        jobs = args.jobs if args.jobs is not None else default_jobs(corpus)
        extra["analysis"] = analyse(corpus, cache=_cache(args), jobs=jobs)
    elif command == "quotes":
        extra["cache"] = _cache(args)  # The stories analysed before give their quotes.
    if args.json:
        _write_json(reporter.to_json(corpus, **extra))
    else:
        from tui.reports.console import report_console  # noqa: PLC0415 (start-up: rich)

        reporter.print_table(corpus, report_console(), **extra)
    return 0
