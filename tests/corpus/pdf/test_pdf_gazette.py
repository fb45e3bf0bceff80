"""The bundled issue printed to PDF (two producers) parses to the same documents and clauses as its text."""
from __future__ import annotations

import json
import re

import pytest

from bench import gazette_pdf
from corpus import layout


def _doc_key(doc) -> str:
    # Chromium prints no space glyphs, so a run of spaces inside a title can come back one space shorter.
    return doc.doc_number or re.sub(r"\s+", "", doc.title)


def _paths(docs) -> set[tuple[str, tuple[str, ...]]]:
    return {(_doc_key(d), c.path) for d in docs for c in d.clauses}


@pytest.fixture
def pdf_docs(issue_pdf, extracted):
    return extracted(issue_pdf)[1]


@pytest.fixture
def pdf_text(issue_pdf, extracted):
    return extracted(issue_pdf)[0].text


def test_the_six_numbered_documents_with_their_metadata(pdf_docs, text_docs):
    expected = [(d.doc_number, d.title, d.issuer, d.date, d.addressees) for d in text_docs if d.doc_number]
    got = [(d.doc_number, d.title, d.issuer, d.date, d.addressees) for d in pdf_docs if d.doc_number]
    assert len(expected) == 6
    assert got == expected
    assert {d.gazette_issue for d in pdf_docs} == {d.gazette_issue for d in text_docs}


def test_same_documents_and_clause_paths_as_the_text(pdf_docs, text_docs):
    assert [(d.kind, _doc_key(d)) for d in pdf_docs] == [(d.kind, _doc_key(d)) for d in text_docs]
    ref, got = _paths(text_docs), _paths(pdf_docs)
    share = len(ref & got) / len(ref)
    missing, extra = sorted(ref - got), sorted(got - ref)
    assert share >= 0.98, f"{share:.3f} of clause paths equal; missing {missing}; extra {extra}"


def test_no_header_footer_or_page_number_inside_any_clause(pdf_docs, pdf_text, issue_text):
    footer = gazette_pdf.Style().footer
    # Neither the footer nor the running header is part of the text the issue prints.
    assert "门户网站" not in issue_text
    assert all(layout.RUNNING_HEADER.match(line.strip()) for line in issue_text.split("\n") if "公报（总第" in line)
    for doc in pdf_docs:
        for clause in doc.clauses:
            text = f"{clause.heading or ''}\n{clause.text}"
            assert footer not in text and "门户网站" not in text, (doc.title, clause.label)
            assert "公报（总第" not in text, (doc.title, clause.label)
            assert not re.search(r"·\s*\d{1,3}\s*·", text), (doc.title, clause.label)
    text = pdf_text
    assert not re.search(r"·\s*\d{1,3}\s*·", text) and footer not in text


def test_ruled_tables_come_back_as_rows(pdf_text, issue_text):
    rows = [line.text for page in layout.split_pages(issue_text) for line in page.lines
            if gazette_pdf._table_row(line.text)]
    assert len(rows) >= 9  # the statistics table, the annex table
    lines = {line.strip() for line in pdf_text.split("\n")}
    assert [row for row in rows if row not in lines] == []


def test_vertical_columns_stay_one_character_per_line(pdf_text, issue_text):
    vertical = ["".join(line.text for line in page.lines) for page in layout.split_pages(issue_text)
                if layout.is_vertical(page.lines)]
    assert len(vertical) >= 2
    pages = [[line for line in page.split("\n") if not layout.RUNNING_HEADER.match(line.strip())]
             for page in pdf_text.split("\f")]
    single = ["".join(line.strip() for line in page if line.strip())
              for page in pages if sum(len(line.strip()) == 1 for line in page) > 0.9 * len(page)]
    assert single == vertical


def test_two_column_pages_read_column_by_column(reportlab_issue, issue_text, extracted):
    source = layout.split_pages(issue_text)
    text = extracted(reportlab_issue)[0].text
    pages = [layout.split_pages(page)[0] if page.strip() else None for page in text.split("\f")]
    assert len(pages) == len(source)
    two_column = [n for n, page in enumerate(source)
                  if not layout.is_vertical(page.lines) and len(page.lines) > 1
                  and max(gazette_pdf.width_em(l.text) + 2 * l.fw_indent for l in page.lines) <= 22.5]
    assert len(two_column) >= 20
    for n in two_column:
        want = [re.sub(r"\s+", "", line.text) for line in source[n].lines]
        got = [re.sub(r"\s+", "", line.text) for line in pages[n].lines]
        assert got == want, n


def test_gazette_parse_json_on_a_pdf(issue_pdf, text_docs, capsys):
    from assistant.cli import main

    assert main(["parse", "--json", str(issue_pdf)]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.strip()]
    assert [r["doc_number"] for r in rows] == [d.doc_number for d in text_docs]
    got = {(r["doc_number"] or re.sub(r"\s+", "", r["title"]), tuple(c["path"])) for r in rows for c in r["clauses"]}
    assert len(_paths(text_docs) & got) >= 0.98 * len(_paths(text_docs))


def test_an_issue_without_running_headers_is_still_read_as_an_issue(issue_text, text_docs, tmp_path):
    """Several 文号 on lines of their own make a PDF an issue even when no page names the gazette."""
    style = gazette_pdf.Style(running_header=False, footer="")
    plans = gazette_pdf.plan_gazette(issue_text, "温州市人民政府公报", "总第203期", style)
    pdf = gazette_pdf.render_reportlab(plans, tmp_path / "bare.pdf")
    from corpus.parse import parse_file

    docs = parse_file(pdf)
    numbered = [(d.doc_number, d.title, d.issuer, d.date) for d in docs if d.doc_number]
    assert numbered == [(d.doc_number, d.title, d.issuer, d.date) for d in text_docs if d.doc_number]
    # Titles made from the gazette's name (图片新闻 captions) cannot carry an issue no page prints: compare in order.
    assert [d.kind for d in docs] == [d.kind for d in text_docs]
    total = sum(len(d.clauses) for d in text_docs)
    same = sum(len({c.path for c in a.clauses} & {c.path for c in b.clauses}) for a, b in zip(text_docs, docs))
    assert same >= 0.98 * total, (same, total)
