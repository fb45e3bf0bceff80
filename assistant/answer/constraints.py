"""Specifics a question pins down (place, year, month, day, grade) and whether a clause's document supports them.

"8月份规上工业增加值增长多少？" over a gazette that only has July's figures must not be answered with July's
figures: the evidence is on topic but about something else. Every constraint the question states has to be backed
by the cited clause (its text, heading, title, issuer or date) or by the gazette issue it was published in (places
named by that issue's issuers, years of its documents' dates).
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from assistant.answer.question import NOT_PLACES, SURNAMES
from assistant.answer.regions import division_stem, has_codes, inside, province_level, within
from assistant.answer.segment import posseg
from corpus.numbers import YEAR_SERIAL, to_int
from index.hits import ClauseHit
from index.query import AND_DAY
from index.synonyms import expand_word

PLACE, YEAR, MONTH, DAY, LEVEL = "place", "year", "month", "day", "level"

_NUM = r"\d{1,2}|十[一二]?|[一二三四五六七八九]"
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*(?:年度?|[那这]一?年度?|[-—–~至到]\s*(?:19|20)\d{2}\s*年)")  # "2019那一年度"
# A year's edition of something yearly ("2018年度国家科学技术奖"), as a title or text names it.
_EDITION = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年度")
_YEAR_RANGE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*(?:年)?\s*[-—–~至到]\s*((?:19|20)\d{2})\s*年")
# "1到7月", "1-7月": a cumulative period named by its last month.
_MONTH_RANGE = re.compile(rf"(?<![\d个])(?:{_NUM})\s*(?:月份?)?\s*[-—–~至到]\s*(?={_NUM}\s*月)")
_MONTH = re.compile(rf"(?<![\d个每上下本）)])({_NUM})\s*月(?:份)?(?:({_NUM}|[12]\d|3[01])\s*[日号])?")
# An administrative suffix; the name before it is what documents repeat ("温州市" -> "温州").
_ADMIN_SUFFIX = "省市县区"
# Characters that are surnames but far more often words of their own ("向温州报送", "和杭州").
_FUNCTION_CHARS = frozenset("向于和及从在到对把被给为与同由将")
# A grade, batch or class the question names ("二级公立医院", "第三批", "二等奖", "二级甲等"): a clause about another one
# does not answer. "哪一级", "市一级财政" name no grade (but "一级甲等" does); "第一批" is often said of the only batch
# there is.
_LEVEL = re.compile(r"(?<![哪每这那同本各])(第[二三四五六七八九十]+批|[二三四五六七八九十]级(?:[甲乙丙]等)?|一级[甲乙丙]等"
                    r"|[一二三四五六七八九十]等奖|[一二三四五六七八九十]类"
                    # A hospital grade's short form ("新获评三丙等级", "评上二甲"), not a hospital described ("三甲医院
                    # 的大夫") nor a chemical ("二甲苯").
                    r"|(?<![一二三四五六七八九十])[一二三][甲乙丙](?![苯醚基双酸醇胺医]))")


# The asker saying where they are or mean to act: "我在", "我们家在", "我住在", "俺家就在", "我想在…开个诊所"; or where
# their business is ("公司注册在宁波", "厂子实际在丽水那边经营").
_RESIDENCE = (r"(?:(?:我|咱|俺)[们]?家?(?:就|现在|目前)?(?:想|要|打算|准备|计划)?住?"
              r"|(?:公司|企业|厂子?|工厂|门店|店|诊所|医院)(?:注册|实际|开|设|建)?)在")


# An issuer whose rules hold everywhere in the country: where the asker is ("我在杭州上班，…个税…能扣多少") is inside it.
_NATIONAL = re.compile(r"国务院|中共中央|全国人民代表大会|中华人民共和国")


@dataclass(frozen=True)
class Constraint:
    kind: str  # PLACE | YEAR | MONTH | DAY | LEVEL
    text: str  # as the question says it: "宁波", "2022年", "8月份", "7月12日"
    value: str | int | tuple[int, int]  # place name without suffix, year, month, (month, day)
    residence: bool = False  # where the asker is or means to act ("我在鹿城…", "我想在瑞安开…"), not what is asked


def constraints(question: str, local: frozenset[str] = frozenset()) -> tuple[Constraint, ...]:
    """Places, years, months, days and grades the question names, in order, without duplicates. local: short forms
    of the gazette's own counties (regions.local_short_forms)."""
    text = YEAR_SERIAL.sub(" ", question)  # a document number's year is no constraint
    found: list[Constraint] = []
    for m in _YEAR.finditer(text):
        found.append(Constraint(YEAR, m.group(0).strip(), int(m.group(1))))
    text = _MONTH_RANGE.sub(" ", _YEAR_RANGE.sub(" ", text))
    for m in _MONTH.finditer(text):
        month = to_int(m.group(1))
        if not 1 <= month <= 12:
            continue
        if m.group(2) and not AND_DAY.match(text, m.end()):  # "7月10日和11日": either day, of that month
            day = to_int(m.group(2))
            if 1 <= day <= 31:
                found.append(Constraint(DAY, m.group(0), (month, day)))
                continue
        found.append(Constraint(MONTH, m.group(0), month))
    found += [Constraint(PLACE, token, name, bool(re.search(_RESIDENCE + re.escape(token), text)))
              for token, name in places(text, local)]
    found += level_constraints(text)
    return tuple(dict.fromkeys(found))


