"""Public labelled sentence pairs for training a "same fact?" scorer: ECB+ and MSRP.

The data are not in the repo (licences, size). They live in a cache folder, ``/work/data``
by default or wherever ``KURSK_DATA`` points, laid out as::

    ecbplus/<topic>/<topic>_<n>ecb.xml, ecbplus/<topic>/<topic>_<n>ecbplus.xml
    ecbplus/ECBplus_coreference_sentences.csv
    msrp/msr_paraphrase_train.txt

Every loader returns ``None`` when its files are absent, so benchmarks and tests skip
instead of failing on machines without the cache.

ECB+ topics 36-45 are held out for the final evaluation: nothing here reads them, and asking
for them raises before any file is opened. Only the MSRP *training* file is ever read.

Run ``python -m bench.pair_data`` for counts.
"""

from __future__ import annotations

import csv
import itertools
import json
import os
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DATA_DIR = Path(os.environ.get("KURSK_DATA", "/work/data"))
"""Cache folder; read again by :func:`data_dir` so tests can point it elsewhere."""

LAST_DEV_TOPIC = 35
"""ECB+ topics above this are the held-out test split and must never be read."""

DEV_TOPICS = range(1, LAST_DEV_TOPIC + 1)
SUBTOPICS = ("ecb", "ecbplus")
ECB_LICENCE = "ECB+ corpus (Cybulska and Vossen 2014), CC BY 3.0"

_FILE_RE = re.compile(r"(\d+)_(\d+)(ecbplus|ecb)")


def data_dir() -> Path:
    """The cache folder; looks at ``KURSK_DATA`` at call time so tests may monkeypatch it."""
    return Path(os.environ.get("KURSK_DATA", str(DATA_DIR)))


@dataclass(frozen=True)
class PairExample:
    """One labelled sentence pair; ``group`` keeps related pairs in one cross-validation fold."""

    group: str
    a: str
    b: str
    label: int
    id_a: str = ""
    id_b: str = ""
    source: str = ""
    same_subtopic: bool | None = None
    """ECB+ only: both documents report the same seminal event (``None`` for MSRP)."""
    shared_chains: tuple[str, ...] = ()
    """ECB+ only: the action chains both sentences mention (why the label is 1)."""


@dataclass(frozen=True)
class EcbSentence:
    """An annotated ECB+ sentence and the cross-document action chains it mentions."""

    doc_id: str
    number: int
    text: str
    chains: frozenset[str]


@dataclass(frozen=True)
class EcbDoc:
    """One ECB+ document; ``annotated`` holds only the sentences listed in the CSV index."""

    topic: int
    subtopic: str
    doc_id: str
    sentences: tuple[str, ...]
    """Every sentence, index = the XML ``sentence`` number; empty when built from a fixture.
    In ``ecbplus`` documents sentence 0 is the source URL, not text."""
    annotated: tuple[EcbSentence, ...]

    @property
    def story(self) -> tuple[int, str]:
        """Gold story cluster: the two subtopics of a topic are different seminal events."""
        return (self.topic, self.subtopic)

    @property
    def body(self) -> str:
        """Running text without the URL line, for document-level (story clustering) use."""
        start = 1 if self.subtopic == "ecbplus" else 0
        return " ".join(s for s in self.sentences[start:] if s)


def check_topics(topics: Iterable[int]) -> list[int]:
    """Refuse held-out topics before anything is opened; the test split must stay unseen."""
    wanted = sorted(set(topics))
    bad = [t for t in wanted if not 1 <= t <= LAST_DEV_TOPIC]
    if bad:
        raise ValueError(f"ECB+ topics {bad} are outside 1-{LAST_DEV_TOPIC} (36-45 are held out)")
    return wanted


# --- detokenisation ---------------------------------------------------------------------------

_NO_SPACE_BEFORE = {".", ",", ";", ":", "!", "?", "%", ")", "]", "}", "...", "…", "n't"}
_NO_SPACE_AFTER = {"(", "[", "{", "$", "#"}
_OPEN_QUOTES = {"``": '"', "“": '"', "‘": "'"}
_CLOSE_QUOTES = {"''": '"', "”": '"'}
_CLITICS = {"s", "t", "m", "re", "ll", "d", "ve"}
_TIGHT_BETWEEN_WORDS = {"-", "/", "–"}


