"""Loading articles from files and folders into a :class:`Corpus`.

Bad input never raises anything but :class:`CorpusError`, whose message is one line
fit for stderr; with several inputs, unusable files become warnings and the rest load.
Finding and reading files needs none of the parsing (segmentation, web pages, hashing):
the reader does only that before its first frame, and those are imported where used.
"""

from __future__ import annotations

import codecs
import os
import stat
from collections.abc import Generator, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, Protocol
from urllib.parse import urlsplit

from tui.core.models import Article, Corpus, Sentence
from tui.core.progress import drain
from tui.core.text.html import HTML_SUFFIXES
from tui.core.text.sanitize import display_name, sanitize, sanitize_line
from tui.core.text.web import is_url

if TYPE_CHECKING:
    from tui.core.text.segment import Block

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", *HTML_SUFFIXES)
ASSET_FOLDER_SUFFIX = "_files"
"""A browser's "save page" puts images and scripts in ``<page>_files/``: never articles."""
MAX_ARTICLE_BYTES = 2_000_000
"""News articles are tens of kilobytes; anything this large is not one."""
NOT_REGULAR = "not a regular file (a device, pipe or socket)"
"""Why a FIFO, device or socket named like an article is not read (it could block or never end)."""
MAX_FOLDER_DEPTH = 64
"""Folders nested deeper than this under a given folder are not searched (and said so)."""

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class CorpusError(Exception):
    """An input that cannot be used; the message is one line for the user."""


@dataclass(frozen=True, slots=True)
class _Source:
    path: Path
    article_id: str


def bundled_seeds() -> Path:
    """The folder of seed articles shipped with the package (or the repo's ``seeds/``)."""
    packaged = Path(__file__).resolve().parents[2] / "seeds"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "seeds"


@dataclass(frozen=True, slots=True)
class ArticleFile:
    """A file found and read but not parsed yet, or why it could not be read."""

    path: Path
    article_id: str
    data: bytes = b""
    error: str | None = None
    """The one-line reason the file could not be read (then ``data`` is empty)."""


@dataclass(frozen=True, slots=True)
class Sources:
    """What to load: the files found and read, and the links to fetch.

    Finding and reading files is cheap; parsing them (Markdown, segmentation) and
    fetching links is not. The reader does the first before its screen appears, so a
    wrong path is still one line and exit 1, and the rest where it cannot block keys.
    """

    files: tuple[ArticleFile, ...]
    urls: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    """What finding the files had to skip (a missing path, folders nested too deep)."""
    refresh: bool = False
    """Fetch links again instead of reading them from the page cache."""

    def skipped(self) -> list[str]:
        """The warnings known before parsing: what finding and reading the files skipped."""
        return [*self.warnings, *(f"skipped {f.error}" for f in self.files if f.error)]


class ParsedBefore(Protocol):
    """Articles parsed before, by file: what :func:`load_steps` need not parse again."""

    def get(self, file: ArticleFile) -> tuple[Article, list[str]] | None:
        """The article and the warnings its parsing gave, or None."""

    def put(self, file: ArticleFile, article: Article, warnings: Sequence[str]) -> None:
        """Keep a parsed article and its warnings."""


def load_corpus(paths: Sequence[str | Path] = (), *, refresh: bool = False) -> Corpus:
    """Load files and folders of articles, and links; no paths means the seeds.

    Files are ``.txt``, ``.md`` and saved web pages (``.html``); an ``http(s)://``
    argument is fetched (or read from the cache; ``refresh`` fetches again).
    """
    return drain(load_steps(find_sources(paths, refresh=refresh)))


def find_sources(paths: Sequence[str | Path] = (), *, refresh: bool = False) -> Sources:
    """Find and read the files (no paths: the seeds) and note the links; ``CorpusError``
    when nothing at all can be read, with the message :func:`load_corpus` gives."""
    warnings: list[str] = []
    urls = [str(p) for p in paths if isinstance(p, str) and is_url(p)]
    files = [Path(p) for p in paths if not (isinstance(p, str) and is_url(p))]
    found: list[ArticleFile] = []
    if files or not urls:
        try:
            sources = _discover(files or [bundled_seeds()], warnings)
        except CorpusError as error:
            if not urls:
                raise
            sources = []
            warnings.append(f"skipped {error}")
        for source in sources:
            try:
                data = _read_regular_file(source.path)
                if not data.strip():  # As cheap as reading: said before the reader opens.
                    raise CorpusError(_empty(_shown(source.path)))
            except CorpusError as error:
                found.append(ArticleFile(source.path, source.article_id, error=str(error)))
            else:
                found.append(ArticleFile(source.path, source.article_id, data))
    if not urls and all(f.error is not None for f in found):
        _no_articles([*warnings, *(f"skipped {f.error}" for f in found)])
    return Sources(tuple(found), tuple(urls), tuple(warnings), refresh)


