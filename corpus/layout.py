"""Repairs for text extracted from gazette PDFs: pages, page furniture, spacing, wrapped lines.

Each rule is generic to PDF-extracted gazettes; none is fitted to a particular passage.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from corpus.issue import match_header
from corpus.numbers import DOC_NUMBER

# Section banners printed at page edges; they name the section a page belongs to.
BANNERS = {
    "文件发布": "document",
    "政务简讯": "news",
    "政府记事": "chronicle",
    "机构人事": "appointments",
    "人事任免": "appointments",
    "统计资料": "statistics",
    "政策解读": "feature",
    "专题报道": "feature",
}

_DECORATED_PAGE_NUMBER = re.compile(r"^[·•\-—]\s*\d{1,4}\s*[·•\-—]$")
# A running header naming the issue in any printed form: 公报（总第203期）, 公报 2019年第7期（总第203期） 文件发布;
# corpus.issue.match_header reads its parts.
RUNNING_HEADER = re.compile(
    r"^(?P<name>\S*公报)\s*(?=\S*?(?:\d{4}\s*年\s*第|总\s*第))"
    r"(?P<issue>[（(]?\s*(?:\d{4}\s*年\s*第\s*[\d〇零一二三四五六七八九十]{1,4}\s*[期号])?\s*[（(]?\s*"
    r"(?:总\s*第\s*\d+\s*[期号])?\s*[）)]?\s*[）)]?)\s*(?P<section>\S*)$")
DOC_NUMBER_LINE = re.compile(rf"^(?:{DOC_NUMBER.pattern})$")
NORM_CODE = re.compile(r"^[A-Z]{2,6}\d{2}-\d{4}-\d{3,5}$")
DATE_LINE = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$")
SENTENCE_END = "。！？；：”」）)"
_PUNCTUATION = re.compile(r"[，。；！？：,;]")
_STRONG_END = "。！？；："


@dataclass(frozen=True)
class Line:
    text: str  # normalized, stripped
    indent: int  # leading ASCII spaces in the raw line (right-aligned signatures have many)
    fw_indent: bool  # starts with full-width spaces (captions, continuation of lists)
    number: int  # 1-based line number in the source
    break_before: bool = False  # a paragraph surely starts here (set by the document assembler)
    justified: bool = False  # characters were spread over the full line width


@dataclass
class Page:
    lines: list[Line]
    banner: str | None = None  # section kind named by a banner on this page
    header: tuple[str, str] | None = None  # (gazette name, issue) from a running header
    issues: list = field(default_factory=list)  # every issue line on the page (corpus.issue.IssueHeader)


def close_up(text: str) -> str:
    """Remove spaces inserted by justification: '2 . 创 建 “ 万' -> '2.创建“万'."""
    tokens = text.split(" ")
    words = [t for t in tokens if t]
    if len(words) >= 4 and sum(len(t) == 1 for t in words) >= 0.6 * len(words):
        return re.sub(r"(?<=\S) (?=\S)", "", text)
    return text


def normalize_line(raw: str) -> str:
    text = unicodedata.normalize("NFC", raw).replace("\u00a0", " ").replace("\t", " ")
    text = text.strip(" \u3000")
    text = re.sub(r"\s+$", "", text)
    return close_up(text) if " " in text else text


def split_pages(text: str) -> list[Page]:
    """Pages start at a line indented by exactly one space, a form feed, or a page number."""
    pages: list[Page] = [Page([])]
    for number, raw in enumerate(text.split("\n"), start=1):
        if raw.startswith("\f"):
            raw = raw.lstrip("\f")
            pages.append(Page([]))
        stripped = raw.strip(" \u3000\u00a0\t")
        if not stripped:
            continue
        starts_page = raw.startswith(" ") and not raw.startswith("  ")
        if starts_page and pages[-1].lines:
            pages.append(Page([]))
        if _DECORATED_PAGE_NUMBER.match(stripped.replace(" ", "")) or _DECORATED_PAGE_NUMBER.match(stripped):
            if pages[-1].lines:
                pages.append(Page([]))
            continue
        indent = len(raw) - len(raw.lstrip(" "))
        fw = raw.lstrip(" ").startswith("\u3000\u3000")
        text_line = normalize_line(raw)
        if text_line:
            spread = len(raw.strip()) - len(text_line) >= 4
            pages[-1].lines.append(Line(text_line, indent, fw, number, justified=spread))
    for page in pages:
        _strip_furniture(page)
    return [p for p in pages if p.lines]


def banner_kind(text: str) -> str | None:
    return BANNERS.get(text.replace(" ", ""))


def _strip_furniture(page: Page) -> None:
    kept = []
    for line in page.lines:
        found = match_header(line.text)
        if found:  # running header or cover line naming the issue: page furniture, kept as the issue's identity
            page.issues.append(found)
            page.header = page.header or (found.name, found.label)
            page.banner = page.banner or banner_kind(found.section or "")
            continue
        kind = banner_kind(line.text)
        if kind:
            page.banner = page.banner or kind
            continue
        kept.append(line)
    page.lines = kept


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def typical_width(lines: list[Line]) -> int:
    """The width of a full line on these pages (a high percentile of line widths)."""
    # One-character lines of vertical tables say nothing about the text column.
    widths = sorted(display_width(line.text) for line in lines if len(line.text) > 3)
    if not widths:
        return 0
    return widths[int(0.7 * (len(widths) - 1))]


def is_vertical(lines: list[Line]) -> bool:
    """A table printed one character per line (a rotated or vertical layout)."""
    return len(lines) >= 20 and sum(len(line.text) <= 2 for line in lines) >= 0.8 * len(lines)


STANDALONE_HEADING = re.compile(r"^(附\s*则|附\s*件|第[一二三四五六七八九十百]+[章节编](\s+\S{1,20})?)$")


def join_lines(lines: list[Line], starts_paragraph, width: int | None = None, prose: bool = False) -> list[str]:
    """Join wrapped lines into paragraphs without inserted spaces.

    A line ends its paragraph when it is clearly shorter than a full line, or when it ends a
    sentence and the next line opens a numbered unit (`starts_paragraph`). Section headings
    such as 附则 stand alone even when the PDF put them right after an unfinished line.
    """
    width = width or typical_width(lines)
    paragraphs: list[str] = []
    current = ""
    previous: Line | None = None
    for line in lines:
        if previous is not None:
            full = previous.justified or display_width(previous.text) >= 0.8 * width
            ended = previous.text[-1] in SENTENCE_END
            if prose:
                short = display_width(previous.text) < 0.92 * width
                new = ended and (short or starts_paragraph(line.text)) or line.break_before
                if new:
                    paragraphs.append(current)
                    current = ""
                current += line.text
                previous = line
                continue
            new = (
                not full
                or ((ended or not _PUNCTUATION.search(previous.text)) and starts_paragraph(line.text))
                or (previous.text[-1] in _STRONG_END and line.fw_indent)
                or STANDALONE_HEADING.match(line.text)
                or STANDALONE_HEADING.match(previous.text)
                or line.break_before
            )
            if new:
                paragraphs.append(current)
                current = ""
        current += line.text
        previous = line
    if current:
        paragraphs.append(current)
    return paragraphs
