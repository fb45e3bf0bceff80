"""Numbering markers of Chinese government documents: which family a paragraph's marker belongs to, and its token.

Families: 第X编/章/节/条/款 and 第X部分 (statutes, long plans); 一、 › （一） › 1. 1． 1、 › （1） 1） › ①
(notices); decimal 1.1 / 2.1.3 (emergency plans, technical documents), where a bare "1　总则" is the first
decimal level; 附则 (kind "supplementary"). The token is the marker without its punctuation ("三", "（九）", "1", "2.1.3", "第十条").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.numbers import CN_DIGITS, cn_to_int

_CN_NUM = f"[{CN_DIGITS}]+"
_SPACE = "[\\s　]"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

# (family, regex on the paragraph start). Order matters: more specific first.
_MARKERS: list[tuple[str, re.Pattern]] = [
    ("bian", re.compile(rf"^第({_CN_NUM})编(?={_SPACE}|$)")),
    ("zhang", re.compile(rf"^第({_CN_NUM})章(?={_SPACE}|$)")),
    ("jie", re.compile(rf"^第({_CN_NUM})节(?={_SPACE}|$)")),
    ("tiao", re.compile(rf"^第({_CN_NUM})条(?:之[{CN_DIGITS}]+)?(?={_SPACE}|$|[^\s　，。、；])")),
    ("kuan", re.compile(rf"^第({_CN_NUM})款(?={_SPACE}|$)")),
    ("part", re.compile(rf"^第({_CN_NUM})部分(?={_SPACE}|$|[^\s　，。、；的])")),
    ("supplementary", re.compile(r"^附[\s　]*则(?=[\s　]*$)")),
    ("cn", re.compile(rf"^({_CN_NUM})、")),
    ("pcn", re.compile(rf"^[（(]({_CN_NUM})[）)]")),
    # 2.1 / 2.1.3 followed by a space or a CJK character (not 2.5倍, 1.2万 in running text: see numbering_ok).
    ("dec", re.compile(r"^(\d{1,2}(?:[.．]\d{1,2}){1,3})(?![.．]?\d)")),
    ("num", re.compile(r"^(\d{1,3})[.．、](?!\d)")),
    ("pnum", re.compile(r"^[（(](\d{1,2})[）)]")),
    ("rnum", re.compile(r"^(\d{1,2})[）)]")),
    ("circ", re.compile(rf"^([{_CIRCLED}])")),
]
# "1　总则": a whole number and a space opens the first decimal level, only in documents with decimal markers.
_DEC_TOP = re.compile(r"^(\d{1,2})[ 　]+(?=[\u4e00-\u9fff])")
# Markers that only make sense inside a statute's hierarchy.
STATUTE_RANK = {"bian": 0, "zhang": 1, "jie": 2, "tiao": 3, "kuan": 4}
# A decimal marker number must be followed by a space or by text, never by a unit (2.5倍, 1.2万元, 3.5%).
_UNIT_AFTER = re.compile(r"^[%％‰倍万亿元千百个项次年月日天小时米吨公]")


@dataclass(frozen=True)
class Marker:
    kind: str  # the family; decimal markers are "dec1", "dec2", … by their depth
    token: str  # path element, e.g. "三", "（九）", "1", "2.1.3", "第二条"
    number: int  # the last number of the marker (3 for 2.1.3)
    rest: str  # paragraph text after the marker


# Families a paragraph can open with, by its first character: most paragraphs are rejected without a regex.
_BY_FIRST: dict[str, list[tuple[str, re.Pattern]]] = {}
for _kind, _pattern in _MARKERS:
    _starts = {"bian": "第", "zhang": "第", "jie": "第", "tiao": "第", "kuan": "第", "part": "第",
               "supplementary": "附", "cn": CN_DIGITS, "pcn": "（(", "pnum": "（(", "dec": "0123456789", "num": "0123456789",
               "rnum": "0123456789", "circ": _CIRCLED}[_kind]
    for _ch in _starts:
        _BY_FIRST.setdefault(_ch, []).append((_kind, _pattern))


def match_marker(paragraph: str, decimal_top: bool = False) -> Marker | None:
    """The numbering marker a paragraph opens with; `decimal_top` also accepts "1　总则" as decimal level 1."""
    for kind, pattern in _BY_FIRST.get(paragraph[:1], ()):
        m = pattern.match(paragraph)
        if not m:
            continue
        rest = paragraph[m.end():].lstrip(" 　\t")
        if kind == "supplementary":
            return Marker(kind, "附则", 0, rest)
        raw = m.group(1)
        if kind == "dec":
            parts = re.split(r"[.．]", raw)
            if _UNIT_AFTER.match(rest) or paragraph[m.end():m.end() + 1] in ("", "、") or "0" in (parts[0], parts[-1]):
                continue
            return Marker(f"dec{len(parts)}", ".".join(str(int(p)) for p in parts), int(parts[-1]), rest)
        if kind in ("cn", "pcn", "part") or kind in STATUTE_RANK:
            number = cn_to_int(raw)
        elif kind == "circ":
            number = _CIRCLED.index(raw) + 1
        else:
            number = int(raw)
        if number <= 0:
            continue
        if kind in STATUTE_RANK or kind == "part":
            token = m.group(0).strip()
        elif kind in ("pcn", "pnum"):
            token = f"（{raw}）"
        else:
            token = raw
        return Marker(kind, token, number, rest)
    if decimal_top:
        m = _DEC_TOP.match(paragraph)
        if m and int(m.group(1)) > 0:
            return Marker("dec1", str(int(m.group(1))), int(m.group(1)), paragraph[m.end():].strip())
    return None


def has_decimal_numbering(paragraphs: list[str]) -> bool:
    """At least two decimal markers (1.1, 2.1.3) open paragraphs: the document numbers its parts that way."""
    count = 0
    for para in paragraphs:
        if not para[:1].isdigit():
            continue
        marker = match_marker(para)
        if marker and marker.kind.startswith("dec"):
            count += 1
            if count >= 2:
                return True
    return False


def decimal_parent(token: str) -> str:
    """2.1.3 → 2.1."""
    return token.rsplit(".", 1)[0]


_TOC_HEAD = re.compile(r"^目[\s　]*录$")
_TOC_LIMIT = 200


def drop_toc(paragraphs: list[str]) -> list[str]:
    """Drop a printed table of contents: 目录, then entries until the first entry is printed again as a heading."""
    out: list[str] = []
    i = 0
    while i < len(paragraphs):
        para = paragraphs[i]
        if _TOC_HEAD.match(para.strip()) and i + 1 < len(paragraphs):
            first = _squeeze(paragraphs[i + 1])
            for j in range(i + 2, min(len(paragraphs), i + 2 + _TOC_LIMIT)):
                if _squeeze(paragraphs[j]) == first:
                    i = j
                    break
            else:
                i += 1  # no repeat: keep the entries, drop only the word 目录
            continue
        out.append(para)
        i += 1
    return out


def _squeeze(text: str) -> str:
    return re.sub(r"[\s　.．…·]+|\d+$", "", text)
