"""Read a PDF's text layer with positions (pypdfium2) and rebuild text the parsers read like extracted text.

Positions answer what plain extraction has to guess: page furniture (running headers, footers and page numbers
printed at the same place on many pages) is dropped, two columns are read one after the other, characters stacked
one per line (vertical table columns) stay one per line, ruled tables become one line per row (pdfplumber gives
the cells), right-aligned signature lines keep a wide indent and indented first lines a full-width one.
"""
from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from corpus.charfold import fold_cjk
from corpus.errors import SourceError
from corpus.layout import DOC_NUMBER_LINE, RUNNING_HEADER
from corpus.pdf_layout import TextLine, page_lines

PAGE_NUMBER = re.compile(r"^[·•\-—－\s]*(第\s*)?\d{1,4}(\s*页)?[·•\-—－\s]*$")
_SIGNATURE_INDENT = 40  # spaces before a right-aligned line (the parsers take >= 8 as a signature)
# Fonts print a doubled dash (——) and Latin ligatures as one glyph; the text layer then names that glyph.
_LIGATURES = str.maketrans({"\u2e3a": "——", "\u2e3b": "———", "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl",
                            "\ufb03": "ffi", "\ufb04": "ffl"})


@dataclass(frozen=True)
class PdfText:
    text: str
    warnings: tuple[str, ...]  # per-page problems, e.g. 第3页没有文字层，需要OCR
    pages: int


def read_pdf(source: str | Path | bytes, name: str | None = None) -> PdfText:
    """The PDF's text in the form the gazette, policy and statute parsers read; raises SourceError.

    `source` is a path or the file's bytes (an upload); `name` names it in messages.
    """
    import pypdfium2 as pdfium

    data = source if isinstance(source, bytes) else None
    name = name or (str(source) if data is None else "PDF")
    try:
        doc = pdfium.PdfDocument(data if data is not None else str(source))
    except pdfium.PdfiumError as exc:
        reason = "有密码保护" if "password" in str(exc).lower() else "文件损坏或不是 PDF"
        raise SourceError(name, f"无法打开 PDF 文件（{reason}）") from exc
    plumber: list = []  # pdfplumber's copy of the file, opened on the first page that draws rules
    try:
        pages, warnings = [], []
        for n in range(len(doc)):
            page = doc[n]
            lines = page_lines(page, lambda: _tables(plumber, source, n))
            if not lines and _has_images(page):
                warnings.append(f"第{n + 1}页没有文字层，需要OCR")
            pages.append(lines)
            page.close()
        count = len(doc)
    finally:
        doc.close()
        for opened in plumber:
            opened.close()
    if not any(pages):
        reason = "没有文字层（扫描件），需要OCR" if warnings else "没有可读的文字"
        raise SourceError(name, reason)
    pages = _drop_furniture(pages)
    text = _as_lines(pages) if _is_issue(pages) else _as_paragraphs(pages)
    return PdfText(fold_cjk(text.translate(_LIGATURES)), tuple(warnings), count)


def _is_issue(pages: list[list[TextLine]]) -> bool:
    """A gazette issue (several documents): a gazette running header, or several 文号 printed on lines of their own."""
    if any(RUNNING_HEADER.match(line.text) for page in pages for line in page):
        return True
    numbers = {line.text for page in pages for line in page if DOC_NUMBER_LINE.match(line.text)}
    return len(numbers) >= 2


def _has_images(page) -> bool:
    import pypdfium2.raw as raw

    return any(True for _ in page.get_objects(filter=[raw.FPDF_PAGEOBJ_IMAGE], max_depth=2))


def _tables(plumber: list, source: str | Path | bytes, index: int) -> list:
    """Ruled tables on one page as (bbox, [(row top, [cell bbox])]), top-down points, from pdfplumber.

    Only the cell structure comes from pdfplumber; the characters are pdfium's (pdfminer maps some
    glyphs shared by two code points, 户 and 戶, to the wrong one).
    """
    import logging

    import pdfplumber

    # pdfminer logs every font without a bounding box (non-embedded CID fonts); the text is unaffected.
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    if not plumber:
        plumber.append(pdfplumber.open(io.BytesIO(source) if isinstance(source, bytes) else str(source)))
    found = []
    page = plumber[0].pages[index]
    try:
        tables = page.find_tables({"vertical_strategy": "lines", "horizontal_strategy": "lines"})
    except Exception:  # noqa: BLE001 - pdfminer cannot read this page's drawing: its characters are read as lines
        tables = []
    try:
        for table in tables:
            rows = [(row.bbox[1], [cell for cell in row.cells if cell is not None]) for row in table.rows]
            rows = [(top, cells) for top, cells in rows if cells]
            if rows and max(len(cells) for _, cells in rows) >= 2:
                found.append((table.bbox, rows))
    finally:
        page.close()
    return found


# ---- page furniture -----------------------------------------------------------------------

def _furniture_key(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def _drop_furniture(pages: list[list[TextLine]]) -> list[list[TextLine]]:
    """Drop page numbers and lines repeated in the top or bottom band of many pages; keep gazette headers."""
    counts: Counter = Counter()
    for page in pages:
        counts.update({(line.band, _furniture_key(line.text)) for line in page if line.band})
    with_text = sum(1 for page in pages if page)
    repeated = {key for key, n in counts.items() if n >= max(2, 0.3 * with_text)}
    kept_pages = []
    for page in pages:
        kept, header = [], None
        for line in page:
            if line.band and PAGE_NUMBER.match(line.text):
                continue
            if line.band and RUNNING_HEADER.match(re.sub(r"\s{2,}", " ", line.text)):
                header = header or line
                continue
            if (line.band, _furniture_key(line.text)) in repeated:
                continue
            kept.append(line)
        if header is not None:
            # The gazette parser reads the issue and the section from the running header.
            kept.insert(0, TextLine(re.sub(r"\s+", " ", header.text), header.x0, header.x1, header.top, header.size))
        kept_pages.append(kept)
    return kept_pages


# ---- output forms -------------------------------------------------------------------------

def _indent(line: TextLine) -> str:
    if line.align == "right":
        return " " * _SIGNATURE_INDENT
    if line.align == "indent":
        return "\u3000\u3000"
    return ""


def _as_lines(pages: list[list[TextLine]]) -> str:
    """Printed lines as extracted gazette text has them: one line per printed line, a form feed per page."""
    out = []
    for page in pages:
        if not page:
            continue
        lines = [_indent(line) + line.text for line in page]
        if not lines[0].startswith(" "):
            lines[0] = " " + lines[0]  # extracted gazette text opens a page with a one-space indent
        out.append("\n".join(lines))
    return "\n\f\n".join(out) + "\n"


def _as_paragraphs(pages: list[list[TextLine]]) -> str:
    """One paragraph per line (single documents): wrapped lines joined, standalone lines kept apart."""
    lines = [line for page in pages for line in page]
    paragraphs: list[str] = []
    previous: TextLine | None = None
    for line in lines:
        alone = line.align in ("center", "right")
        if previous is None or alone or previous.align in ("center", "right") or line.align == "indent" \
                or not previous.full or line.row or previous.row:
            paragraphs.append(_indent(line).replace("\u3000", "") + line.text)
        else:
            joint = " " if previous.text[-1:].isascii() and line.text[:1].isascii() and previous.text[-1:].isalnum() \
                and line.text[:1].isalnum() else ""
            paragraphs[-1] += joint + line.text
        previous = line
    return "\n".join(paragraphs) + "\n"

