"""`gazette parse`: documents and clauses as an outline, or one JSON object per document."""
from __future__ import annotations

import json

from assistant.commands import errors

from corpus.model import KINDS
from corpus.parse import default_sources, parse_sources


def add_arguments(parser) -> None:
    parser.add_argument("files", nargs="*", metavar="FILE", help="公报文件或文件夹（默认：随附的公报）")
    parser.add_argument("--json", action="store_true", help="每行输出一个文档的 JSON")
    parser.add_argument("--outline", action="store_true", help="只显示条款树（编号、标题、字数），便于逐篇核对")


def run(args) -> int:
    sources = args.files or default_sources()
    count = 0
    for doc in parse_sources(sources):
        count += 1
        if args.json:
            data = doc.to_json()
            print(json.dumps({k: data[k] for k in _JSON_KEYS}, ensure_ascii=False))
            continue
        if args.outline:
            print("\n".join(outline_lines(doc)))
            continue
        number = f"（{doc.doc_number}）" if doc.doc_number else ""
        print(f"■ {doc.title}{number}")
        meta = [KINDS.get(doc.kind, doc.kind), doc.issuer, doc.date, doc.gazette_issue]
        print("  " + " · ".join(m for m in meta if m))
        for clause in doc.clauses:
            indent = "  " * (len(clause.path) + 1)
            heading = f" {clause.heading}" if clause.heading else ""
            snippet = clause.text.replace("\n", " ")[:40]
            print(f"{indent}{clause.label}{heading}  {snippet}")
    if count == 0:
        return errors.failed("没有解析出任何文档。")
    return errors.EXIT_OK


def outline_lines(doc) -> list[str]:
    """One line per clause: indented marker, heading and length, e.g. "    （三） 明确支持范围  136字"."""
    head = " · ".join(x for x in (doc.doc_number, doc.doc_type, KINDS.get(doc.kind, doc.kind)) if x)
    lines = [f"■ {doc.title}  [{head}]"]
    for clause in doc.clauses:
        token = clause.path[-1] if clause.path else clause.label
        heading = f" {clause.heading}" if clause.heading else ""
        size = f"  {len(clause.text)}字" if clause.text else ""
        lines.append(f"{'  ' * max(len(clause.path), 1)}{token}{heading}{size}")
    return lines


_JSON_KEYS = (
    "source", "doc_number", "title", "issuer", "date", "kind", "doc_type", "gazette_issue", "issue_date",
    "effective_from", "effective_until", "repeals", "addressees", "norm_code", "attachments", "clauses",
)
