"""Parse one policy document: title, 文号, addressees, body clauses, signature (issuer and date), attachments."""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from corpus.dates import parse_date_line
from corpus.model import Clause, Document
from corpus.doctype import doc_type
from corpus.numbering import drop_toc
from corpus.numbers import CN_DIGITS, DECREE_NUMBER, DOC_NUMBER, ISSUER, canonical
from corpus.outline import match_marker, segment
from corpus.statute import ORG_SUFFIX

_DECREE_NO = re.compile(rf"^({ISSUER}){DECREE_NUMBER.pattern}$")
_DECREE_HEAD = re.compile(r"^(?P<org>[\u4e00-\u9fff]{2,20})令$")
_BARE_NO = re.compile(r"^第(?P<n>\d{1,5})号$")
_ARTICLE = re.compile(rf"^第[{CN_DIGITS}]+条")
_BOOK_TITLE = re.compile(r"《([^《》]{2,60})》")
_SENTENCE = re.compile(r"[。；;！？!?，,：:]")
_ATTACH = re.compile(r"^附[\s　]*件[\s　]*(?P<n>\d{0,2})[\s　]*[：:.．、]?[\s　]*(?P<rest>.*)$")
_ANNEX_HEAD = re.compile(r"^附[\s　]*件[\s　]*(?P<n>\d{1,2})?[\s　]*[：:.．]?$")
_LIST_ITEM = re.compile(r"^(?P<n>\d{1,2})[.．、]\s*(?P<rest>\S.*)$")
_POSITION = re.compile(r"^(?:总理|主席|省长|市长|县长|区长|部长|局长|主任|院长|署长|行长|书记)[\s　]+\S")
_CJK_GAP = re.compile(r"(?<=[\u4e00-\u9fff“”《》、])[ \t　\u00a0]+(?=[\u4e00-\u9fff“”《》、])")
_PUBLIC_NOTE = re.compile(r"^[（(](?:此件|本件|本文)[^）)]{0,12}[）)]$")
_HEAD_LIMIT = 10
# How doc-number prefixes abbreviate issuers (国办发 = 国务院办公厅, 国发 / 国函 = 国务院): the national convention.
_ABBREVIATIONS = {"国办": "国务院办公厅", "国": "国务院"}
_TYPE_SUFFIXES = ("发明电", "发", "函", "令", "电")


@dataclass(frozen=True)
class _Signature:
    start: int  # index of the first issuer line
    end: int  # index just past the date line
    issuer: str | None
    date: str


def parse_policy(text: str, source: str) -> Document:
    """One policy document; falls back to a single-clause "unstructured" document."""
    lines = [_clean(ln) for ln in text.split("\n")]
    lines = [ln for ln in lines if ln]
    if not lines:
        return _unstructured(text, source)
    number_at, doc_number = _find_doc_number(lines)
    decree = doc_number is not None and "令" in doc_number
    addressee_at = _find_addressees(lines, number_at)
    body_from = max(i for i in (number_at, addressee_at, 0) if i is not None) + 1
    title_lines = lines[:number_at] if number_at is not None else lines[: addressee_at or 1]
    if decree:
        title_lines = []  # an order's first lines name the order, not the regulation it publishes
    signature = _find_signature(lines, body_from)
    if decree:
        title = _decree_title(lines, body_from, signature)
    else:
        title = _squeeze("".join(title_lines[:4])) if title_lines else ""
    if doc_number is None and addressee_at is None and signature is None:
        return _unstructured(text, source)
    issuer = signature.issuer if signature else None
    issuer = issuer or _issuer_from_title(title) or _issuer_from_number(doc_number)
    addressees = _split_addressees(lines[addressee_at]) if addressee_at is not None else ()
    body = [ln for i, ln in enumerate(lines[body_from:], start=body_from)
            if not (signature and signature.start <= i < signature.end) and not _PUBLIC_NOTE.match(ln)]
    # Every document stays citable: a head with no body becomes one preamble clause.
    clauses = _body_clauses(body, _attachments(lines[body_from:]))
    clauses = clauses or [Clause(path=(), label="导语", heading=None, text="\n".join(lines))]
    title = title or Path(source).stem
    kind = "normative" if doc_number else "notice"
    return Document(
        source=source,
        title=title,
        kind=kind,
        doc_type=doc_type(title, kind, doc_number),
        clauses=tuple(clauses),
        doc_number=doc_number,
        issuer=issuer,
        date=signature.date if signature else None,
        addressees=addressees,
        attachments=_attachments(lines[body_from:]),
    )


