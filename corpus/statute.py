"""Parse a statute (law, regulation, judicial interpretation): Markdown as in LawRefBook, or plain text."""
from __future__ import annotations

import re
from pathlib import Path

from corpus.dates import all_dates, parse_date_line
from corpus.model import Clause, Document
from corpus.numbers import CN_DIGITS, DECREE_NUMBER, YEAR_SERIAL
from corpus.outline import segment

INFO_END = "<!-- INFO END -->"
_ARTICLE = re.compile(rf"^第[{CN_DIGITS}]+条")
_HEADING = re.compile(rf"^第[{CN_DIGITS}]+[编章节](?:[\s　]|$)")
_COMMENT = re.compile(r"^<!--.*-->$")
_ORDER_NUMBER = re.compile(r"^第[\s　]*\d+[\s　]*号$")
_FILENAME_DATE = re.compile(r"\((\d{4}-\d{2}-\d{2})\)")
_LEADING_DATE = re.compile(r"^[（(]?\d{4}年\d{1,2}月\d{1,2}日")
# Who made it, from the info lines: people's congresses, decree issuers, the two supreme organs, others.
_CONGRESS = re.compile(
    rf"(?P<place>[^\s，。、《（(第]*?)第?[{CN_DIGITS}]+届(?P<body>全国人民代表大会|人民代表大会|人大)"
    r"(?P<sc>常务委员会|常委会)?"
)
_PLACE = re.compile(r"^(?:[^\s，。、《（(]{1,8}?自治[州县]|[^\s，。、《（(]{1,6}?[省市])")
_NPC = re.compile(r"全国人民代表大会(?:常务委员会)?")
_DECREE = re.compile(r"(?P<body>[^\s，。《》（(]+?)令(?:第\d+号|〔)")
_SUPREME = re.compile(r"(最高人民法院|最高人民检察院)(?:第[^届]{1,6}届)?(?:审判委员会|检察委员会)")
_ORG_ACT = re.compile(r"^经?(?P<body>[^\s，。《》（(]{2,40}?)(?:第\d+次常务会议|常务会议|批准|发布|公布|通过|印发)")
ORG_SUFFIX = re.compile(r"(?:院|会|部|局|厅|署|委|办|行|政府|总局|委员会|公司|中心|室|社|组|兵团)$")


def looks_like_statute(text: str) -> bool:
    """LawRefBook Markdown, or plain text that opens with a title and goes straight into 第X条 articles."""
    if INFO_END in text:
        return True
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    if len(lines) < 3 or sum(1 for ln in lines if _ARTICLE.match(ln)) < 2:
        return False
    head = lines[: next(i for i, ln in enumerate(lines) if _ARTICLE.match(ln) or _HEADING.match(ln.lstrip("# ")))]
    # A 文号 or an addressee line in the head means a policy document that happens to contain articles.
    if any((YEAR_SERIAL.search(ln) or DECREE_NUMBER.search(ln) or _ORDER_NUMBER.match(ln)) and len(ln) < 30 for ln in head):
        return False
    if any(parse_date_line(ln) for ln in head):
        return False  # a signed order or notice that publishes the articles
    if any(ln.endswith(("：", ":")) for ln in head):
        return False
    return 0 < len(head) <= 8


def parse_statute(text: str, source: str) -> Document:
    """Title, info lines (dates, issuing body), and articles via corpus.outline in statute mode."""
    lines = [ln.strip() for ln in text.split("\n")]
    if INFO_END in text:
        cut = next(i for i, ln in enumerate(lines) if INFO_END in ln)
        head, body = lines[:cut], lines[cut + 1:]
        titles = [ln.lstrip("#").strip() for ln in head if ln.startswith("#")]
        info = _join_wrapped([ln for ln in head if ln and not ln.startswith("#") and not _COMMENT.match(ln)])
    else:
        titles, info, body = _split_plain_head(lines)
    title = " ".join(t for t in titles if t) or Path(source).stem
    paragraphs = [_strip_heading(ln) for ln in _drop_toc(body) if ln and not _COMMENT.match(ln)]
    clauses = segment(paragraphs, statute=True)
    if not clauses and text.strip():
        # Every document stays citable: a header with no body becomes one preamble clause.
        clauses = [Clause(path=(), label="导语", heading=None, text="\n".join(ln for ln in lines if ln))]
    return Document(
        source=source,
        title=title,
        kind="statute",
        clauses=tuple(clauses),
        issuer=_issuer(info, titles[0] if titles else ""),
        date=_latest_date(info, source),
    )