def load_steps(
    sources: Sources, parsed: ParsedBefore | None = None
) -> Generator[float, None, Corpus]:
    """Parse the files and fetch the links, yielding progress (0..1); ``CorpusError``
    when no article is left. ``parsed`` gives articles parsed before from the same bytes."""
    warnings = list(sources.warnings)
    articles: list[Article] = []
    total = max(1, len(sources.files) + len(sources.urls))
    for done, file in enumerate(sources.files, 1):
        if file.error is not None:
            warnings.append(f"skipped {file.error}")
            continue
        known = parsed.get(file) if parsed is not None else None
        if known is not None:
            articles.append(known[0])
            warnings.extend(known[1])
            continue
        own: list[str] = []
        try:
            article = parse_article(file, own)
        except CorpusError as error:
            warnings.extend(own)
            warnings.append(f"skipped {error}")
            continue
        warnings.extend(own)
        articles.append(article)
        if parsed is not None:
            parsed.put(file, article, own)
        yield done / total
    from tui.core.text.web import FetchError  # noqa: PLC0415 (start-up, as the module says)

    used = {a.id for a in articles}
    for done, url in enumerate(sources.urls, len(sources.files) + 1):
        try:
            article = load_url(url, refresh=sources.refresh)
        except (CorpusError, FetchError) as error:
            warnings.append(f"skipped {error}")
            continue
        article_id, n = article.id, 2
        while article_id in used:
            article_id, n = f"{article.id}-{n}", n + 1
        used.add(article_id)
        articles.append(replace(article, id=article_id))
        yield done / total
    if not articles:
        _no_articles(warnings)
    return Corpus(tuple(articles), tuple(warnings))


def _no_articles(warnings: Sequence[str]) -> NoReturn:
    problems = [w.removeprefix("skipped ") for w in warnings]
    if len(problems) == 1:
        raise CorpusError(problems[0])
    raise CorpusError(f"no usable articles ({len(problems)} inputs refused: {problems[0]}; ...)")


def parse_article(file: ArticleFile, warnings: list[str] | None = None) -> Article:
    """Decode, parse and segment a file already read."""
    path = file.path
    text, warning = decode_text(file.data, _shown(path))
    if warning and warnings is not None:
        warnings.append(warning)
    # Sanitised before Markdown too: YAML refuses a raw ESC, and would drop the metadata.
    text = sanitize(text)
    meta: dict[str, str] = {}
    blocks = None
    if path.suffix.lower() in HTML_SUFFIXES:
        return _page_article(file.data, file.article_id, str(path), _shown(path))
    if path.suffix.lower() in (".md", ".markdown"):
        # Imported on first use: markdown-it and PyYAML cost ~0.1 s of start-up on .txt.
        from tui.core.text.markdown import render_markdown  # noqa: PLC0415

        rendered = render_markdown(text)
        text, blocks, meta = rendered.text, rendered.blocks, rendered.meta
        if warnings is not None:
            warnings.extend(f"{_shown(path)}: {problem}" for problem in rendered.problems)
    if not text.strip():
        raise CorpusError(
            f"{_shown(path)}: no article text (only front matter, markup or code blocks)"
        )
    article = article_from_text(file.article_id, text, path=str(path), blocks=blocks, meta=meta)
    if not article.sentences:
        raise CorpusError(f"{_shown(path)}: no sentences found")
    return article


def load_url(url: str, *, refresh: bool = False) -> Article:
    """An article from a link: fetched or cached, its main text extracted."""
    from tui.core.text.web import fetch_page  # noqa: PLC0415 (start-up)

    page = fetch_page(url, refresh=refresh)
    return _page_article(page.body, _url_id(page.final_url), page.final_url, url)


def _page_article(page: bytes, article_id: str, where: str, shown: str) -> Article:
    """An article from a saved or fetched page: its main text and the page's metadata."""
    from tui.core.text.html import NoArticleText, extract_page  # noqa: PLC0415 (start-up)

    try:
        extracted = extract_page(page, url=where if is_url(where) else None)
    except NoArticleText as error:
        raise CorpusError(f"{shown}: {error}") from None
    except Exception as error:
        raise CorpusError(f"{shown}: not a readable web page ({type(error).__name__})") from None
    article = article_from_text(article_id, extracted.text, path=where, meta=extracted.meta)
    if not article.sentences:
        raise CorpusError(f"{shown}: no sentences found")
    return article


