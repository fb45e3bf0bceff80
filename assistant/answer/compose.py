"""Write the answer text: a direct answer first, then verbatim quotes naming document and clause, each marked."""
from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answer.question import AGENCY, AMOUNT, CHANNEL, DATE, LOCALITY, VENUE, has_fact
from assistant.answer.select import Excerpt
from assistant.answer.types import Answer, Citation, doc_key, doc_ref
from index.hits import ClauseHit

NOT_FOUND = "已收录的公报中没有找到与该问题直接相关的规定。"
MAYBE = "可能相关："
PARTIAL = "公报只提到"
# What the quotes leave unsaid, per kind of question (PERMISSION has no note: almost any rule sentence permits or forbids).
MISSING = {
    AMOUNT: "以上引文未写明具体数额。",
    AGENCY: "以上引文未写明负责的部门。",
    DATE: "以上引文未写明具体时间或期限。",
    LOCALITY: "以上引文未写明具体的区或县。",
    CHANNEL: "以上引文未写明办理的系统或平台。",
    VENUE: "以上引文未写明具体地点。",
}
_DAY_LABEL = re.compile(r"\d{1,2}日")
_WHAT = {AMOUNT: "具体数额", AGENCY: "负责的部门", DATE: "具体时间或期限", LOCALITY: "具体的区或县",
         CHANNEL: "办理的系统或平台", VENUE: "具体地点"}


def citations_of(excerpts: Sequence[Excerpt]) -> tuple[Citation, ...]:
    """One numbered citation per excerpt, in order."""
    return tuple(Citation.of(n, e.hit, e.quote) for n, e in enumerate(excerpts, start=1))


def compose(question: str, excerpts: Sequence[Excerpt], related: Sequence[ClauseHit], *, kinds=frozenset(),
            direct: Excerpt | None = None, notes: Sequence[str] = (), rewritten: str | None = None,
            evidence: float = 0.0, headings: dict[int, str] | None = None, asked=None) -> Answer:
    """The extractive answer: the direct answer (a verbatim span) with its marker, one line per quote, then notes
    on what the quotes do not state. headings: clause_id -> heading shown after the label (overviews); asked: the
    parsed question, for what counts as the fact asked (a frequency for "多久…一次")."""
    citations = citations_of(excerpts)
    lines = []
    marker = _marker_of(direct, citations)
    if direct is not None and marker is not None and not any(c.quote == direct.quote for c in citations):
        lines.append(f"{direct.quote}[{marker}]")  # a quote that is the direct answer already stands first
    lines += quote_lines(citations, {**clause_headings(excerpts), **(headings or {})})
    for kind in sorted(kinds):
        # A chronicle entry's day is its label ("16日"), not in its text.
        if kind in MISSING and not any(has_fact(kind, c.quote, asked)
                                       or kind == DATE and _DAY_LABEL.fullmatch(c.label or "") for c in citations):
            lines.append(MISSING[kind])
    lines += list(notes)
    return Answer(question, "\n".join(lines), False, citations, tuple(related), rewritten, evidence,
                  direct_answer=direct.quote if direct is not None and marker is not None else None)


def partial(question: str, excerpt: Excerpt, related: Sequence[ClauseHit], missing: Sequence[str],
            rewritten: str | None = None, evidence: float = 0.0, declined: bool = False) -> Answer:
    """The document is found but not the detail: what the gazette says (quoted, cited) and what it does not
    (partial=True). declined: what is missing is the fact asked for (a figure, a post's holder), so the answer
    declines the question (abstained=True) while still quoting what the gazette says; else a word of the question
    the gazette never uses, and the quote is the answer."""
    c = Citation.of(1, excerpt.hit, excerpt.quote)
    what = "、".join(missing) if missing else "所问的具体内容"  # unquoted: only quotes of the clause may be quoted
    label = c.label or ""
    text = (f"{PARTIAL}：{doc_ref(c.doc_number, c.title)}{label}“{c.quote}”[1]；\n"
            f"没有规定{what}。")
    return Answer(question, text, declined, (c,), tuple(related), rewritten, evidence, partial=True)


def missing_detail(kinds) -> list[str]:
    """What a question asks for, in words, for a partial answer."""
    return [_WHAT[k] for k in sorted(kinds) if k in _WHAT]


def _marker_of(direct: Excerpt | None, citations: Sequence[Citation]) -> int | None:
    if direct is None:
        return None
    same = [c for c in citations if c.clause_id == direct.hit.clause_id]
    holding = [c for c in same if direct.quote in c.quote]
    chosen = (holding or same or [None])[0]
    return chosen.marker if chosen else None


# A clause heading is named after the label when it is short (端午节, 项目投资奖励和贴息补助), so a quote from a clause
# whose subject is only in its heading ("五、端午节": "6月7日放假…") still says what it is about.
_HEADING_SHOWN = 24


def clause_headings(excerpts: Sequence[Excerpt]) -> dict[int, str]:
    """clause_id -> its heading, for headings short enough to name and not already inside the quote."""
    return {e.hit.clause_id: e.hit.heading for e in excerpts
            if e.hit.heading and len(e.hit.heading) <= _HEADING_SHOWN and e.hit.heading not in e.quote}


def quote_lines(citations: Sequence[Citation], headings: dict[int, str] | None = None) -> list[str]:
    """根据《标题》（文号）条款：“引文”[n]; later quotes name the document again only when it changes."""
    lines = []
    previous = None
    for c in citations:
        label = c.label or ""
        heading = (headings or {}).get(c.clause_id)
        if heading:
            label = f"{label}（{heading}）"
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
