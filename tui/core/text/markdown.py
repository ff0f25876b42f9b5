"""Markdown articles rendered to readable prose with markdown-it-py.

Front matter becomes metadata, headings and paragraphs become blocks, inline markup
is dropped and links keep their text. Code blocks are left out: they are not reporting. Blocks are joined by blank lines so that the
segmenter can address them by offset.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from tui.core.text.sanitize import sanitize_line
from tui.core.text.segment import Block

_PARSER = MarkdownIt("commonmark").use(front_matter_plugin)
_TAG = re.compile(r"<[^>]+>")
_METADATA_KEYS = ("title", "date", "source", "url")
MAX_FRONT_MATTER_CHARS = 16_000
"""Front matter is a few lines of metadata; a longer block is ignored, not parsed."""
MAX_FRONT_MATTER_DEPTH = 16
"""Nesting beyond this (a title inside 5,000 lists) is refused before it can recurse."""
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"


@dataclass(frozen=True, slots=True)
class Rendered:
    """A Markdown article as readable text, with what its front matter said."""

    text: str
    blocks: list[Block]
    meta: dict[str, str]
    problems: list[str] = field(default_factory=list)
    """Front matter that was ignored or kept as written, one line each."""


class _FrontMatterLoader(yaml.SafeLoader):
    """Safe YAML without aliases (an alias bomb expands to gigabytes), without deep nesting,
    and with dates kept as the text written (``2024-02-31`` is not a date but is a value)."""

    yaml_implicit_resolvers = {  # noqa: RUF012 (PyYAML's own class attribute)
        first: [(tag, regexp) for tag, regexp in resolvers if tag != _TIMESTAMP_TAG]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            raise yaml.YAMLError("aliases are not allowed in front matter")
        self._depth += 1
        try:
            if self._depth > MAX_FRONT_MATTER_DEPTH:
                raise yaml.YAMLError(f"nested more than {MAX_FRONT_MATTER_DEPTH} deep")
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def render_markdown(source: str) -> Rendered:
    """Readable text, its blocks, and the front-matter metadata of a Markdown article."""
    tokens = _PARSER.parse(source)
    meta: dict[str, str] = {}
    problems: list[str] = []
    parts: list[str] = []
    blocks: list[Block] = []
    offset = 0

    def add(text: str, kind: str) -> None:
        nonlocal offset
        text = " ".join(text.split())
        if not text:
            return
        if parts:
            parts.append("\n\n")
            offset += 2
        parts.append(text)
        blocks.append(Block(offset, offset + len(text), "heading" if kind == "heading" else "text"))
        offset += len(text)

    for i, token in enumerate(tokens):
        if token.type == "front_matter":
            meta = _front_matter(token.content, problems)
        elif token.type == "inline":
            parent = tokens[i - 1].type if i else ""
            add(
                _inline_text(token.children or []),
                "heading" if parent == "heading_open" else "text",
            )
        elif token.type == "html_block":
            add(_TAG.sub(" ", token.content), "text")
    return Rendered("".join(parts), blocks, meta, problems)


def _inline_text(children: list[Token]) -> str:
    out: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline"):
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append(" ")
        elif child.type == "image":
            out.append(_inline_text(child.children or []))
    return "".join(out)


def _front_matter(content: str, problems: list[str]) -> dict[str, str]:
    """The metadata keys of the front matter; anything unusable is a problem, not an error."""
    if len(content) > MAX_FRONT_MATTER_CHARS:
        problems.append(
            f"front matter ignored: {len(content):,} characters (limit {MAX_FRONT_MATTER_CHARS:,})"
        )
        return {}
    try:
        data: Any = yaml.load(content, Loader=_FrontMatterLoader)
    except (yaml.YAMLError, ValueError, TypeError, RecursionError) as error:
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        # PyYAML quotes the offending character, which may be an escape: sanitised.
        problems.append(f"front matter ignored: {sanitize_line(reason)}")
        return {}
    if not isinstance(data, dict):
        return {}
    meta: dict[str, str] = {}
    for key in _METADATA_KEYS:
        value = data.get(key)
        if value is None or value == "":
            continue
        if isinstance(value, bool) or not isinstance(value, str | int | float | date):
            problems.append(f"front matter {key!r} ignored: not a single value")
            continue
        meta[key] = str(value).strip()
    if "date" in meta and not _is_date(meta["date"]):
        problems.append(f"front matter date {meta['date']!r} is not a valid date; kept as text")
    return meta


def _is_date(text: str) -> bool:
    """True for a real calendar date, with or without a time (``2024-02-31`` is not)."""
    if not re.match(r"\d{4}-\d{1,2}-\d{1,2}", text):
        return True  # "August 7, 2024" and the like: free text, not ours to judge.
    try:
        datetime.fromisoformat(text.replace(" ", "T", 1) if " " in text else text)
    except ValueError:
        try:
            date.fromisoformat(text[:10])
        except ValueError:
            return False
        return len(text) > 10  # A valid day with a time Python cannot parse.
    return True