def _url_id(url: str) -> str:
    """``news.example.com/world/strike-depot``: host and path, without the scheme."""
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.")
    path = parts.path.strip("/")
    for suffix in HTML_SUFFIXES:
        path = path.removesuffix(suffix)
    return f"{host}/{path}" if path else host or url


def article_from_text(
    article_id: str,
    text: str,
    *,
    path: str | None = None,
    blocks: Sequence[Block] | None = None,
    meta: Mapping[str, str] | None = None,
) -> Article:
    """An article from text already in memory: sanitised, segmented, titled and dated.

    This is where every article's text enters: controls become placeholders here, one
    character for one, so ``blocks`` offsets still hold and every later offset is exact.
    """
    from tui.core.text.segment import segment  # noqa: PLC0415 (start-up)

    meta = {key: sanitize_line(value) for key, value in (meta or {}).items()}
    text = sanitize(text)
    seg = segment(text, blocks)
    article_id = display_name(article_id)
    return Article(
        id=article_id,
        path=display_name(path) if path else f"{article_id}.txt",
        title=meta.get("title") or _title(seg.sentences),
        date=meta.get("date") or seg.date,
        text=text,
        sentences=seg.sentences,
        paragraphs=seg.paragraphs,
        tweets=seg.tweets,
        source=meta.get("source"),
        url=meta.get("url"),
    )


def decode_text(data: bytes, shown: str) -> tuple[str, str | None]:
    """A file's bytes as text, and a warning if some were not valid UTF-8; ``CorpusError``
    for an empty or binary file (``shown`` names it)."""
    if not data.strip():
        raise CorpusError(_empty(shown))
    warning = None
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                raise CorpusError(
                    f"{shown}: not valid {encoding} despite its byte-order mark"
                ) from None
            break
    else:
        if b"\x00" in data[:8192]:
            raise CorpusError(f"{shown}: binary file, not text")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            text = data.decode("utf-8", errors="replace")
            bad = text.count("\ufffd")
            warning = (
                f"{shown}: invalid UTF-8 at byte {error.start}; "
                f"{bad} undecodable byte sequence(s) shown as \ufffd"
            )
    if _control_ratio(text) > 0.05:
        raise CorpusError(f"{shown}: binary file, not text")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise CorpusError(_empty(shown))
    return text, warning