def detokenise(tokens: list[str]) -> str:
    """Join ECB+ tokens into readable text, so scorers see prose rather than ``Reid ’ s``.

    ECB+ mixes tokenisers: PTB quotes in ``ecb`` files, curly or straight ones in ``ecbplus``,
    and split apostrophes (``it ’ s``). Quotes come out straight; hyphens, slashes and en
    dashes between words join tight (``33-year-old``), since the token stream keeps no spacing.
    """
    toks = [t.strip() for t in tokens if t.strip()]
    out: list[str] = []
    glue = True  # no space before the next token
    open_quote = {'"': False, "'": False}  # straight quotes alternate open/close
    for i, tok in enumerate(toks):
        prev = toks[i - 1] if i else ""
        nxt = toks[i + 1] if i + 1 < len(toks) else ""
        apostrophe = tok in {"’", "'"}
        if apostrophe and prev[-1:].isalnum() and nxt in _CLITICS:  # it ’ s -> it's
            out.append("'")
            glue = True
        elif apostrophe and (tok == "’" or (prev.endswith("s") and not open_quote["'"])):
            out.append("'")  # closing quote, or the plural possessive in "players ' union"
            glue = False
        elif tok in _OPEN_QUOTES:
            out.append(("" if glue else " ") + _OPEN_QUOTES[tok])
            glue = True
        elif tok in _CLOSE_QUOTES:
            out.append(_CLOSE_QUOTES[tok])
            glue = False
        elif tok in open_quote:
            opening = not open_quote[tok]
            open_quote[tok] = opening
            out.append(("" if glue or not opening else " ") + tok)
            glue = opening
        elif tok in _TIGHT_BETWEEN_WORDS and prev[-1:].isalnum() and nxt[:1].isalnum():
            out.append(tok)
            glue = True
        elif prev.isdigit() and (
            (tok == ":" and nxt.isdigit()) or (tok == "," and re.match(r"\d{3}(?!\d)", nxt))
        ):
            out.append(tok)  # 10:30, 2,000 (split as "2 , 000")
            glue = True
        else:
            tight = glue or tok in _NO_SPACE_BEFORE or (tok.startswith("'") and len(tok) > 1)
            out.append(tok if tight else " " + tok)
            glue = tok in _NO_SPACE_AFTER
    return "".join(out)


# --- ECB+ ---------------------------------------------------------------------------------------


def _ecb_root(root: Path | None) -> Path | None:
    path = root if root is not None else data_dir() / "ecbplus"
    return path if path.is_dir() else None


def _doc_files(root: Path, topics: list[int]) -> Iterator[tuple[int, str, Path]]:
    """Files of the requested topics only; the topic filter runs on names, before any open."""
    for topic in topics:
        folder = root / str(topic)
        if not folder.is_dir():
            continue  # topics 15 and 17 do not exist in ECB+
        for path in sorted(folder.glob(f"{topic}_*.xml"), key=_doc_sort_key):
            match = _FILE_RE.fullmatch(path.stem)
            if match and int(match.group(1)) == topic:
                yield topic, match.group(3), path


def _doc_sort_key(path: Path) -> tuple[int, int, str]:
    match = _FILE_RE.fullmatch(path.stem)
    if not match:
        return (0, 0, path.stem)
    return (int(match.group(1)), int(match.group(2)), match.group(3))


def read_sentence_index(root: Path, topics: list[int]) -> dict[str, set[int]] | None:
    """Annotated sentence numbers per document (``1_10ecbplus``) from the CSV index.

    The CSV exists because mentions outside the selected sentences are only partly annotated;
    pairs drawn from other sentences would carry false negatives.
    """
    path = root / "ECBplus_coreference_sentences.csv"
    if not path.is_file():
        return None
    wanted = set(topics)
    index: dict[str, set[int]] = defaultdict(set)
    with path.open(newline="", encoding="utf-8-sig") as handle:
        for row in csv.reader(handle):
            if len(row) < 3 or not row[0].strip().isdigit():
                continue  # header
            topic = int(row[0])
            if topic in wanted:
                index[f"{topic}_{row[1].strip()}"].add(int(row[2]))
    return dict(index)


