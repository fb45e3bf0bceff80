"""Conversations as JSON for the browser's localStorage, and back; what comes back is checked, never trusted."""
from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import fields

from assistant.ui.render import ChatTurn

MAX_TURNS = 50
MAX_TEXT = 20_000
MAX_STATE_CHARS = 2_000_000


def _answer_fields() -> set[str]:
    from assistant.answer.types import Answer

    return {f.name for f in fields(Answer)}


META = ("doc_type", "gazette_issue", "issue_date", "effective_from", "effective_until", "repealed_by")


def _meta(cls, record) -> dict:
    """The document metadata `cls` carries, taken from the index record (the index is the authority)."""
    names = {f.name for f in fields(cls)}
    return {k: getattr(record, k, None) for k in META if k in names}


def turn_to_json(t: ChatTurn) -> dict:
    out: dict = {"question": t.question}
    for key in ("error", "notice", "filters", "vote", "feedback_id"):
        if getattr(t, key) is not None:
            out[key] = getattr(t, key)
    a = t.answer
    if a is not None:
        out["answer"] = {
            "text": a.text, "abstained": a.abstained, "rewritten": a.rewritten_question,
            "direct_answer": getattr(a, "direct_answer", None),
            "citations": [c.to_json() for c in a.citations],
            # Only the clause; the rest comes from the index when the conversation is reopened.
            "related": [{"clause_id": h.clause_id, "doc_number": h.doc_number, "title": h.title,
                         "path": list(h.path)} for h in a.related[:10]],
        }
    return out


def to_json(turns) -> str:
    """The finished turns (not one still being answered) as compact JSON."""
    done = [turn_to_json(t) for t in turns if t.answer is not None or t.error or t.notice]
    return json.dumps(done[-MAX_TURNS:], ensure_ascii=False, separators=(",", ":"))


def _str(value, limit: int = MAX_TEXT) -> str | None:
    return value[:limit] if isinstance(value, str) else None


class _Locator:
    """Finds a stored clause again: by id when it still names the same clause, else by document and path
    (a rebuilt index renumbers clauses)."""

    def __init__(self, records: Mapping):
        self.records = records
        self.by_ref = {((r.doc_number or r.title), tuple(r.path)): r for r in records.values()}

    def find(self, data: dict):
        if not isinstance(data, dict):
            return None
        doc = data.get("doc_number") or data.get("title")
        path = data.get("path")
        path = tuple(p for p in path if isinstance(p, str)) if isinstance(path, list) else ()
        cid = data.get("clause_id")
        r = self.records.get(cid) if isinstance(cid, int) and not isinstance(cid, bool) else None
        if r is not None and (r.doc_number or r.title) == doc and tuple(r.path) == path:
            return r
        return self.by_ref.get((doc, path)) if isinstance(doc, str) else None


def from_json(raw: str, records: Mapping) -> list[ChatTurn]:
    """Turns from stored JSON; malformed parts are dropped, citations that no longer exist in the index too."""
    from assistant.answer.types import Answer, Citation
    from index.hits import ClauseHit

    if not isinstance(raw, str) or len(raw) > MAX_STATE_CHARS:
        return []
    try:
        data = json.loads(raw)
    except ValueError:
        return []
    if not isinstance(data, list):
        return []
    locate = _Locator(records)
    has_direct = "direct_answer" in _answer_fields()
    turns = []
    for item in data[-MAX_TURNS:]:
        if not isinstance(item, dict) or not _str(item.get("question")):
            continue
        question = _str(item["question"])
        vote = item.get("vote") if item.get("vote") in ("up", "down") else None
        fid = item.get("feedback_id") if isinstance(item.get("feedback_id"), int) else None
        common = dict(filters=_str(item.get("filters"), 500), vote=vote, feedback_id=fid)
        a = item.get("answer")
        if isinstance(a, dict) and _str(a.get("text")) is not None:
            citations = []
            for c in a.get("citations") or []:
                r = locate.find(c)
                quote = _str(c.get("quote")) if isinstance(c, dict) else None
                marker = c.get("marker") if isinstance(c, dict) else None
                if r is None or not quote or quote not in r.text or not isinstance(marker, int):
                    continue  # a quote must still be verbatim in its clause
                citations.append(Citation(marker, r.clause_id, r.doc_number, r.title, tuple(r.path), r.label,
                                          quote, r.source, **_meta(Citation, r)))
            related = []
            for h in a.get("related") or []:
                r = locate.find(h)
                if r is not None:
                    related.append(ClauseHit(len(related) + 1, 0.0, r.clause_id, r.doc_number, r.title,
                                             tuple(r.path), r.label, r.heading, r.text, r.source, r.issuer,
                                             r.date, r.kind, **_meta(ClauseHit, r)))
            extra = {}
            if has_direct and _str(a.get("direct_answer")):
                extra["direct_answer"] = _str(a["direct_answer"])
            answer = Answer(question, _str(a["text"]), bool(a.get("abstained")), tuple(citations), tuple(related),
                            _str(a.get("rewritten")), **extra)
            turns.append(ChatTurn(question, answer, **common))
        elif _str(item.get("notice")):
            turns.append(ChatTurn(question, notice=_str(item["notice"]), **common))
        elif _str(item.get("error")):
            turns.append(ChatTurn(question, error=_str(item["error"]), **common))
    return turns
