"""Characters with positions from one PDF page (pypdfium2) grouped into printed lines in reading order."""
from __future__ import annotations

import statistics
import unicodedata
from collections import Counter
from dataclasses import dataclass, replace

_BAND = 0.07  # share of the page height at the top and bottom where running headers and page numbers sit
_PIECE_GAP = 1.0  # em: a wider gap between two characters ends a piece of a line (column gutter, tab)


@dataclass(frozen=True)
class Glyph:
    ch: str
    x0: float  # points; top-down coordinates
    x1: float
    top: float
    bottom: float
    size: float

    @property
    def mid(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(frozen=True)
class TextLine:
    text: str
    x0: float
    x1: float
    top: float
    size: float
    band: str = ""  # "top" / "bottom": printed where page furniture sits
    align: str = "left"  # left | indent (2-em first line) | right | center
    full: bool = True  # reaches the right edge of its column: a wrapped line whose paragraph goes on
    row: bool = False  # one row of a ruled table, cells separated by spaces


def page_glyphs(page) -> list[Glyph]:
    import pypdfium2.raw as raw

    height = page.get_height()
    textpage = page.get_textpage()
    glyphs = []
    try:
        for i in range(textpage.count_chars()):
            if raw.FPDFText_IsGenerated(textpage, i) == 1:
                continue  # spaces and line breaks pdfium infers; gaps are measured here instead
            code = raw.FPDFText_GetUnicode(textpage, i)
            if code == 0x02:
                code = 0x2D  # pdfium marks a hyphen ending a line; in Chinese text it is printed content (2019-)
            if code in (0, 0xFFFE, 0xFFFF, 0x0D, 0x0A):
                continue
            left, bottom, right, top = textpage.get_charbox(i, loose=True)
            size = raw.FPDFText_GetFontSize(textpage, i) or (top - bottom)
            glyphs.append(Glyph(chr(code), left, right, height - top, height - bottom, size))
    finally:
        textpage.close()
    # Producers scale fonts in the text matrix, so the nominal size may not be the printed one; an
    # ideograph is one em wide, which gives the printed size.
    ratios = [(g.x1 - g.x0) / g.size for g in glyphs if g.size > 0 and "\u4e00" <= g.ch <= "\u9fff"]
    if ratios:
        scale = statistics.median(ratios)
        if 0.2 < scale < 5 and abs(scale - 1) > 0.02:
            glyphs = [replace(g, size=g.size * scale) for g in glyphs]
    return glyphs


def page_lines(page, tables=None) -> list[TextLine]:
    """The page's printed lines in reading order; `tables()` gives ruled tables when the page draws lines."""
    height = page.get_height()
    glyphs = page_glyphs(page)
    if not any(not g.ch.isspace() for g in glyphs):
        return []
    rows: list[TextLine] = []
    if tables is not None and _draws_lines(page):
        for bbox, table_rows in tables():
            x0, top, x1, bottom = bbox
            for row_top, cells in table_rows:
                texts = [_cell_text([g for g in glyphs if _inside(g, cell)]) for cell in cells]
                text = " ".join(t for t in texts if t)
                if text:
                    rows.append(TextLine(text, x0, x1, row_top, _median_size(glyphs), row=True))
            glyphs = [g for g in glyphs if not _inside(g, bbox)]
    em = _median_size(glyphs)
    grouped = _rows(glyphs)
    # Furniture at the page edges is read as lines even on a page of vertical text.
    alone = [g for g in _isolated(grouped) if _BAND * height < g.mid < (1 - _BAND) * height]
    ink = sum(1 for g in glyphs if not g.ch.isspace())
    if len(alone) >= 20 and len(alone) >= 0.7 * ink:
        chars = [_line([g]) for g in alone]
        stacked = {id(a) for a in alone}
        others = _pieces([[g for g in row if id(g) not in stacked] for row in grouped])
        return _mark_bands(_vertical_order(chars, others, em), height)
    return _mark_bands(_reading_order(_pieces(grouped) + rows, em, height), height)


def _isolated(rows: list[list[Glyph]]) -> list[Glyph]:
    """Characters with no neighbour on their baseline: stacked one per line, as vertical table columns print."""
    alone = []
    for row in rows:
        ink = [g for g in row if not g.ch.isspace()]
        for i, g in enumerate(ink):
            near = (i > 0 and g.x0 - ink[i - 1].x1 < 0.3 * g.size) or \
                (i + 1 < len(ink) and ink[i + 1].x0 - g.x1 < 0.3 * g.size)
            if not near:
                alone.append(g)
    return alone


def _inside(g: Glyph, box) -> bool:
    x0, top, x1, bottom = box
    return x0 <= (g.x0 + g.x1) / 2 <= x1 and top <= g.mid <= bottom


def _cell_text(glyphs: list[Glyph]) -> str:
    """A cell's lines joined without spaces (a cell wraps like a narrow column)."""
    return "".join(_line(row).text.replace(" ", "") for row in _rows(glyphs) if row)


def _draws_lines(page) -> bool:
    import pypdfium2.raw as raw

    count = 0
    for _ in page.get_objects(filter=[raw.FPDF_PAGEOBJ_PATH], max_depth=2):
        count += 1
        if count >= 2:  # more than a rule under the running header
            return True
    return False


def _median_size(glyphs: list[Glyph]) -> float:
    sizes = [g.size for g in glyphs if not g.ch.isspace()]
    return statistics.median(sizes) if sizes else 10.0


def _rows(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """Glyphs sharing a baseline, left to right."""
    rows: list[list[Glyph]] = []
    mid = 0.0  # the running baseline of the last row
    for g in sorted(glyphs, key=lambda g: (g.mid, g.x0)):
        if rows and abs(g.mid - mid) < 0.35 * max(g.size, 1):
            rows[-1].append(g)
            mid += (g.mid - mid) / min(len(rows[-1]), 3)
        else:
            rows.append([g])
            mid = g.mid
    return [sorted(r, key=lambda g: g.x0) for r in rows]


def _pieces(rows: list[list[Glyph]]) -> list[TextLine]:
    """Each row cut where characters are more than _PIECE_GAP apart (two columns, stacked vertical text)."""
    pieces = []
    for row in rows:
        current: list[Glyph] = []
        for g in row:
            if current and g.x0 - _last_ink(current).x1 > _PIECE_GAP * max(g.size, 1):
                pieces.append(_line(current))
                current = []
            current.append(g)
        if current:
            pieces.append(_line(current))
    return [p for p in pieces if p.text]


def _last_ink(glyphs: list[Glyph]) -> Glyph:
    return next((g for g in reversed(glyphs) if not g.ch.isspace()), glyphs[-1])


def _line(glyphs: list[Glyph]) -> TextLine:
    text, previous, pending = "", None, []
    for g in glyphs:
        if g.ch.isspace() and g.ch != "\u3000":
            pending.append(g)
            continue
        if previous is not None:
            gap = g.x0 - previous.x1
            if pending:
                # Printed spaces count as printed; some producers write one space glyph for a run of them.
                width = max(statistics.fmean(s.x1 - s.x0 for s in pending), 0.2 * g.size)
                spaces = max(len(pending), round(gap / width))
            else:
                # No space glyphs (chromium prints none): a space is about a quarter em in CJK fonts, but
                # ideographs may sit up to that far apart without one, so only wider gaps count between them.
                least = 0.4 if _wide(previous.ch) and _wide(g.ch) else 0.3
                spaces = max(1, round(gap / (0.25 * g.size))) if gap > least * g.size else 0
            text += " " * spaces
        text += g.ch
        previous, pending = g, []
    ink = [g for g in glyphs if not g.ch.isspace()] or glyphs
    return TextLine(text.strip(" "), ink[0].x0, ink[-1].x1, min(g.top for g in ink), _median_size(ink))


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WF"


def _merge_row(parts: list[TextLine]) -> TextLine:
    text = parts[0].text
    for a, b in zip(parts, parts[1:]):
        text += " " * max(1, round((b.x0 - a.x1) / (0.25 * b.size))) + b.text
    return replace(parts[0], text=text, x1=parts[-1].x1)


def _gutter(pieces: list[TextLine], em: float) -> float | None:
    """The x of a vertical strip between two columns that (almost) no line crosses, or None for one column."""
    if len(pieces) < 6:
        return None
    left, right = min(p.x0 for p in pieces), max(p.x1 for p in pieces)
    width = right - left
    half = 0.4 * em
    best: list[float] = []
    fewest = None
    x = left + 0.25 * width
    while x <= left + 0.75 * width:
        # Centred titles and full-width lines may cross the gutter; the columns' lines do not.
        crossing = sum(1 for p in pieces if p.x0 < x + half and p.x1 > x - half)
        if fewest is None or crossing < fewest:
            fewest, best = crossing, [x]
        elif crossing == fewest:
            best.append(x)
        x += 0.25 * em
    if fewest is None or fewest > 0.1 * len(pieces):
        return None
    gutter = statistics.median(best)
    lhs = [p for p in pieces if p.x1 <= gutter]
    rhs = [p for p in pieces if p.x0 >= gutter]
    if len(lhs) < 0.2 * len(pieces) or len(rhs) < 0.2 * len(pieces):
        return None
    # A column has a common left edge; right-aligned signatures on a one-column page do not.
    edge = min(p.x0 for p in rhs)
    if sum(1 for p in rhs if p.x0 - edge <= 3 * em) < 0.5 * len(rhs):
        return None
    return gutter


def _reading_order(pieces: list[TextLine], em: float, height: float) -> list[TextLine]:
    body = [p for p in pieces if not p.row and _BAND * height < p.top < (1 - _BAND) * height - em]
    gutter = _gutter(body or [p for p in pieces if not p.row], em)
    ordered: list[TextLine] = []
    region: list[TextLine] = []

    def flush():
        if gutter is None:
            ordered.extend(_join_rows(region, em, None))
        else:
            ordered.extend(_join_rows([p for p in region if p.x1 <= gutter], em, "left"))
            ordered.extend(_join_rows([p for p in region if p.x0 >= gutter], em, "right"))
        region.clear()

    for p in sorted(pieces, key=lambda p: (p.top, p.x0)):
        if gutter is not None and p.x0 < gutter < p.x1:
            flush()  # a line across both columns (a title, a table row) ends the columns above it
            ordered.extend(_join_rows([p], em, None))
        else:
            region.append(p)
    flush()
    return ordered


def _join_rows(pieces: list[TextLine], em: float, column: str | None) -> list[TextLine]:
    """Pieces on one baseline within a column become one line; then alignment is read against the column."""
    lines: list[TextLine] = []
    group: list[TextLine] = []
    for p in sorted(pieces, key=lambda p: (p.top, p.x0)):
        if group and (abs(p.top - group[0].top) > 0.4 * em or p.row or group[0].row):
            lines.append(_merge_row(sorted(group, key=lambda q: q.x0)))
            group = []
        group.append(p)
    if group:
        lines.append(_merge_row(sorted(group, key=lambda q: q.x0)))
    return _align(lines)


def _align(lines: list[TextLine]) -> list[TextLine]:
    text_lines = [line for line in lines if not line.row]
    if not text_lines:
        return lines
    left = min(line.x0 for line in text_lines)
    # Full lines end at the right margin together; one line running past it does not move the margin.
    right = _common_edge([line.x1 for line in text_lines], max)
    out = []
    for line in lines:
        if line.row:
            out.append(line)
            continue
        em = line.size or 10.0
        lead, trail = (line.x0 - left) / em, (right - line.x1) / em
        if trail < 1.0 and lead > 3 and line.x0 - left > 0.25 * (right - left):
            align = "right"
        elif lead > 2.7 and abs(lead - trail) < 1.5:
            align = "center"
        elif 1.5 <= lead <= 2.7:
            align = "indent"
        else:
            align = "left"
        out.append(replace(line, align=align, full=trail < 1.6))
    return out


def _common_edge(xs: list[float], pick) -> float:
    """The outermost (`pick`: min or max) x that several lines share, else the outermost of all."""
    rounded = Counter(round(x) for x in xs)
    common = [x for x, n in rounded.items() if n >= 2]
    return float(pick(common)) if common else pick(xs)


def _vertical_order(chars: list[TextLine], others: list[TextLine], em: float) -> list[TextLine]:
    """Characters stacked in columns (vertical writing): columns right to left, each top to bottom."""
    columns: list[list[TextLine]] = []
    for p in sorted(chars, key=lambda p: -(p.x0 + p.x1) / 2):
        mid = (p.x0 + p.x1) / 2
        if columns and abs((columns[-1][0].x0 + columns[-1][0].x1) / 2 - mid) < 0.5 * em:
            columns[-1].append(p)
        else:
            columns.append([p])
    body = [p for col in columns for p in sorted(col, key=lambda p: p.top)]
    top = min((p.top for p in body), default=0)
    above = sorted((p for p in others if p.top < top), key=lambda p: p.top)
    below = sorted((p for p in others if p.top >= top), key=lambda p: p.top)
    return above + body + below


def _mark_bands(lines: list[TextLine], height: float) -> list[TextLine]:
    by_top = sorted(range(len(lines)), key=lambda i: lines[i].top)
    marked = list(lines)
    for i in by_top[:2]:
        if lines[i].top < _BAND * height:
            marked[i] = replace(lines[i], band="top")
    for i in by_top[-2:]:
        if lines[i].top + lines[i].size > (1 - _BAND) * height:
            marked[i] = replace(lines[i], band="bottom")
    return marked
