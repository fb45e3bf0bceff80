"""Split paragraphs into clauses by the numbering hierarchy of Chinese government documents.

Levels: 第X编 › 第X章 › 第X节 › 第X条 for statutes; 一、 › （一） › 1. › （1） › ① for notices; 1 › 1.1 › 1.1.1
for plans; 附则 opens a section of its own. A document may skip levels, so nesting follows the order in which
marker families are seen (a stack of families), not a fixed table; a family that runs on across a higher level
(（一）…（二十七） through 一、…八、) stays a child of the current higher-level item. Markers: corpus.numbering.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.model import Clause
from corpus.numbering import (  # noqa: F401  (Marker is re-exported)
    STATUTE_RANK,
    Marker,
    decimal_parent,
    has_decimal_numbering,
    match_marker,
)

_STATUTE_RANK = STATUTE_RANK
CLOSING = "结语"


_DISPLAY_SUFFIX = {"cn": "、", "num": ".", "rnum": "）"}
_SPACED = ("zhang", "jie", "bian", "part")


def _is_dec(kind: str) -> bool:
    return kind.startswith("dec")


def make_label(path: tuple[str, ...], kinds: tuple[str, ...]) -> str:
    """Display label: 三、（九）, 二、（二）1, 附则2, 第十条, 2.1.3 (articles and decimals are unique in a document)."""
    if not path:
        return "导语"
    if path == (CLOSING,):
        return CLOSING
    if kinds and kinds[-1] == "tiao":
        return path[-1]
    decimals = [i for i, k in enumerate(kinds) if _is_dec(k)]
    first = decimals[-1] if decimals else 0
    parts = []
    for i in range(first, len(path)):
        token, kind = path[i], kinds[i]
        last = i == len(path) - 1
        parts.append(token + ("" if last else _DISPLAY_SUFFIX.get(kind, "")))
        if kind in _SPACED and not last:
            parts.append(" ")
    return "".join(parts)


# A heading before the text is a short comma-free phrase closed by 。 or ： (（三）明确支持范围。各级…).
_PHRASE = "[^，。；：！？,;\n]"
_HEADING_END = re.compile(rf"^({_PHRASE}{{2,30}}?)[。：]")
# A marker line that is only a short phrase ("（二）基本原则。", "（一）统筹两个市场，打造加工制造中心。"), followed by
# prose or by numbered children: the phrase is the heading; one comma is allowed as the line says nothing else.
_HEADING_ONLY = re.compile(rf"^({_PHRASE}{{2,30}}|{_PHRASE}{{2,12}}，{_PHRASE}{{2,12}})[。：:]$")


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
    inline: bool = False  # the marker paragraph carried body text, not only a heading


def segment(paragraphs: list[str], statute: bool = False, closing: bool = True) -> list[Clause]:
    """Turn reading-order paragraphs into clauses; unnumbered paragraphs join the open clause.

    With `closing` (never in statutes, whose articles have several 款), paragraphs after the last numbered item
    that break its family's one-paragraph-per-item pattern become a closing unit, path ("结语",).
    """
    slots: list[Clause | None] = [None]  # slot 0: the preamble
    stack: list[_Open] = []
    preamble: list[str] = []
    last_seen: dict[str, int] = {}  # numbering may run on across parents (三（一）1–4, （二）5–7; 一（一）… 二（三）)
    decimal_top = has_decimal_numbering(paragraphs)
    # Per family: how many paragraphs each closed item with inline text had (for the closing unit).
    inline_sizes: dict[str, list[int]] = {}

    def close_from(depth: int) -> None:
        while len(stack) > depth:
            node = stack[-1]
            path = tuple(n.token for n in stack)
            kinds = tuple(n.kind for n in stack)
            text = "\n".join(p for p in node.parts if p)
            # A bare marker ("8." and nothing else) is kept only as the parent of numbered units.
            if text or node.heading is not None or node.has_children:
                slots[node.slot] = Clause(path=path, label=make_label(path, kinds), heading=node.heading, text=text)
            if node.inline and not node.has_children:
                inline_sizes.setdefault(node.kind, []).append(len(node.parts))
            stack.pop()

    for para in paragraphs:
        para = para.strip()
        if not para:
            continue
        marker = match_marker(para, decimal_top=decimal_top)
        if marker is None and stack:
            _promote_heading(stack[-1])  # prose (not a rejected marker) follows the marker line
        if marker and not _accept(marker, stack, statute, last_seen):
            marker = None
        if marker is None:
            (stack[-1].parts if stack else preamble).append(para)
            continue
        close_from(_depth_for(marker, stack))
        last_seen[marker.kind] = marker.number
        if marker.kind == "tiao":
            heading, text = None, marker.rest
        else:
            heading, text = split_heading(marker.rest)
            if marker.kind == "supplementary" and heading is None and not text:
                heading = "附则"
        slots.append(None)
        if stack:
            _promote_heading(stack[-1])  # numbered children follow the marker line
            stack[-1].has_children = True
        stack.append(_Open(marker.kind, marker.token, marker.number, heading, [text] if text else [], len(slots) - 1,
                           inline=bool(text)))
    tail = _closing_paragraphs(stack, inline_sizes) if closing and not statute else []
    close_from(0)
    if preamble:
        slots[0] = Clause(path=(), label="导语", heading=None, text="\n".join(preamble))
    clauses = [c for c in slots if c is not None]
    if tail:
        clauses.append(Clause(path=(CLOSING,), label=CLOSING, heading=None, text="\n".join(tail)))
    return clauses


def _promote_heading(node: _Open) -> None:
    """A marker line that is only a short phrase ending with 。/： and is followed by prose or children: a heading.

    The line also stays the first line of the text, as printed, so an answer can quote it.
    """
    if node.heading is None and len(node.parts) == 1 and node.inline and node.kind != "tiao":
        m = _HEADING_ONLY.match(node.parts[0])
        if m:
            node.heading, node.inline = m.group(1), False


def _closing_paragraphs(stack: list[_Open], inline_sizes: dict[str, list[int]]) -> list[str]:
    """Paragraphs after the last item that belong to the whole document (请认真贯彻执行…), taken off the item.

    Only where the pattern is clear: the last item's marker paragraph carried its text, and at least two earlier
    items of its family that did so were one paragraph each, so extra paragraphs after it are not its own.
    """
    if not stack:
        return []
    last = stack[-1]
    earlier = inline_sizes.get(last.kind, [])
    if not last.inline or last.has_children or len(last.parts) < 2 or len(earlier) < 2:
        return []
    if any(size != 1 for size in earlier):
        return []
    tail = last.parts[1:]
    # More than a short sign-off (signer and date lines aside), or numbering that restarts (a second attached
    # text): not a closing.
    if sum(1 for p in tail if len(p) > 20) > 3 or any(match_marker(p) for p in tail):
        return []
    del last.parts[1:]
    return tail


def _depth_for(marker: Marker, stack: list[_Open]) -> int:
    """Stack depth at which the new marker sits (everything at or below it is closed)."""
    if marker.kind == "supplementary":
        return 0
    if _is_dec(marker.kind):
        level = int(marker.kind[3:])
        for i, node in enumerate(stack):
            if _is_dec(node.kind) and int(node.kind[3:]) >= level:
                return i
        decimals = [i for i, node in enumerate(stack) if _is_dec(node.kind)]
        return decimals[-1] + 1 if decimals else len(stack)
    for i, node in enumerate(stack):
        if node.kind == marker.kind:
            return i
    if marker.kind in _STATUTE_RANK:
        rank = _STATUTE_RANK[marker.kind]
        for i, node in enumerate(stack):
            if node.kind in _STATUTE_RANK and _STATUTE_RANK[node.kind] > rank:
                return i
            if node.kind not in _STATUTE_RANK and node.kind != "supplementary":
                return i
    return len(stack)


def _accept(marker: Marker, stack: list[_Open], statute: bool, last_seen: dict[str, int]) -> bool:
    """Reject markers that break the sequence (a stray "3." in running text, a cross-reference)."""
    if statute and marker.kind not in _STATUTE_RANK and marker.kind != "supplementary":
        # In statutes, list items inside an article stay part of the article's text.
        if any(n.kind == "tiao" for n in stack):
            return False
    if marker.kind == "supplementary":
        return True
    if _is_dec(marker.kind):
        return _accept_decimal(marker, stack)
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


def _accept_decimal(marker: Marker, stack: list[_Open]) -> bool:
    """2.1.3 needs 2.1 open and 2.1.2 (or nothing) before it; 2 needs 1 (or nothing) before it."""
    level = int(marker.kind[3:])
    same = next((n for n in stack if n.kind == marker.kind), None)
    if level > 1:
        parent = next((n for n in stack if n.kind == f"dec{level - 1}"), None)
        if parent is None or parent.token != decimal_parent(marker.token):
            return False
        if same is not None and decimal_parent(same.token) == parent.token:
            return marker.number == same.number + 1
        return marker.number == 1
    if same is not None:
        return marker.number == same.number + 1
    return marker.number == 1