def level_constraints(text: str) -> list[Constraint]:
    """The grades the text names ("评上二甲", "第二批"); no places or times, so no word-tagging pass."""
    return [Constraint(LEVEL, m.group(1), m.group(1)) for m in _LEVEL.finditer(text)]


def places(text: str, local: frozenset[str] = frozenset()) -> list[tuple[str, str]]:
    """(as written, name without administrative suffix) for each place name jieba's dictionary knows.

    A token counts when jieba tags it ns and the name, with or without 省/市/县/区, is itself a dictionary place
    (宁波, 杭州市, 苍南县); words jieba also tags ns ("上市", "上台") have no such form. So does a division's full name
    from the national codes, whatever jieba makes of it (文成县, 洞头|区), and a short form in `local`. Of adjacent
    places ("浙江温州", "浙江省温州市") only the most specific, the last, is kept.
    """
    tokenizer, tags = posseg()
    tokens = _joined_divisions([(word, flag) for word, flag in tokenizer.cut(text)])
    out: list[tuple[str, str, int, int]] = []
    pos = 0
    previous = ""
    for word, flag in tokens:
        start, pos = pos, pos + len(word)
        after, previous = previous, word
        if word in NOT_PLACES:
            continue
        if stem := division_stem(word):  # "文成县", which jieba reads as a person's name
            name = stem
        else:
            if (flag != "ns" and word not in local) or len(word) < 2:
                continue
            if len(after) == 1 and after in SURNAMES and after not in _FUNCTION_CHARS and len(word) == 2:
                continue  # "高|云龙": a given name jieba split from its surname, not the place 云龙区
            name = word[:-1] if word[-1] in _ADMIN_SUFFIX and len(word) >= 3 else word
            if name in NOT_PLACES or not (word in local or _is_admin_name(name, tags) or province_level(name)):
                continue
        if out and out[-1][3] == start:
            out.pop()
        out.append((word, name, start, pos))
    return [(w, n) for w, n, _, _ in out]


