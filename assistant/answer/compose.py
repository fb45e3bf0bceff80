"""Write the answer text: the document and clause named, verbatim quotes each followed by its marker."""
from __future__ import annotations

from collections.abc import Sequence

from assistant.answer.derive import derive
from assistant.answer.question import AGENCY, AMOUNT, DATE, has_evidence
from assistant.answer.select import Selection
from assistant.answer.types import Answer, Citation, doc_key, doc_ref
from index.hits import ClauseHit

NOT_FOUND = "已收录的公报中没有找到与该问题直接相关的规定。"
MAYBE = "可能相关："
# What the quotes leave unsaid, per kind of question (PERMISSION has no note: almost any rule sentence permits or forbids).
MISSING = {
    AMOUNT: "以上引文未写明具体数额。",
    AGENCY: "以上引文未写明负责的部门。",
    DATE: "以上引文未写明具体时间或期限。",
}


def compose(question: str, selection: Selection, related: Sequence[ClauseHit],
            rewritten: str | None = None) -> Answer:
    """The extractive answer: one line per quote, then notes on what is not stated and any derived figure."""
    citations = tuple(
        Citation(n, e.hit.clause_id, e.hit.doc_number, e.hit.title, tuple(e.hit.path), e.hit.label, e.quote, e.hit.source)
        for n, e in enumerate(selection.excerpts, start=1)
    )
    lines = quote_lines(citations)
    quotes = [c.quote for c in citations]
    for kind in sorted(selection.kinds):
        if kind in MISSING and not any(has_evidence(kind, q) for q in quotes):
            lines.append(MISSING[kind])
    derived = derive(rewritten or question, quotes)
    if derived:
        lines.append(derived)
    return Answer(question, "\n".join(lines), False, citations, tuple(related), rewritten, selection.evidence)


def quote_lines(citations: Sequence[Citation]) -> list[str]:
    """根据《标题》（文号）条款：“引文”[n]; later quotes name the document again only when it changes."""
    lines = []
    previous = None
    for c in citations:
        label = c.label or ""
        key = doc_key(c.doc_number, c.title)
        if previous is None:
            lead = f"根据{doc_ref(c.doc_number, c.title)}{label}"
        elif key == previous:
            lead = f"同一文件{label}"
        else:
            lead = f"另据{doc_ref(c.doc_number, c.title)}{label}"
        lines.append(f"{lead}：“{c.quote}”[{c.marker}]")
        previous = key
    return lines


def abstain(question: str, related: Sequence[ClauseHit], shown: int = 3, evidence: float = 0.0,
            rewritten: str | None = None, notes: Sequence[str] = ()) -> Answer:
    """No answer: say so plainly (with notes on why, if any) and name at most `shown` possibly related clauses,
    without quotes."""
    lines = [NOT_FOUND, *notes]
    seen: set[int] = set()
    items = []
    for hit in related:
        if hit.clause_id in seen or len(items) >= shown:
            continue
        seen.add(hit.clause_id)
        heading = f" {hit.heading}" if hit.heading else ""
        items.append(f"{len(items) + 1}. {doc_ref(hit.doc_number, hit.title)} {hit.label}{heading}".rstrip())
    if items:
        lines += [MAYBE, *items]
    return Answer(question, "\n".join(lines), True, (), tuple(related), rewritten, evidence)


def constraint_note(missing: Sequence, covers: Sequence[str]) -> str:
    """"公报中的相关内容未涉及“8月份”（相关文件所涉为7月份）。": the specifics no clause backs."""
    named = "、".join(f"“{c.text}”" for c in missing)
    tail = f"（相关文件所涉为{'、'.join(covers)}）" if covers else ""
    return f"公报中的相关内容未涉及{named}{tail}。"
