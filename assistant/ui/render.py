"""HTML for the chat UI. Every piece of user input and document text goes through html.escape here."""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape

from assistant.ui.validity import date_shown, validity
from corpus.model import KINDS

_MARKER = re.compile(r"\[(\d+)\]")
MAYBE = "可能相关："  # the line assistant.answer.compose.abstain puts before its related clauses
RELATED_SHOWN = 3


@dataclass(frozen=True)
class ChatTurn:
    """One exchange shown in the chat: the answer is None while it is being prepared, error set when it failed."""

    question: str
    answer: object | None = None  # assistant.answer.Answer
    error: str | None = None
    notice: str | None = None  # a hint given instead of an answer (a question not in Chinese)
    filters: str | None = None  # the search limits active when it was asked, as shown in the filter tags
    vote: str | None = None  # "up" / "down": this browser's one vote on the answer
    feedback_id: int | None = None


def e(value) -> str:
    """Escaped text for HTML content and attribute values (quotes included)."""
    return escape("" if value is None else str(value), quote=True)


def chip_text(citation) -> str:
    """What a citation chip shows: 文号 + clause label, or the title when the document has no number."""
    name = citation.doc_number or _short(citation.title, 14)
    return f"{name} {citation.label}".strip()


def copy_text(answer) -> str:
    """Answer text followed by its citation list: what the copy button puts on the clipboard."""
    direct = direct_answer(answer)
    lines = ([direct] if direct and not answer.text.startswith(direct) else []) + [answer.text]
    if answer.citations:
        lines += ["", "引用："]
        for c in answer.citations:
            number = f"{c.doc_number} " if c.doc_number else ""
            lines.append(f"【{c.marker}】{number}《{c.title}》{c.label}：{c.quote}")
    return "\n".join(lines)


def direct_answer(answer) -> str | None:
    """The answer's one-line direct answer, where the answer stage gives one."""
    value = getattr(answer, "direct_answer", None)
    return value.strip() if isinstance(value, str) and value.strip() else None


def _badge(record, today: str | None, short: bool) -> str:
    """The validity badge of a clause's document: 已到期 / 已废止 (and 有效期至… when not short)."""
    if record is None:
        return ""
    v = validity(getattr(record, "effective_until", None), getattr(record, "repealed_by", None), today)
    if v is None or (short and not v.ended):
        return ""
    cls = "gz-badge gz-ended" if v.ended else "gz-badge"
    return f'<span class="{cls}" title="{e(v.text)}">{e(v.short if short else v.text)}</span>'


def _chip(c, turn: int, records: Mapping | None, today: str | None, compact: bool = False) -> str:
    record = (records.get(c.clause_id) if records else None) or c  # the citation carries the metadata too
    label = f"[{c.marker}]" if compact else f"[{c.marker}] {e(chip_text(c))}"
    return (f'<button type="button" class="cite-chip" data-action="cite:{turn}:{c.marker}" '
            f'title="{e(c.title)} {e(c.label)}">{label}{_badge(record, today, True)}</button>')


def answer_body(answer, turn: int, records: Mapping | None = None, today: str | None = None) -> str:
    """The answer text with each [n] marker turned into a chip button; everything else escaped.

    The direct-answer line, when the answer has one, comes first in bold (its own line of the text, with its chip,
    or the span itself when the text quotes it only inside a longer quote). A clause quoted twice gets one
    labelled chip; its later markers are compact [n] chips.
    """
    by_marker = {c.marker: c for c in answer.citations}
    lines = answer.text.split("\n")
    if answer.abstained and MAYBE in lines:
        lines = lines[: lines.index(MAYBE)]
    shown: set[int] = set()

    def line_html(line: str) -> str:
        pieces, last = [], 0
        for m in _MARKER.finditer(line):
            c = by_marker.get(int(m.group(1)))
            if c is None:
                continue
            pieces.append(e(line[last:m.start()]))
            pieces.append(_chip(c, turn, records, today, compact=c.clause_id in shown))
            shown.add(c.clause_id)
            last = m.end()
        pieces.append(e(line[last:]))
        return "".join(pieces)

    direct = direct_answer(answer)
    lead = ""
    if direct and lines and lines[0].startswith(direct):
        lead = f'<div class="gz-direct"><strong>{line_html(lines[0])}</strong></div>'
        lines = lines[1:]
    elif direct:
        lead = f'<div class="gz-direct"><strong>{e(direct)}</strong></div>'
    return lead + "<br>".join(line_html(line) for line in lines)


