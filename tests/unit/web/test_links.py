"""Links as articles: fetched from a local server, cached, and every failure one line.

A server on 127.0.0.1 stands in for the web (the tests never need the network).
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.unit.web.pages import STRIKE, news_page
from tui.cli import main
from tui.core.text import web
from tui.core.text.corpus import find_sources, load_corpus, load_steps
from tui.core.text.web import FetchError, fetch_page

SEEN_AGENTS: list[str] = []


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        SEEN_AGENTS.append(self.headers.get("User-Agent", ""))
        if self.path == "/old":
            self.send_response(301)
            self.send_header("Location", "/world/strike")
            self.end_headers()
            return
        routes = {
            "/world/strike": ("text/html; charset=utf-8", news_page("Strike", STRIKE).encode()),
            "/doc.pdf": ("application/pdf", b"%PDF-1.4 fake"),
            "/empty": ("text/html", b"<html><body><nav>Home</nav></body></html>"),
        }
        if self.path == "/slow":
            time.sleep(1.5)
        if self.path not in routes:
            self.send_response(404)
            self.end_headers()
            return
        kind, body = routes[self.path]
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[ThreadingHTTPServer]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(autouse=True)
def _cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(web.CACHE_DIR_ENV, str(folder))
    return folder


def _url(server: ThreadingHTTPServer, path: str) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}{path}"


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_a_link_is_fetched_extracted_and_named(
    server: ThreadingHTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    url = _url(server, "/world/strike")
    assert main(["sentences", "--json", url]) == 0
    article = json.loads(capsys.readouterr().out)["articles"][0]
    assert article["source"] == "The Daily Example"
    assert article["url"] == "https://daily.example.com/world/strike"
    assert article["date"] == "2024-08-11"
    assert any("76,000" in s["text"] for s in article["sentences"])
    assert SEEN_AGENTS and SEEN_AGENTS[-1].startswith("kursk-reader/")


def test_the_second_run_reads_the_cache_offline(server: ThreadingHTTPServer) -> None:
    url = _url(server, "/world/strike")
    first = load_corpus([url]).articles[0]
    server.shutdown()
    server.server_close()
    again = load_corpus([url]).articles[0]
    assert again.text == first.text and again.id == first.id
    with pytest.raises(Exception, match="cannot connect"):
        load_corpus([url], refresh=True)


def test_redirects_are_followed(server: ThreadingHTTPServer) -> None:
    page = fetch_page(_url(server, "/old"))
    assert page.final_url.endswith("/world/strike") and not page.cached


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/missing", "HTTP 404"),
        ("/doc.pdf", "not a web page (application/pdf)"),
        ("/empty", "no article text"),
    ],
)
def test_bad_links_are_one_line_naming_the_link_and_exit_1(
    server: ThreadingHTTPServer, path: str, reason: str, capsys: pytest.CaptureFixture[str]
) -> None:
    url = _url(server, path)
    assert main(["sentences", url]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and url in err and reason in err


def test_a_refused_connection(capsys: pytest.CaptureFixture[str]) -> None:
    url = f"http://127.0.0.1:{_closed_port()}/x"
    assert main(["align", url]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot connect" in err


def test_a_slow_server_times_out(server: ThreadingHTTPServer) -> None:
    with pytest.raises(FetchError, match="timed out"):
        fetch_page(_url(server, "/slow"), timeout=0.3)


def test_a_page_over_the_size_limit(
    server: ThreadingHTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(web, "MAX_PAGE_BYTES", 500)
    with pytest.raises(FetchError, match="over the size limit"):
        fetch_page(_url(server, "/world/strike"))


def test_files_folders_and_links_mix_and_bad_ones_are_skipped(
    server: ThreadingHTTPServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    saved = tmp_path / "saved.html"
    saved.write_text(news_page("Saved", STRIKE[1:]), encoding="utf-8")
    links = tmp_path / "links.txt"
    links.write_text(
        f"# reading list\n\n{_url(server, '/world/strike')}\n{_url(server, '/missing')}\n"
    )
    assert main(["sentences", "--json", str(saved), "--urls", str(links)]) == 0
    captured = capsys.readouterr()
    out = json.loads(captured.out)
    assert [a["id"] for a in out["articles"]] == ["saved", "127.0.0.1/world/strike"]
    assert captured.err.count("\n") == 1 and "HTTP 404" in captured.err


def test_progress_counts_each_file_and_link_once(
    server: ThreadingHTTPServer, tmp_path: Path
) -> None:
    files = [tmp_path / "a.txt", tmp_path / "b.txt"]
    for file in files:
        file.write_text("Officials said 76,000 people left.\n")
    links = [_url(server, "/world/strike"), _url(server, "/old")]
    progress = list(load_steps(find_sources([*map(str, files), *links])))
    assert progress == [0.25, 0.5, 0.75, 1.0]  # Not at 100% while a link is still fetched.


def test_a_urls_file_without_links(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "links.txt"
    empty.write_text("# nothing yet\n\n")
    assert main(["sentences", "--urls", str(empty)]) == 1
    assert "no links" in capsys.readouterr().err
