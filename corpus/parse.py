"""Entry point of the corpus stage: files and folders in, documents out."""
from __future__ import annotations

import sys
from dataclasses import replace
from collections.abc import Iterable, Iterator
from pathlib import Path

from corpus.errors import SourceError
from corpus.model import Document
from corpus.sources import iter_source_files, read_source

BUNDLED_DIR = Path(__file__).parent / "gazettes"


def default_sources() -> list[Path]:
    """The bundled gazette(s): the default corpus of every command."""
    return sorted(BUNDLED_DIR.glob("*.txt"))


def parse_text(text: str, source: str) -> list[Document]:
    """Pick the parser by the text's shape: gazette issue, statute, or single policy document; [] for blank text."""
    from corpus import gazette, policy, statute

    if not text.strip():
        return []
    if gazette.looks_like_gazette(text):
        docs = gazette.parse_gazette(text, source)
    elif statute.looks_like_statute(text):
        docs = [statute.parse_statute(text, source)]
    else:
        docs = [policy.parse_policy(text, source)]
    return [_with_validity(_with_doc_type(d)) for d in docs]


def _with_doc_type(doc: Document) -> Document:
    """Every parser's documents get their form (通知, 意见, 条例 …) the same way: corpus.doctype."""
    from corpus.doctype import doc_type

    if doc.doc_type is not None:
        return doc
    return replace(doc, doc_type=doc_type(doc.title, doc.kind, doc.doc_number))


def _with_validity(doc: Document) -> Document:
    """Every parser's documents get their printed period of validity and what they repeal the same way."""
    from corpus.repeals import document_repeals
    from corpus.validity import document_validity

    period = document_validity(doc)
    return replace(doc, effective_from=doc.effective_from or period.effective_from,
                   effective_until=doc.effective_until or period.effective_until,
                   repeals=doc.repeals or document_repeals(doc))


def parse_file(path: str | Path) -> list[Document]:
    """Parse one file; raises SourceError when it cannot be read as text."""
    path = Path(path)
    return parse_text(read_source(path), str(path))


def parse_sources(paths: Iterable[str | Path], on_error=None) -> Iterator[Document]:
    """Parse every file under the given paths; broken files are reported and skipped."""
    for path in iter_source_files(paths):
        try:
            yield from parse_file(path)
        except SourceError as exc:
            (on_error or _report)(exc)


def _report(exc: SourceError) -> None:
    print(f"跳过文件 {exc.path}：{exc.reason}", file=sys.stderr)
