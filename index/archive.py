"""Links between the documents of an archive of issues: reprints shown once, repealed documents flagged.

Recomputed over the whole store at every build, so adding or removing an issue's file updates the links of the
documents it touches even when their own files are unchanged (and reused without re-parsing).
"""
from __future__ import annotations

import re
from dataclasses import replace

from index.store import ClauseRecord


def _norm(text: str | None) -> str:
    return re.sub(r"[\s《》<>〈〉]", "", text or "")


def _when(doc: list[ClauseRecord]) -> str:
    r = doc[0]
    return r.issue_date or r.date or ""


def _printing(doc: list[ClauseRecord]) -> str:
    return doc[0].gazette_issue or doc[0].source


def _text(doc: list[ClauseRecord]) -> tuple:
    return tuple((r.path, _norm(r.text)) for r in doc)


def _names(doc: list[ClauseRecord]) -> set[str]:
    """How a repeal may name the document: its 文号, its title, or the name a 印发/转发 notice issues."""
    r = doc[0]
    names = {_norm(r.doc_number), _norm(r.title)}
    m = re.search(r"(?:印发|转发|公布)《?(.+?)》?的(?:通知|函|决定)$", _norm(r.title))
    if m:
        names.add(_norm(m.group(1)))
    return names - {""}


def link(records: list[ClauseRecord]) -> list[ClauseRecord]:
    """The records with `sources`, `duplicate_of` and `repealed_by` set afresh from the documents in the store."""
    docs: dict[int, list[ClauseRecord]] = {}
    for rec in records:
        docs.setdefault(rec.doc_index, []).append(rec)
    order = sorted(docs, key=lambda d: (_when(docs[d]), d))  # first printing first

    # Reprints: the same 文号, or the same title and issuer with the same text, printed more than once.
    groups: dict[tuple, list[int]] = {}
    for d in order:
        r = docs[d][0]
        key = ("number", _norm(r.doc_number)) if r.doc_number else ("title", _norm(r.title), r.issuer or "", _text(docs[d]))
        groups.setdefault(key, []).append(d)
    sources: dict[int, tuple[str, ...]] = {}
    duplicate_of: dict[int, int] = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        texts = {_text(docs[d]) for d in members}
        # Same text: the first printing stands; a corrected version (same 文号, new text): the latest one does.
        kept = members[0] if len(texts) == 1 else members[-1]
        printed = tuple(dict.fromkeys(_printing(docs[d]) for d in members))
        for d in members:
            sources[d] = printed if len(printed) > 1 else ()
            if d != kept:
                duplicate_of[d] = kept

    # Repeals: a document in the store names another one, printed no later than itself, as repealed.
    by_name: dict[str, list[int]] = {}
    for d in order:
        if d not in duplicate_of:
            for name in _names(docs[d]):
                by_name.setdefault(name, []).append(d)
    repealed_by: dict[int, str] = {}
    for d in order:
        if d in duplicate_of:
            continue
        r = docs[d][0]
        for ref in r.repeals:
            for target in by_name.get(_norm(ref), []):
                when, own = _when(docs[target]), _when(docs[d])
                if target == d or (when and own and when > own):
                    continue
                repealed_by[target] = r.doc_number or r.title
    for d, kept in duplicate_of.items():  # a hidden printing reads like the one shown
        if kept in repealed_by:
            repealed_by[d] = repealed_by[kept]

    out = []
    for rec in records:
        d = rec.doc_index
        out.append(replace(rec, sources=sources.get(d, ()), duplicate_of=duplicate_of.get(d),
                           repealed_by=repealed_by.get(d)))
    return out
