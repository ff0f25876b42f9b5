"""Articles given as links: fetched once, cached, read offline afterwards.

The raw page is kept in the user cache folder (platformdirs), keyed by the URL, so a
second run gives the same text without the network; ``refresh`` fetches again. Every
failure (an HTTP error, a timeout, a refused connection, a page that is not HTML, one
over the size limit) is a :class:`FetchError` whose message is one line naming the URL
and the reason.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from tui import __version__

CACHE_DIR_ENV = "KURSK_READER_CACHE_DIR"
TIMEOUT = 15.0
"""Seconds to connect, and between two bytes of the answer."""
MAX_PAGE_BYTES = 5_000_000
"""A news page with its markup is a few hundred kilobytes; a larger one is not one."""
USER_AGENT = (
    f"kursk-reader/{__version__} (news comparison reader; +https://pypi.org/project/kursk-reader/)"
)
HTML_TYPES = ("text/html", "application/xhtml+xml")


class FetchError(Exception):
    """A link that could not be read; the message is one line for the user."""


@dataclass(frozen=True, slots=True)
class Page:
    """A fetched (or cached) page."""

    url: str
    """The URL asked for."""
    final_url: str
    """Where redirects ended: the page's own address."""
    body: bytes
    cached: bool


def is_url(text: str) -> bool:
    """An ``http://`` or ``https://`` argument, not a path."""
    return text.lower().startswith(("http://", "https://"))


def cache_root() -> Path:
    """The user cache folder of kursk-reader (``KURSK_READER_CACHE_DIR`` overrides, for tests)."""
    override = os.environ.get(CACHE_DIR_ENV)
    if override:
        return Path(override)
    from platformdirs import user_cache_dir  # noqa: PLC0415 (start-up)

    return Path(user_cache_dir("kursk-reader"))


def cache_dir() -> Path:
    """Where fetched pages are kept."""
    return cache_root() / "pages"


def fetch_page(url: str, *, refresh: bool = False, timeout: float = TIMEOUT) -> Page:
    """The page at ``url``, from the cache unless ``refresh`` (then cached again)."""
    import hashlib  # noqa: PLC0415 (start-up: OpenSSL; the reader needs only is_url first)

    key = hashlib.sha256(url.encode("utf-8")).hexdigest()[:32]
    body_file, meta_file = cache_dir() / f"{key}.html", cache_dir() / f"{key}.json"
    if not refresh:
        try:
            meta = json.loads(meta_file.read_text(encoding="utf-8"))
            if meta.get("url") == url:
                return Page(url, str(meta.get("final_url") or url), body_file.read_bytes(), True)
        except (OSError, ValueError):
            pass  # Not cached, or a damaged entry: fetched again.
    final_url, body = _download(url, timeout)
    _store(body_file, body)
    _store(meta_file, json.dumps({"url": url, "final_url": final_url}).encode("utf-8"))
    return Page(url, final_url, body, False)


def _download(url: str, timeout: float) -> tuple[str, bytes]:
    import httpx  # noqa: PLC0415 (start-up)

    headers = {"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml"}
    try:
        with (
            httpx.Client(follow_redirects=True, timeout=timeout, headers=headers) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code >= 400:
                phrase = response.reason_phrase or "error"
                raise FetchError(f"{url}: HTTP {response.status_code} {phrase}")
            kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
            if kind and kind not in HTML_TYPES:
                raise FetchError(f"{url}: not a web page ({kind})")
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > MAX_PAGE_BYTES:
                raise FetchError(f"{url}: {_megabytes(int(declared))} is over the size limit")
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                chunks.append(chunk)
                size += len(chunk)
                if size > MAX_PAGE_BYTES:
                    raise FetchError(
                        f"{url}: more than {_megabytes(MAX_PAGE_BYTES)}, over the size limit"
                    )
            return str(response.url), b"".join(chunks)
    except httpx.TimeoutException:
        raise FetchError(f"{url}: timed out after {timeout:g} s") from None
    except httpx.ConnectError as error:
        raise FetchError(f"{url}: cannot connect ({_reason(error)})") from None
    except httpx.TooManyRedirects:
        raise FetchError(f"{url}: too many redirects") from None
    except httpx.InvalidURL as error:
        raise FetchError(f"{url}: not a valid URL ({error})") from None
    except httpx.HTTPError as error:
        raise FetchError(f"{url}: {_reason(error)}") from None


def _reason(error: Exception) -> str:
    text = " ".join(str(error).split()) or type(error).__name__
    return text[:120]


def _megabytes(size: int) -> str:
    return f"{size / 1e6:.1f} MB"


def _store(path: Path, data: bytes) -> None:
    """Write atomically: a crash leaves the old entry or none, never half a page."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
