"""Identity of a gazette issue from its running header or cover lines: name, year, 期号, 总第N期, date."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from corpus.numbers import cn_to_int

_NUM = r"[0-9０-９]{1,4}|[〇零一二三四五六七八九十百]{1,5}"
YEAR_NUMBER = re.compile(rf"(?P<year>\d{{4}})\s*年\s*第\s*(?P<number>{_NUM})\s*(?P<unit>[期号])")
TOTAL = re.compile(rf"总\s*第?\s*(?P<total>{_NUM})\s*[期号]|总号\s*[：:]\s*(?P<total2>\d{{1,5}})")
PRINTED_DATE = re.compile(
    r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月(?:\s*(?P<d>\d{1,2})\s*日)?\s*(?P<pub>出版|印发|发行)?")
NAME = re.compile(r"^(?P<name>[\u4e00-\u9fff（）()]{2,30}?公报)")
# What may stand around the issue parts of a header line: brackets, separators, spaces.
_FILLER = re.compile(r"[（）()【】\[\]〔〕·•|｜/、，,\s\u3000]+")
SECTION = re.compile(r"^[\u4e00-\u9fff]{2,8}$")


@dataclass(frozen=True)
class IssueHeader:
    """One header line read: the parts it prints (None where it prints none)."""

    name: str | None
    year: int | None = None
    number: int | None = None
    unit: str = "期"
    total: int | None = None
    date: str | None = None  # YYYY-MM or YYYY-MM-DD
    section: str | None = None  # a section banner printed on the same line (文件发布)
    label: str = ""  # the issue as printed, without the name: 总第203期, 2019年第7期（总第203期）


@dataclass(frozen=True)
class IssueInfo:
    """The issue of a gazette, merged from all its header lines."""

    name: str | None = None
    year: int | None = None
    number: int | None = None
    unit: str = "期"
    total: int | None = None
    date: str | None = None  # printed issue date, YYYY-MM or YYYY-MM-DD
    label: str | None = None  # the most common printed label (kept for titles built from it)

    def display(self) -> str | None:
        """温州市人民政府公报 2019年第7期（总第203期）; only the parts printed somewhere in the issue."""
        issue = f"{self.year}年第{self.number}{self.unit}" if self.year and self.number else ""
        total = f"（总第{self.total}{self.unit}）" if self.total else ""
        if not issue and not total:
            return None
        name = self.name or ""
        return f"{name} {issue}{total}".strip() if issue else f"{name}{total}"


def _int(token: str) -> int | None:
    token = token.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if token.isdigit():
        return int(token)
    value = cn_to_int(token)
    return value or None


def match_header(line: str) -> IssueHeader | None:
    """The issue printed on a header or cover line, or None when the line is anything else.

    A line qualifies when, besides the gazette name and a short section banner, it holds only issue parts
    (年第N期, 总第N期, a printed date) and separators, so body text that mentions an issue never matches.
    """
    text = line.strip()
    m = NAME.match(text)
    name = m.group("name") if m else None
    rest = text[m.end():] if m else text
    yn = YEAR_NUMBER.search(rest)
    tot = TOTAL.search(rest)
    if not yn and not tot:
        if name is None:
            pub = PRINTED_DATE.fullmatch(rest)
            if pub and pub.group("pub") and pub.group("d"):
                return IssueHeader(None, date=_date(pub), label=rest)
        return None
    if yn and not tot and name is None and yn.group("unit") != "期":
        return None  # 2019年第1号 alone is an announcement's number, not an issue
    spans = [x.span() for x in (yn, tot) if x]
    pub = None
    for candidate in PRINTED_DATE.finditer(rest):
        if not any(a <= candidate.start() < b for a, b in spans):
            pub = candidate
            spans.append(candidate.span())
            break
    leftover = rest
    for a, b in sorted(spans, reverse=True):
        leftover = leftover[:a] + " " + leftover[b:]
    leftover = _FILLER.sub("", leftover)
    section = None
    if leftover:
        if name is None or not SECTION.match(leftover):
            return None
        section = leftover
    label = rest
    if section:
        label = label.replace(section, "")
    label = re.sub(r"\s+", "", label).strip("·•|｜/")
    if label.startswith(("（", "(")) and label.endswith(("）", ")")) and label.count("（") + label.count("(") == 1:
        label = label[1:-1]
    total = tot and (tot.group("total") or tot.group("total2"))
    return IssueHeader(
        name=name,
        year=int(yn.group("year")) if yn else None,
        number=_int(yn.group("number")) if yn else None,
        unit=yn.group("unit") if yn else "期",
        total=_int(total) if total else None,
        date=_date(pub) if pub else None,
        section=section,
        label=label,
    )


def _date(m: re.Match) -> str | None:
    month = int(m.group("m"))
    if not 1 <= month <= 12:
        return None
    day = m.group("d")
    if day and 1 <= int(day) <= 31:
        return f"{int(m.group('y')):04d}-{month:02d}-{int(day):02d}"
    return f"{int(m.group('y')):04d}-{month:02d}"


def merge(headers: Iterable[IssueHeader]) -> IssueInfo:
    """One issue from many header lines: each part is the value printed most often (odd and even pages
    often print different parts: the name and 年第N期 on one, 总第N期 on the other)."""
    headers = list(headers)

    def common(attr: str):
        values = Counter(getattr(h, attr) for h in headers if getattr(h, attr))
        return values.most_common(1)[0][0] if values else None

    numbered = [h for h in headers if h.number]
    unit = Counter(h.unit for h in numbered).most_common(1)[0][0] if numbered else "期"
    return IssueInfo(name=common("name"), year=common("year"), number=common("number"), unit=unit,
                     total=common("total"), date=common("date"), label=common("label"))


_MONTH_TITLE = re.compile(r"(?:(?P<y>\d{4})年)?(?P<m>\d{1,2})月份")


def infer_issue_date(info: IssueInfo, documents: Iterable, year: int | None) -> str | None:
    """The issue's date: as printed; else the month its monthly sections name (7月份市政府记事) in the issue
    year; else the month most of its dated documents carry. YYYY-MM or YYYY-MM-DD."""
    if info.date:
        return info.date
    documents = list(documents)
    year = info.year or year
    months: Counter = Counter()
    for doc in documents:
        if doc.kind in ("chronicle", "appointments", "statistics"):
            m = _MONTH_TITLE.search(doc.title or "")
            if m and (m.group("y") or year) and 1 <= int(m.group("m")) <= 12:
                months[(int(m.group("y") or year), int(m.group("m")))] += 1
    if not months:
        for doc in documents:
            if doc.date and re.match(r"^\d{4}-\d{2}", doc.date):
                months[(int(doc.date[:4]), int(doc.date[5:7]))] += 1
    if not months:
        return None
    (y, m), _ = months.most_common(1)[0]
    return f"{y:04d}-{m:02d}"