def _read_regular_file(path: Path) -> bytes:
    """The bytes of a regular file, checked after opening (it may have been swapped)."""
    try:
        # O_NONBLOCK: opening a FIFO with no writer would otherwise wait forever.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except IsADirectoryError:
        raise CorpusError(f"{_shown(path)}: is a folder, not a file") from None
    except OSError as error:
        raise CorpusError(f"{_shown(path)}: cannot read ({error.strerror or error})") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise CorpusError(f"{_shown(path)}: is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise CorpusError(f"{_shown(path)}: {NOT_REGULAR}")
        if info.st_size > MAX_ARTICLE_BYTES:
            raise CorpusError(_too_large(_shown(path), info.st_size))
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        chunks: list[bytes] = []
        remaining = MAX_ARTICLE_BYTES + 1
        while remaining > 0:
            chunk = os.read(fd, min(remaining, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
    except OSError as error:
        raise CorpusError(f"{_shown(path)}: cannot read ({error.strerror or error})") from None
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > MAX_ARTICLE_BYTES:
        raise CorpusError(_too_large(_shown(path), len(data)))
    return data


def _empty(shown: str) -> str:
    return f"{shown}: file is empty"


def _too_large(shown: str, size: int) -> str:
    more = "more than " if size == MAX_ARTICLE_BYTES + 1 else ""
    return (
        f"{shown}: {more}{size / 1e6:.1f} MB is too large for a news article "
        f"(limit {MAX_ARTICLE_BYTES / 1e6:.0f} MB)"
    )


def _shown(path: Path | str) -> str:
    """A path as messages print it: one line, escaped, valid UTF-8."""
    return display_name(str(path))


def corpus_fingerprint(corpus: Corpus) -> str:
    """A short hash of the articles' ids and texts: tells bookmarks the corpus changed."""
    import hashlib  # noqa: PLC0415 (start-up: OpenSSL, 4 ms)

    digest = hashlib.sha256()
    for article in corpus.articles:
        # surrogatepass: an article built in memory may hold a lone surrogate.
        digest.update(article.id.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
        digest.update(article.text.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()[:16]


def _discover(paths: Iterable[Path], warnings: list[str]) -> list[_Source]:
    sources: list[_Source] = []
    missing: list[str] = []
    for path in paths:
        if path.is_dir():
            files = _article_files(path, warnings)
            if not files:
                missing.append(f"{_shown(path)}: folder has no .txt, .md or .html articles")
            for parts, name, suffix in files:
                # The path under the folder, without its suffix (Path.relative_to and
                # with_suffix, in strings: 300 files are found before the first paint).
                rel = "/".join((*parts, name[: -len(suffix)]))
                sources.append(_Source(path.joinpath(*parts, name), display_name(rel)))
        elif path.exists() or path.is_symlink():
            sources.append(_Source(path, display_name(path.stem)))
        else:
            missing.append(f"{_shown(path)}: no such file or folder")
    if missing and not sources:
        if len(missing) == 1:
            raise CorpusError(missing[0])
        raise CorpusError(f"nothing to read: {'; '.join(missing)}")
    warnings.extend(f"skipped {m}" for m in missing)
    return _unique_ids(sources)


def _article_files(root: Path, warnings: list[str]) -> list[tuple[tuple[str, ...], str, str]]:
    """Article files under a folder, found without recursion and at most 64 folders deep,
    in path order: each as its folders under ``root``, its name and its suffix.

    Symlinked folders are followed once each (a link back up cannot loop).
    """
    found: list[tuple[tuple[str, ...], str, str]] = []
    seen: set[tuple[int, int]] = set()
    too_deep = 0
    stack: list[tuple[str, tuple[str, ...]]] = [(str(root), ())]
    while stack:
        folder, parts = stack.pop()
        try:
            info = os.stat(folder)
            if (info.st_dev, info.st_ino) in seen:
                continue
            seen.add((info.st_dev, info.st_ino))
            with os.scandir(folder) as entries:
                listed = list(entries)
        except OSError as error:
            warnings.append(f"skipped {_shown(folder)}: cannot list ({error.strerror or error})")
            continue
        for entry in listed:
            name = entry.name
            try:
                if entry.is_dir():
                    if name.endswith(ASSET_FOLDER_SUFFIX):
                        continue
                    if len(parts) + 1 > MAX_FOLDER_DEPTH:
                        too_deep += 1
                    else:
                        stack.append((entry.path, (*parts, name)))
                elif (suffix := _suffix(name)).lower() in ARTICLE_SUFFIXES:
                    if entry.is_file():
                        found.append((parts, name, suffix))
                    else:  # A FIFO or a device named like an article: said, not silent.
                        warnings.append(f"skipped {_shown(entry.path)}: {NOT_REGULAR}")
            except OSError:
                continue
    if too_deep:
        warnings.append(
            f"skipped {too_deep} folder(s) nested more than {MAX_FOLDER_DEPTH} deep "
            f"under {_shown(root)}"
        )
    # The order of Path objects (part by part; case-blind where the system is).
    return sorted(found, key=lambda f: tuple(map(os.path.normcase, (*f[0], f[1]))))


def _suffix(name: str) -> str:
    """A file name's suffix, as ``Path.suffix`` gives it (``.md``; none for ``.md``)."""
    dot = name.rfind(".")
    return name[dot:] if 0 < dot < len(name) - 1 else ""


def _unique_ids(sources: list[_Source]) -> list[_Source]:
    """Two files given directly may share a stem: qualify them by their folder."""
    seen: dict[str, int] = {}
    for source in sources:
        seen[source.article_id] = seen.get(source.article_id, 0) + 1
    result = []
    used: set[str] = set()
    for source in sources:
        article_id = source.article_id
        if seen[article_id] > 1:
            article_id = f"{display_name(source.path.parent.name)}/{article_id}"
        base, n = article_id, 2
        while article_id in used:
            article_id, n = f"{base}-{n}", n + 1
        used.add(article_id)
        result.append(_Source(source.path, article_id))
    return result


_CONTROLS = tuple(chr(c) for c in range(32) if chr(c) not in "\n\r\t\f\v")
"""Control characters that no text file has (a binary file has many)."""


def _control_ratio(text: str) -> float:
    sample = text[:8192]
    if not sample:
        return 0.0
    return sum(map(sample.count, _CONTROLS)) / len(sample)  # Counted in C, not per character.


def _title(sentences: Sequence[Sentence]) -> str:
    """The first heading, else the start of the first sentence."""
    if not sentences:
        return ""
    for sentence in sentences[:3]:
        if sentence.kind == "heading":
            return sentence.text
    first = next((s for s in sentences if s.kind == "text"), sentences[0])
    words = first.text.split()
    return " ".join(words[:12]) + (" …" if len(words) > 12 else "")