def parse_ecb_xml(
    path: Path, selected: set[int], *, negated: bool = False
) -> tuple[tuple[str, ...], dict[int, frozenset[str]]]:
    """Sentences of one file and, for the selected ones, their cross-doc action chains.

    A chain is the ``instance_id`` of a CROSS_DOC_COREF target. Whether it is an action is
    read from the target (instance) tag: the ECB+ README says the instance tag overrides a
    disagreeing mention tag (one such mention in topics 1-35). ``negated`` adds NEG_ACTION_*.
    """
    tree = ET.parse(path).getroot()
    tokens: dict[str, tuple[int, str]] = {}
    by_sentence: dict[int, list[str]] = defaultdict(list)
    for token in tree.iter("token"):
        number = int(token.get("sentence", "0"))
        text = token.text or ""
        tokens[token.get("t_id", "")] = (number, text)
        by_sentence[number].append(text)
    last = max(by_sentence, default=-1)
    sentences = tuple(detokenise(by_sentence.get(n, [])) for n in range(last + 1))

    markables: dict[str, ET.Element] = {}
    found = tree.find("Markables")
    for markable in found if found is not None else []:
        markables[markable.get("m_id", "")] = markable
    prefixes = ("ACTION_", "NEG_ACTION_") if negated else ("ACTION_",)
    chains: dict[int, set[str]] = {n: set() for n in selected if n in by_sentence}
    relations = tree.find("Relations")
    for relation in relations if relations is not None else []:
        if relation.tag != "CROSS_DOC_COREF":
            continue
        target_el = relation.find("target")
        target = markables.get(target_el.get("m_id", "")) if target_el is not None else None
        if target is None or not target.tag.startswith(prefixes):
            continue
        chain = target.get("instance_id") or relation.get("note") or ""
        if not chain:
            continue
        for source in relation.iter("source"):
            mention = markables.get(source.get("m_id", ""))
            if mention is None:
                continue
            for anchor in mention.iter("token_anchor"):
                number = tokens.get(anchor.get("t_id", ""), (-1, ""))[0]
                if number in chains:
                    chains[number].add(chain)
    return sentences, {n: frozenset(c) for n, c in sorted(chains.items())}


def load_ecb_docs(
    topics: Iterable[int] = DEV_TOPICS, *, root: Path | None = None, negated: bool = False
) -> list[EcbDoc] | None:
    """Parse the ECB+ documents of ``topics`` (1-35 only), or ``None`` without the cache."""
    wanted = check_topics(topics)
    base = _ecb_root(root)
    if base is None:
        return None
    index = read_sentence_index(base, wanted)
    if index is None:
        return None
    docs = []
    for topic, subtopic, path in _doc_files(base, wanted):
        doc_id = path.stem
        selected = index.get(doc_id, set())
        sentences, chains = parse_ecb_xml(path, selected, negated=negated)
        annotated = tuple(
            EcbSentence(doc_id, n, sentences[n], chain_ids) for n, chain_ids in chains.items()
        )
        docs.append(EcbDoc(topic, subtopic, doc_id, sentences, annotated))
    return docs


def ecb_documents_by_topic(
    topics: Iterable[int] = DEV_TOPICS, *, root: Path | None = None
) -> dict[str, tuple[int, str]] | None:
    """Gold story clusters, doc id -> (topic, subtopic), from file names alone (no parsing)."""
    wanted = check_topics(topics)
    base = _ecb_root(root)
    if base is None:
        return None
    return {path.stem: (topic, sub) for topic, sub, path in _doc_files(base, wanted)}


def ecb_sentence_pairs(docs: Iterable[EcbDoc]) -> list[PairExample]:
    """All annotated sentence pairs across different documents of one topic.

    Label 1 when the two sentences share an action (event) chain. ``group`` is the topic so
    cross-validation never splits a topic; ``same_subtopic`` False marks pairs across the two
    different seminal events of a topic, where a positive is a rare genuine cross-story link.
    """
    by_topic: dict[int, list[EcbDoc]] = defaultdict(list)
    for doc in docs:
        check_topics([doc.topic])
        by_topic[doc.topic].append(doc)
    pairs = []
    for topic in sorted(by_topic):
        topic_docs = sorted(by_topic[topic], key=lambda d: _doc_sort_key(Path(d.doc_id)))
        for left, right in itertools.combinations(topic_docs, 2):
            same = left.subtopic == right.subtopic
            for sa in left.annotated:
                for sb in right.annotated:
                    shared = tuple(sorted(sa.chains & sb.chains))
                    pairs.append(
                        PairExample(
                            group=str(topic),
                            a=sa.text,
                            b=sb.text,
                            label=int(bool(shared)),
                            id_a=f"{sa.doc_id}/{sa.number}",
                            id_b=f"{sb.doc_id}/{sb.number}",
                            source="ecbplus",
                            same_subtopic=same,
                            shared_chains=shared,
                        )
                    )
    return pairs


def docs_to_json(docs: Iterable[EcbDoc], *, licence: str = ECB_LICENCE) -> dict[str, Any]:
    """Annotated sentences only, as a small JSON fixture that tests can load offline."""
    docs = list(docs)
    topics = sorted({d.topic for d in docs})
    return {
        "licence": f"{licence}, derived: sentences of topics {','.join(map(str, topics))}",
        "source": "https://github.com/cltl/ecbPlus (ECB+_LREC2014); action chains from "
        "CROSS_DOC_COREF, annotated sentences from ECBplus_coreference_sentences.csv",
        "changes": "tokens re-joined into text; only annotated sentences kept; cross-document "
        "ACTION_* chain ids (instance_id) per sentence",
        "docs": [
            {
                "topic": d.topic,
                "subtopic": d.subtopic,
                "doc_id": d.doc_id,
                "sentences": [
                    {"n": s.number, "text": s.text, "chains": sorted(s.chains)} for s in d.annotated
                ],
            }
            for d in docs
        ],
    }