def unique_citations(answer) -> list:
    """One citation per clause, in marker order."""
    seen, out = set(), []
    for c in answer.citations:
        if c.clause_id not in seen:
            seen.add(c.clause_id)
            out.append(c)
    return out


def related_hits(answer, n: int = RELATED_SHOWN) -> list:
    """The possibly related clauses an abstention names: the first n distinct clauses of answer.related."""
    seen, out = set(), []
    for h in answer.related:
        if h.clause_id not in seen and len(out) < n:
            seen.add(h.clause_id)
            out.append(h)
    return out


def _related_chip(hit, turn: int, records: Mapping | None, today: str | None) -> str:
    record = records.get(hit.clause_id) if records else None
    name = hit.doc_number or _short(hit.title, 16)
    heading = f" {_short(hit.heading, 14)}" if hit.heading else ""
    return (f'<button type="button" class="cite-chip gz-related-chip" data-action="rel:{turn}:{hit.clause_id}" '
            f'title="{e(hit.title)} {e(hit.label)}">{e(name)} {e(hit.label)}{e(heading)}'
            f'{_badge(record or hit, today, True)}</button>')


def conversation_html(turns: Sequence[ChatTurn], records: Mapping | None = None, today: str | None = None,
                      conv_id: str = "", state: str = "[]") -> str:
    """The chat; `state` is the conversation as JSON (assistant.ui.saved), kept by the page in browser storage."""
    keep = f'<div class="gz-state" hidden data-conv="{e(conv_id)}" data-state="{e(state)}"></div>'
    if not turns:
        return (keep + '<div class="gz-empty">请在下方输入问题，或点击示例问题。回答均逐字引用公报原文，'
                '并注明文号与条款；点击引用标签可查看条款原文。</div>')
    parts = [keep, '<div class="gz-chat" role="log" aria-live="polite">']
    for i, t in enumerate(turns):
        parts.append(f'<div class="gz-msg gz-user"><div class="gz-who">问</div><div class="gz-text">{e(t.question)}</div></div>')
        if t.error:
            parts.append(f'<div class="gz-msg gz-bot gz-error"><div class="gz-who">答</div><div class="gz-text">{e(t.error)}</div></div>')
        elif t.notice:
            body = "<br>".join(e(line) for line in t.notice.split("\n"))
            parts.append(f'<div class="gz-msg gz-bot gz-hint" data-turn="{i}"><div class="gz-who">答</div>'
                         f'<div class="gz-text">{body}</div></div>')
        elif t.answer is None:
            parts.append('<div class="gz-msg gz-bot gz-pending"><div class="gz-who">答</div>'
                         '<div class="gz-text">正在查找相关条款…</div></div>')
        else:
            parts.append(_answer_block(t, i, records, today))
    parts.append("</div>")
    return "".join(parts)


def _answer_block(t: ChatTurn, turn: int, records: Mapping | None, today: str | None) -> str:
    answer = t.answer
    cls = "gz-msg gz-bot gz-abstained" if answer.abstained else "gz-msg gz-bot"
    extra = ""
    if answer.abstained:
        if t.filters:
            extra += (f'<div class="gz-filter-note">注意：本次检索限定了范围（{e(t.filters)}），'
                      '移除筛选后再问可能找到相关规定。</div>')
        hits = related_hits(answer)
        if hits:
            chips = "".join(_related_chip(h, turn, records, today) for h in hits)
            extra += f'<div class="gz-sources gz-related"><span class="gz-label">{MAYBE}</span>{chips}</div>'
    chips = "".join(_chip(c, turn, records, today) for c in unique_citations(answer))
    sources = f'<div class="gz-sources"><span class="gz-label">引用：</span>{chips}</div>' if chips else ""
    tools = (f'<div class="gz-tools">'
             f'<button type="button" class="gz-copy" data-copy="{e(copy_text(answer))}">复制回答与引用</button>'
             f'{_vote_button(turn, "up", "有用", t.vote)}{_vote_button(turn, "down", "没用", t.vote)}'
             f'</div>')
    return (f'<div class="{cls}" data-turn="{turn}"><div class="gz-who">答</div>'
            f'<div class="gz-text">{answer_body(answer, turn, records, today)}</div>{extra}{sources}{tools}</div>')


def _vote_button(turn: int, rating: str, label: str, vote: str | None) -> str:
    selected = vote == rating
    cls = "gz-fb gz-selected" if selected else "gz-fb"
    return (f'<button type="button" class="{cls}" data-action="fb:{turn}:{rating}" aria-pressed="{str(selected).lower()}">'
            f'{"✓ " if selected else ""}{label}</button>')


