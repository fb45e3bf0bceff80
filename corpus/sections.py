"""Gazette content other than numbered documents: news, appointments, chronicle, statistics, articles."""
from __future__ import annotations

import re

from corpus import layout
from corpus.layout import DATE_LINE, DOC_NUMBER_LINE, NORM_CODE, SENTENCE_END, Line
from corpus.model import Clause, Document
from corpus.outline import match_marker
from corpus.tables import statistics_clauses

NEWS_DATE_START = re.compile(r"^\d{1,2}月\d{1,2}日(至\d{1,2}日)?[，,]")
CHRONICLE_DAY = re.compile(r"^(\d{1,2})日$")
PUNCT = re.compile(r"[，。；！？,;]")


def title_like(line: Line) -> bool:
    return (
        len(line.text) <= 32
        and not PUNCT.search(line.text)
        and not DATE_LINE.match(line.text)
        and not DOC_NUMBER_LINE.match(line.text)
        and not NORM_CODE.match(line.text)
        and match_marker(line.text) is None
    )


def _paragraph_clauses(paragraphs: list[str]) -> tuple[Clause, ...]:
    """Unnumbered prose: one clause per paragraph, labelled 第N段."""
    return tuple(Clause(path=(f"第{n}段",), label=f"第{n}段", heading=None, text=p) for n, p in enumerate(paragraphs, 1))


def news(lines: list[Line], base: dict, year: int | None) -> list[Document]:
    starts: list[tuple[int, int]] = []  # (title start, body start)
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and j - i < 3 and title_like(lines[j]):
            j += 1
        prev_done = i == 0 or lines[i - 1].text[-1] in SENTENCE_END
        if j > i and j < len(lines) and prev_done and NEWS_DATE_START.match(lines[j].text):
            starts.append((i, j))
            i = j
        else:
            i += 1
    docs = []
    for n, (t0, b0) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(lines)
        title = "".join(l.text for l in lines[t0:b0])
        body = lines[b0:end]
        m = re.match(r"^(\d{1,2})月(\d{1,2})日", body[0].text)
        date = f"{year:04d}-{int(m.group(1)):02d}-{int(m.group(2)):02d}" if (m and year) else None
        paragraphs = layout.join_lines(body, lambda t: False, prose=True)
        docs.append(Document(title=title, kind="news", clauses=_paragraph_clauses(paragraphs), date=date, **base))
    return docs


def _kind_title(lines: list[Line], word: str) -> tuple[str | None, list[Line]]:
    """A title line naming the section (e.g. containing 任免 or 记事), removed from the flow."""
    for i, line in enumerate(lines):
        if word in line.text and title_like(line):
            return line.text, lines[:i] + lines[i + 1:]
    return None, lines


def appointments(lines: list[Line], base: dict, publisher: str | None) -> Document:
    title, lines = _kind_title(lines, "任免")
    paragraphs = layout.join_lines(lines, lambda t: True, prose=True)
    return Document(title=title or "人事任免", kind="appointments", clauses=_paragraph_clauses(paragraphs), issuer=publisher, **base)


def chronicle(lines: list[Line], base: dict, publisher: str | None) -> Document:
    title, lines = _kind_title(lines, "记事")
    clauses: dict[tuple[str, ...], Clause] = {}
    day, items = None, []

    def flush():
        if items:
            paragraphs = layout.join_lines(items, lambda t: t.startswith("△"))
            text = "\n".join(p.lstrip("△ ").strip() for p in paragraphs)
            path = (day,) if day else ("第1段",)
            if path in clauses:  # a day printed twice (a repeated page): one citable clause
                text = f"{clauses[path].text}\n{text}"
            clauses[path] = Clause(path=path, label=path[0], heading=None, text=text)

    for line in lines:
        m = CHRONICLE_DAY.match(line.text)
        if m:
            flush()
            day, items = line.text, []
        else:
            items.append(line)
    flush()
    return Document(title=title or "政府记事", kind="chronicle", clauses=tuple(clauses.values()), issuer=publisher, **base)


def statistics(lines: list[Line], base: dict) -> Document:
    issuer = None
    title = None
    rest = []
    for line in lines:
        if issuer is None and re.match(r"^\S{2,20}制$", line.text):
            issuer = line.text[:-1]
        elif title is None and title_like(line) and not re.search(r"\d+(\.\d+)?\s", line.text) and len(line.text) > 8:
            title = line.text
        else:
            rest.append(line)
    return Document(title=title or "统计资料", kind="statistics", clauses=tuple(statistics_clauses(rest)), issuer=issuer, **base)


def captions(lines: list[Line], base: dict, gazette_name, issue, year) -> Document:
    paragraphs = layout.join_lines(lines, lambda t: bool(NEWS_DATE_START.match(t)))
    title = f"{gazette_name or '公报'}（{issue}）图片新闻" if issue else "图片新闻"
    return Document(title=title, kind="captions", clauses=_paragraph_clauses(paragraphs), **base)


def feature(lines: list[Line], base: dict) -> Document:
    title = lines[0].text if lines and not PUNCT.search(lines[0].text.replace("  ", "")) else ""
    body = lines[1:] if title else lines
    # Photo captions are indented with full-width spaces and interrupt the running text; a
    # caption's wrapped second line is short.
    width = layout.typical_width(body)
    captions, flow = [], []
    last_was_caption = False
    for line in body:
        if line.fw_indent or (last_was_caption and layout.display_width(line.text) < 0.8 * width):
            captions.append(line)
            last_was_caption = line.fw_indent
        else:
            flow.append(line)
            last_was_caption = False
    paragraphs = layout.join_lines(flow, lambda t: False, prose=True)
    clauses = list(_paragraph_clauses(paragraphs))
    if captions:
        caption_text: list[str] = []
        for line in captions:
            if line.fw_indent or not caption_text:
                caption_text.append(line.text)
            else:
                caption_text[-1] += line.text
        clauses.append(Clause(path=("图片说明",), label="图片说明", heading=None, text="\n".join(caption_text)))
    return Document(title=title or "专题文章", kind="feature", clauses=tuple(clauses), **base)
