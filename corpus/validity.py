"""A document's period of validity where it prints one: 自…起施行, 有效期至…, 有效期X年, （2019-2021年） in the title."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from corpus import dates
from corpus.numbers import cn_to_int

_N = r"\d{1,4}|[一二两三四五六七八九十百]{1,4}"
# A full date (2019年8月11日, 二〇一九年八月十一日) or a month (2019年8月), as one group each.
_DATE = rf"(?:{dates.DATE.pattern}|(?P<ym_y>\d{{4}})年(?P<ym_m>\d{{1,2}})月(?!\d|份))"
_ISSUED = r"(?:本\S{0,8}?)?(?:印发|发布|公布|下发|签发|颁布|发文)之日"
FROM = re.compile(
    rf"[自从于](?:(?P<date>{_DATE})|(?P<issued>{_ISSUED}))\s*起?(?:满?(?P<after>{_N})[日天]后)?\s*(?:起|开始)?(?:正式|试行|开始)?"
    r"(?:施行|实施|执行|生效|试行)"
)
UNTIL = re.compile(rf"有效期(?:限)?(?:为|是)?(?:至|到|截至|截止到?)(?P<date>{_DATE.replace('?P<', '?P<u_')})")
SPAN = re.compile(
    rf"(?:有效期|执行期|实施期|试行期|施行期)(?:限)?(?:为|是)?[自从]?(?P<a>{_DATE.replace('?P<', '?P<a_')})起?"
    rf"(?:至|到|—|-)(?P<b>{_DATE.replace('?P<', '?P<b_')})止?"
)
YEARS = re.compile(rf"有效期(?:限)?(?:为|是)?(?P<n>{_N})年")
TITLE_PERIOD = re.compile(r"[（(](?P<a>\d{4})\s*(?:年\s*)?[-—－–~～至到]\s*(?P<b>\d{4})\s*年?[）)]")
# Approvals and reports name a plan's period; the approval itself has no end.
_NOT_OWN_PERIOD = re.compile(r"(批复|复函|函|报告|决定)$")
# The sentence speaks of the document itself (本办法…, 本《细则》…) or starts with the rule (自…起施行).
_OWN_SUBJECT = re.compile(r"^(?:[（(]?[一二三四五六七八九十\d]+[）)、.．]?\s*)?(?:第[一二三四五六七八九十百\d]+条\s*)?(?:本|此|自|从|有效期)")


@dataclass(frozen=True)
class Validity:
    effective_from: str | None = None
    effective_until: str | None = None


def _iso(m: re.Match, prefix: str = "") -> str | None:
    g = m.groupdict()
    if g.get(f"{prefix}y"):
        return _full(g[f"{prefix}y"], g[f"{prefix}m"], g[f"{prefix}d"])
    if g.get(f"{prefix}ym_y"):
        month = int(g[f"{prefix}ym_m"])
        return f"{int(g[f'{prefix}ym_y']):04d}-{month:02d}-01" if 1 <= month <= 12 else None
    return None


def _full(y: str, m: str, d: str) -> str | None:
    fake = dates.DATE.fullmatch(f"{y}年{m}月{d}日")
    return dates.iso_date(fake) if fake else None


def _number(token: str) -> int:
    return int(token) if token.isdigit() else cn_to_int(token)


def _shift(iso: str | None, days: int = 0, years: int = 0) -> str | None:
    if not iso:
        return None
    try:
        d = date.fromisoformat(iso)
        if years:
            d = d.replace(year=d.year + years) - timedelta(days=1)
        return (d + timedelta(days=days)).isoformat()
    except ValueError:
        return None


_END = re.compile(r"[。；;！\n]")
_KEY = re.compile(r"施行|实施|执行|生效|试行|有效期")


def sentences(text: str, key: re.Pattern | None = None) -> list[str]:
    """The sentences of a text; with `key`, only those holding a match of it (found without splitting the rest)."""
    if key is None:
        return [s.strip() for s in _END.split(text) if s.strip()]
    out, last_end = [], -1
    for m in key.finditer(text):
        if m.start() < last_end:
            continue
        start = max(text.rfind(c, 0, m.start()) for c in "。；;！\n") + 1
        end_m = _END.search(text, m.end())
        last_end = end_m.start() if end_m else len(text)
        sentence = text[start:last_end].strip()
        if sentence:
            out.append(sentence)
    return out


def validity(title: str, texts: list[str], doc_date: str | None) -> Validity:
    """The period printed in a document (its title and clause texts); `doc_date` resolves 自印发之日起."""
    own_from = weak_from = until = None
    for text in texts:
        for sentence in sentences(text, _KEY):
            own = bool(_OWN_SUBJECT.match(sentence))
            m = FROM.search(sentence)
            start, foreign = None, False
            if m:
                start = _iso(m) if m.group("date") else doc_date
                if m.group("after") and start:
                    start = _shift(start, days=_number(m.group("after")))
                # Another document's date (《…条例》自…起施行) only counts where this one publishes it.
                foreign = "《" in sentence[: m.start()] and not re.search(r"(印发|公布|发布)", sentence[: m.start()])
                if start and own and own_from is None:
                    own_from = start
                elif start and not foreign and weak_from is None:
                    weak_from = start
            if not (own or (m and not foreign)):
                continue  # 许可证有效期为5年 is a licence's term, not the document's
            s = SPAN.search(sentence)
            u = UNTIL.search(sentence)
            y = YEARS.search(sentence)
            if s and until is None:
                until = _iso(s, "b_")
                own_from = own_from or _iso(s, "a_")
            elif u and until is None:
                until = _iso(u, "u_")
            elif y and until is None:
                until = ("years", _number(y.group("n")), start or doc_date)
    start = own_from or weak_from
    if isinstance(until, tuple):
        _, n, base = until
        until = _shift(start or base, years=n)
    t = TITLE_PERIOD.search(title or "")
    if t and not _NOT_OWN_PERIOD.search(title) and int(t.group("a")) <= int(t.group("b")):
        start = start or f"{int(t.group('a')):04d}-01-01"
        until = until or f"{int(t.group('b')):04d}-12-31"
    return Validity(start, until)


def document_validity(doc) -> Validity:
    """Validity of a corpus Document (title and clause texts, date of the document)."""
    return validity(doc.title, [c.text for c in doc.clauses], doc.date)