def _highlight(text: str, quote: str | None) -> str:
    """Escaped text with the first occurrence of quote wrapped in <mark>, newlines as <br>."""
    i = text.find(quote) if quote else -1
    if i < 0:
        body = e(text)
    else:
        body = f"{e(text[:i])}<mark>{e(quote)}</mark>{e(text[i + len(quote):])}"
    return body.replace("\n", "<br>")


def evidence_html(record, citation=None, doc_action: str | None = None, today: str | None = None,
                  marker: str | None = None, nonce: int = 0) -> str:
    """The clicked citation's clause: title, 文号, issuer, date, validity, breadcrumb, text with the quote marked."""
    if record is None:
        return '<div class="gz-evidence gz-empty">点击回答中的引用标签，在这里查看条款原文。</div>'
    quote = citation.quote if citation is not None else None
    rows = [
        ("文件", f"《{e(record.title)}》"),
        ("文号", e(record.doc_number or "无文号")),
        ("发文机关", e(record.issuer or "未注明")),
        ("日期", e(date_shown(record))),
        ("类别", e(KINDS.get(record.kind, record.kind))),
        ("条款", e(record.breadcrumb or record.label)),
    ]
    if getattr(record, "gazette_issue", None):
        rows.insert(4, ("公报", e(record.gazette_issue)))
    badge = _badge(record, today, False)
    if badge:
        rows.append(("效力", badge))
    meta = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in rows)
    heading = f'<div class="gz-heading">{e(record.heading)}</div>' if record.heading else ""
    if marker is None:
        marker = f"[{citation.marker}] " if citation is not None else ""
    button = (f'<button type="button" class="gz-open-doc" data-action="{e(doc_action)}">查看全文（定位到该条款）</button>'
              if doc_action else "")
    return (f'<div class="gz-evidence" data-clause="{record.clause_id}" data-nonce="{nonce}">'
            f'<div class="gz-ev-bar"><button type="button" class="gz-close gz-ev-close" data-close="evidence">'
            f'← 返回对话</button></div>'
            f'<div class="gz-ev-title">{e(marker)}{e(record.doc_number or "")} {e(record.label)}</div>'
            f'<table class="gz-meta">{meta}</table>{heading}'
            f'<blockquote class="gz-clause">{_highlight(record.text, quote)}</blockquote>'
            f'{button}</div>')


def document_html(records: Sequence, focus_clause_id: int | None, quote: str | None = None, today: str | None = None,
                  nonce: int = 0) -> str:
    """The whole document in a dialog: an outline of its numbered clauses, then every clause; the focused one
    carries class gz-focus and its quote is marked. Each clause has a 问这一条 button."""
    if not records:
        return ""
    first = records[0]
    badge = _badge(first, today, False)
    meta = " · ".join(e(x) for x in (first.doc_number or "无文号", first.issuer, date_shown(first)) if x)
    outline = []
    for r in records:
        if r.path and len(r.path) <= 2:
            depth = len(r.path)
            name = f"{r.label} {_short(r.heading, 18)}" if r.heading else r.label
            outline.append(f'<li class="gz-depth-{depth}"><a href="#gz-clause-{r.clause_id}" data-jump="{r.clause_id}">'
                           f'{e(name)}</a></li>')
    nav = (f'<nav class="gz-outline" aria-label="条款目录"><div class="gz-outline-title">目录</div>'
           f'<ul>{"".join(outline)}</ul></nav>') if outline else ""
    parts = []
    for r in records:
        focus = r.clause_id == focus_clause_id
        depth = min(len(r.path), 4)
        cls = f"gz-doc-clause gz-depth-{depth}" + (" gz-focus" if focus else "")
        head = f'<span class="gz-doc-label">{e(r.label)}</span>'
        if r.heading:
            head += f' <span class="gz-doc-heading">{e(r.heading)}</span>'
        ask = (f'<button type="button" class="gz-ask-clause" data-action="askclause:{r.clause_id}" '
               f'title="在问答中询问这一条">问这一条</button>')
        text = _highlight(r.text, quote if focus else None)
        parts.append(f'<div class="{cls}" id="gz-clause-{r.clause_id}">{head}{ask}<div class="gz-doc-text">{text}</div></div>')
    return (f'<div class="gz-modal" role="dialog" aria-modal="true" aria-label="文件全文" data-nonce="{nonce}">'
            f'<div class="gz-modal-box"><div class="gz-modal-head"><div class="gz-doc-title">《{e(first.title)}》{badge}</div>'
            f'<div class="gz-doc-meta">{meta}</div>'
            f'<button type="button" class="gz-close gz-doc-close" data-close="document">关闭</button></div>'
            f'<div class="gz-modal-body">{nav}<div class="gz-doc">{"".join(parts)}</div></div></div></div>')