def _body_clauses(body: list[str], names: tuple[str, ...]) -> list[Clause]:
    """The main text's clauses, then one unit per printed attachment (附件, 附件1 …) with its own numbering."""
    body = drop_toc(body)
    statute = sum(1 for ln in body if _ARTICLE.match(ln)) >= 3
    starts = [i for i, ln in enumerate(body) if _ANNEX_HEAD.match(ln)]
    main = _without_listing(body[: starts[0]]) if starts else body
    texts = _further_texts(main)
    clauses = segment(main[: texts[0]] if texts else main, statute=statute)
    for k, start in enumerate(texts):
        end = texts[k + 1] if k + 1 < len(texts) else len(main)
        clauses += _prefixed(main[start], segment(main[start + 1: end], statute=statute), heading=None)
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(body)
        clauses += _annex_clauses(body[start], drop_toc(body[start + 1: end]), names)
    return clauses


def _further_texts(lines: list[str]) -> list[int]:
    """Title lines of further texts printed one after another without 附件 (印发…两个规定的通知): the 一、 numbering
    starts again at 一 just below a short unpunctuated title line."""
    starts: list[int] = []
    top = 0
    for i, line in enumerate(lines):
        marker = match_marker(line)
        if marker is None or marker.kind != "cn":
            continue
        if marker.number == 1 and top >= 2:
            floor = starts[-1] if starts else 0
            title_at = next((j for j in (i - 1, i - 2) if j > floor and _is_title_line(lines[j])), None)
            if title_at is not None:
                starts.append(title_at)
        top = marker.number
    return starts


def _is_title_line(line: str) -> bool:
    return 4 <= len(line) <= 40 and not _SENTENCE.search(line) and match_marker(line) is None \
        and parse_date_line(line) is None


def _prefixed(token: str, inner: list[Clause], heading: str | None) -> list[Clause]:
    """A part's own unit (its heading, its unnumbered opening as text) and its clauses under its token."""
    opening = "\n".join(c.text for c in inner if not c.path)
    unit = Clause(path=(token,), label=token, heading=heading, text=opening)
    children = [Clause((token,) + c.path, f"{token} {c.label}", c.heading, c.text) for c in inner if c.path]
    return [unit] + children if (heading or opening or children) else []


def _without_listing(lines: list[str]) -> list[str]:
    """Drop the 附件：1.甲 2.乙 list above the signature: the attachments printed below carry those names."""
    for i in range(len(lines) - 1, -1, -1):
        m = _ATTACH.match(lines[i])
        if m and m.group("rest").strip() and len(lines[i]) <= 80:
            end = i + 1
            while end < len(lines) and _LIST_ITEM.match(lines[end]) and len(lines[end]) <= 80:
                end += 1
            return lines[:i] + lines[end:]
    return lines


def _annex_clauses(head: str, lines: list[str], names: tuple[str, ...]) -> list[Clause]:
    """附件N: its title is the unit's heading, its unnumbered opening the unit's text, its items its children."""
    n = _ANNEX_HEAD.match(head).group("n")
    token = f"附件{int(n)}" if n else "附件"
    title, used = _annex_title(lines, names)
    return _prefixed(token, segment(lines[used:]), heading=title or None)


