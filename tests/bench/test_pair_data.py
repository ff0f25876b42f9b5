"""Pair construction for the sentence-pair scorer data, offline on a small ECB+ fixture."""

from __future__ import annotations

import json
from collections import Counter
from itertools import combinations
from pathlib import Path

import pytest

from bench import pair_data
from bench.pair_data import (
    EcbDoc,
    PairExample,
    check_topics,
    detokenise,
    docs_from_json,
    ecb_documents_by_topic,
    ecb_sentence_pairs,
    load_ecb_docs,
    load_msrp_train,
)

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "ecbplus_sample.json"


@pytest.fixture
def sample() -> list[EcbDoc]:
    return docs_from_json(json.loads(FIXTURE.read_text(encoding="utf-8")))


def test_fixture_is_small_attributed_and_dev_only(sample: list[EcbDoc]) -> None:
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    assert FIXTURE.stat().st_size < 150_000
    assert data["licence"].startswith("ECB+ corpus (Cybulska and Vossen 2014), CC BY 3.0")
    topics = {d.topic for d in sample}
    assert 2 <= len(topics) <= 3
    assert max(topics) <= pair_data.LAST_DEV_TOPIC
    assert {d.subtopic for d in sample} == {"ecb", "ecbplus"}


def test_pairs_cross_documents_within_a_topic(sample: list[EcbDoc]) -> None:
    pairs = ecb_sentence_pairs(sample)
    expected = 0
    for topic in {d.topic for d in sample}:
        docs = [d for d in sample if d.topic == topic]
        expected += sum(len(a.annotated) * len(b.annotated) for a, b in combinations(docs, 2))
    assert len(pairs) == expected
    topic_of = {d.doc_id: d.topic for d in sample}
    subtopic_of = {d.doc_id: d.subtopic for d in sample}
    for pair in pairs:
        doc_a, doc_b = pair.id_a.split("/")[0], pair.id_b.split("/")[0]
        assert doc_a != doc_b
        assert topic_of[doc_a] == topic_of[doc_b] == int(pair.group)
        assert pair.same_subtopic == (subtopic_of[doc_a] == subtopic_of[doc_b])
        assert pair.label == int(bool(pair.shared_chains))
        assert pair.a and pair.b


def test_labels_follow_shared_action_chains(sample: list[EcbDoc]) -> None:
    chains = {f"{s.doc_id}/{s.number}": s.chains for d in sample for s in d.annotated}
    pairs = ecb_sentence_pairs(sample)
    for pair in pairs:
        assert pair.label == int(bool(chains[pair.id_a] & chains[pair.id_b]))
    labels = Counter((p.same_subtopic, p.label) for p in pairs)
    assert labels[(True, 1)] and labels[(True, 0)] and labels[(False, 0)]
    assert labels[(False, 1)] > 0  # topics 9 and 13 have chains that span both stories
    assert labels[(False, 1)] < labels[(True, 1)]


def test_pair_groups_are_topics(sample: list[EcbDoc]) -> None:
    groups = {p.group for p in ecb_sentence_pairs(sample)}
    assert groups == {str(d.topic) for d in sample}


def test_held_out_topics_refused(tmp_path: Path) -> None:
    for bad in ([36], [1, 45], range(30, 40), [0]):
        with pytest.raises(ValueError):
            check_topics(bad)
        with pytest.raises(ValueError):
            load_ecb_docs(bad, root=tmp_path)
    with pytest.raises(ValueError):
        ecb_sentence_pairs([EcbDoc(40, "ecb", "40_1ecb", (), ())])
    with pytest.raises(ValueError):
        load_msrp_train(tmp_path / "msr_paraphrase_test.txt")


