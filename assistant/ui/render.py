"""HTML for the chat UI. Every piece of user input and document text goes through html.escape here."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from assistant.ui.service import KIND_NAMES

_MARKER = re.compile(r"\[(\d+)\]")


@dataclass(frozen=True)
class ChatTurn:
    """One exchange shown in the chat: the answer is None while it is being prepared, error set when it failed."""

    question: str
    answer: object | None = None  # assistant.answer.Answer
    error: str | None = None


def e(value) -> str:
    """Escaped text for HTML content and attribute values (quotes included)."""
    return escape("" if value is None else str(value), quote=True)


def chip_text(citation) -> str:
    """What a citation chip shows: 文号 + clause label, or the title when the document has no number."""
    name = citation.doc_number or _short(citation.title, 14)
    return f"{name} {citation.label}".strip()


def copy_text(answer) -> str:
    """Answer text followed by its citation list: what the copy button puts on the clipboard."""
    lines = [answer.text]
    if answer.citations:
        lines += ["", "引用："]
        for c in answer.citations:
            number = f"{c.doc_number} " if c.doc_number else ""
            lines.append(f"【{c.marker}】{number}《{c.title}》{c.label}：{c.quote}")
    return "\n".join(lines)


def answer_body(answer, turn: int) -> str:
    """The answer text with each [n] marker turned into a chip button; everything else escaped."""
    by_marker = {c.marker: c for c in answer.citations}
    out = []
    for line in answer.text.split("\n"):
        pieces, last = [], 0
        for m in _MARKER.finditer(line):
            c = by_marker.get(int(m.group(1)))
            if c is None:
                continue
            pieces.append(e(line[last:m.start()]))
            pieces.append(_chip(c, turn))
            last = m.end()
        pieces.append(e(line[last:]))
        out.append("".join(pieces))
    return "<br>".join(out)


def _chip(c, turn: int) -> str:
    return (f'<button type="button" class="cite-chip" data-action="cite:{turn}:{c.marker}" '
            f'title="{e(c.title)}">[{c.marker}] {e(chip_text(c))}</button>')


def conversation_html(turns: Sequence[ChatTurn]) -> str:
    if not turns:
        return ('<div class="gz-empty">请在下方输入问题，或点击示例问题。回答均逐字引用公报原文，'
                '并注明文号与条款；点击引用标签可查看条款原文。</div>')
    parts = ['<div class="gz-chat">']
    for i, t in enumerate(turns):
        parts.append(f'<div class="gz-msg gz-user"><div class="gz-who">问</div><div class="gz-text">{e(t.question)}</div></div>')
        if t.error:
            parts.append(f'<div class="gz-msg gz-bot gz-error"><div class="gz-who">答</div><div class="gz-text">{e(t.error)}</div></div>')
        elif t.answer is None:
            parts.append('<div class="gz-msg gz-bot gz-pending"><div class="gz-who">答</div>'
                         '<div class="gz-text">正在查找相关条款…</div></div>')
        else:
            parts.append(_answer_block(t.answer, i))
    parts.append("</div>")
    return "".join(parts)


def _answer_block(answer, turn: int) -> str:
    cls = "gz-msg gz-bot gz-abstained" if answer.abstained else "gz-msg gz-bot"
    chips = "".join(_chip(c, turn) for c in answer.citations)
    sources = f'<div class="gz-sources"><span class="gz-label">引用：</span>{chips}</div>' if chips else ""
    tools = (f'<div class="gz-tools">'
             f'<button type="button" class="gz-copy" data-copy="{e(copy_text(answer))}">复制回答与引用</button>'
             f'<button type="button" class="gz-fb" data-action="fb:{turn}:up" title="有帮助">有用</button>'
             f'<button type="button" class="gz-fb" data-action="fb:{turn}:down" title="没有帮助">没用</button>'
             f'</div>')
    return (f'<div class="{cls}" data-turn="{turn}"><div class="gz-who">答</div>'
            f'<div class="gz-text">{answer_body(answer, turn)}</div>{sources}{tools}</div>')


def _highlight(text: str, quote: str | None) -> str:
    """Escaped text with the first occurrence of quote wrapped in <mark>, newlines as <br>."""
    i = text.find(quote) if quote else -1
    if i < 0:
        body = e(text)
    else:
        body = f"{e(text[:i])}<mark>{e(quote)}</mark>{e(text[i + len(quote):])}"
    return body.replace("\n", "<br>")


def evidence_html(record, citation=None, doc_action: str | None = None) -> str:
    """The clicked citation's clause: title, 文号, issuer, date, breadcrumb, full text with the quote marked."""
    if record is None:
        return '<div class="gz-evidence gz-empty">点击回答中的引用标签，在这里查看条款原文。</div>'
    quote = citation.quote if citation is not None else None
    rows = [
        ("文件", f"《{e(record.title)}》"),
        ("文号", e(record.doc_number or "无文号")),
        ("发文机关", e(record.issuer or "未注明")),
        ("日期", e(record.date or "未注明")),
        ("类别", e(KIND_NAMES.get(record.kind, record.kind))),
        ("条款", e(record.breadcrumb or record.label)),
    ]
    meta = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in rows)
    heading = f'<div class="gz-heading">{e(record.heading)}</div>' if record.heading else ""
    marker = f"[{citation.marker}] " if citation is not None else ""
    button = (f'<button type="button" class="gz-open-doc" data-action="{e(doc_action)}">查看全文（定位到该条款）</button>'
              if doc_action else "")
    return (f'<div class="gz-evidence" data-clause="{record.clause_id}">'
            f'<div class="gz-ev-title">{e(marker)}{e(record.doc_number or "")} {e(record.label)}</div>'
            f'<table class="gz-meta">{meta}</table>{heading}'
            f'<blockquote class="gz-clause">{_highlight(record.text, quote)}</blockquote>'
            f'{button}</div>')


