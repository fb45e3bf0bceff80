"""Render gazette text as PDF pages laid out like a printed gazette (test and benchmark data; no real PDFs ship).

Two producers draw the same page plan: headless chromium over positioned HTML (embedded Noto CJK font) and
reportlab (the non-embedded STSong-Light CID font). Page furniture is added the way gazettes print it: a running
header with the issue title, a footer naming the gazette, and page numbers as `·  23  ·`.
"""
from __future__ import annotations

import html
import math
import re
import shutil
import subprocess
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from corpus import layout

PAGE_W, PAGE_H = 210.0, 297.0  # mm, A4
MARGIN_X, TOP, BOTTOM = 16.0, 24.0, 22.0  # body area; header above TOP, footer below PAGE_H - BOTTOM
GUTTER = 8.0
SECTION_NAMES = {}
for _name, _kind in layout.BANNERS.items():
    SECTION_NAMES.setdefault(_kind, _name)
_NUMERIC = re.compile(r"^[-+]?\d+(\.\d+)?%?$|^—+$")


@dataclass
class Item:
    x: float  # mm from the left edge (right edge for align="right")
    y: float  # mm from the top edge (top of the line box)
    size: float  # font size in mm
    text: str = ""
    align: str = "left"
    rows: list[list[str]] | None = None  # a ruled table
    widths: list[float] | None = None


@dataclass
class PagePlan:
    items: list[Item] = field(default_factory=list)


@dataclass(frozen=True)
class Style:
    """What varies between renderings of one issue (the archive benchmark renders many)."""

    columns: int = 2  # 1 or 2 for pages whose lines fit a column
    header_rule: bool = True
    number_side: str = "center"  # "center" or "outer" (alternating like a bound issue)
    footer: str = "温州市人民政府门户网站 www.wenzhou.gov.cn"
    running_header: bool = True  # False: no header; a page's section name is printed above its text instead


def width_em(text: str) -> float:
    # Ambiguous-width marks (“ ” …) are full width in CJK fonts.
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WFA" else 0.6 for ch in text)


def _table_row(text: str) -> list[str] | None:
    cells = text.split(" ")
    if len(cells) >= 4 and sum(bool(_NUMERIC.match(c)) for c in cells) >= 2 and all(cells):
        return cells
    return None


def plan_gazette(text: str, gazette: str, issue: str, style: Style = Style(), first_page: int = 1) -> list[PagePlan]:
    """One PDF page per page of PDF-extracted gazette text, its lines placed as the text has them."""
    plans = []
    for n, page in enumerate(layout.split_pages(text)):
        number = first_page + n
        section = SECTION_NAMES.get(page.banner or "", "")
        header = f"{gazette}（{issue}）" + (f"  {section}" if section else "")
        plan = PagePlan()
        _furniture(plan, header if style.running_header else "", number, style)
        lines = page.lines
        if section and not style.running_header:
            lines = [layout.Line(section, 0, False, 0)] + lines
        if layout.is_vertical(page.lines):
            _vertical(plan, "".join(line.text for line in page.lines))
        else:
            _columns(plan, lines, style)
        plans.append(plan)
    return plans