def docs_from_json(data: Mapping[str, Any]) -> list[EcbDoc]:
    """Rebuild documents from :func:`docs_to_json` output (``sentences`` stays empty)."""
    docs = []
    for d in data["docs"]:
        topic = int(d["topic"])
        check_topics([topic])
        annotated = tuple(
            EcbSentence(d["doc_id"], int(s["n"]), s["text"], frozenset(s["chains"]))
            for s in d["sentences"]
        )
        docs.append(EcbDoc(topic, d["subtopic"], d["doc_id"], (), annotated))
    return docs


# --- MSRP ---------------------------------------------------------------------------------------


def _msrp_groups(rows: list[tuple[str, str]]) -> list[str]:
    """Pairs sharing a sentence id form one group, so a fold never sees a test sentence."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in rows:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return [f"msrp:{find(a)}" for a, _ in rows]


def load_msrp_train(path: Path | None = None) -> list[PairExample] | None:
    """The MSRP training pairs (label 1 = paraphrase), or ``None`` without the cache.

    Tolerates a UTF-8 BOM and a missing header line (the cached copy has both quirks).
    """
    path = path if path is not None else data_dir() / "msrp" / "msr_paraphrase_train.txt"
    if path.name != "msr_paraphrase_train.txt":
        raise ValueError("only msr_paraphrase_train.txt may be read; the test file is held out")
    if not path.is_file():
        return None
    rows = []
    with path.open(encoding="utf-8-sig") as handle:
        for line in handle:
            fields = line.rstrip("\r\n").split("\t")
            if len(fields) != 5 or fields[0] not in {"0", "1"}:
                continue  # header or blank
            rows.append(fields)
    groups = _msrp_groups([(r[1], r[2]) for r in rows])
    return [
        PairExample(group=g, a=r[3], b=r[4], label=int(r[0]), id_a=r[1], id_b=r[2], source="msrp")
        for g, r in zip(groups, rows, strict=True)
    ]


# --- report -------------------------------------------------------------------------------------


def _rate(pairs: list[PairExample]) -> str:
    pos = sum(p.label for p in pairs)
    return f"{len(pairs):7d} pairs {pos:6d} positive ({pos / len(pairs) if pairs else 0:.3f})"


def main() -> int:
    """Print corpus counts so changes to the loaders show up as changed numbers."""
    print(f"data: {data_dir()}")
    docs = load_ecb_docs()
    if docs is None:
        print("ECB+: not present, skipped")
    else:
        sentences = [s for d in docs for s in d.annotated]
        kinds = Counter(d.subtopic for d in docs)
        print(
            f"ECB+ topics {len({d.topic for d in docs})}, docs {len(docs)} "
            f"({kinds['ecb']} ecb, {kinds['ecbplus']} ecbplus), "
            f"annotated sentences {len(sentences)} "
            f"({sum(not s.chains for s in sentences)} without an action chain), "
            f"docs without annotated sentences {sum(not d.annotated for d in docs)}"
        )
        pairs = ecb_sentence_pairs(docs)
        print(f"  all            {_rate(pairs)}")
        print(f"  same subtopic  {_rate([p for p in pairs if p.same_subtopic])}")
        print(f"  cross subtopic {_rate([p for p in pairs if not p.same_subtopic])}")
        for kind in ("ecb", "ecbplus"):
            subset = [p for p in pairs if p.same_subtopic and p.id_a.split("/")[0].endswith(kind)]
            print(f"  {kind:14} {_rate(subset)}")
        stories = ecb_documents_by_topic()
        if stories is not None:
            print(f"  story clusters {len(set(stories.values()))} over {len(stories)} docs")
    msrp = load_msrp_train()
    if msrp is None:
        print("MSRP: not present, skipped")
    else:
        print(f"MSRP train     {_rate(msrp)}, {len({p.group for p in msrp})} id groups")
    return 0


if __name__ == "__main__":
    if "--dump-fixture" in sys.argv:  # python -m bench.pair_data --dump-fixture 1 3 > out.json
        picked = [int(t) for t in sys.argv[sys.argv.index("--dump-fixture") + 1 :]]
        loaded = load_ecb_docs(picked)
        if loaded is None:
            sys.exit("ECB+ cache not present")
        print(json.dumps(docs_to_json(loaded), ensure_ascii=False, indent=1))
        sys.exit(0)
    sys.exit(main())
