"""What the question names by number, checked against the whole index: a document ("51号"), a clause of it
("三（二十一）"), an ordinal of an event ("十二届九次全会", "第三场").

A named document or clause the index holds is solid evidence whatever the wording around it ("47号文主要讲了什么"
has no topic words to match); one it does not hold is a near miss, refused with a note, however similar the
retrieved text reads. An ordinal the question gives that no retrieved clause prints, where the best clause prints
the same measure with another number ("十二届八次"), is a near miss as well.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from assistant.answer.coverage import GENERIC_NOUNS
from assistant.answer.question import APPOINT, REMOVE, SURNAMES, Question, content_words, personnel_item
from assistant.answer.segment import posseg, tokenizer
from assistant.answer.sentences import Sentence, plain_heading, split_sentences
from corpus.numbers import CN_DIGITS, int_to_cn, to_int
from index.hits import ClauseHit
from index.query import numbers_articles
from index.synonyms import expand_word

_ORDINAL = re.compile(r"(第?)([一二三四五六七八九十百两\d]+)(届|次|场|批|轮)")


def documents_found(q: Question, records: Sequence | None) -> tuple[list, list[str]]:
    """(records of the named documents the index holds, named documents it does not hold)."""
    mentions = q.intent.doc_mentions
    if not mentions or not records:
        return [], []
    found, missing = [], []
    for m in mentions:
        mine = [r for r in records if m.matches(getattr(r, "doc_number", None))]
        if mine:
            found += mine
        else:
            missing.append(m.text)
    return found, missing


# Headings a question may name a part by: four characters at least ("总体要求", "有关要求"), not "结语" or "附件".
_NAMED_HEADING = 4
# Words that place a part in its document without saying what is asked of it ("最后“有关要求”部分主要说了些什么").
_PLACING = frozenset("最后 前面 开头 结尾 部分 一部分 这部分 主要".split())
# Words that only say how much is asked ("大概讲了些什么", "简要说了什么"; 具体 is a stop word already).
_HEDGES = frozenset("大概 大致 大体 简单 简要".split())


def headed_clause(q: Question, records: Sequence) -> object | None:
    """The clause of the named document whose whole heading the question asks about ("国办发〔2019〕3号…的总体要求是
    什么", "“有关要求”部分主要说了些什么"): the heading printed as whole words, and no word of the question left
    outside it, the document's title and words that only place the part. None when two clauses share the heading."""
    cut = list(tokenizer().tokenize(q.query))
    bounds = {start for _, start, _ in cut} | {end for _, _, end in cut}
    named = []
    for r in records:
        heading = plain_heading(r.heading)
        at = q.query.find(heading) if len(heading) >= _NAMED_HEADING else -1
        if at >= 0 and at in bounds and at + len(heading) in bounds:
            named.append((heading, r))
    longest = max((len(h) for h, _ in named), default=0)
    chosen = [(h, r) for h, r in named if len(h) == longest]
    if len(chosen) != 1:
        return None
    heading, record = chosen[0]
    rest = [w for w in q.words if w not in heading and w not in (record.title or "") and w not in _PLACING
            and w not in _HEDGES and w not in GENERIC_NOUNS]
    return None if rest else record


def mentioning(numbers: Sequence[str], records: Sequence | None) -> list[tuple[object, Sentence]]:
    """(record, sentence) for each sentence of the index that prints one of the document numbers: what the gazette
    says of a document it does not hold ("…（国办发〔2016〕82号）停止执行"). Only full numbers: a bare "44号" is too
    often something else."""
    full = [n for n in numbers if "〔" in n]
    out = []
    for r in records or ():
        if any(n in r.text for n in full):
            out += [(r, s) for s in split_sentences(r.text) if any(n in s.text for n in full)]
    return out


# What a document is called besides its full title: a name in 《》 ("《专利代理条例》"), or the title without the
# wrapper of a covering notice ("国务院关于印发|个人所得税专项附加扣除暂行办法|的通知").
_QUOTED_NAME = re.compile(r"《([^《》]{4,40})》")
_WRAPPED = re.compile(r"^.{2,40}?关于(?:印发|转发|发布)?(.{4,40}?)(?:的(?:通知|意见|决定|批复|复函|函|通报))?$")
_SHORTEST_NAME = 4


_STATE = "中华人民共和国"


def document_names(records: Sequence) -> dict[str, int]:
    """name -> doc_index for every document of the index: its title, names quoted in it, the title unwrapped."""
    names: dict[str, int] = {}
    seen: set[int] = set()
    for r in records or ():
        if r.doc_index in seen or not r.title:
            continue
        seen.add(r.doc_index)
        title = r.title.strip("《》 ")
        wrapped = _WRAPPED.match(title)
        for name in (title, *_QUOTED_NAME.findall(title), *([wrapped.group(1)] if wrapped else [])):
            name = name.strip("《》 ")
            # A national law or regulation is called without the state's name ("个人所得税法实施条例").
            for called in (name, name.removeprefix(_STATE)):
                if len(called) >= _SHORTEST_NAME:
                    names.setdefault(called, r.doc_index)
    return names


# Words of a regulation's name that tell none apart: what every regulation is called (its place, too: a place name).
_REGULATION_WORDS = frozenset("管理 条例 办法 细则 规定".split())


def printed_regulation(name: str, text: str) -> str | None:
    """The regulation, printed by name in the text (《温州市养犬管理条例》), that the question's name for it stands
    for: each distinctive word of it, or an official equivalent (养狗 -> 养犬), is in the printed name."""
    words = _distinctive_words(name)
    if not words:
        return None
    for printed in _QUOTED_NAME.findall(text):
        if printed.endswith(name[-2:]) and all(any(f in printed for f in forms) for forms in words):
            return printed
    return None


# A bill a legislative plan lists by its subject, not yet by name ("温州市垃圾分类管理立法（市综合行政执法局起草）").
_BILL = re.compile(r"[^，。；：、（）《》\s]{2,24}?(?:立法|条例|办法|规定)(?=[（(；。，]|$)")


def listed_regulation(name: str, text: str) -> str | None:
    """How the text names the regulation asked about: printed by name (《温州市养犬管理条例》), or listed by subject as a
    bill (温州市垃圾分类管理立法), every distinctive word of it in the one item; None when it does neither."""
    printed = printed_regulation(name, text)
    if printed:
        return f"《{printed}》"
    words = _distinctive_words(name)
    if not words:
        return None
    return next((m.group(0) for m in _BILL.finditer(text)
                 if all(any(f in m.group(0) for f in forms) for forms in words)), None)


@lru_cache(maxsize=64)
def _distinctive_words(name: str) -> tuple[tuple[str, ...], ...]:
    """Each word of a regulation's name but its place and kind, with its official equivalents (segmented once per
    name, not per sentence it is looked for in)."""
    places = {t.word for t in posseg()[0].cut(name) if t.flag == "ns"}
    return tuple((w, *expand_word(w)) for w in content_words(name)
                 if not w.endswith(tuple(_REGULATION_WORDS)) and w not in places)  # 管理条例 is the kind too


def documents_titled(q: Question, records: Sequence | None, names: dict[str, int]) -> list:
    """Records of the document whose name the question writes out ("专利代理条例一共几条"), the longest name first."""
    if not records:
        return []
    written = sorted((n for n in names if n in q.query), key=len, reverse=True)
    if not written:
        return []
    doc = names[written[0]]
    return [r for r in records if r.doc_index == doc]


def _numbered_part(path: tuple[str, ...]) -> bool:
    """A top-level part numbered 一、二、…: a document split so has its "第五条" as part 五, or none."""
    return bool(path) and re.fullmatch(f"[{CN_DIGITS}]+", path[0]) is not None


def _numbered(path: tuple[str, ...], article: str) -> bool:
    """An item at any depth numbered as the article is ("第二十条": 20, （二十）)."""
    n = to_int(article.removeprefix("第").removesuffix("条"))
    return bool(path) and n > 0 and path[-1].strip("（）() ") in {str(n), int_to_cn(n)}


def clause_missing(q: Question, doc_records: Sequence) -> bool:
    """The question names a clause that none of the named documents has (exactly, above or below it)."""
    refs = q.intent.clause_refs
    if not refs or not doc_records:
        return False
    paths = [tuple(r.path) for r in doc_records]
    for ref in refs:
        if any(ref.matches(p) or ref.matches_through(p) or ref.matches_under(p) for p in paths):
            return False
        # An ancestor stands for the clause only when it is not split at that depth (附则 printed as one clause);
        # "三（二十一）" where 三 has items （一）…（二十） is a clause that does not exist.
        split = {p[:-1] for p in paths if p}
        if any(ref.matches_above(p) and p not in split for p in paths):
            return False
        if ref.article and ref.article.startswith("第") and not any(numbers_articles(p) for p in paths) and (
                not any(_numbered_part(p) for p in paths) or any(ref.article in (r.text or "") for r in doc_records)
                or any(_numbered(p, ref.article) for p in paths)):
            # "第三条": a statute the index does not split into articles may still hold it; a document numbered 一、
            # 二、… holds it only as an item so numbered ("第20条": 四、（五）20) or where a rule it prints numbers it
            # so (a 规定 it issues), else its 第五条 would be part 五.
            return False
    return True


def named_in_top(q: Question, hits: Sequence[ClauseHit]) -> bool:
    """The best retrieved clause is of a document the question names."""
    return bool(hits) and any(m.matches(hits[0].doc_number) for m in q.intent.doc_mentions)


def person_in_top(q: Question, hits: Sequence[ClauseHit]) -> bool:
    """A person the question names is printed in the best retrieved clause."""
    return bool(hits) and any(name in hits[0].text for name in q.names)


def ordinal_misses(q: Question, hits: Sequence[ClauseHit]) -> list[str]:
    """Ordinals of the question ("九次", "第三场") that no retrieved clause or title prints, where the best one
    prints the same measure with another number."""
    out = []
    if not hits:
        return out
    texts = [f"{h.title}\n{h.heading or ''}\n{h.text}" for h in hits]
    best = texts[0]
    for m in _ORDINAL.finditer(q.query):
        token = m.group(0)
        if not m.group(1) and m.group(2) == "一":
            continue  # "一次" without 第 is a frequency ("多久检查一次"), not an ordinal
        # What it numbers: "第一次全国污染源普查" is not the best clause's "第二次全国污染源普查", though another clause
        # prints "第一次全国三级公立医院绩效考核". (A best clause printing the ordinal itself may name the thing at more
        # length: "八次全会" is its "八次全体（扩大）会议".)
        after = q.query[m.end():m.end() + 2]
        if len(after) == 2 and token not in best and any(
                x.group(3) == m.group(3) and x.group(2) != m.group(2) and best[x.end():x.end() + 2] == after
                for x in _ORDINAL.finditer(best)):
            out.append(token)
            continue
        if any(token in t for t in texts):
            continue
        # The best clause's own ordinals of that measure; "一次" without 第 is a frequency there too ("最多跑一次").
        printed = {x.group(2) for x in _ORDINAL.finditer(best)
                   if x.group(3) == m.group(3) and (x.group(1) or x.group(2) != "一")}
        if printed and m.group(2) not in printed:  # "第四次" is printed "三届四次" too
            out.append(token)
    return out


def missing_note(what: Sequence[str]) -> str:
    return f"已收录的公报中没有{'、'.join(f'“{w}”' for w in what)}。"


# The post a personnel question names: what follows the appointment or removal verb ("任命为温州市教育局局长").
_POST_PHRASE = re.compile(r"(?:任命为|任命谁(?:当|为|担任)?|任命|担任|出任|当上|当了|免去|免职|被免)(?:了)?"
                          r"([\u4e00-\u9fff]{3,24}?)(?:的)?(?:职务)?了?[？?。！!]*$")
# Or what precedes a question about who holds it now ("市财政局局长换成谁了").
_POST_BEFORE = re.compile(r"^(?:\d{1,2}月份?)?([\u4e00-\u9fff]{3,24}?)(?:现在|新)?(?:换成|换了|换人|由谁接任|谁接任|是谁接)")
# Or what the question's last clause asks the holder of ("…任免中，温州市教育局局长任命的是谁").
_POST_ASKED = re.compile(r"([\u4e00-\u9fff]{3,24}?)(?:一职)?(?:任命的是谁|任命了谁|由谁担任|由谁出任)[？?。！!]*$")
# Words before a post that are not part of it: when ("现在"), and where said plainly ("市里").
_PLACE_PREFIX = re.compile(r"^(?:现在|目前|如今|眼下)?(?:温州市|温州|市里|市)")
_ASKING = re.compile(r"哪|什么|谁|几|多少|有没有|是否|吗")
# Share of the post's character pairs an item must print to name that post (局长 of 副局长 alone is not enough).
_POST_SHARE = 0.75


def posts_unnamed(q: Question, texts: Sequence[str]) -> list[str]:
    """The post a personnel question names ("…任命为教育局局长？") when no personnel item (with its list heading)
    prints it: at least _POST_SHARE of its character pairs. Empty when the question names no post this way."""
    m = _POST_ASKED.match(re.split(r"[，,；;]", q.query.strip())[-1]) or _POST_PHRASE.search(q.query.strip()) \
        or _POST_BEFORE.search(q.query.strip())
    if not m:
        return []
    post = _PLACE_PREFIX.sub("", m.group(1)).replace("的", "")  # "执法队的队长" is printed "执法队队长"
    if _ASKING.search(post):
        return []  # "任命了哪些人": who is asked, not a post
    grams = [post[i:i + 2] for i in range(len(post) - 1)]
    if len(grams) < 2:
        return []
    for text in texts:
        if sum(g in text for g in grams) / len(grams) >= _POST_SHARE and not _deputy_only(post, text):
            return []
    return [post]


def _deputy_only(post: str, text: str) -> bool:
    """The text prints the post's title only as a deputy's ("财政局副局长" for 财政局局长)."""
    title = post[-2:]
    found = [m.start() for m in re.finditer(title, text)]
    return "副" not in post and bool(found) and all(text[max(i - 1, 0):i] == "副" for i in found)


def only_other_half(name: str, clauses: Sequence[ClauseHit], asked: str) -> ClauseHit | None:
    """The item of a personnel list naming the person when only the half not asked names them: the appointment
    ("李建良任温州市民政局副局长") when a former post is asked (asked="remove"), the removal ("何忠的温州职业技术学院
    副院长职务") when a new one is (asked="appoint"). The list prints no post of the kind asked."""
    named = [c for c in clauses if name in c.text]
    removals = [c for c in named if REMOVE.search(c.text) or c.text.rstrip("；;。 ").endswith("职务")]
    appointments = [c for c in named if c not in removals and APPOINT.search(c.text)]
    printed, other = (removals, appointments) if asked == "remove" else (appointments, removals)
    return other[0] if other and not printed else None


def printed_people(records: Sequence) -> frozenset[str]:
    """The people the index's personnel lists name, read where their items print them ("汪红所任…",
    "戚速的…职务")."""
    return frozenset(item[0] for r in records if getattr(r, "kind", None) == "appointments"
                     for s in split_sentences(r.text)
                     if (item := personnel_item(s.text)) and item[0][0] in SURNAMES)


def with_printed_names(q: Question, people: frozenset[str]) -> Question:
    """The question naming the people the index prints as it prints them: jieba cuts a rare name short ("汪红|所")
    or misses it ("戚速"), and a name cut short matches items of other people."""
    found = [p for p in people if p in q.query]
    found = sorted((p for p in found if not any(p != o and p in o for o in found)), key=q.query.find)
    if not found:
        return q
    names = tuple(dict.fromkeys([*found, *(n for n in q.names if not any(n in p or p in n for p in found))]))
    return q if names == q.names else replace(q, names=names)
