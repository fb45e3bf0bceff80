"""Topics a question asks about that the indexed gazettes never mention.

"实行特殊工时制度的加班费怎么算？" retrieves the working-hours notice, which never speaks of 加班费: the
gazette does not cover the detail asked, so no clause answers it, however on-topic it looks. A noun
of the question is covered when the indexed text contains it (a two-character word also as an
abbreviation: 基建 for 基本建设), one of its official equivalents (index.synonyms), a two-character word
straddling it in the question (jieba may cut 开诊|所有 where the text says 诊所), or all of its parts.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from types import SimpleNamespace

from corpus.numbers import DOC_NUMBER
from index.answer_types import AMOUNT, ASKS_PLACE_LIST, DATE
from index.synonyms import expand_word

from assistant.answer.question import (ASKS_SUM, DEADLINE, DOC_NUMBER_WORDS, FREQUENCY, LIKENED, NUMERAL, POST_ASK,
                                       POST_BEFORE_NAME, SURNAMES, VALUE_NOUNS, WHICH_FIRST, Question, counts_measured,
                                       has_fact, lists_places, names_post_title)
from assistant.answer.segment import posseg, tokenizer
from assistant.answer.select import ABBREVIATION_GAP, SYNONYM_CREDIT, ScoredSentence, agent_stem, best_per_clause, \
    credit, spelled_apart
from assistant.answer.sentences import introduces_items, split_sentences
from assistant.answer.types import Retriever, doc_key

# Nouns that name no topic of their own ("政府是什么态度").
GENERIC_NOUNS = frozenset("态度 情况 问题 方面 内容 事情 东西 事儿 方式 办法 规定 政策 要求 意见 说法 地方 时间 老百姓 百姓 意思 "
                          "普通 身份 专门 样子 模样 区别 差别 差异 异同 不同 关系 联系 "
                          # what a name or part is asked by ("提案题目叫什么", "争当什么角色"): the text prints the name
                          "题目 标题 名称 名字 全称 角色".split())


def _as_person(name: str, text: str) -> bool:
    n = re.escape(name)
    # A post or title right before the name, or what is said of a person right after it.
    return bool(re.search(rf"{POST_BEFORE_NAME}{n}|{n}(?:同志|是谁|被任|任|兼任|担任|免|参加|出席|调研|会见|讲话)", text))


_QUESTION_CHARS = set("的了吗呢吧啊呀么哦嗯嘛怎么什哪谁几多少啥咋")
# A time the question is set in ("七月份", "今年"): the month and year checks (constraints) judge it, not coverage.
_TIME_WORD = re.compile(r"(?:[一二三四五六七八九十两\d]+|今|去|明|前|本|上|下)(?:年|年度|季度|个?月|月份|日|号|天|周)")


# Nouns that say what kind of list is asked for, not what it is about.
_LIST_NOUNS = frozenset("材料 资料 证件 手续 条件 流程 程序 步骤".split())


def uncovered_topics(q: Question, retriever: Retriever) -> tuple[str, ...]:
    """Nouns of the question that neither the indexed text nor their equivalents mention; none when the retriever
    cannot say what its text mentions, or when they are only words of the scene the asker sets or of the clauses
    before the one that asks."""
    question = q.query
    tagged = list(posseg()[0].cut(question))
    tags = {w.word: w.flag for w in tagged}
    likened = "".join(LIKENED.findall(question))
    # A measure asked for (面积, 年龄) names no topic: a figure in its unit states it (unstated_attribute); nor what the
    # asked thing is likened to ("会不会像别的大城市那样盖摩天大楼": the gazette need not speak of other cities).
    nouns = [w for w in q.words if tags.get(w, "").startswith("n") and _is_topic(w) and _measure(w) is None
             and w not in likened]
    nouns += [c for c in _glued_nouns(tagged) if c not in nouns]
    credentials = [c for c in _credentials(tagged) if c not in nouns]
    nouns += credentials
    # A person the question names ("副市长王军"): a name the gazette never prints, whole, is not in it. Only where
    # the question speaks of a person (a post before the name, an appointment): jieba's name guesses are loose.
    names = [w for w in q.names if w in q.words and w not in nouns and (q.action or _as_person(w, q.query))]
    if not nouns and not names:
        return ()
    candidates = {w: [w, *q.alternatives(w), *_straddling(question, w), *_unglued(question, w), *agent_stem(w)]
                  for w in nouns}
    candidates.update({w: [w] for w in [*names, *credentials]})
    # A compound is also covered when each of its parts is ("外资企业": 外资 → 外商投资, 企业).
    # Not a credential: "食品经营许可证" is another licence than the 专利代理机构执业许可证 whose words it shares.
    parts = {w: [] if w in names or w in credentials else _parts(w) for w in candidates}
    terms = sorted({t for ts in candidates.values() for t in ts}
                   | {t for ps in parts.values() for p in ps for t in (p, *expand_word(p))})
    found = retriever.mentions(terms, gap=ABBREVIATION_GAP)
    if found is None:
        return ()
    known = dict(zip(terms, found))

    def seen(term: str) -> bool:
        return known[term] or any(known[t] for t in expand_word(term))

    unknown = tuple(w for w, ts in candidates.items()
                    if not any(known[t] for t in ts) and not (parts[w] and all(seen(p) for p in parts[w])))
    # A colloquial "X子" saying again a word of the question that holds X ("挂“应急”号牌的车，…挂这种牌子").
    unknown = tuple(w for w in unknown if not (len(w) == 2 and w[1] == "子" and any(
        w[0] in o for o in q.words if o != w and o not in unknown)))
    if set(unknown) <= set(q.scene) and set(q.words) - set(q.scene):
        return ()  # words only of a clause setting the scene ("感觉最近菜啊肉啊都在涨，…物价指数是多少？")
    own = {w for w in q.words if w in q.focus and w not in _LIST_NOUNS}
    if unknown and q.focus != q.query.strip().rstrip("？?。！! ") and own \
            and not (own & _AUTHORITIES and own <= _AUTHORITIES | set(q.attribute)):
        # Nor words only of the clauses before the asking one ("想贷款买一台大马力拖拉机，…贷款有没有贴息？"), unless
        # the asking one only says what kind of list is wanted ("办食品经营许可证，需要准备哪些材料"): the subject is
        # before it; nor where it only names the figure asked and who grants it ("现在买新能源汽车，国家能补贴多少
        # 钱？": what is subsidised is named before).
        # A licence named by what it is for is the subject wherever it is named ("食品经营许可证从受理到发证，法定办理
        # 时限是多少个工作日"): the asking clause only names the figure asked of it.
        unknown = tuple(w for w in unknown if w in q.focus or w in credentials and w.endswith(_LICENCES))
    return unknown


# Who grants or rules, named in the asking clause ("国家能补贴多少钱"): no subject of its own.
_AUTHORITIES = frozenset("国家 政府 国务院 市里 市政府 省里 地方 上面 官方".split())


# A card, certificate or code named by what it is for ("市民|卡", "不动产|证", "健康|码"): jieba cuts the one-character
# head off, and the question's content words (two characters or more) lose the name.
_CARD_HEADS = frozenset("卡证码")


def _glued_nouns(tagged) -> list[str]:
    """Names of cards and certificates the question writes that jieba cut in two ("市民卡", "老年卡")."""
    after = [t.word for t in tagged[2:]] + [""]
    return [a.word + b.word for a, b, c in zip(tagged, tagged[1:], after)
            if b.word in _CARD_HEADS and len(a.word) >= 2 and a.flag.startswith(("n", "j", "t", "a", "l"))
            and re.fullmatch(r"[\u4e00-\u9fff]+", a.word) and not _QUESTION_CHARS & set(a.word)
            and not (b.word == "卡" and c.startswith(("在", "住", "着")))]  # "现在|卡|在哪": stuck, not a card


# A licence or certificate named by what it is for ("食品经营|许可证", "专利代理机构|执业许可证"): the words before the
# head say which one, and a text printing the head of another does not speak of it.
_CREDENTIAL_HEADS = frozenset({"许可证", "执照", "营业执照", "资格证", "资格证书", "证书", "许可"})


# Licences among them: a certificate ("职业资格证书") is often named by the asker's own words for it.
_LICENCES = ("许可证", "执照", "许可")


def _credentials(tagged) -> list[str]:
    """Credentials the question names with up to two content words before their head."""
    out = []
    for i, head in enumerate(tagged):
        if head.word not in _CREDENTIAL_HEADS:
            continue
        before = []
        for t in reversed(tagged[max(i - 2, 0):i]):
            if len(t.word) < 2 or not t.flag.startswith(("n", "vn", "j")) or _QUESTION_CHARS & set(t.word) \
                    or not re.fullmatch(r"[\u4e00-\u9fff]+", t.word):
                break
            before.insert(0, t.word)
        if before:
            out.append("".join(before) + head.word)
    return out


# The clauses, best first, one of which must name what a figure is asked of for their figures to answer.
ATTRIBUTE_CLAUSES = 3


# The unit a question asks a figure in, and what prints a figure in it: a sum of money ("补助多少钱") is printed as a
# sum (the gazette may mask it, "XXX元"), a share of a price or cost, or that it is free; a share ("降了百分之多少")
# as a percentage; an age or an area in that unit. (Not a number of people: "多少人出席" is answered by "三分之二以上",
# "有几人" by the names listed.)
ASKED_UNITS = (
    # (ASKS_SUM, as the question reads it: "多少钱", "几十万元", "每户能拿多少搬迁补偿"; and "几百块".)
    (re.compile(rf"{ASKS_SUM.pattern}|几[十百千万](?:万|亿)?块"),
     re.compile(rf"(?:{NUMERAL}|[XＸ×]+)\s*(?:万|亿)?元|\d\s*[%％]|百分之|免费|免收|免征|免缴|无偿"), "具体金额"),
    (re.compile(r"百分之(?:多少|几)|多少\s*[%％]|几成"), re.compile(r"\d\s*[%％]|百分之|[一二三四五六七八九]成"), "具体比例"),
    (re.compile(r"多少岁|几岁"), re.compile(rf"{NUMERAL}\s*周?岁"), "具体年龄"),
    (re.compile(r"多少(?:平方(?:公里|千米|米)|亩|公顷)|多大面积"), re.compile(rf"{NUMERAL}\s*(?:平方(?:公里|千米|米)|亩|公顷)"),
     "具体面积"),
    # A length of years asked last ("最长能享受几年？", not "这几年每年要引进多少人才", "干了几年想回来…吗"): "3年",
    # "五年内"; not a year ("2021年") nor a sum a year ("10万元/年").
    (re.compile(r"(?<![哪第这那近])(?:多少|几)个?年(?:时间)?[？?]?$"),
     re.compile(r"(?<![\d.])(?:\d{1,2}|[一二三四五六七八九十两]{1,3})\s*个?周?年(?![度底末初级\d])|半年"), "具体年限"),
    # Not a unit, but checked alike: "试点选了哪些城市" is answered by a list of places.
    (ASKS_PLACE_LIST, SimpleNamespace(search=lists_places), "具体地区"),
)


# A measure asked by name ("面积原则上不超过多少") is stated by a figure in its unit ("不超过100平方米").
_PRINTS = {what: prints for _, prints, what in ASKED_UNITS}
_MEASURES = {"面积": _PRINTS["具体面积"], "年龄": _PRINTS["具体年龄"], "比例": _PRINTS["具体比例"], "比率": _PRINTS["具体比例"],
             "比重": _PRINTS["具体比例"], "占比": _PRINTS["具体比例"],
             # a date due by ("9月底前") is a 截止 date; a 时限 is that or a time within ("10个工作日内")
             "金额": _PRINTS["具体金额"], "截止": DEADLINE, "时限": DEADLINE,
             # how often ("例会频率"): printed as a frequency ("每半年召开一次例会")
             "频率": FREQUENCY, "频次": FREQUENCY,
             **{word: DOC_NUMBER for word in DOC_NUMBER_WORDS}}


def _measure(word: str):
    """What prints a figure of the measure a word names ("总面积", "建筑面积": an area), if it names one."""
    return next((prints for m, prints in _MEASURES.items() if word.endswith(m)), None)


# "占市区地区生产总值的30%以上": a share of X, which names X but gives no figure of it.
_SHARE_OF = re.compile(r"占[^，,。；;]{1,30}?的?\s*\d+(?:\.\d+)?\s*[%％](?:以上|左右|以下)?")
_ASKS_SHARE = re.compile(r"占比|比重|比例|份额|百分之|[%％]|几成|占[^，,。？?]{0,20}?(?:多少|几)")


def _without_shares(text: str, q: Question) -> str:
    """The sentence without the shares it gives of something, unless a share is what is asked."""
    return text if _ASKS_SHARE.search(q.query) else _SHARE_OF.sub("", text)


_PHRASES = re.compile(r"(?<=[，,；;：:])")


def _figured_part(text: str, kind: str, q: Question) -> str:
    """The phrases of a sentence that print a figure (the kind asked), with the one before each (its subject may
    open the sentence: "对…的社会办医疗机构，分别给予50万元…奖励"); the whole sentence when no phrase alone does."""
    phrases = _PHRASES.split(text)
    held = [i for i, p in enumerate(phrases) if has_fact(kind, p, q)
            or kind == AMOUNT and any(u.search(p) for _, u, _ in ASKED_UNITS)]
    if not held:
        return text
    keep = sorted({j for i in held for j in (i - 1, i) if j >= 0})
    return "".join(phrases[j] for j in keep)


_TABLE_ROW = re.compile(r"第\d+行$")
_HOW_MANY_IN = re.compile(r"(?:多少|几)([张个家名位项件台辆套间所座户])")


def _counted_in_unit(q: Question, word: str, text: str) -> bool:
    """A count asked in a measure word ("床位达到多少张") is stated by a figure in it before the word's head character
    ("100张床")."""
    m = _HOW_MANY_IN.search(q.query)
    return bool(m) and re.search(rf"{NUMERAL}\s*{m.group(1)}{re.escape(word[0])}", text) is not None


def _lead_in(sentences: Sequence, i: int) -> str:
    """The sentence before the i-th that introduces a list it belongs to ("…按照以下标准定额扣除："), else ""."""
    return next((s.text for s in reversed(sentences[:i]) if introduces_items(s.text)), "")


def unstated_attribute(q: Question, scored: Sequence[ScoredSentence]) -> tuple[str, ...]:
    """Words of what a figure is asked of ("报名费是多少" -> 报名费) that none of the best clauses states, in its own
    words, an equivalent or all of its parts: their figures are of something else. Else the post whose holder is
    asked when none of them says who holds it, or what the question asks a figure in (ASKED_UNITS) when none of them
    prints a figure in it: "一次", "3—12个月" are not what "补贴多少钱" asks."""
    best = best_per_clause(scored)[:ATTRIBUTE_CLAUSES]
    if not best:
        return ()
    # Only clauses of the best one's document: another document that names the attribute ("贴息补助…利率") speaks of
    # another subject than the one asked about ("公积金贷款利率").
    best = [s for s in best if doc_key(s.hit.doc_number, s.hit.title) == doc_key(best[0].hit.doc_number,
                                                                                  best[0].hit.title)]
    places = [f"{s.hit.heading or ''}\n{s.hit.text}" for s in best]

    # A figure (or date) asked of something is stated where a sentence names it with one: "应公布举报电话" names the
    # 举报电话 but gives no number; "有效期至2020年12月31日" is no 申报截止日期.
    kind = AMOUNT if AMOUNT in q.kinds else DATE if DATE in q.kinds else None
    # An item's figure is of what the clause's lead-in names ("住房租金支出，可以按照以下标准定额扣除：" over "…扣除标准为
    # 每月1500元"): the lead-in is its heading.
    figures = [] if kind is None else [
        (f"{s.hit.heading or ''}{_lead_in(sentences, i)}", _without_shares(sentence.text, q))
        for s in best for sentences in [split_sentences(s.hit.text)] for i, sentence in enumerate(sentences)
        if has_fact(kind, sentence.text, q) or kind == AMOUNT and any(p.search(sentence.text) for _, p, _ in ASKED_UNITS)]
    figured = places if kind is None else [f"{heading}\n{text}" for heading, text in figures]
    # The noun the figure is of is printed next to it, in its phrase or the one before ("价格" four phrases before
    # "在2—3年内调整到位" is another thing's); the words saying which one may stand anywhere in the sentence.
    near = places if kind is None else [f"{heading}\n{_figured_part(text, kind, q)}" for heading, text in figures]

    def stated(w: str, where: Sequence[str]) -> bool:
        return any(credit(w, place, q.alternatives(w)) >= SYNONYM_CREDIT
                   or (ps := _parts(w)) and all(p in place for p in ps) or spelled_apart(w, place)
                   or (m := _measure(w)) is not None and m.search(place)
                   or w in q.measured and counts_measured(q, place) or _counted_in_unit(q, w, place)
                   for place in where)
    # A table row states what its column header names ("年均增长率" over "…25%"): the header is in its covers.
    rows = [s for s in best if _TABLE_ROW.search(s.hit.label or "")]
    unstated = tuple(w for i, w in enumerate(q.attribute)
                     if not stated(w, near if i == len(q.attribute) - 1 else figured)
                     and not any(w in s.covers for s in rows))
    if unstated:
        return unstated
    if q.post and not any(names_post_title(q.post, p, q.action == "remove") for p in places):
        return (q.post,)  # "领导小组的组长是谁": none of them says who the 组长 is
    # "总投资是多少亿元": the unit the figure is asked in is printed by none of them.
    return tuple(what for asks, prints, what in ASKED_UNITS
                 if asks.search(q.query) and not any(prints.search(p) for p in places))[:1]


def resolve_words(q: Question, retriever: Retriever) -> Question:
    """The question with each content word the indexed text lacks replaced by the form it does hold: a word a
    segmentation error made ("开诊|所有" -> 诊所, "多|大面积" -> 面积). Unchanged when the retriever cannot say."""
    if not q.words:
        return q
    freq = tokenizer().FREQ
    # Only a dictionary word replaces a mis-cut one (诊所 for 开诊), never a bigram across two words (动组 in 行动组由).
    tokens = tokenizer().lcut(q.query)
    # A name is looked for only where the question asks about a post ("翁结群这次职务有什么变化"): "和|执业" is no name.
    surnamed = _surnamed(tokens, q.words) if q.action or POST_ASK.search(q.query) else {}
    options = {w: surnamed.get(w, []) + [t for t in (*_straddling(q.query, w), *_unglued(q.query, w))
                                         if freq.get(t, 0) > 0] + _orphaned(tokens, w) for w in q.words}
    # A mended word the text holds only in its official form counts too ("管养|狗" -> 养狗, printed as 养犬).
    terms = sorted({w for w in q.words} | {e for w in q.words for e in expand_word(w)}
                   | {t for ts in options.values() for t in ts}
                   | {e for ts in options.values() for t in ts for e in expand_word(t)})
    found = retriever.mentions(terms)
    if found is None:
        return q
    known = dict(zip(terms, found))

    def held(t: str) -> bool:
        return known[t] or any(known[e] for e in expand_word(t))

    # A word the text holds in its official form ("水电": 用水、用电) is no mis-cut ("水电|气费" is not 电气).
    mended = {w: w if held(w) and w not in surnamed else next((t for t in options[w] if held(t)), w)
              for w in q.words}
    words = tuple(dict.fromkeys(mended.values()))
    if words == q.words:
        return q
    names = q.names + tuple(m for w, m in mended.items() if m in surnamed.get(w, ()))
    # What a figure is asked of is mended alike when the mend only cuts it short ("标准差多少": 标准).
    return replace(q, words=words, equivalents=tuple((w, expand_word(w)) for w in words), names=names,
                   attribute=tuple(m if (m := mended.get(w, w)) in w else w for w in q.attribute))


def _surnamed(tokens: list[str], words: Sequence[str]) -> dict[str, list[str]]:
    """A rare name jieba cut after its surname ("翁|结群"): the word with the single surname character before it."""
    return {w: [tokens[i - 1] + w] for i, w in enumerate(tokens)
            if i and w in words and len(w) == 2 and len(tokens[i - 1]) == 1 and tokens[i - 1] in SURNAMES}


# Question phrases a word may have swallowed a character of ("多大面积" cut as 多|大面积), and the measure words that
# follow 哪 or 几 ("哪段时间" cut as 哪|段时间).
_QUESTION_PHRASES = ("多大", "多少", "多长", "多高", "几个", "哪个", "什么")
_MEASURE_CHARS = set("个段种类项条位家批次所")
# Degree adverbs a comparing character follows ("更早", "最晚", "较高").
_DEGREE_CHARS = set("更最较")
# What asks, with 多少 after it, how far two things are apart ("标准差多少", "价格高多少").
_COMPARING_CHARS = set("差高低多少贵长短大小快慢早晚")


def _unglued(question: str, word: str) -> list[str]:
    """The word without a first character that belongs to a question phrase before it, or without a last one that
    asks with the phrase after it ("扣除标准|差(了)多少": jieba reads 标准差, a word of its own)."""
    i = question.find(word)
    if i > 0 and len(word) >= 3 and (question[i - 1:i + 1] in _QUESTION_PHRASES
                                     or question[i - 1] in "哪几" and word[0] in _MEASURE_CHARS):
        return [word[1:]]
    if i > 0 and len(word) == 2 and question[i - 1] in _DEGREE_CHARS and word[0] in _COMPARING_CHARS:
        return [word[1:]]  # "更早报给": 更早|报, not 早报 (a newspaper)
    if i > 0 and len(word) == 2 and any(m.end() == i + 1 for m in WHICH_FIRST.finditer(question)):
        return [word[1:]]  # "哪个草案要先报": 先|报, which of them comes first
    end = i + len(word)
    if i >= 0 and len(word) >= 3 and word[-1] in _COMPARING_CHARS and re.match(r"了?(?:多少|几个|几倍)", question[end:]):
        return [word[:-1]]
    return []


def _orphaned(tokens: list[str], word: str) -> list[str]:
    """The word's edge character joined with a single character jieba left beside it (tokens: the question's precise
    cut): its guess at characters it does not know ("有电|竞" for 有|电竞) leaves the real word's other half alone."""
    out = []
    for i, t in enumerate(tokens):
        if t != word:
            continue
        for j, piece in ((i + 1, word[-1] + (tokens[i + 1] if i + 1 < len(tokens) else "")),
                         (i - 1, (tokens[i - 1] if i > 0 else "") + word[0])):
            if 0 <= j < len(tokens) and len(tokens[j]) == 1 and re.fullmatch(r"[\u4e00-\u9fff]{2}", piece) \
                    and not _QUESTION_CHARS & set(tokens[j]):
                out.append(piece)
    return out