def table_html(headers: Sequence[str], rows: Sequence[Sequence], row_classes: Sequence[str] | None = None,
               wide: Sequence[int] = ()) -> str:
    """A plain escaped table (eval results, feedback); columns in `wide` hold long text."""
    head = "".join(f'<th class="{"gz-wide" if i in wide else "gz-narrow"}">{e(h)}</th>' for i, h in enumerate(headers))
    body = []
    for i, row in enumerate(rows):
        cls = f' class="{e(row_classes[i])}"' if row_classes else ""
        cells = "".join(f'<td class="{"gz-wide" if j in wide else "gz-narrow"}">{e(c)}</td>'.replace("\n", "<br>")
                        for j, c in enumerate(row))
        body.append(f"<tr{cls}>{cells}</tr>")
    if not body:
        body.append(f'<tr><td colspan="{len(headers)}">（无）</td></tr>')
    return f'<div class="gz-table-wrap"><table class="gz-table"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table></div>'


def filter_tags_html(active: Sequence[tuple[str, str, str]]) -> str:
    """Active filters as removable tags: (key, name, value) each."""
    if not active:
        return ""
    tags = "".join(f'<span class="gz-tag">{e(name)}：{e(value)}'
                   f'<button type="button" class="gz-tag-x" data-action="unfilter:{e(key)}" '
                   f'aria-label="移除筛选 {e(name)}：{e(value)}">×</button></span>' for key, name, value in active)
    return f'<div class="gz-tags"><span class="gz-label">检索范围：</span>{tags}</div>'


def coverage_html(cov) -> str:
    """What the index covers: the gazette issues, the document count, and that answers come only from them."""
    issues = "；".join(e(i) for i in cov.issues)
    parts = [f"{len(cov.issues)} 期公报（{issues}）"] if cov.issues else []
    if cov.other_documents:
        parts.append(f"其他文件 {cov.other_documents} 份")
    return (f'<div class="gz-coverage"><b>已收录：</b>{"，".join(parts) or "（无）"}；共 {cov.documents} 份文件、'
            f'{cov.clauses} 个条款。回答只依据这些已收录的文件，不含其他来源。</div>')


def documents_html(docs: Sequence, today: str | None = None) -> str:
    """The 文件 tab's list: one row per document, with text to search and data to filter in the page."""
    rows = []
    for d in docs:
        badge = _badge(d, today, False)
        kind = KINDS.get(d.kind, d.kind)
        search = " ".join(x for x in (d.doc_number, d.title, d.issuer, kind, d.gazette_issue) if x)
        rows.append(
            f'<tr data-search="{e(search)}" data-kind="{e(d.kind)}" data-ended="{1 if "gz-ended" in badge else 0}">'
            f'<td>{e(d.doc_number or "—")}</td>'
            f'<td><button type="button" class="gz-doc-link" data-action="open:{d.doc_index}">{e(d.title)}</button></td>'
            f'<td>{e(d.issuer or "—")}</td><td>{e(date_shown(d))}</td><td>{e(kind)}</td>'
            f'<td>{badge or "—"}</td></tr>')
    head = "".join(f'<th scope="col">{h}</th>' for h in ("文号", "标题", "发文机关", "日期", "类别", "效力"))
    kinds = "".join(f'<option value="{e(k)}">{e(KINDS.get(k, k))}</option>'
                    for k in dict.fromkeys(d.kind for d in docs))
    controls = (f'<div class="gz-docs-controls"><input type="search" class="gz-docs-q" aria-label="搜索文件" '
                f'placeholder="搜索文号、标题、发文机关"><select class="gz-docs-kind" aria-label="按类别筛选">'
                f'<option value="">全部类别</option>{kinds}</select>'
                f'<label><input type="checkbox" class="gz-docs-valid"> 不看已到期或已废止的</label>'
                f'<span class="gz-docs-count" aria-live="polite"></span></div>')
    return (f'{controls}<div class="gz-table-wrap gz-docs-wrap"><table class="gz-table gz-docs"><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>'
            f'<div class="gz-docs-none" hidden>没有符合条件的文件。</div></div>')


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"