def _annex_title(lines: list[str], names: tuple[str, ...]) -> tuple[str, int]:
    """The attachment's title: the lines spelling a listed attachment name, else one short unpunctuated line and
    its wrapped continuation (a line under 6 characters is a table header such as 序号 or 一级指标)."""
    wanted = {_squeeze(n).replace(" ", "") for n in names}
    for used in (3, 2, 1):
        title = "".join(_squeeze(ln) for ln in lines[:used])
        if used <= len(lines) and title.replace(" ", "") in wanted:
            return title, used
    parts: list[str] = []
    for line in lines[:3]:
        if len(line) > 60 or _SENTENCE.search(line) or match_marker(line) or parse_date_line(line):
            break
        if parts and len(_squeeze(line)) < 6 and not line.startswith(("（", "(")):
            break
        parts.append(_squeeze(line))
    return "".join(parts), len(parts)


def _clean(line: str) -> str:
    """Undo HTML leftovers (&nbsp;, stray entities) and trim every kind of space."""
    line = html.unescape(line)
    line = re.sub(r"&[a-zA-Z]{1,8};", " ", line)
    return line.replace("\u00a0", " ").strip(" \t　\ufeff")


def _squeeze(text: str) -> str:
    """Titles are often letter-spaced for layout (几 个 问 题 的 通 知): drop spaces between CJK."""
    return _CJK_GAP.sub("", text).strip()


def _find_doc_number(lines: list[str]) -> tuple[int | None, str | None]:
    """Index and text of the 文号 line among the first lines (brackets normalized to 〔〕)."""
    for i, ln in enumerate(lines[:_HEAD_LIMIT]):
        compact = re.sub(r"[\s　]+", "", ln)
        m = DOC_NUMBER.fullmatch(compact)
        if m:
            return i, canonical(*m.groups())
        m = _DECREE_NO.match(compact)
        if m:
            return i, f"{_decree_prefix(m.group(1))}令第{int(m.group(2))}号"
        m = _BARE_NO.match(compact)
        if m and i > 0:
            head = _DECREE_HEAD.match(re.sub(r"[\s　]+", "", lines[i - 1]))
            if head:
                return i, f"{_decree_prefix(head.group('org'))}令第{int(m.group('n'))}号"
    return None, None


def _decree_prefix(org: str) -> str:
    """中华人民共和国国务院 → 国: orders are cited by the issuer's abbreviation (国令第707号)."""
    org = org.removeprefix("中华人民共和国")
    for short, full in _ABBREVIATIONS.items():
        if org == full:
            return short
    return org


def _find_addressees(lines: list[str], number_at: int | None) -> int | None:
    """The 主送 line: right after the 文号 (or within the head), a short line ending with a colon."""
    start = number_at + 1 if number_at is not None else 0
    for i in range(start, min(start + (2 if number_at is not None else _HEAD_LIMIT), len(lines))):
        ln = lines[i]
        if ln.endswith(("：", ":")) and len(ln) <= 200 and "。" not in ln:
            return i
    return None


def _split_addressees(line: str) -> tuple[str, ...]:
    """Split on ，; split a part on 、 only when every piece is itself an organ name."""
    out: list[str] = []
    for part in re.split(r"[，,；;]", line.rstrip("：:")):
        part = part.strip()
        if not part:
            continue
        pieces = [p.strip() for p in part.split("、") if p.strip()]
        if len(pieces) > 1 and all(ORG_SUFFIX.search(p) for p in pieces):
            out.extend(pieces)
        else:
            out.append(part)
    return tuple(out)


def _find_signature(lines: list[str], body_from: int) -> _Signature | None:
    """The first standalone date line after the head, with the short unpunctuated lines just above it."""
    for i in range(body_from, len(lines)):
        date = parse_date_line(lines[i])
        if not date:
            continue
        start = i
        while start > body_from and i - start < 3 and _looks_like_signer(lines[start - 1]):
            start -= 1
        return _Signature(start, i + 1, _signers_to_issuer(lines[start:i]), date)
    return None


def _looks_like_signer(line: str) -> bool:
    return len(line) <= 40 and not _SENTENCE.search(line) and not line[0].isdigit() and match_marker(line) is None