def document_html(records: Sequence, focus_clause_id: int | None, quote: str | None = None) -> str:
    """The whole document as an outline; the focused clause carries class gz-focus and its quote is marked."""
    if not records:
        return ""
    first = records[0]
    parts = [f'<div class="gz-doc"><div class="gz-doc-title">《{e(first.title)}》</div>'
             f'<div class="gz-doc-meta">{e(first.doc_number or "无文号")} · {e(first.issuer or "")} · {e(first.date or "")}</div>']
    for r in records:
        focus = r.clause_id == focus_clause_id
        depth = min(len(r.path), 4)
        cls = f"gz-doc-clause gz-depth-{depth}" + (" gz-focus" if focus else "")
        head = f'<span class="gz-doc-label">{e(r.label)}</span>'
        if r.heading:
            head += f' <span class="gz-doc-heading">{e(r.heading)}</span>'
        text = _highlight(r.text, quote if focus else None)
        parts.append(f'<div class="{cls}" id="gz-clause-{r.clause_id}">{head}<div class="gz-doc-text">{text}</div></div>')
    parts.append("</div>")
    return "".join(parts)


def table_html(headers: Sequence[str], rows: Sequence[Sequence], row_classes: Sequence[str] | None = None) -> str:
    """A plain escaped table (eval results, feedback)."""
    head = "".join(f"<th>{e(h)}</th>" for h in headers)
    body = []
    for i, row in enumerate(rows):
        cls = f' class="{e(row_classes[i])}"' if row_classes else ""
        cells = "".join(f"<td>{e(c)}</td>".replace("\n", "<br>") for c in row)
        body.append(f"<tr{cls}>{cells}</tr>")
    if not body:
        body.append(f'<tr><td colspan="{len(headers)}">（无）</td></tr>')
    return f'<div class="gz-table-wrap"><table class="gz-table"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table></div>'


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"
