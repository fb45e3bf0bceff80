"""Held-out test sets (issue 10): well-formed, gold clauses and facts present in the parsed corpus, and the coverage
they promise (every normative clause of the bundled gazette, every section, enough unanswerable cases)."""
from __future__ import annotations

from pathlib import Path

import pytest

from corpus.parse import default_sources, parse_sources
from eval.evalset import PERSONAS, SHIPPED, check_gold, load_evalset

ROOT = Path(__file__).resolve().parents[2]
WENZHOU_TEST = ROOT / "eval" / "sets" / "wenzhou-203-test.jsonl"
GOVCN_TEST = ROOT / "tests" / "eval" / "sets" / "govcn-policy-test.jsonl"
GOVCN = ROOT.parent / "shared" / "corpora" / "govcn-policy-sample"


def _doc_key(doc) -> str:
    return doc.doc_number or doc.title


def _gold_keys(cases) -> set[tuple[str, tuple[str, ...]]]:
    return {(g.doc_id, g.path) for c in cases for g in c.gold}


@pytest.fixture(scope="module")
def gazette():
    return list(parse_sources(default_sources()))


@pytest.fixture(scope="module")
def wenzhou_test():
    return load_evalset(WENZHOU_TEST)


def test_wenzhou_test_set_gold_and_facts_in_gazette(gazette, wenzhou_test):
    assert check_gold(wenzhou_test, gazette) == []


def test_wenzhou_test_set_size_personas_and_abstention(wenzhou_test):
    assert len(wenzhou_test) >= 150
    assert {c.persona for c in wenzhou_test} == set(PERSONAS)
    unanswerable = [c for c in wenzhou_test if not c.answerable]
    partial = [c for c in wenzhou_test if c.answerable and "partial" in (c.notes or "")]
    assert len(unanswerable) + len(partial) >= 30
    assert all(not c.gold and not c.facts for c in unanswerable)
    assert any(c.spans for c in wenzhou_test), "multi-part questions need spans cases"


def test_wenzhou_test_set_covers_every_normative_clause_and_section(gazette, wenzhou_test):
    covered = _gold_keys(wenzhou_test)
    missing = [(_doc_key(d), c.path) for d in gazette if d.doc_number
               for c in d.clauses if c.text.strip() and (_doc_key(d), tuple(c.path)) not in covered]
    assert missing == []
    sections = {_doc_key(d) for d in gazette if not d.doc_number}
    assert sections and sections <= {key for key, _ in covered}


def test_wenzhou_test_set_is_independent_of_dev_set(wenzhou_test):
    dev = load_evalset(SHIPPED)
    assert not {c.id for c in dev} & {c.id for c in wenzhou_test}
    assert not {c.question for c in dev} & {c.question for c in wenzhou_test}


@pytest.mark.skipif(not GOVCN.is_dir(), reason="../shared/corpora/govcn-policy-sample is absent")
def test_govcn_test_set_gold_and_facts_in_corpus():
    cases = load_evalset(GOVCN_TEST)
    docs = list(parse_sources(sorted((GOVCN / "docs").glob("*.txt"))))
    assert check_gold(cases, docs) == []


def test_govcn_test_set_size_and_spread():
    cases = load_evalset(GOVCN_TEST)
    assert len(cases) >= 60
    assert len({g.doc_id for c in cases for g in c.gold}) >= 25
    assert sum(not c.answerable for c in cases) >= 10
    assert all(c.id.startswith("govcn-") for c in cases)
