"""State Council documents printed to PDF parse like their text: 文号, title, issuer, date and clause paths."""
from __future__ import annotations

import pytest

from bench import gazette_pdf
from corpus.parse import parse_file, parse_text
from corpus.sources import read_source

from pdf_sources import policy_paragraphs, policy_sources

SOURCES = policy_sources()
pytestmark = pytest.mark.skipif(not SOURCES, reason="shared corpus govcn-policy-sample not present")


def _check(pdf, source):
    expected = parse_text(read_source(source), str(source))[0]
    got = parse_file(pdf)
    assert len(got) == 1
    doc = got[0]
    assert (doc.doc_number, doc.title, doc.issuer, doc.date, doc.addressees) == \
        (expected.doc_number, expected.title, expected.issuer, expected.date, expected.addressees)
    want = [c.path for c in expected.clauses]
    have = [c.path for c in doc.clauses]
    assert len(set(want) & set(have)) >= 0.98 * len(want), (sorted(set(want) - set(have)), sorted(set(have) - set(want)))
    # Running header, footer and page numbers stay out of the text.
    for clause in doc.clauses:
        assert "政策文件库" not in clause.text and gazette_pdf.Style().footer not in clause.text


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name[:2])
def test_reportlab_policy_pdf_parses_like_its_text(source, tmp_path):
    plans = gazette_pdf.plan_document(policy_paragraphs(read_source(source)), "国务院政策文件库")
    assert len(plans) >= 2  # furniture is recognised by repeating on several pages
    _check(gazette_pdf.render_reportlab(plans, tmp_path / "doc.pdf"), source)


@pytest.mark.browser
@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name[:2])
def test_chromium_policy_pdf_parses_like_its_text(source, tmp_path):
    if gazette_pdf.chromium() is None:
        pytest.skip("chromium is not installed")
    plans = gazette_pdf.plan_document(policy_paragraphs(read_source(source)), "国务院政策文件库")
    _check(gazette_pdf.render_chromium(plans, tmp_path / "doc.pdf"), source)
