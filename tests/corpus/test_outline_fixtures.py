"""Clause structure against hand-checked outlines (paths and headings) of govcn-policy-sample documents."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus.parse import parse_file

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpora" / "govcn-policy-sample"
FIXTURES = Path(__file__).parent / "fixtures" / "govcn_outlines"
MIN_MATCH = 0.97

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpora/govcn-policy-sample is absent")


def _expected() -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(FIXTURES.glob("*.json"))]


def _units(clauses) -> list[tuple[tuple[str, ...], str | None]]:
    return [(tuple(c["path"]), c["heading"]) if isinstance(c, dict) else (c.path, c.heading) for c in clauses]


def test_fixture_set_covers_twenty_documents():
    assert len(_expected()) >= 20


def test_outlines_match_hand_checked_fixtures():
    total = matched = 0
    report: list[str] = []
    for case in _expected():
        doc = parse_file(CORPUS / case["file"])[0]
        want, got = _units(case["clauses"]), _units(doc.clauses)
        total += len(want)
        found = set(got)
        matched += sum(1 for unit in want if unit in found)
        missing = [u for u in want if u not in found]
        extra = [u for u in got if u not in set(want)]
        if missing or extra or doc.doc_type != case["doc_type"]:
            report.append(f"{case['doc_number']} ({case['file']}):")
            report += [f"  缺少 {list(p)} {h}" for p, h in missing]
            report += [f"  多出 {list(p)} {h}" for p, h in extra]
            if doc.doc_type != case["doc_type"]:
                report.append(f"  doc_type {doc.doc_type} ≠ {case['doc_type']}")
    share = matched / total
    print(f"\noutline fixtures: {matched}/{total} expected clauses matched ({share:.1%})")
    print("\n".join(report))
    assert share >= MIN_MATCH, "\n".join(report)