def test_absent_data_gives_none(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KURSK_DATA", str(tmp_path / "nowhere"))
    assert load_ecb_docs() is None
    assert ecb_documents_by_topic() is None
    assert load_msrp_train() is None


def test_detokenise() -> None:
    cases = {
        "Tara Reid , 33 , checked into rehab .": "Tara Reid, 33, checked into rehab.",
        "`` It ’ s fine , '' Reid ' s rep said": "\"It's fine,\" Reid's rep said",
        'He said " no " ( twice ) at 10 : 30': 'He said "no" (twice) at 10:30',
        "a 33 - year - old did n't fall 2 , 000 ft": "a 33-year-old didn't fall 2,000 ft",
        "the players ' union": "the players' union",
    }
    for tokens, text in cases.items():
        assert detokenise(tokens.split()) == text


_XML = """<Document doc_name="{name}.xml" doc_id="DOC1">
{tokens}
<Markables>
<ACTION_OCCURRENCE m_id="1"><token_anchor t_id="{act}"/></ACTION_OCCURRENCE>
<HUMAN_PART_PER m_id="2"><token_anchor t_id="1"/></HUMAN_PART_PER>
<ACTION_OCCURRENCE m_id="3"><token_anchor t_id="{late}"/></ACTION_OCCURRENCE>
<ACTION_OCCURRENCE m_id="8" RELATED_TO="" TAG_DESCRIPTOR="t1_fall" instance_id="ACT1"/>
<HUMAN_PART_PER m_id="9" RELATED_TO="" TAG_DESCRIPTOR="t1_bob" instance_id="HUM1"/>
</Markables>
<Relations>
<CROSS_DOC_COREF r_id="1" note="ACT1"><source m_id="1"/><source m_id="3"/><target m_id="8"/>
</CROSS_DOC_COREF>
<CROSS_DOC_COREF r_id="2" note="HUM1"><source m_id="2"/><target m_id="9"/></CROSS_DOC_COREF>
</Relations>
</Document>
"""


def _write_doc(folder: Path, name: str, sentences: list[str], act: int, late: int) -> None:
    lines, t_id = [], 0
    for number, sentence in enumerate(sentences):
        for position, token in enumerate(sentence.split()):
            t_id += 1
            lines.append(
                f'<token t_id="{t_id}" sentence="{number}" number="{position}">{token}</token>'
            )
    folder.mkdir(parents=True, exist_ok=True)
    xml = _XML.format(name=name, tokens="\n".join(lines), act=act, late=late)
    (folder / f"{name}.xml").write_text(xml, encoding="utf-8")


def test_xml_loader_on_synthetic_corpus(tmp_path: Path) -> None:
    root = tmp_path / "ecbplus"
    _write_doc(root / "1", "1_1ecb", ["Bob fell .", "Police say Bob fell ."], act=2, late=7)
    _write_doc(
        root / "1", "1_2ecbplus", ["http : / / x", "Bob ' s fall .", "He fell ."], act=5, late=9
    )
    (root / "36").mkdir()
    (root / "36" / "36_1ecb.xml").write_text("not xml: must never be opened")
    (root / "ECBplus_coreference_sentences.csv").write_text(
        "Topic,File,Sentence Number\n1,1ecb,0\n1,2ecbplus,1\n36,1ecb,0\n"
    )
    docs = load_ecb_docs(root=root)
    assert docs is not None
    assert [d.doc_id for d in docs] == ["1_1ecb", "1_2ecbplus"]
    first, second = docs
    assert first.sentences == ("Bob fell.", "Police say Bob fell.")
    assert second.body == "Bob's fall. He fell."
    # only annotated sentences carry chains; entity chains (HUM1) are not events
    assert [(s.number, s.chains) for s in first.annotated] == [(0, frozenset({"ACT1"}))]
    assert [(s.number, s.text) for s in second.annotated] == [(1, "Bob's fall.")]
    assert ecb_sentence_pairs(docs) == [
        PairExample(
            group="1",
            a="Bob fell.",
            b="Bob's fall.",
            label=1,
            id_a="1_1ecb/0",
            id_b="1_2ecbplus/1",
            source="ecbplus",
            same_subtopic=False,
            shared_chains=("ACT1",),
        )
    ]
    assert ecb_documents_by_topic(root=root) == {"1_1ecb": (1, "ecb"), "1_2ecbplus": (1, "ecbplus")}


def test_msrp_reader_handles_bom_header_and_groups(tmp_path: Path) -> None:
    path = tmp_path / "msr_paraphrase_train.txt"
    path.write_text(
        "\ufeffQuality\t#1 ID\t#2 ID\t#1 String\t#2 String\n"
        "1\t10\t11\tA cat sat.\tA cat was sitting.\n"
        "0\t11\t12\tA cat was sitting.\tDogs bark.\n"
        "1\t20\t21\tIt rained.\tRain fell.\n",
        encoding="utf-8",
    )
    pairs = load_msrp_train(path)
    assert pairs is not None
    assert [p.label for p in pairs] == [1, 0, 1]
    assert pairs[0].group == pairs[1].group != pairs[2].group
    assert pairs[2].a == "It rained." and pairs[2].id_b == "21"


def test_real_data_if_present() -> None:
    msrp = load_msrp_train()
    docs = load_ecb_docs()
    if msrp is None and docs is None:
        pytest.skip("no /work/data cache (set KURSK_DATA)")
    if msrp is not None:
        assert len(msrp) == 4076
        assert sum(p.label for p in msrp) == 2753
    if docs is not None:
        assert docs and max(d.topic for d in docs) <= pair_data.LAST_DEV_TOPIC
        pairs = ecb_sentence_pairs(docs)
        assert 0 < sum(p.label for p in pairs) < len(pairs)
        stories = ecb_documents_by_topic()
        assert stories is not None and set(stories) == {d.doc_id for d in docs}
