"""Property: whatever control characters an article or a note holds, none reaches any output
of the command line or any export (newline and tab aside), and offsets stay exact."""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.cli import main
from tui.core.bookmarks.store import Anchor, BookmarkDraft, MarkedValue, open_store
from tui.core.text.sanitize import sanitize

UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_CONTROLS = [chr(c) for c in (*range(0x20), *range(0x7F, 0xA0))]
_BIDI = list("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_WORDS = ["The", "ministry", "said", "76,000", "people", "fled", ".", "\n", " ", '"', "“", "”"]
_PIECES = st.one_of(
    st.sampled_from(_WORDS),
    st.sampled_from(_CONTROLS + _BIDI),
    st.sampled_from(["\x1b]52;c;cHduZWQ=\x1b\\", "\x1b[2J", "\x1b]0;t\x07", "\x1b[201~", "\x9b"]),
)
_TEXT = st.lists(_PIECES, min_size=3, max_size=60).map(" ".join)

_SETTINGS = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _outputs(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    _, out, err = _run(capsys, *argv)
    return out + err


@_SETTINGS
@given(first=_TEXT, second=_TEXT)
def test_no_control_reaches_report_output_and_offsets_stay_exact(
    capsys: pytest.CaptureFixture[str], first: str, second: str
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        # Enough prose that the files are text (mostly controls would be refused as binary).
        prose = " The ministry said 76,000 people fled. Officials said “we left”." * 12
        raw = [first + prose, prose + second]
        for i, text in enumerate(raw):
            (Path(folder) / f"{i}.txt").write_text(text, encoding="utf-8")
        # Front matter and a file name carry them too (YAML may refuse some: a warning).
        front = f'---\ntitle: "{first}"\nsource: {second}\n---\n\n# {second}\n\n{prose}\n'
        name = "m" + "".join(c for c in first[:8] if c not in "/\x00") + ".md"
        (Path(folder) / name).write_text(front, encoding="utf-8")
        outputs = []
        for command in ("sentences", "align", "quotes", "discrepancies"):
            outputs.append(_outputs(capsys, command, folder))
            outputs.append(_outputs(capsys, command, "--json", folder))
        code, out, _ = _run(capsys, "sentences", "--json", folder)
    for output in outputs:
        assert not UNSAFE.findall(output)
    if code != 0:
        return  # Both files refused (binary, empty): the one-line error was checked above.
    sentences = json.loads(out)
    assert sentences["articles"]  # A file with a NUL byte is refused as binary, by design.
    for article in sentences["articles"]:
        if not article["path"].endswith(".txt"):
            continue  # Markdown: offsets are into the rendered text, checked in test_sanitize.
        original = raw[int(article["id"])].replace("\r\n", "\n").replace("\r", "\n")
        text = sanitize(original)
        for sentence in article["sentences"]:
            assert text[sentence["start"] : sentence["end"]] == sentence["text"]
            assert len(sentence["text"]) == sentence["end"] - sentence["start"]


@_SETTINGS
@given(note=_TEXT, label=_TEXT, quote=_TEXT)
def test_no_control_reaches_bookmark_listings_or_exports(
    capsys: pytest.CaptureFixture[str], note: str, label: str, quote: str
) -> None:
    store, _ = open_store()
    try:
        store.add(
            BookmarkDraft(
                kind="quote",
                target="q",
                label=label,
                anchors=(Anchor("a\x1b", 0, 0, len(quote), quote),),
                values=(MarkedValue("a\x1b", 0, quote[:5], "1"),),
                fingerprint="f" * 16,
                speaker=label,
                quote_text=quote,
            ).with_note(note, [label])
        )
    finally:
        store.close()
    outputs = [
        _outputs(capsys, "bookmarks", "list"),
        _outputs(capsys, "bookmarks", "list", "--json"),
    ]
    for fmt in ("md", "json", "csv"):
        outputs.append(_outputs(capsys, "bookmarks", "export", "--format", fmt))
    for output in outputs:
        assert not UNSAFE.findall(output)