def _split_plain_head(lines: list[str]) -> tuple[list[str], list[str], list[str]]:
    """Plain text: the first line is the title, dated or bracketed lines before the first article are info."""
    nonblank = [i for i, ln in enumerate(lines) if ln]
    if not nonblank:
        return [], [], []
    first = nonblank[0]
    titles = [lines[first].lstrip("#").strip()]
    info: list[str] = []
    i = first + 1
    while i < len(lines):
        ln = lines[i]
        if _ARTICLE.match(ln) or _HEADING.match(_strip_heading(ln)):
            break
        if ln and _LEADING_DATE.match(ln):
            info.append(ln.strip("（）()"))
        elif ln:
            break
        i += 1
    return titles, info, lines[i:]


def _join_wrapped(lines: list[str]) -> list[str]:
    """Info lines that do not start with a date continue the previous line (LawRefBook wraps some)."""
    out: list[str] = []
    for ln in lines:
        if out and _LEADING_DATE.match(out[-1]) and not _LEADING_DATE.match(ln):
            out[-1] += ln
        else:
            out.append(ln)
    return out


def _strip_heading(line: str) -> str:
    return line.lstrip("#").strip() if line.startswith("#") else line


def _drop_toc(body: list[str]) -> list[str]:
    """Drop a table of contents: a run of headings whose first heading is repeated right after the run."""
    out: list[str] = []
    i = 0
    while i < len(body):
        if not _is_heading(body[i]):
            out.append(body[i])
            i += 1
            continue
        run = []  # indexes of consecutive heading lines, blank lines allowed between them
        j = i
        while j < len(body) and (not body[j] or _is_heading(body[j])):
            if body[j]:
                run.append(j)
            j += 1
        first = _heading_key(body[run[0]])
        repeat = next((k for k in run[1:] if _heading_key(body[k]) == first), None)
        if repeat is not None:
            out.extend(body[repeat:j])
        elif not _has_siblings(body, run):
            out.extend(body[i:j])
        # else: a contents list that is never repeated; two sibling headings cannot both be empty.
        i = j
    return out


def _has_siblings(body: list[str], run: list[int]) -> bool:
    kinds = [_HEADING.match(_strip_heading(body[k])).group(0).strip()[-1] for k in run]
    return len(kinds) != len(set(kinds))


def _is_heading(line: str) -> bool:
    return bool(_HEADING.match(_strip_heading(line)))


def _heading_key(line: str) -> str:
    return re.sub(r"[\s　]+", "", _strip_heading(line))


def _issuer(info: list[str], title: str) -> str | None:
    """The body that made the statute, from the first info line that names one, else the title prefix."""
    for line in info:
        found = _body_in(_LEADING_DATE.sub("", line).strip().lstrip("）) "), title)
        if found:
            return found
    prefix = title.split("关于", 1)[0] if "关于" in title else ""
    if prefix and ORG_SUFFIX.search(prefix) and not re.search(r"[《》“”，。]", prefix):
        return _strip_country(prefix)
    return None


def _body_in(line: str, title: str) -> str | None:
    line = re.sub(r"[\s　]+", "", line)
    m = _CONGRESS.search(line)
    if m:
        if m.group("body") == "全国人民代表大会" or m.group("place").endswith("全国"):
            return "全国人民代表大会" + (m.group("sc") and "常务委员会" or "")
        place = m.group("place").removeprefix("经")
        if place in ("", "省", "市", "县", "自治县"):
            # "市十四届人大常委会" leaves the place to the title (杭州市…条例).
            found = _PLACE.match(title)
            place = found.group(0) if found else place
        return place + "人民代表大会" + (m.group("sc") and "常务委员会" or "")
    m = _NPC.search(line)
    if m:
        return m.group(0)
    supreme = list(dict.fromkeys(_SUPREME.findall(line)))
    if supreme:
        return "、".join(supreme)
    m = _DECREE.search(line)
    if m:
        return _strip_country(m.group("body"))
    m = _ORG_ACT.match(line)
    if m and ORG_SUFFIX.search(m.group("body")):
        return _strip_country(m.group("body"))
    return None


def _strip_country(name: str) -> str:
    """中华人民共和国国务院 → 国务院: the country prefix is implied for central bodies."""
    parts = [p.removeprefix("中华人民共和国") for p in name.split("、")]
    return "、".join(p for p in parts if p)


def _latest_date(info: list[str], source: str) -> str | None:
    dates = [d for line in info for d in all_dates(line)]
    if dates:
        return max(dates)
    m = _FILENAME_DATE.search(Path(source).name)
    return m.group(1) if m else None
