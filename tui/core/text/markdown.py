"""Markdown articles rendered to readable prose with markdown-it-py.

Front matter becomes metadata, headings and paragraphs become blocks, inline markup
is dropped and links keep their text. Code blocks are left out: they are not reporting. Blocks are joined by blank lines so that the
segmenter can address them by offset.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from tui.core.text.segment import Block

_PARSER = MarkdownIt("commonmark").use(front_matter_plugin)
_TAG = re.compile(r"<[^>]+>")
_METADATA_KEYS = ("title", "date", "source", "url")


def render_markdown(source: str) -> tuple[str, list[Block], dict[str, str]]:
    """Readable text, its blocks, and the front-matter metadata of a Markdown article."""
    tokens = _PARSER.parse(source)
    meta: dict[str, str] = {}
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
            meta = _front_matter(token.content)
        elif token.type == "inline":
            parent = tokens[i - 1].type if i else ""
            add(
                _inline_text(token.children or []),
                "heading" if parent == "heading_open" else "text",
            )
        elif token.type == "html_block":
            add(_TAG.sub(" ", token.content), "text")
    return "".join(parts), blocks, meta


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


def _front_matter(content: str) -> dict[str, str]:
    try:
        data: Any = yaml.safe_load(content)
    except yaml.YAMLError:
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: str(data[k]).strip() for k in _METADATA_KEYS if data.get(k) not in (None, "")}