def plan_document(paragraphs: list[tuple[str, str]], header: str, style: Style = Style(columns=1)) -> list[PagePlan]:
    """A single document set in one column: (align, text) paragraphs, wrapped; "indent" marks a 2-em first line."""
    size, pitch = 4.2, 6.6
    width = PAGE_W - 2 * MARGIN_X
    per_line = width / size - 1  # room for fonts whose Latin letters run wider than estimated
    lines: list[tuple[str, str]] = []
    for align, text in paragraphs:
        if align in ("center", "right"):
            lines.append((align, text))
            continue
        first = True
        rest = text
        while rest:
            room = per_line - (2 if first and align == "indent" else 0)
            cut, used = 0, 0.0
            while cut < len(rest) and used + width_em(rest[cut]) <= room:
                used += width_em(rest[cut])
                cut += 1
            lines.append(("indent" if first and align == "indent" else "left", rest[:cut]))
            rest, first = rest[cut:], False
    per_page = int((PAGE_H - TOP - BOTTOM) // pitch)
    plans = []
    for start in range(0, len(lines), per_page):
        plan = PagePlan()
        _furniture(plan, header, len(plans) + 1, style)
        for i, (align, text) in enumerate(lines[start:start + per_page]):
            y = TOP + i * pitch
            if align == "right":
                plan.items.append(Item(PAGE_W - MARGIN_X - 2 * size, y, size, text, "right"))
            elif align == "center":
                plan.items.append(Item(PAGE_W / 2 - width_em(text) * size / 2, y, size, text))
            else:
                plan.items.append(Item(MARGIN_X + (2 * size if align == "indent" else 0), y, size, text))
        plans.append(plan)
    return plans


def _furniture(plan: PagePlan, header: str, number: int, style: Style) -> None:
    size = 3.4
    if header:
        plan.items.append(Item(PAGE_W / 2 - width_em(header) * size / 2, 10.0, size, header))
    label = f"·  {number}  ·"
    if style.number_side == "outer":
        x = PAGE_W - MARGIN_X - width_em(label) * size if number % 2 else MARGIN_X
    else:
        x = PAGE_W / 2 - width_em(label) * size / 2
    plan.items.append(Item(x, PAGE_H - 14.0, size, label))
    if style.footer:
        small = 2.8
        plan.items.append(Item(PAGE_W / 2 - width_em(style.footer) * small / 2, PAGE_H - 9.0, small, style.footer))
    if style.header_rule:
        plan.items.append(Item(MARGIN_X, 15.5, 0.3, "", rows=[], widths=[PAGE_W - 2 * MARGIN_X]))


def _columns(plan: PagePlan, lines: list[layout.Line], style: Style) -> None:
    height = PAGE_H - TOP - BOTTOM
    widths = [width_em(line.text) + (2 if line.fw_indent else 0) for line in lines]
    two = style.columns == 2 and max(widths) <= 22.5 and len(lines) > 1
    ncols = 2 if two else 1
    col_w = (PAGE_W - 2 * MARGIN_X - (GUTTER if two else 0)) / ncols
    per_col = math.ceil(len(lines) / ncols)
    pitch = min(6.4, height / per_col)
    size = min(0.78 * pitch, col_w / (max(widths) + 0.5))
    for i, line in enumerate(lines):
        col, row = divmod(i, per_col)
        left = MARGIN_X + col * (col_w + GUTTER)
        y = TOP + row * pitch
        cells = _table_row(line.text)
        if cells:
            plan.items.append(Item(left, y, size * 0.9, rows=[cells], widths=_cell_widths(cells, col_w)))
        elif line.indent >= 8:
            plan.items.append(Item(left + col_w, y, size, line.text, "right"))
        else:
            plan.items.append(Item(left + (2 * size if line.fw_indent else 0), y, size, line.text))


def _cell_widths(cells: list[str], total: float) -> list[float]:
    weights = [width_em(c) + 1.2 for c in cells]
    return [total * w / sum(weights) for w in weights]


def _vertical(plan: PagePlan, chars: str) -> None:
    """A table printed one character per line: characters stacked in columns read right to left."""
    height, width = PAGE_H - TOP - BOTTOM, PAGE_W - 2 * MARGIN_X
    per_col = max(10, int(math.sqrt(len(chars) * height / (1.8 * width))) + 1)
    while True:
        cols = math.ceil(len(chars) / per_col)
        pitch = height / per_col
        size = 0.8 * pitch
        if cols * 1.8 * size <= width:
            break
        per_col += 2
    for i, ch in enumerate(chars):
        col, row = divmod(i, per_col)
        x = PAGE_W - MARGIN_X - (col + 1) * 1.8 * size
        plan.items.append(Item(x, TOP + row * pitch, size, ch))


# ---- producers ----------------------------------------------------------------------------

def to_html(plans: list[PagePlan], font: str = "Noto Serif CJK SC") -> str:
    out = [
        "<!doctype html><html><head><meta charset='utf-8'><style>",
        "@page { size: 210mm 297mm; margin: 0 }",
        f"body {{ margin: 0; font-family: '{font}', 'Noto Sans CJK SC', serif; }}",
        ".p { position: relative; width: 210mm; height: 297mm; overflow: hidden; page-break-after: always; }",
        ".t { position: absolute; white-space: pre; line-height: 1; }",
        "table { position: absolute; border-collapse: collapse; table-layout: fixed; }",
        "td { border: 0.25mm solid #000; padding: 0 0.6mm; white-space: nowrap; overflow: hidden; line-height: 1; }",
        ".rule { position: absolute; border-top: 0.3mm solid #000; }",
        "</style></head><body>",
    ]
    for plan in plans:
        out.append("<div class='p'>")
        for it in plan.items:
            if it.rows == [] and it.widths:
                out.append(f"<div class='rule' style='left:{it.x}mm;top:{it.y}mm;width:{it.widths[0]}mm'></div>")
            elif it.rows:
                cols = "".join(f"<col style='width:{w:.2f}mm'>" for w in it.widths)
                rows = "".join(
                    "<tr>" + "".join(f"<td style='height:{it.size * 1.25:.2f}mm'>{html.escape(c)}</td>" for c in row)
                    + "</tr>" for row in it.rows)
                out.append(f"<table style='left:{it.x}mm;top:{it.y}mm;font-size:{it.size:.2f}mm;"
                           f"width:{sum(it.widths):.2f}mm'>{cols}{rows}</table>")
            else:
                pos = f"right:{PAGE_W - it.x:.2f}mm" if it.align == "right" else f"left:{it.x:.2f}mm"
                out.append(f"<div class='t' style='{pos};top:{it.y:.2f}mm;font-size:{it.size:.2f}mm'>"
                           f"{html.escape(it.text)}</div>")
        out.append("</div>")
    out.append("</body></html>")
    return "\n".join(out)


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def render_chromium(plans: list[PagePlan], pdf: Path, timeout: float = 180) -> Path:
    """Print the plan's HTML to `pdf` with headless chromium (Debian's `chromium` package)."""
    exe = chromium()
    if exe is None:
        raise RuntimeError("chromium not installed")
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "issue.html"
        page.write_text(to_html(plans), encoding="utf-8")
        subprocess.run(
            [exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run", "--no-pdf-header-footer",
             f"--user-data-dir={tmp}/profile", f"--print-to-pdf={pdf}", page.as_uri()],
            check=True, capture_output=True, timeout=timeout,
        )
    return pdf


def render_reportlab(plans: list[PagePlan], pdf: Path) -> Path:
    """Draw the plan with reportlab's STSong-Light (a CID font the PDF names but does not embed)."""
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(pdf), pagesize=(PAGE_W * mm, PAGE_H * mm))
    for plan in plans:
        for it in plan.items:
            if it.rows == [] and it.widths:
                c.setLineWidth(it.size * mm)
                c.line(it.x * mm, (PAGE_H - it.y) * mm, (it.x + it.widths[0]) * mm, (PAGE_H - it.y) * mm)
                continue
            size = it.size * mm
            if it.rows:
                row_h = it.size * 1.25
                xs = [it.x]
                for w in it.widths:
                    xs.append(xs[-1] + w)
                c.setLineWidth(0.25 * mm)
                for r, row in enumerate(it.rows):
                    top = PAGE_H - it.y - r * row_h
                    c.grid([x * mm for x in xs], [top * mm, (top - row_h) * mm])
                    c.setFont("STSong-Light", size)
                    for x, cell in zip(xs, row):
                        c.drawString((x + 0.6) * mm, (top - 0.95 * row_h) * mm, cell)
                continue
            c.setFont("STSong-Light", size)
            baseline = (PAGE_H - it.y - 0.88 * it.size) * mm
            if it.align == "right":
                c.drawRightString(it.x * mm, baseline, it.text)
            else:
                c.drawString(it.x * mm, baseline, it.text)
        c.showPage()
    c.save()
    return pdf