def _joined_divisions(tokens: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A division's name jieba cut from its suffix ("洞头|区", "龙港|市") joined again."""
    out: list[tuple[str, str]] = []
    for word, flag in tokens:
        if out and len(word) == 1 and word in _ADMIN_SUFFIX and division_stem(out[-1][0] + word):
            out[-1] = (out[-1][0] + word, "ns")
        else:
            out.append((word, flag))
    return out


def _is_admin_name(name: str, tags: dict[str, str]) -> bool:
    # jieba's dictionary tags some words with a suffix ns that name no division today ("海岛县": 海岛 is an island):
    # where the national codes are at hand, they decide.
    return any(tags.get(name + suffix) == "ns" and (not has_codes() or division_stem(name + suffix) is not None)
               for suffix in _ADMIN_SUFFIX)


# -- support -------------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Issue:
    """What a gazette issue (one source file) says about itself: its issuers and the years of its documents."""

    issuers: str
    years: frozenset[int]


def issues_of(records: Iterable) -> dict[str, Issue]:
    """source -> Issue, from index records or hits (anything with source, issuer, date)."""
    issuers: dict[str, set[str]] = {}
    years: dict[str, set[int]] = {}
    for r in records:
        issuers.setdefault(r.source, set())
        years.setdefault(r.source, set())
        if r.issuer:
            issuers[r.source].add(r.issuer)
        when = r.date or getattr(r, "issue_date", None)
        if when and when[:4].isdigit():
            years[r.source].add(int(when[:4]))
    return {s: Issue("\n".join(sorted(issuers[s])), frozenset(years[s])) for s in issuers}


def supports(c: Constraint, hit: ClauseHit, issue: Issue | None = None) -> bool:
    """Whether the clause, its document or its gazette issue backs the constraint."""
    own = "\n".join(x for x in (hit.text, hit.heading, hit.title, hit.label, hit.issuer) if x)
    # Undated sections (appointments, chronicle, statistics) are dated by the gazette issue they belong to.
    when = hit.date or hit.issue_date
    if c.kind == PLACE:
        # A short form the documents use counts too ("台资企业", "港、澳、台" for 台湾: index.synonyms).
        names = (c.value, *expand_word(c.value))
        # So does a place within it ("乌鲁木齐、昌吉、石河子" for 新疆). Where the asker is ("我在鹿城开诊所…"), a numbered
        # document whose issuer governs that place: a 温州市 document's rules hold in 鹿城 too. (A county asked about,
        # "苍南县给多少奖励", asks for the county's own rules; the city's statistics are not 瑞安's.)
        return any(n in own for n in names) or bool(issue and c.value in issue.issuers) or within(c.value, own) \
            or c.residence and bool(hit.doc_number) and (any(inside(r, c.value) for r in _governed(hit.issuer or ""))
                                                         or bool(_NATIONAL.match(hit.issuer or "")))
    if c.kind == YEAR:
        year = int(c.value)
        if c.text.endswith("年度") and (editions := {int(y) for y in _EDITION.findall(own)}):
            # "2019年度的国家科技奖": a document on the 2018年度 awards (issued in 2019) is not that year's edition
            return year in editions
        if str(year) in own or (when or "").startswith(str(year)):
            return True
        if any(int(a) <= year <= int(b) for a, b in _YEAR_RANGE.findall(own)):
            return True
        return bool(issue and year in issue.years)
    if c.kind == MONTH:
        return _has_month(int(c.value), own) or _date_month(when) == c.value
    if c.kind == LEVEL:
        return any(form in own for form in _level_forms(str(c.value)))
    month, day = c.value  # type: ignore[misc]
    if _date_month(hit.date) == month and (hit.date or "")[8:10].lstrip("0") == str(day):
        return True
    if re.search(rf"(?<!\d){month}\s*月\s*{day}\s*[日号]", own):
        return True
    return _has_month(month, own) and bool(re.search(rf"(?<![\d月]){day}\s*[日号]", own))


@lru_cache(maxsize=256)
def _governed(issuer: str) -> tuple[str, ...]:
    """The regions an issuer governs ("温州市人民政府办公室" -> 温州): the places its name holds."""
    return tuple(name for _, name in places(issuer))


def _level_forms(level: str) -> tuple[str, ...]:
    """How documents write a grade: "二级甲等" also as "二甲"."""
    if m := re.fullmatch(r"(.)级([甲乙丙])等", level):
        return level, m.group(1) + m.group(2)
    if m := re.fullmatch(r"(.)([甲乙丙])", level):
        return level, f"{m.group(1)}级{m.group(2)}等"
    return (level,)


def _has_month(month: int, text: str) -> bool:
    return bool(re.search(rf"(?<![\d个]){month}\s*月", text))


def _date_month(date: str | None) -> int | None:
    return int(date[5:7]) if date and len(date) >= 7 and date[5:7].isdigit() else None


def unsupported(found: Sequence[Constraint], hit: ClauseHit, issue: Issue | None = None) -> list[Constraint]:
    return [c for c in found if not supports(c, hit, issue)]


def covered(c: Constraint, hits: Sequence[ClauseHit]) -> list[str]:
    """What the most relevant documents cover instead, for the abstention message ("7月份", "2019年", "温州")."""
    seen: dict[str, None] = {}
    for h in hits:
        when = h.date or h.issue_date
        own = f"{h.title}\n{when or ''}"
        if c.kind in (MONTH, DAY):
            for m in re.finditer(r"(?<![\d个])(\d{1,2})\s*月份?", h.title):
                seen.setdefault(f"{int(m.group(1))}月份", None)
            if not re.search(r"\d\s*月", h.title) and _date_month(when):
                seen.setdefault(f"{_date_month(when)}月份", None)
        elif c.kind == YEAR:
            for m in re.finditer(r"(?<!\d)((?:19|20)\d{2})(?:\s*[-—–~至到]\s*((?:19|20)\d{2}))?\s*年", own):
                seen.setdefault(f"{m.group(1)}-{m.group(2)}年" if m.group(2) else f"{m.group(1)}年", None)
            if when and when[:4].isdigit():
                seen.setdefault(f"{when[:4]}年", None)
        elif c.kind == PLACE:
            for _, name in places(f"{h.issuer or ''}，{h.title}"):
                seen.setdefault(name, None)
    return list(seen)[:3]