def _signers_to_issuer(signers: list[str]) -> str | None:
    """国务院办公厅　中央军委办公厅 → 国务院办公厅、中央军委办公厅; a wrapped long name is joined back."""
    if not signers or any(_POSITION.match(s) for s in signers):
        return None  # an order signed by a person: the issuer comes from the 文号
    names: list[str] = []
    for line in signers:
        pieces = [p for p in re.split(r"[\s　、]+", line) if p]
        if len(pieces) > 1 and all(ORG_SUFFIX.search(p) for p in pieces):
            names.extend(pieces)
        elif names and not ORG_SUFFIX.search(names[-1]):
            names[-1] += "".join(pieces)
        else:
            names.append("".join(pieces))
    return "、".join(names) or None


def _decree_title(lines: list[str], body_from: int, signature: _Signature | None) -> str:
    """The regulation an order publishes: its 《name》 in the order's first sentence, else the line after the signature."""
    m = _BOOK_TITLE.search(lines[body_from]) if body_from < len(lines) else None
    if m:
        return m.group(1)
    if signature and signature.end < len(lines):
        return _squeeze(lines[signature.end])
    return ""


def _issuer_from_title(title: str) -> str | None:
    """国务院办公厅关于… / 国务院办公厅转发… → 国务院办公厅."""
    m = re.match(r"^(?P<org>[^《》“”，。]{2,40}?)(?:关于|转发|印发|对)", title)
    if m and all(ORG_SUFFIX.search(p) for p in m.group("org").split("、")):
        return m.group("org")
    return None


def _issuer_from_number(doc_number: str | None) -> str | None:
    """国办发〔…〕 → 国务院办公厅, 国发 / 国函 / 国令 → 国务院."""
    if not doc_number:
        return None
    prefix = re.split(r"[〔令]", doc_number, maxsplit=1)[0]
    for suffix in _TYPE_SUFFIXES:
        if prefix.endswith(suffix) and prefix[: -len(suffix)] in _ABBREVIATIONS:
            return _ABBREVIATIONS[prefix[: -len(suffix)]]
    return _ABBREVIATIONS.get(prefix)


def _attachments(lines: list[str]) -> tuple[str, ...]:
    """Names from the 附件：1.X 2.Y list above the signature, else from the 附件N headings of the attachments."""
    listed: list[str] = []
    headed: list[str] = []
    for i, line in enumerate(lines):
        m = _ATTACH.match(line)
        if not m or len(line) > 80:
            continue
        rest = _LIST_ITEM.sub(r"\g<rest>", m.group("rest")).strip()
        if rest:
            listed.append(rest)
            # "附件：1.甲" is followed by "2.乙" lines.
            for item in lines[i + 1:]:
                found = _LIST_ITEM.match(item)
                if not found or len(item) > 80:
                    break
                listed.append(found.group("rest").strip())
        else:
            title = _heading_title(lines[i + 1: i + 3])
            if title:
                headed.append(title)
    names = listed or headed
    return tuple(dict.fromkeys(n.rstrip("。") for n in names if n))


def _heading_title(following: list[str]) -> str:
    """An attachment's title under its 附件N heading: one short line, or two when it wraps."""
    parts: list[str] = []
    for line in following:
        if len(line) > 60 or _SENTENCE.search(line) or _LIST_ITEM.match(line):
            break
        # A wrapped second line is a real fragment; a 2-character line is a table header such as 序号.
        if parts and len(_squeeze(line)) < 4:
            break
        parts.append(_squeeze(line))
    return "".join(parts)


def _unstructured(text: str, source: str) -> Document:
    first = next((ln.strip() for ln in text.split("\n") if ln.strip()), "")
    title = first if 0 < len(first) <= 60 else Path(source).stem
    return Document(
        source=source,
        title=title,
        kind="unstructured",
        clauses=(Clause(path=(), label="导语", heading=None, text=text.strip()),),
    )
