"""Sentence vectors made at build: stored with checksums, reused on update, served instead of the model."""
from __future__ import annotations

import json

import numpy as np
import pytest

from corpus.sentences import split_sentences
from index.build import Settings, build_index
from index.embed import FakeEmbedder
from index.errors import IndexCorrupt
from index.search import load_index
from index.sentence_vectors import KEYS, VECTORS, clause_units, unit_text


def test_build_stores_every_clause_sentence(built, docs):
    manifest = json.loads((built / "manifest.json").read_text())
    expected = {unit_text(c.heading, s.text) for d in docs for c in d.clauses for s in split_sentences(c.text)}
    assert manifest["counts"]["sentences"] == len(expected) > 0
    assert {KEYS, VECTORS} <= set(manifest["files"])
    assert manifest["model"]["backend"]
    background = manifest["model"]["background_similarity"]
    assert background["pairs"] > 0 and -1 <= background["mean"] <= 1 and background["std"] > 0


def test_searcher_serves_stored_vectors_without_the_model(built, docs):
    counting = FakeEmbedder(dim=64, max_chars=126, name="fake-64")
    searcher = load_index(built, embedder=counting)
    texts = clause_units(searcher.records)[:5]
    vectors = searcher.embed(texts)
    assert counting.embedded == 0
    assert np.allclose(vectors, FakeEmbedder(dim=64).embed_passages(texts), atol=1e-6)
    mixed = searcher.embed(["申请奖励需要什么材料？", texts[0]])
    assert counting.embedded == 1  # only the new text
    assert np.allclose(mixed[1], vectors[0])


def test_answer_stage_embeds_only_the_question(built):
    from assistant.answer.answerer import answer_question

    class Recording(FakeEmbedder):
        seen: list[str] = []

        def embed_passages(self, texts):
            self.seen.extend(texts)
            return super().embed_passages(texts)

    recording = Recording(dim=64, max_chars=126, name="fake-64")
    searcher = load_index(built, embedder=recording)
    question = "养犬人携犬出户时应当做什么？"
    answer_question(question, searcher)
    assert recording.seen and set(recording.seen) == {question}  # as query and as passage; never a clause sentence


def test_unchanged_sentences_are_reused(tmp_path, sources, parser, built, docs, make_sources):
    from dataclasses import replace

    doc = docs[2]
    edited = replace(doc, clauses=(doc.clauses[0], replace(doc.clauses[1], text="企业应当提交材料。逾期不予受理。")))
    make_sources(tmp_path / "src", [edited])
    fresh = FakeEmbedder(dim=64, max_chars=126, name="fake-64")
    build_index(list(sources.values()), built, "fake-64", parser=parser, embedder=fresh, progress=False)
    assert fresh.embedded == 1 + 2  # the changed clause's window and its two sentences


def test_sentence_vectors_can_be_left_out(tmp_path, sources, parser, embedder):
    folder = tmp_path / "plain"
    build_index(list(sources.values()), folder, "fake-64", parser=parser, embedder=embedder, progress=False,
                settings=Settings(sentence_vectors=False))
    assert not (folder / KEYS).exists()
    searcher = load_index(folder, embedder=embedder)
    before = embedder.embedded
    searcher.embed(["养犬人应当依法登记"])
    assert embedder.embedded == before + 1


def test_damaged_sentence_vectors_are_refused(built):
    path = built / VECTORS
    data = bytearray(path.read_bytes())
    data[-1] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(IndexCorrupt, match=VECTORS):
        load_index(built)