def _parts(word: str) -> list[str]:
    """The shorter words jieba finds inside a compound (search-mode cut), when they spell it out end to end
    ("外资|企业"); none when a character is left over ("驾驶|证", "物业|费") or they only overlap ("进出|出口")."""
    pieces = [p for p in dict.fromkeys(tokenizer().cut_for_search(word)) if p != word and len(p) >= 2]
    reach = {0: []}  # position -> parts that spell the word up to it
    for i in range(len(word)):
        if i in reach:
            for p in pieces:
                if word.startswith(p, i) and i + len(p) not in reach:
                    reach[i + len(p)] = reach[i] + [p]
    return reach.get(len(word), [])


def _is_topic(word: str) -> bool:
    """A dictionary noun of two or more Chinese characters that names something specific; words jieba
    makes up from unknown characters (前报 in 什么时候前报给) and question phrases (多长时间) are not, nor money
    spoken of plainly ("交钱", "挣钱", "价钱": the figure asked, which gazettes write as 费, 资金, 价格)."""
    return (re.fullmatch(r"[\u4e00-\u9fff]{2,}", word) is not None and word not in GENERIC_NOUNS | VALUE_NOUNS
            and not (len(word) == 2 and word[1] == "钱")
            and not (_QUESTION_CHARS & set(word)) and not _TIME_WORD.fullmatch(word)
            and tokenizer().FREQ.get(word, 0) > 0)


def _straddling(question: str, word: str) -> list[str]:
    """Two-character strings of the question that overlap the word and one neighbouring character."""
    i = question.find(word)
    if i < 0:
        return []
    out = []
    for a, b in ((i - 1, i + 1), (i + len(word) - 1, i + len(word) + 1)):
        piece = question[max(a, 0):b]
        if len(piece) == 2 and not (_QUESTION_CHARS & set(piece)) and re.fullmatch(r"[\u4e00-\u9fff]{2}", piece):
            out.append(piece)
    return out


def unstated_note(words: tuple[str, ...]) -> str:
    """"检索到的条款没有写明“报名费”。"."""
    return f"检索到的条款没有写明{'、'.join(f'“{w}”' for w in words)}。"


def topic_note(words: tuple[str, ...]) -> str:
    """"已收录的公报中没有关于“加班费”的内容。"."""
    return f"已收录的公报中没有关于{'、'.join(f'“{w}”' for w in words)}的内容。"
