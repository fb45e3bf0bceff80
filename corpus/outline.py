"""Split paragraphs into clauses by the numbering hierarchy of Chinese government documents.

Levels: 第X编 › 第X章 › 第X节 › 第X条 for statutes; 一、 › （一） › 1. › （1） › ① for notices;
附则 and 附件 open sections of their own. A document may skip levels, so nesting follows the
order in which marker types first appear (a stack of marker types), not a fixed table.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.model import Clause

CN_DIGITS = "零〇一二两三四五六七八九十百千"
_CN_NUM = f"[{CN_DIGITS}]+"

# (type, regex on the paragraph start). Order matters: more specific first.
_MARKERS: list[tuple[str, re.Pattern]] = [
    ("bian", re.compile(rf"^第({_CN_NUM})编(?=[\s　]|$)")),
    ("zhang", re.compile(rf"^第({_CN_NUM})章(?=[\s　]|$)")),
    ("jie", re.compile(rf"^第({_CN_NUM})节(?=[\s　]|$)")),
    ("tiao", re.compile(rf"^第({_CN_NUM})条(?:之[{CN_DIGITS}]+)?(?=[\s　]|$|[^\s　，。、；])")),
    ("fuze", re.compile(r"^附[\s　]*则(?=[\s　]*$)")),
    ("cn", re.compile(rf"^({_CN_NUM})、")),
    ("pcn", re.compile(rf"^[（(]({_CN_NUM})[）)]")),
    ("num", re.compile(r"^(\d{1,2})[.．、](?!\d)")),
    ("pnum", re.compile(r"^[（(](\d{1,2})[）)]")),
    ("circ", re.compile(r"^([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])")),
]
# Statute levels always nest in this order, whatever appears first.
_STATUTE_RANK = {"bian": 0, "zhang": 1, "jie": 2, "tiao": 3}
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def cn_to_int(text: str) -> int:
    """Chinese numeral (up to the thousands) to int; 0 when unparseable."""
    units = {"十": 10, "百": 100, "千": 1000}
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")}
    digits.update({"〇": 0, "两": 2})
    total, current = 0, 0
    for ch in text:
        if ch in digits:
            current = digits[ch]
        elif ch in units:
            total += (current or 1) * units[ch]
            current = 0
        else:
            return 0
    return total + current


@dataclass(frozen=True)
class Marker:
    kind: str
    token: str  # path element, e.g. "三", "（九）", "1", "第二条"
    number: int
    rest: str  # paragraph text after the marker


def match_marker(paragraph: str) -> Marker | None:
    for kind, pattern in _MARKERS:
        m = pattern.match(paragraph)
        if not m:
            continue
        rest = paragraph[m.end():].lstrip(" 　\t")
        if kind == "fuze":
            return Marker(kind, "附则", 0, rest)
        raw = m.group(1)
        if kind in ("cn", "pcn") or kind in _STATUTE_RANK:
            number = cn_to_int(raw)
        elif kind == "circ":
            number = _CIRCLED.index(raw) + 1
        else:
            number = int(raw)
        if number <= 0:
            continue
        if kind in _STATUTE_RANK:
            token = m.group(0).strip()
        elif kind == "pcn":
            token = f"（{raw}）"
        elif kind == "pnum":
            token = f"（{raw}）"
        else:
            token = raw
        return Marker(kind, token, number, rest)
    return None


_DISPLAY_SUFFIX = {"cn": "、", "num": "."}


def make_label(path: tuple[str, ...], kinds: tuple[str, ...]) -> str:
    """Display label: 三、（九）, 二、（二）1, 附则2, 第十条 (articles are unique in a statute)."""
    if not path:
        return "导语"
    if kinds and kinds[-1] == "tiao":
        return path[-1]
    parts = []
    for i, (token, kind) in enumerate(zip(path, kinds)):
        last = i == len(path) - 1
        parts.append(token + ("" if last else _DISPLAY_SUFFIX.get(kind, "")))
        if kind in ("zhang", "jie", "bian") and not last:
            parts.append(" ")
    return "".join(parts)


_HEADING_END = re.compile(r"^([^，。；：！？,;]{2,30}?)[。：]")


def split_heading(rest: str) -> tuple[str | None, str]:
    """A bare title line is a heading; so is a short comma-free first sentence followed by more text."""
    rest = rest.strip()
    if not rest:
        return None, ""
    if "\n" not in rest and len(rest) <= 40 and not re.search(r"[。；;！？]", rest):
        return rest.rstrip("：:"), ""
    m = _HEADING_END.match(rest)
    if m and len(rest) > m.end():
        return m.group(1), rest[m.end():].lstrip()
    return None, rest


@dataclass
class _Open:
    kind: str
    token: str
    number: int
    heading: str | None
    parts: list[str]
    slot: int
    has_children: bool = False


def segment(paragraphs: list[str], statute: bool = False) -> list[Clause]:
    """Turn reading-order paragraphs into clauses; unnumbered paragraphs join the open clause."""
    slots: list[Clause | None] = [None]  # slot 0: the preamble
    stack: list[_Open] = []
    preamble: list[str] = []
    last_seen: dict[str, int] = {}  # numbering may run on across parents (三（一）1–4, （二）5–7)

    def close_from(depth: int) -> None:
        while len(stack) > depth:
            node = stack[-1]
            path = tuple(n.token for n in stack)
            kinds = tuple(n.kind for n in stack)
            text = "\n".join(p for p in node.parts if p)
            # A bare marker ("8." and nothing else) is kept only as the parent of numbered units.
            if text or node.heading is not None or node.has_children:
                slots[node.slot] = Clause(path=path, label=make_label(path, kinds), heading=node.heading, text=text)
            stack.pop()

    for para in paragraphs:
        para = para.strip()
        if not para:
            continue
        marker = match_marker(para)
        if marker and not _accept(marker, stack, statute, last_seen):
            marker = None
        if marker is None:
            (stack[-1].parts if stack else preamble).append(para)
            continue
        close_from(_depth_for(marker, stack))
        if not stack:
            last_seen.clear()
        last_seen[marker.kind] = marker.number
        if marker.kind == "tiao":
            heading, text = None, marker.rest
        else:
            heading, text = split_heading(marker.rest)
            if marker.kind == "fuze" and heading is None and not text:
                heading = "附则"
        slots.append(None)
        if stack:
            stack[-1].has_children = True
        stack.append(_Open(marker.kind, marker.token, marker.number, heading, [text] if text else [], len(slots) - 1))
    close_from(0)
    if preamble:
        slots[0] = Clause(path=(), label="导语", heading=None, text="\n".join(preamble))
    return [c for c in slots if c is not None]


def _depth_for(marker: Marker, stack: list[_Open]) -> int:
    """Stack depth at which the new marker sits (everything at or below it is closed)."""
    if marker.kind == "fuze":
        return 0
    for i, node in enumerate(stack):
        if node.kind == marker.kind:
            return i
    if marker.kind in _STATUTE_RANK:
        rank = _STATUTE_RANK[marker.kind]
        for i, node in enumerate(stack):
            if node.kind in _STATUTE_RANK and _STATUTE_RANK[node.kind] > rank:
                return i
            if node.kind not in _STATUTE_RANK and node.kind != "fuze":
                return i
    return len(stack)


def _accept(marker: Marker, stack: list[_Open], statute: bool, last_seen: dict[str, int]) -> bool:
    """Reject markers that break the sequence (a stray "3." in running text, a cross-reference)."""
    if statute and marker.kind not in _STATUTE_RANK and marker.kind != "fuze":
        # In statutes, list items inside an article stay part of the article's text.
        if any(n.kind == "tiao" for n in stack):
            return False
    if marker.kind == "fuze":
        return True
    for node in stack:
        if node.kind == marker.kind:
            if marker.kind == "tiao":
                return marker.number > node.number or marker.token != node.token
            if statute and marker.kind in _STATUTE_RANK:
                # Published statutes skip numbers (a repealed chapter, a typo); a heading is still a heading.
                return marker.number > node.number
            return marker.number == node.number + 1
    if marker.kind == "tiao" or (statute and marker.kind in _STATUTE_RANK):
        return True
    return marker.number == 1 or (bool(stack) and marker.number == last_seen.get(marker.kind, -1) + 1)
