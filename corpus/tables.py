"""Tables in PDF-extracted gazettes turned into readable clause text."""
from __future__ import annotations

import re

from corpus.layout import Line, is_vertical, join_lines
from corpus.model import Clause
from corpus.outline import segment

_UNIT_START = re.compile(r"^[亿万千百元%％个家人年倍项]")
_CELL_END = re.compile(r"[\d%％）)元]$")
_SECTION = re.compile(r"(?=[一二三四五六七八九十]{1,3}、)")
_NUMERIC = re.compile(r"^-?\d+(\.\d+)?$|^[—\-]{1,2}$")


def join_cells(texts: list[str]) -> str:
    """Join wrapped cell lines; a space marks where one cell ends and the next begins."""
    out = ""
    for text in texts:
        if out and _CELL_END.search(out) and not _UNIT_START.match(text) and not re.match(r"^[\d.%％）)]", text):
            out += " "
        out += text
    return out


def annex_clauses(list_lines: list[Line], annex_lines: list[Line], names: tuple[str, ...]) -> list[Clause]:
    """The 附件 section: the list of attachments, then any attachment printed in the issue."""
    if not list_lines:
        return []
    listing = "\n".join(f"{n}.{name}" for n, name in enumerate(names, 1)) if len(names) > 1 else ""
    lines = [l for l in annex_lines if l.indent < 8]
    clauses: list[Clause] = []
    header = ""
    if lines and is_vertical(lines):
        text = "".join(l.text for l in lines)
        text = _strip_prefix(_strip_prefix(text, "附件"), *names)
        parts = [p for p in _SECTION.split(text) if p]
        if parts and not re.match(r"^[一二三四五六七八九十]{1,3}、", parts[0]):
            header = parts.pop(0)
        clauses += [_prefixed(c) for c in segment(parts)]
    elif lines:
        body = [l for l in lines if l.text.replace(" ", "") not in ("附件", *names)]
        rows = _numbered_rows(body)
        if rows:
            header = join_cells([l.text for l in body[: rows[0][1]]])
            for n, (number, start, end) in enumerate(rows):
                text = join_cells([l.text for l in body[start:end]])
                clauses.append(Clause(("附件", str(number)), f"附件 第{number}行", None, text))
        else:
            clauses += [_prefixed(c) for c in segment(join_lines(body, lambda t: True))]
    # Unnumbered annex text (a note such as 附件略) belongs to the 附件 clause itself.
    notes = [c.text for c in clauses if c.path == ("附件",)]
    clauses = [c for c in clauses if c.path != ("附件",)]
    main_text = "\n".join(t for t in [listing, header, *notes] if t)
    # A single attachment's name is the heading of the section, so every row carries it as context.
    heading = names[0] if len(names) == 1 else None
    if not (main_text or heading or clauses):
        return []  # a bare "附件：" line announces nothing citable
    return [Clause(("附件",), "附件", heading, main_text)] + clauses


def _strip_prefix(text: str, *prefixes: str) -> str:
    for prefix in prefixes:
        if prefix and text.startswith(prefix):
            return text[len(prefix):]
    return text


def _prefixed(clause: Clause) -> Clause:
    path = ("附件",) + clause.path
    return Clause(path, "附件 " + clause.label, clause.heading, clause.text)


def _numbered_rows(lines: list[Line]) -> list[tuple[int, int, int]]:
    """Rows opened by their serial number (a bare 1, 2, 3 … or a line starting 'N ')."""
    starts: list[tuple[int, int]] = []
    expected = 1
    for i, line in enumerate(lines):
        m = re.match(r"^(\d{1,3})(?:\s|$)", line.text)
        if m and int(m.group(1)) == expected:
            starts.append((expected, i))
            expected += 1
    if len(starts) < 2:
        return []
    rows = []
    for k, (number, start) in enumerate(starts):
        end = starts[k + 1][1] if k + 1 < len(starts) else len(lines)
        rows.append((number, start, end))
    return rows


def statistics_clauses(lines: list[Line]) -> list[Clause]:
    """A statistics table: each data row written as 'name（unit）：header value，…' under its header."""
    header: list[tuple[str, str]] = []  # (column name, unit printed under it)
    rows: list[str] = []
    for line in lines:
        tokens = line.text.split()
        if sum(bool(_NUMERIC.match(t)) for t in tokens) >= 2:
            rows.append(_row_text(tokens, header))
        elif not rows:
            for token in tokens:
                if re.fullmatch(r"[±%％()（）]+", token) and header:
                    header[-1] = (header[-1][0], token.strip("±()（）"))
                else:
                    header.append((token, ""))
        else:
            rows.append(line.text)
    return segment(rows)


def _row_text(tokens: list[str], header: list[tuple[str, str]]) -> str:
    if len(header) != len(tokens) or len(tokens) < 3:
        return " ".join(tokens)
    name, unit, values = tokens[0], tokens[1], tokens[2:]
    cells = [f"{h}{v}{u}" for (h, u), v in zip(header[2:], values) if not re.match(r"^[—\-]+$", v)]
    return f"{name}（{unit}）：{'，'.join(cells)}。"
