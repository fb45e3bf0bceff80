"""What a query names exactly: document numbers and clause references; and the search request: filters, modes,
search() of one query."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from index.errors import BadFilter
from index.hits import ClauseHit
from corpus.numbers import CN_DIGITS, DECREE_NUMBER, canonical, int_to_cn, to_int
from index.tokenize import DOC_NUMBER, SHORT_NUMBER

_CN = CN_DIGITS
_CN_NUM = rf"[{_CN}]+"
_NUM = rf"(?:{_CN_NUM}|\d+)"
MODES = ("hybrid", "keyword", "dense")


def check_mode(mode: str) -> None:
    """Raise BadFilter unless mode is one of MODES."""
    if mode not in MODES:
        raise BadFilter("mode", mode, "、".join(MODES))


# Longest question or query the CLI, the API and the page accept: answering stays under a second at this length,
# while a 100,000-character "question" took 10 s of tokenizing and expansion for nothing.
MAX_QUERY_CHARS = 2000


@dataclass(frozen=True)
class Filters:
    doc_number: str | None = None
    issuer: str | None = None
    kind: str | None = None
    date_from: str | None = None  # ISO dates, inclusive
    date_to: str | None = None
    issue: str | None = None  # part of the gazette issue: "203", "2019年第7期", "总第203期"

    def validate(self) -> "Filters":
        from corpus.model import KINDS

        if self.kind is not None and self.kind not in KINDS:
            raise BadFilter("kind", self.kind, "、".join(KINDS))
        for name in ("date_from", "date_to"):
            value = getattr(self, name)
            if value is not None:
                try:
                    date.fromisoformat(value)
                except ValueError:
                    raise BadFilter(name, value, "ISO 日期，如 2019-07-01") from None
        return self

    def is_empty(self) -> bool:
        return not any((self.doc_number, self.issuer, self.kind, self.date_from, self.date_to, self.issue))


class SearchOne:
    """search() for one query as search_batch() of one: the same for every searcher (local and Milvus)."""

    def search(self, query: str, k: int = 10, filters: Filters | None = None, mode: str = "hybrid") -> list[ClauseHit]:
        return self.search_batch([query], k, filters, mode)[0]


@dataclass(frozen=True)
class DocMention:
    text: str  # normalized: "温政办〔2019〕49号", "〔2019〕49号" or "49号"

    def matches(self, doc_number: str | None) -> bool:
        if not doc_number:
            return False
        if self.text.startswith("〔") or self.text[:1].isdigit():
            return doc_number.endswith(self.text if self.text.startswith("〔") else "〕" + self.text)
        return self.text.endswith(doc_number) or doc_number.endswith(self.text)


@dataclass(frozen=True)
class ClauseRef:
    paths: tuple[tuple[str, ...], ...]  # exact candidate paths
    # A label any path may end with: "第三条" (statutes), "（二十五）" (items numbered on through a document's parts).
    article: str | None = None
    # The words before 部分 of a part named by its heading ("工作要求部分第（一）条"): the searcher finds the part.
    part_heading: str | None = None

    def matches(self, path: tuple[str, ...]) -> bool:
        return path in self.paths or bool(self.article and path and (
            path[-1] == self.article
            # rules numbered "三十六、" on through their chapters (国务院工作规则 第八章 三十六): "第三十六条"
            or len(path) == 2 and _CHAPTER.fullmatch(path[0]) and f"第{path[1]}条" == self.article))

    def matches_through(self, path: tuple[str, ...]) -> bool:
        """The item under one more level: plans number a part's items on through its sections ("第三部分第10条"
        is 三、（三）10)."""
        return any(len(p) >= 2 and len(path) == len(p) + 1 and path[0] == p[0] and path[-1] == p[-1]
                   for p in self.paths)

    def matches_under(self, path: tuple[str, ...]) -> bool:
        return any(len(path) > len(p) and path[: len(p)] == p for p in self.paths)

    def matches_above(self, path: tuple[str, ...]) -> bool:
        """The clause is an ancestor of a referenced one (附则 when 附则第2条 is not split out)."""
        return bool(path) and any(len(path) < len(p) and p[: len(path)] == path for p in self.paths)


@dataclass(frozen=True)
class Intent:
    doc_mentions: tuple[DocMention, ...] = ()
    clause_refs: tuple[ClauseRef, ...] = ()
    days: tuple[tuple[int, int], ...] = ()  # (month, day) named: "7月16日"; month 0: "22号那天", any month

    def names_day(self, record) -> bool:
        """The record is the chronicle entry (政府记事) of a day the query names: labelled "16日", in a chronicle
        of that month."""
        if not self.days or record.kind != "chronicle":
            return False
        month = (record.issue_date or "")[5:7]
        return any(record.label == f"{d}日" and (m == 0 or month == f"{m:02d}") for m, d in self.days)


def _variants(token: str) -> list[str]:
    """Path tokens an item number may appear as: 九, （九）, 9, （9）, 第九条."""
    n = to_int(token)
    if n <= 0:
        return []
    cn = int_to_cn(n)
    return [cn, f"（{cn}）", str(n), f"（{n}）", f"第{cn}条"]


# Words saying an item is under the one named before it ("下面的", "里的").
_UNDER = r"(?:下面|下边|里面|当中|中|里|下)"
_PART_ITEM = re.compile(rf"第({_NUM})(部分|项|章|条)[的之]?"
                        # the part's heading may stand between: "第四部分主要任务中的第16条"
                        rf"(?:[\u4e00-\u9fff]{{2,8}}?{_UNDER}的?)?"
                        rf"(?:第[（(]?({_NUM})[）)]?(?:条|项|款|点)|[（(]({_NUM})[）)])"
                        # and an item under it: "第三部分第（二）条第2点" is 三、（二）2, "第二部分（二）2." too, and
                        # "第二部分（一）下面的第2条", "第三部分第（二）条下的第1项" (条 only where words say it is
                        # under the one before, or right after it in figures: "第三部分（五）第16条")
                        rf"(?:(?:(?:{_UNDER}的?|[的之])?第?(\d{{1,2}}|{_CN_NUM})(?:点|项|目|小点)"
                        rf"|(?:{_UNDER}的?第|第(?=\d{{1,2}}条))(\d{{1,2}}|{_CN_NUM})条"
                        rf"|\s*(\d{{1,2}})(?!\d|[.．]\d|\s*[年月日万亿元%％号个项件])[.．、])"
                        # and the item under that: "第二部分（二）2.（1）项" is 二、（二）2.（1）
                        rf"(?:\s*(?:[里中]的?|的)?\s*第?\s*[（(](\d{{1,2}})[）)](?:项|条|款|点)?)?)?")
_CHAPTER = re.compile(rf"第{_CN_NUM}章")
# A statute's article as its path prints it ("第三条", "第十条之一").
ARTICLE_LABEL = re.compile(rf"第(?:{_CN_NUM}|\d+)条(?:之{_CN_NUM})?")


def numbers_articles(path: tuple[str, ...]) -> bool:
    """The path is an article ("第三条") or a rule numbered on through the chapters ("第八章", "三十六")."""
    return bool(path) and bool(ARTICLE_LABEL.fullmatch(path[-1]) or len(path) == 2 and _CHAPTER.fullmatch(path[0])
                               and re.fullmatch(_CN_NUM, path[1]))
_CHAPTER_ARTICLE = re.compile(rf"第({_NUM})章[的之]?第({_NUM})条")
# "第四部分" alone: a top-level part of a document (四、…).
_PART = re.compile(rf"第({_NUM})部分")
# "工作要求部分第（一）条", "保障措施部分第三条", "“工作要求”第（一）项": an item of a part named by its heading (before
# 部分, or in quotes), not its number.
_HEADED_ITEM = re.compile(rf"(?:[“\"「]([\u4e00-\u9fff]{{2,12}})[”\"」]\s*(?:部分)?|([\u4e00-\u9fff]{{2,10}}?)部分)"
                          rf"(?:[中里]的?|的)?第?\s*[（(]?({_NUM})[）)]?\s*(?:条|项|点)"
                          # or in it, the item in brackets: "保障措施里第（三）条" (not "通知里第三条", an article)
                          rf"|([\u4e00-\u9fff]{{2,10}}?)[中里]的?第?\s*[（(]({_NUM})[）)]\s*(?:条|项|点)?")
# "三（九）" and "三、（九）" as printed in a clause label, with the deeper levels printed after it ("二（二）2",
# "二、（二）2.（1）", "二（二）2里第（1）项"); a figure followed by a unit is not an item number.
_CN_PAREN = re.compile(rf"(?<![第{_CN}])({_CN_NUM})[、，,]?\s*[（(]({_CN_NUM})[）)]"
                       rf"(?:\s*(\d{{1,2}})(?!\d|[.．]\d|\s*[年月日万亿元%％号个项件])[.．、]?"
                       # "二（二）2里第（1）项": the deepest item named in words
                       rf"(?:\s*(?:[里中]的?|的)?\s*第?\s*[（(](\d{{1,2}})[）)](?:项|条|款|点)?)?)?")
_SUPPLEMENTARY = re.compile(rf"附则(?:中的?|的)?第?({_NUM})(?:条|项|款|点)?")
# "第（二十五）条", "（九）条" with no part before it: a policy document numbers its bracketed items on through its
# parts, so the item is found by its label alone.
_BRACKETED_ITEM = re.compile(rf"第\s*[（(]({_NUM})[）)]\s*(?:条|项|款|点)?|(?<![{_CN}\d])[（(]({_NUM})[）)]\s*(?:条|项|款|点)")
_ARTICLE = re.compile(rf"第({_NUM})条")
# "第1.2节", "6.4.2条", "6.4.2讲了什么": a section of a plan numbered with dots (应急预案 print 1.2 and 6.4.2), printed
# under its ancestors ("1" > "1.2"). A figure (1.5万元, 2.5级) is not one: a section word or 第 must say so.
_DOTTED = re.compile(r"第\s*(\d{1,2}(?:[.．]\d{1,2}){1,3})(?![\d.．])|(?<![\d.．])(\d{1,2}(?:[.．]\d{1,2}){1,3})"
                     r"\s*(?=节|小节|条|款|部分|(?:中|里)?(?:讲|规定|说|写)了?)")
# "2.1.3第（7）项", "4.2.1（1）": a bracketed item under a dotted section, printed under it.
_DOTTED_ITEM = re.compile(r"(?<![\d.．])第?\s*(\d{1,2}(?:[.．]\d{1,2}){1,3})\s*(?:[中里]的?|的)?\s*第?\s*[（(](\d{1,2})[）)]"
                          r"\s*(?:项|条|款|点)?")
# "第十二项", "答复的第五点": a top-level item of a document, not an item under a part.
_ITEM = re.compile(rf"第({_NUM})(?:项|点)")
# "附件第85项", "附件2第3条", "附件一里的第5项", "附件所列的第67项": an item of an attachment, printed under 附件 or 附件N.
_ATTACHMENT_ITEM = re.compile(rf"附件\s*(\d{{1,2}}|{_CN_NUM})?\s*(?:[中里]的?|的|所列的?|列出的)?\s*第\s*({_NUM})\s*(?:项|条|个|点)")
# "附件2", "附件" of a document: printed as 附件 (one attachment, or the list of them) or 附件N.
# A Chinese numeral counts only where a word does not go on ("附件二的…", not "附件一共").
_ATTACHMENT = re.compile(r"附件\s*(?:(\d{1,2})(?!\d)|([一二三四五六七八九十]{1,3})(?=$|[^\u4e00-\u9fff]|[的是中里讲规写]))?")


def _dotted_path(number: str) -> tuple[str, ...]:
    """"6.4.2" as printed in a path: under its ancestors ("6", "6.4", "6.4.2")."""
    parts = re.split(r"[.．]", number)
    return tuple(".".join(parts[:i]) for i in range(1, len(parts) + 1))


def _attachment_paths(n: int) -> tuple[tuple[str, ...], ...]:
    """How attachment n is printed in a path: 附件N, or 附件 over N (in digits or numerals); 附件 alone when n is 0."""
    return ((f"附件{n}",), ("附件", str(n)), ("附件", int_to_cn(n))) if n > 0 else (("附件",),)


# "7月16日", "七月十六号": a day of a month.
_DAY = re.compile(rf"(?<!\d)({_NUM})\s*月份?\s*({_NUM})\s*[日号]")
# "7月10日和11日", "7月10日、11日": a day after a dated one, in its month (the answer stage's constraints read it too).
AND_DAY = re.compile(rf"\s*(?:和|、|与|跟|及|或)\s*({_NUM})\s*[日号]")
# "22号那天": a day without its month, which only words for "that day" after it tell from a document number.
_DAY_ONLY = re.compile(rf"(?<![\d〕月])({_NUM})\s*[日号](?=那天|当天|这天|那一天)")
# "第三部分第九条和第十条": more items of the part named, each written out under it ("第三部分第九条 第三部分第十条").
_ITEM_OF_PART = re.compile(rf"第[（(]?{_NUM}[）)]?[条项]")
_PART_ITEMS = re.compile(rf"(第{_NUM}部分[的之]?)({_ITEM_OF_PART.pattern})"
                         rf"((?:\s*(?:和|、|与|跟|及)\s*{_ITEM_OF_PART.pattern})+)")
# "据7月份市政府记事，5日…": a month named alone, and a day of it written apart; not a time limit ("5日内", "十日起").
_MONTH_ALONE = re.compile(rf"(?<![\d{_CN}])({_NUM})\s*月份?(?!\s*{_NUM}\s*[日号])")
_DAY_APART = re.compile(rf"(?<![\d{_CN}〕月第号每个])({_NUM})\s*日(?!内|以内|之内|起|以?前|以?后|之前|之后|止)")


def analyze(query: str) -> Intent:
    """Document numbers, clause references and days named in a query."""
    mentions: list[DocMention] = []
    for m in DOC_NUMBER.finditer(query):
        mentions.append(DocMention(canonical(*m.groups())))
    rest = DOC_NUMBER.sub(" ", query)
    for m in SHORT_NUMBER.finditer(rest):
        mentions.append(DocMention(f"{int(m.group(1) or m.group(2))}号"))
    rest = SHORT_NUMBER.sub(" ", rest)
    for m in DECREE_NUMBER.finditer(rest):  # "国令第707号", "国务院令第707号": matched by its 令第N号 ending
        mentions.append(DocMention(f"令第{to_int(m.group(1))}号"))
    rest = DECREE_NUMBER.sub(" ", rest)

    refs: list[ClauseRef] = []
    for m in _DOTTED_ITEM.finditer(rest):
        refs.append(ClauseRef(((*_dotted_path(m.group(1)), f"（{int(m.group(2))}）"),)))
    rest = _DOTTED_ITEM.sub(" ", rest)
    for m in _DOTTED.finditer(rest):
        refs.append(ClauseRef((_dotted_path(m.group(1) or m.group(2)),)))
    rest = _DOTTED.sub(" ", rest)
    for m in _CHAPTER_ARTICLE.finditer(rest):  # "第七章第二十三条": a statute's article, numbered through the chapters
        n = to_int(m.group(2))
        if n > 0:
            refs.append(ClauseRef(((f"第{int_to_cn(to_int(m.group(1)))}章", f"第{int_to_cn(n)}条"),),
                                  article=f"第{int_to_cn(n)}条"))
    rest = _CHAPTER_ARTICLE.sub(" ", rest)
    rest = _PART_ITEMS.sub(lambda m: " ".join(m.group(1) + item for item in
                                             [m.group(2), *_ITEM_OF_PART.findall(m.group(3))]), rest)
    for m in _PART_ITEM.finditer(rest):
        part = int_to_cn(to_int(m.group(1)))
        variants = _variants(m.group(3) or m.group(4))
        if re.search(r"[（(]", m.group(0)):  # "第（六）条" names the bracketed level as printed, not item 6
            variants = [v for v in variants if v.startswith("（")]
        number = m.group(5) or m.group(6) or m.group(7)
        item = to_int(number) if number else 0
        deeper = (str(item),) + ((f"（{int(m.group(8))}）",) if m.group(8) else ()) if item > 0 else ()
        # "第三条第（一）项" is 三、（一） of a policy document, or item (一) of a statute's 第三条, as printed
        article = f"第{part}条" if m.group(2) == "条" else None
        refs.append(ClauseRef(tuple((part, v, *deeper) for v in variants), article=article))
    rest = _PART_ITEM.sub(" ", rest)
    for m in _PART.finditer(rest):
        n = to_int(m.group(1))
        if n > 0:
            refs.append(ClauseRef(((int_to_cn(n),),)))
    rest = _PART.sub(" ", rest)
    for m in _HEADED_ITEM.finditer(rest):
        n = to_int(m.group(3) or m.group(5))
        if n > 0:
            refs.append(ClauseRef((), article=f"（{int_to_cn(n)}）", part_heading=m.group(1) or m.group(2) or m.group(4)))
    rest = _HEADED_ITEM.sub(" ", rest)
    for m in _CN_PAREN.finditer(rest):
        path = (m.group(1), f"（{m.group(2)}）") + ((m.group(3),) if m.group(3) else ()) \
            + ((f"（{m.group(4)}）",) if m.group(4) else ())
        refs.append(ClauseRef((path,)))
    rest = _CN_PAREN.sub(" ", rest)
    for m in _BRACKETED_ITEM.finditer(rest):
        n = to_int(m.group(1) or m.group(2))
        if n > 0:
            refs.append(ClauseRef((), article=f"（{int_to_cn(n)}）"))
    rest = _BRACKETED_ITEM.sub(" ", rest)
    for m in _SUPPLEMENTARY.finditer(rest):
        refs.append(ClauseRef(tuple(("附则", v) for v in _variants(m.group(1)))))
    rest = _SUPPLEMENTARY.sub(" ", rest)
    for m in _ATTACHMENT_ITEM.finditer(rest):
        n, item = to_int(m.group(1)) if m.group(1) else 0, to_int(m.group(2))
        if item > 0:
            refs.append(ClauseRef(tuple((*h, v) for h in _attachment_paths(n) for v in _variants(m.group(2))[:4])))
    rest = _ATTACHMENT_ITEM.sub(" ", rest)
    for m in _ATTACHMENT.finditer(rest):
        n = to_int(m.group(1) or m.group(2)) if m.group(1) or m.group(2) else 0
        refs.append(ClauseRef(_attachment_paths(n)))
    rest = _ATTACHMENT.sub(" ", rest)
    for m in _ARTICLE.finditer(rest):
        n = to_int(m.group(1))
        if n > 0:
            refs.append(ClauseRef(((int_to_cn(n),),), article=f"第{int_to_cn(n)}条"))
    rest = _ARTICLE.sub(" ", rest)
    for m in _ITEM.finditer(rest):  # "第十二项": a top-level item, printed 十二、 or （十二）
        if to_int(m.group(1)) > 0:
            refs.append(ClauseRef(tuple((v,) for v in _variants(m.group(1))[:4])))
    dated = []
    for m in _DAY.finditer(query):
        dated.append((to_int(m.group(1)), to_int(m.group(2))))
        end = m.end()
        while more := AND_DAY.match(query, end):
            dated.append((to_int(m.group(1)), to_int(more.group(1))))
            end = more.end()
    days = tuple(dict.fromkeys((month, day) for month, day in dated if 1 <= month <= 12 and 1 <= day <= 31))
    days += tuple((0, to_int(m.group(1))) for m in _DAY_ONLY.finditer(query) if 1 <= to_int(m.group(1)) <= 31)
    months = {to_int(m.group(1)) for m in _MONTH_ALONE.finditer(query)}
    if not days and len(months) == 1 and 1 <= (month := months.pop()) <= 12:
        apart = (to_int(m.group(1)) for m in _DAY_APART.finditer(query))
        days = tuple(dict.fromkeys((month, d) for d in apart if 1 <= d <= 31))
    return Intent(tuple(dict.fromkeys(mentions)), tuple(refs), days)


def issue_matches(wanted: str, issues) -> bool:
    """Whether any printing (a gazette issue in display form) is the issue asked for: a bare number is 总第N期
    or 第N期, anything else a part of the printed form (2019年第7期, 总第203期, the full display)."""
    want = re.sub(r"\s+", "", wanted)
    for issue in issues:
        text = re.sub(r"\s+", "", issue or "")
        if not text or not want:
            continue
        if want.isdigit():
            if re.search(rf"第0*{int(want)}[期号]", text):
                return True
        elif want in text:
            return True
    return False
