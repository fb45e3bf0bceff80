"""How a ClauseRecord and its window vectors become Milvus rows, and back; derived from the dataclass fields,
so a field added to ClauseRecord is stored without touching this module."""
from __future__ import annotations

import json
import re
import typing
from dataclasses import fields

from index.store import ClauseRecord
from index.tokenize import normalize_doc_number

MAX_WINDOWS = 4096  # primary key = clause_id * MAX_WINDOWS + window
VARCHAR_MAX = 65535  # bytes, Milvus's limit for one VARCHAR
ARRAY_MAX = 64
TEXT_PARTS = ("text", "text_more", "text_more2")  # clause text split over up to three VARCHARs
NONE_INT = -1

# Fields derived for filtering and keyword search (not part of ClauseRecord).
DERIVED = ("pk", "window", "file_sha256", "doc_number_key", "date_first", "date_last", "issue_text",
           "issue_numbers", "hidden", "nulls", "keyword", "sparse", "dense")


def record_fields() -> list[tuple[str, str]]:
    """(name, kind) of every ClauseRecord field; kind is str, int, strs or json."""
    hints = typing.get_type_hints(ClauseRecord)
    out = []
    for f in fields(ClauseRecord):
        t = hints[f.name]
        args = typing.get_args(t)
        if t is str or (args and set(args) == {str, type(None)}):
            kind = "str"
        elif t is int or (args and set(args) == {int, type(None)}):
            kind = "int"
        elif typing.get_origin(t) is tuple and args and args[0] is str:
            kind = "strs"
        else:
            kind = "json"
        out.append((f.name, kind))
    return out


def schema(client, dim: int):
    from pymilvus import DataType, Function, FunctionType

    s = client.create_schema(auto_id=False, enable_dynamic_field=False)
    s.add_field("pk", DataType.INT64, is_primary=True)
    s.add_field("window", DataType.INT64)
    for name, kind in record_fields():
        if name == "text":
            for part in TEXT_PARTS:
                s.add_field(part, DataType.VARCHAR, max_length=VARCHAR_MAX)
        elif kind in ("str", "json"):
            s.add_field(name, DataType.VARCHAR, max_length=VARCHAR_MAX)
        elif kind == "int":
            s.add_field(name, DataType.INT64)
        else:
            s.add_field(name, DataType.ARRAY, element_type=DataType.VARCHAR, max_capacity=ARRAY_MAX, max_length=1024)
    s.add_field("file_sha256", DataType.VARCHAR, max_length=64)
    s.add_field("doc_number_key", DataType.VARCHAR, max_length=1024)
    s.add_field("date_first", DataType.VARCHAR, max_length=10)
    s.add_field("date_last", DataType.VARCHAR, max_length=10)
    s.add_field("issue_text", DataType.VARCHAR, max_length=VARCHAR_MAX)
    s.add_field("issue_numbers", DataType.ARRAY, element_type=DataType.INT64, max_capacity=ARRAY_MAX)
    s.add_field("hidden", DataType.BOOL)
    s.add_field("nulls", DataType.ARRAY, element_type=DataType.VARCHAR, max_capacity=ARRAY_MAX, max_length=64)
    # Keyword side: Milvus's BM25 function over the clause's keyword text, tokenized by its jieba analyzer.
    s.add_field("keyword", DataType.VARCHAR, max_length=VARCHAR_MAX, enable_analyzer=True,
                analyzer_params={"tokenizer": "jieba"})
    s.add_field("sparse", DataType.SPARSE_FLOAT_VECTOR)
    s.add_field("dense", DataType.FLOAT_VECTOR, dim=dim)
    s.add_function(Function(name="keyword_bm25", function_type=FunctionType.BM25, input_field_names=["keyword"],
                            output_field_names=["sparse"]))
    return s


def output_fields() -> list[str]:
    out = []
    for name, _ in record_fields():
        out.extend(TEXT_PARTS if name == "text" else [name])
    return out + ["nulls"]


def rows(rec: ClauseRecord, vectors, file_sha256: str) -> list[dict]:
    """One row per window vector; only window 0 carries the keyword text, so BM25 scores each clause once."""
    if len(vectors) >= MAX_WINDOWS:
        raise ValueError(f"clause {rec.clause_id} has {len(vectors)} windows (at most {MAX_WINDOWS - 1})")
    base: dict = {}
    nulls = []
    for name, kind in record_fields():
        value = getattr(rec, name)
        if value is None:
            nulls.append(name)
        if name == "text":
            base.update(zip(TEXT_PARTS, _split_bytes(value, VARCHAR_MAX, len(TEXT_PARTS))))
        elif kind == "str":
            base[name] = value or ""
        elif kind == "int":
            base[name] = NONE_INT if value is None else int(value)
        elif kind == "strs":
            if len(value) > ARRAY_MAX:
                raise ValueError(f"clause {rec.clause_id}: {name} has more than {ARRAY_MAX} items")
            base[name] = list(value)
        else:
            base[name] = json.dumps(value, ensure_ascii=False)
    first, last = date_span(rec.date or rec.issue_date)
    printings = [p for p in (rec.gazette_issue, *rec.sources) if p]
    base.update(file_sha256=file_sha256, doc_number_key=normalize_doc_number(rec.doc_number) if rec.doc_number else "",
                date_first=first or "", date_last=last or "", issue_text="\x1f".join(printings),
                issue_numbers=sorted({int(n) for p in printings for n in re.findall(r"第0*(\d+)[期号]", p)})[:ARRAY_MAX],
                hidden=rec.duplicate_of is not None, nulls=nulls)
    out = []
    for w, vec in enumerate(vectors):
        row = dict(base)
        row.update(pk=rec.clause_id * MAX_WINDOWS + w, window=w, keyword=rec.keyword_text if w == 0 else "",
                   dense=[float(x) for x in vec])
        out.append(row)
    return out


def record(row: dict) -> ClauseRecord:
    nulls = set(row.get("nulls") or ())
    data = {}
    for name, kind in record_fields():
        if name == "text":
            data[name] = "".join(row.get(p) or "" for p in TEXT_PARTS)
        elif name in nulls:
            data[name] = None
        elif kind == "str":
            data[name] = row[name]
        elif kind == "int":
            data[name] = int(row[name])
        elif kind == "strs":
            data[name] = tuple(row[name] or ())
        else:
            data[name] = json.loads(row[name])
    return ClauseRecord(**data)


def date_span(value: str | None) -> tuple[str | None, str | None]:
    from index.search import _date_span

    return _date_span(value)


def _split_bytes(text: str, limit: int, parts: int) -> list[str]:
    out, rest = [], text
    for _ in range(parts - 1):
        cut = len(rest)
        while len(rest[:cut].encode("utf-8")) > limit:
            cut = cut * 9 // 10
        out.append(rest[:cut])
        rest = rest[cut:]
    if len(rest.encode("utf-8")) > limit:
        raise ValueError(f"clause text longer than {parts * limit} bytes")
    return out + [rest]
