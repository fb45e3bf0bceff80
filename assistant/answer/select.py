"""Score the sentences of retrieved clauses against a parsed question; pick the ones that answer it."""
from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from assistant.answer.config import AnswerConfig
from assistant.answer.context import Context, is_list_heading
from assistant.answer.guard import looks_like_injection
from assistant.answer.question import (AGENCY, AMOUNT, APPOINT, COUNT, ENUMERATION, FORMER, NUMERAL, PERSON,
                                       LATER, POST_BEFORE_NAME, REMOVE, SPEECH, Question, counts_measured, has_fact,
                                       lists_counted, names_post_holder, names_post_title)
from assistant.answer.regions import within
from assistant.answer.segment import tokenizer
from assistant.answer.sentences import Sentence, introduces_items, split_sentences, unspaced
from assistant.answer.types import Retriever, as_vectors, doc_key
from corpus.numbers import to_int
from index.hits import ClauseHit

# Where a question keyword is found, and how much that counts (the sentence itself counts most).
_PLACE_WEIGHTS = (("sentence", 1.0), ("heading", 0.8), ("clause", 0.5), ("title", 0.3))
YEAR = re.compile(r"((?:19|20)\d\d)年")  # a year named ("2020年"), its digits captured
# Heading-like fragments ("1.产业规模再上新台阶。") rarely answer anything on their own.
_SHORT, _SHORT_FACTOR = 8, 0.6
# Keyword credit for an official equivalent of a question word, and for a whole mis-cut word's bigrams.
SYNONYM_CREDIT, _PART_CREDIT = 0.8, 0.6


@dataclass(frozen=True)
class ScoredSentence:
    hit: ClauseHit
    position: int  # the hit's position in the retrieved list, 0-based
    index: int  # the sentence's position in its clause
    sentence: Sentence
    semantic: float
    keyword: float
    kind: float
    evidence: float  # relevance only: what abstention compares with the threshold
    score: float  # evidence plus retrieval-rank and question-kind bonuses: what selection ranks by
    covers: frozenset[str] = frozenset()  # question words its clause (text or heading) contains
    lead: str | None = None  # the list heading the sentence stands under ("免去："), if any
    found: frozenset[str] = frozenset()  # kinds of fact asked for that the sentence holds


@dataclass(frozen=True)
class Excerpt:
    """A quoted span of one clause: hit.text[start:end]."""

    hit: ClauseHit
    start: int
    end: int
    quote: str


@dataclass(frozen=True)
class Selection:
    evidence: float
    excerpts: tuple[Excerpt, ...]
    kinds: frozenset[str]
    scored: tuple[ScoredSentence, ...]
    direct: Excerpt | None = None  # the span stating the asked-for fact


def unit_text(heading: str | None, sentence: Sentence) -> str:
    """What is embedded for a sentence: its clause heading gives it context."""
    return f"{heading}：{sentence.text}" if heading else sentence.text


def warm_up(retriever: Retriever, clauses, limit: int = 20_000, batch: int = 256) -> int:
    """Embed the sentences of up to `limit` clauses ahead of questions (the retriever caches vectors)."""
    texts = [unit_text(c.heading, s) for c in list(clauses)[:limit] for s in split_sentences(c.text)
             if not looks_like_injection(s.text)]
    for start in range(0, len(texts), batch):
        retriever.embed(texts[start:start + batch])
    return len(texts)


def score_sentences(q: Question, hits: Sequence[ClauseHit], retriever: Retriever, config: AnswerConfig,
                    context: Context | None = None, text: str | None = None) -> list[ScoredSentence]:
    """Every sentence of the top clauses, scored: cosine + keyword overlap (+ rank, kind and action terms).

    evidence = (w_semantic * cosine + w_keyword * keyword overlap) / (w_semantic + w_keyword), less w_missing_kind
    when the sentence lacks the kind of fact asked for (an amount, an agency, a date);
    score = evidence + w_rank / (1 + 0.5 * position) + w_kind * (share of asked-for kinds present), where a
    permission cue ("能…吗") counts w_permission only (almost any rule sentence permits or forbids something), less
    w_action when a personnel item belongs to the other half of the list (a removal for an appointment question).
    text: the text to embed for the question (a part of a multi-part question); default q.query.
    """
    kinds = q.kinds
    words = q.words
    units: list[tuple[int, ClauseHit, int, Sentence]] = []
    for position, hit in enumerate(hits[: config.top_clauses]):
        for index, sentence in enumerate(split_sentences(hit.text)):
            if looks_like_injection(sentence.text):
                continue  # instructions planted in a document are never an answer
            units.append((position, hit, index, sentence))
    if not units:
        return []
    texts = [unit_text(hit.heading, s) for _, hit, _, s in units]
    vectors = as_vectors(retriever.embed([text or q.query, *texts]))
    qvec = vectors[0]
    weights = keyword_weights(words, [s.text for _, _, _, s in units])
    factual = q.factual
    listing = q.form in (COUNT, ENUMERATION)
    people = bool(_ASKS_PEOPLE.search(q.query)) and not q.action
    years = set(YEAR.findall(q.query))
    covers_of: dict[int, frozenset[str]] = {}
    above: dict[int, str] = {}
    requests: dict[int, bool] = {}
    replying = bool(_ASKS_REPLY.search(q.query))
    # A word that is the whole heading of a clause found ("国庆节": 七 国庆节) names that clause's subject; a sentence
    # listing it among others ("元旦、春节、…和国庆节放假调休日期的具体安排通知如下") only names it, unless a list is
    # asked.
    headed = () if listing else tuple(w for w in words if any(w == (h.heading or "").strip() for h in hits))
    # "召集人是谁": where a clause found names the post's holder ("召 集 人：孙春兰"), one saying only who is to hold it
    # ("召集人由国务院分管教育工作的领导同志担任") does not tell who.
    by_name = bool(q.post) and PERSON in kinds and any(names_post_holder(q.post, s.text) for _, _, _, s in units)
    out = []
    for (position, hit, index, sentence), vec in zip(units, vectors[1:]):
        semantic = _cosine(qvec, vec)
        if hit.clause_id not in above:
            above[hit.clause_id] = context.inherited(hit) if context else ""
            # what a province asked for ("你省请求…"): the items below it say what was decided
            requests[hit.clause_id] = bool(context and _REQUEST.match(hit.text) and context.children(hit))
        listed = [w for w in headed if w != (hit.heading or "").strip()]
        keyword = keyword_overlap(weights, unlisted(sentence.text, listed) if listed else sentence.text, hit, q,
                                  above[hit.clause_id])
        evidence = semantic if not words else (
            (config.w_semantic * semantic + config.w_keyword * keyword) / (config.w_semantic + config.w_keyword))
        present = {k for k in kinds if k != PERSON and has_fact(k, sentence.text, q)}
        if q.form == COUNT and introduces_items(sentence.text):
            present.add(AMOUNT)  # the items it introduces are counted
        if AMOUNT in present and (not (_counts(q, hit) or counts_measured(q, hit.text) or lists_counted(q, hit.text))
                                  or q.action and names_post(sentence.text) and not _counted_here(q, sentence.text)):
            present.discard(AMOUNT)  # a figure, but of something other than what is counted ("试用期一年")
        lead = context.list_heading(hit, sentence) if context else None
        holds_post = bool(q.post) and names_post_title(q.post, sentence.text, q.action == "remove") \
            and (not by_name or names_post_holder(q.post, sentence.text))
        if PERSON in kinds and (names_post(_item_text(hit, sentence, lead, context)) or holds_post):
            present.add(PERSON)  # a list heading ("市政府决定：") holds the people its items name
        penalized = factual - {SPEECH}  # news sentences without a speech verb still say what happened
        if penalized:
            evidence -= config.w_missing_kind * (1 - len(present & penalized) / len(penalized))
        if hit.clause_id not in covers_of:
            place = f"{hit.heading or ''}\n{above[hit.clause_id]}\n{hit.text}"
            covers_of[hit.clause_id] = frozenset(w for w in words if credit(w, place, q.alternatives(w)) >= 0.5)
        # The asked-for kind of fact counts as much as the clause is about what is asked: a figure in a clause
        # about something else ("10个工作日内" for 医疗广告审批) is not the answer.
        about = _share(covers_of[hit.clause_id], words)
        # "多少人在交公积金": a figure of persons ("68.78万人") ranks above one of money in the same paragraph; the
        # other still counts as a figure found.
        ranked = present - {AMOUNT} if people and not _PEOPLE_FIGURE.search(sentence.text) else present
        bonus = (0.5 + 0.5 * about) * (config.w_kind * len(ranked & factual)
                                       + config.w_permission * len(ranked - factual))
        kind = len(present) / len(kinds) if kinds else 0.0
        score = evidence + config.w_rank / (1 + 0.5 * position) + (bonus / len(kinds) if kinds else 0.0)
        if q.action and _other_action(q.action, _item_text(hit, sentence, lead, context)):
            score -= config.w_action
        if years:
            # "到2020年…分别要达到多少": a target for another year is another fact, whether the sentence names the
            # year or the paragraph it stands in opened with it ("到2025年，…。全国…达到75%").
            named = set(YEAR.findall(sentence.text)) or set(YEAR.findall(_paragraph_before(hit.text, sentence))[-1:])
            if named and not named & years:
                score -= config.w_year
        if q.identity and re.search(rf"{POST_BEFORE_NAME}{q.identity}", sentence.text):
            score += config.w_kind  # "全国工商联主席高云龙" says who 高云龙 is
        if holds_post:
            score += config.w_kind  # "总指挥：国家发展改革委主要负责人" says who the 总指挥 asked about is
        if q.defined and defines(q.defined, sentence.text):
            score += config.w_kind  # "消费扶贫是社会各界通过消费…的一种扶贫方式" says what 消费扶贫 means
        if requests[hit.clause_id] or replying and hit.path and hit.path[0].startswith("附件"):
            score -= config.w_action  # how a body replied is said in the reply itself, not in the reports it encloses
        if q.names and names_post(sentence.text) and not any(n in sentence.text for n in q.names):
            score -= config.w_action  # another person's appointment or removal does not answer about this one
        if len(sentence.text) < _SHORT and not (listing and introduces_items(sentence.text)):
            score *= _SHORT_FACTOR  # but "申请材料包括：" is what a list question asks for
        out.append(ScoredSentence(hit, position, index, sentence, semantic, keyword, kind, evidence, score,
                                  covers_of[hit.clause_id], lead, frozenset(present)))
    return _told_apart(out, q, above, context)


def _told_apart(scored: list[ScoredSentence], q: Question, above: dict[int, str],
                context: Context | None) -> list[ScoredSentence]:
    """An item printed word for word under two leads of one document ("受委托人身份证复印件和委托书原件各一份" under
    "已取得特殊工时许可的企业，申请材料包括" and under "初次申请特殊工时行政许可的企业，…申请材料包括"): the copy whose
    lead's first phrase (who the list is for) alone holds a word of the question ("第一次": 初次) takes the best score
    of the copies. Retrieval's rank, which otherwise decides between them, does not read the leads. A word most of the
    document prints (申请) tells no one apart."""
    copies: dict[tuple, list[int]] = {}
    for i, s in enumerate(scored):
        key = (s.hit.source, doc_key(s.hit.doc_number, s.hit.title), s.sentence.text.strip(COPY_TRAILING))
        copies.setdefault(key, []).append(i)
    out = list(scored)
    for members in copies.values():
        if context is None or len({scored[i].hit.clause_id for i in members}) < 2:
            continue
        leads = {scored[i].hit.clause_id: _lead_of(scored[i].hit, above, context) for i in members}
        members = [i for i in members if leads[scored[i].hit.clause_id]]
        whom = {scored[i].hit.clause_id: re.split(r"[，,。：:；;\n]", leads[scored[i].hit.clause_id].strip())[0]
                for i in members}
        if len(whom) < 2:
            continue
        document = [f"{c.heading or ''}\n{c.text}" for c in context.document(scored[members[0]].hit)]
        telling = [w for w in q.words if sum(_holds(w, t, q) for t in document) <= _TELLING_CLAUSES]
        own = {c: sum(1 for w in telling if _holds(w, lead, q) and not any(
            _holds(w, other, q) for o, other in whom.items() if o != c)) for c, lead in whom.items()}
        best = max(own.values())
        winners = [c for c, n in own.items() if n == best]
        if best == 0 or len(winners) > 1:
            continue
        top = max(members, key=lambda i: scored[i].score)
        win = next(i for i in members if scored[i].hit.clause_id == winners[0])
        if win != top:  # the copies trade scores
            out[win] = replace(scored[win], score=scored[top].score)
            out[top] = replace(scored[top], score=scored[win].score)
    return out


# Punctuation an item ends with that differs between copies of it ("…表决结果；" in one list, "…表决结果。" closing
# another).
COPY_TRAILING = " \n。；;，,"


def _lead_of(hit: ClauseHit, above: dict[int, str], context: Context) -> str:
    """What a list item stands under: what it inherits, or for an item headed itself ("用人单位…开展平等协商的材料"),
    its parent's heading or text ("初次申请特殊工时行政许可的企业，…")."""
    if above.get(hit.clause_id) or not hit.heading:
        return above.get(hit.clause_id, "")
    parent = context.parent(hit)
    return (parent.heading or parent.text) if parent is not None else ""


# A word printed by at most this many clauses of a document can tell two of its lists apart.
_TELLING_CLAUSES = 3


def _holds(word: str, text: str, q: Question) -> bool:
    return credit(word, text, q.alternatives(word)) >= SYNONYM_CREDIT


# People counted ("多少人在交", "要多少人到场"), and a figure of persons or a share of them ("68.78万人", "3个名额",
# "各15万左右", "三分之二以上").
_ASKS_PEOPLE = re.compile(r"(?:多少|几)个?(?:人(?!民|员|才|口|次|大)|名(?![称单字额])|位(?![置数]))")
_PEOPLE_FIGURE = re.compile(rf"{NUMERAL}\s*[万千百]?(?:多|余)?\s*(?:人|名|位|个)|\d\s*万|分之|半数|过半|\d\s*[%％]")


# How a body replied to a request ("国务院办公厅是怎么答复湖北省的", "国办答复了什么").
_ASKS_REPLY = re.compile(r"(?:怎么|如何|怎样)(?:答复|回复|批复|回应)|(?:答复|回复|复函|批复)(?:的|了|中|里)?(?:什么|啥|哪些)")
# A clause that states what was asked for ("你省请求，国家…", "大连市请求…"), answered item by item below it.
_REQUEST = re.compile(r"[^，。；：]{0,12}请求")


def _paragraph_before(text: str, sentence: Sentence) -> str:
    """The text of the sentence's paragraph (line) before it."""
    return text[text.rfind("\n", 0, sentence.start) + 1:sentence.start]


def _counted_here(q: Question, text: str) -> bool:
    """The sentence counts what the question counts, right before it ("只能担任一个社会团体的法定代表人"), or lists it."""
    return bool(q.measured) and re.search(rf"(?:\d+|[一二三四五六七八九十两]+)[个家名位项所条件]?{re.escape(q.measured[0])}",
                                          text) is not None or lists_counted(q, text)


def _same_document(a: ClauseHit, b: ClauseHit) -> bool:
    """Both clauses are of one document of one issue (a report's paragraphs)."""
    return a.source == b.source and doc_key(a.doc_number, a.title) == doc_key(b.doc_number, b.title)


def defines(term: str, sentence: str) -> bool:
    """The sentence says what the term is: it opens with it ("消费扶贫是…", "本条例所称专利代理，是指…", "“无废城市”是以…")
    or names it in brackets after what it stands for ("检查对象名录库和执法检查人员名录库（统称“两库”）")."""
    t = re.escape(term)
    return re.match(rf"(?:[^，。；]{{0,8}}?|[^，。；]{{0,6}}所称[^，。；]{{0,8}}?)“?{t}”?[，,]?(?:是指|是|指|即)",
                    sentence.strip()) is not None \
        or re.search(rf"[（(](?:以下)?(?:统称|简称|合称)[为:：]?“?{t}”?[）)]", sentence) is not None


def _item_text(hit: ClauseHit, sentence: Sentence, lead: str | None, context: Context | None) -> str:
    """What tells a personnel sentence's half of the list: the item under its heading, or for a paragraph heading
    ("市政府决定：", "免去：") the first item it introduces."""
    if context is not None and is_list_heading(sentence.text):
        first = context.listed_after(hit)[:1]
        if first:
            return first[0].text
    return f"{lead or ''}{sentence.text}"


def _share(covered: frozenset[str], words: Sequence[str]) -> float:
    """Share of the question's words (longer words weigh more) that are covered; 1 when it has none."""
    total = sum(min(len(w), 4) for w in words)
    return sum(min(len(w), 4) for w in words if w in covered) / total if total else 1.0


def _counts(q: Question, hit: ClauseHit) -> bool:
    """Whether the clause speaks of what a "几个X" question counts (every word of X, an equivalent, or the longer
    word it abbreviates: 职教 for 职业教育)."""
    place = f"{hit.heading or ''}\n{hit.text}"
    return all(credit(w, place, q.alternatives(w)) >= SYNONYM_CREDIT or spelled_apart(w, place) for w in q.measured)


# A two-character word may abbreviate a longer one, one character of each of its parts (社团 for 社会团体, 基建 for
# 基本建设, 职教 for 职业教育): its characters with at most this many between them (the gap retriever.mentions allows
# topics).
ABBREVIATION_GAP = 2


def spelled_apart(word: str, text: str) -> bool:
    """The two-character word's characters stand in the text at most ABBREVIATION_GAP apart, within one phrase."""
    return len(word) == 2 and re.search(rf"{re.escape(word[0])}[^，。；：、]{{1,{ABBREVIATION_GAP}}}{re.escape(word[1])}",
                                        text) is not None


def names_post(text: str) -> bool:
    """A personnel item: someone appointed to or removed from a post."""
    return bool(APPOINT.search(text) or REMOVE.search(text) or "职务" in text)


def _other_action(action: str, text: str) -> bool:
    """The item belongs to the other half of a personnel list (removed when appointments are asked, or back)."""
    removal = bool(REMOVE.search(text) or text.rstrip("；;。").endswith("职务"))
    return removal if action == "appoint" else not removal and bool(APPOINT.search(text))


# A word of a clause that only sets the scene ("我在杭州读大学，…") weighs this much when the text lacks it: the asker's
# situation is seldom what the answering clause says. 0.25 and 0.5 refused more answerable questions on the dev sets
# (wenzhou-203-dev6, dev8, dev9) and abstained on no more unanswerable ones.
SCENE_WEIGHT = 0.0


# A word listed among others: next to an enumeration comma, or after 和/及/与 closing a run of them.
_LISTED_AT = "(?<=、){w}|{w}(?=、)|(?P<run>、[\u4e00-\u9fff]{{1,6}}[和及与]){w}"


def unlisted(sentence: str, words: Sequence[str]) -> str:
    """The sentence with the words' listed mentions blanked (kept where it names them otherwise)."""
    for w in words:
        sentence = re.sub(_LISTED_AT.format(w=re.escape(w)), lambda m: (m.group("run") or "") + "□" * len(w),
                          sentence)
    return sentence


def keyword_weights(words: Sequence[str], sentences: Sequence[str]) -> dict[str, float]:
    """Longer words weigh more; words found in every candidate sentence tell them apart least (IDF-like, bounded)."""
    n = len(sentences) or 1
    return {w: min(len(w), 4) * (0.3 + 0.7 * (1 - sum(w in s for s in sentences) / n)) for w in words}


# Sections whose title names the one event or subject every paragraph is about.
_TITLED_KINDS = frozenset({"news", "feature"})


# A stretch of a title this long, past its issuer ("国务院办公厅关于印发…"), names the document.
_TITLE_RUN = 4
# What makes a name the scope of a question: "…预案里", "…办法中", "…条例规定".
_SCOPE = re.compile(r"([\u4e00-\u9fff]{%d,})(?:里|中|内|上|规定|提到|要求)(?=[，,的])" % _TITLE_RUN)


@lru_cache(maxsize=4096)
def scopes_title(question: str, title: str) -> bool:
    """The question sets the document as its scope by part of its title past the issuer: "国家粮食应急预案里，…" for
    "国务院办公厅关于印发国家粮食应急预案的函"."""
    body = title[title.find("关于") + 2:] if "关于" in title else title
    return any(run[i:i + _TITLE_RUN] in body and run[-_TITLE_RUN:] in body
               for run in _SCOPE.findall(question) for i in range(len(run) - _TITLE_RUN + 1))


def keyword_overlap(weights: dict[str, float], sentence: str, hit: ClauseHit, q: Question | None = None,
                    above: str = "") -> float:
    """Weighted share of question keywords found in the sentence, else its heading (or what it stands under,
    Context.inherited), clause or title."""
    if not weights:
        return 0.0
    # A heading is the subject of its clause's sentences ("端午节" over "6月7日放假"): it counts as part of each. So
    # is a news article's title for its paragraphs ("…推进会召开" over "市长姚高员主持。").
    # And a document the question sets as the scope by its title ("国家粮食应急预案里，…"): its name frames every clause.
    topic = hit.title if hit.kind in _TITLED_KINDS or q is not None and scopes_title(q.query, hit.title) else ""
    places = {"sentence": f"{hit.heading or ''}\n{sentence}", "heading": f"{hit.heading or ''}\n{above}\n{topic}",
              "clause": hit.text, "title": hit.title}
    total = found = 0.0
    scene = q.scene if q else ()
    for word, weight in weights.items():
        alts = q.alternatives(word) if q else ()
        got = weight * max(w * credit(word, places[name], alts) for name, w in _PLACE_WEIGHTS)
        total += weight * (SCENE_WEIGHT if word in scene and not got else 1.0)
        found += got
    return found / total if total else 0.0


def coverage(q: Question, hit: ClauseHit) -> float:
    """Share of the question's content words (longer words weigh more) its clause, heading or title holds."""
    if not q.words:
        return 0.0
    place = f"{hit.title}\n{hit.heading or ''}\n{hit.text}"
    got = {w: min(len(w), 4) * credit(w, place, q.alternatives(w)) for w in q.words}
    total = sum(min(len(w), 4) * (SCENE_WEIGHT if w in q.scene and not got[w] else 1.0) for w in q.words)
    return sum(got.values()) / total if total else 0.0


def credit(word: str, text: str, alternatives: Sequence[str] = ()) -> float:
    """1 when the word is in the text; less for an official equivalent (index.synonyms, "私立" -> "社会办") or for
    part of a longer word (its share of character bigrams: "三乙能奖" mis-cut from "三乙能奖多少" still meets "三乙")."""
    if word in text or word in unspaced(text) or (figures := in_figures(word)) is not None and figures in text:
        return 1.0
    score = SYNONYM_CREDIT if any(alt in text for alt in alternatives) else 0.0
    if len(word) >= 3:
        grams = [word[i:i + 2] for i in range(len(word) - 1)]
        score = max(score, _PART_CREDIT * sum(g in text for g in grams) / len(grams))
    if score < SYNONYM_CREDIT and (abbreviates(word, text) or any(stem in text for stem in agent_stem(word))
                                   or within(word, text)):  # a region, by places in it ("新疆": "乌鲁木齐、昌吉")
        score = SYNONYM_CREDIT
    return score


# A quantity in Chinese numerals ("七天", "两年", "三项"): the documents print it in figures ("共7天").
_CN_QUANTITY = re.compile(r"([一二两三四五六七八九十]+)([天年月日周项次件名家条个倍岁类批])")


@lru_cache(maxsize=4096)
def in_figures(word: str) -> str | None:
    """The quantity word written in figures ("七天" -> "7天"); None when it is no such word."""
    m = _CN_QUANTITY.fullmatch(word)
    n = to_int(m.group(1).replace("两", "二")) if m else 0
    return f"{n}{m.group(2)}" if n else None


@lru_cache(maxsize=4096)
def agent_stem(word: str) -> tuple[str, ...]:
    """What a noun for a person names ("哈尔滨人" -> 哈尔滨, "主持人" -> 主持, "中医师" -> 中医): text on it speaks of
    them. Cached: credit() asks it for every sentence scored."""
    stem = word[:-1]
    return (stem,) if len(word) >= 3 and word[-1] in "人者师员" and tokenizer().FREQ.get(stem, 0) > 0 else ()


# A run of listed items ("用电、用水、用气"): what a coordinate abbreviation (水电气) shortens.
_LISTED = re.compile(r"[\u4e00-\u9fff]{1,4}(?:、[\u4e00-\u9fff]{1,4})+")


def abbreviates(word: str, text: str) -> bool:
    """Whether the word shortens items the text lists, one character from each ("水电气" for "用电、用水、用气",
    "医养" for "医疗、养老"): Chinese abbreviates a coordination by one character of each item."""
    if not 2 <= len(word) <= 4 or "、" not in text or not all(c in text for c in word):
        return False
    for m in _LISTED.finditer(text):
        items = m.group(0).split("、")
        # An item's own edges: the run's first piece may start mid-phrase ("推进|医疗"), its last end mid-phrase.
        edges = [item[0] + item[-1] for item in items]
        edges[0], edges[-1] = items[0][-2:], items[-1][:2]
        if len(items) >= len(word) and _one_each(word, edges):
            return True
    return False


def _one_each(chars: str, edges: list[str]) -> bool:
    """Each character at an edge of a different item (a small matching; words are at most 4 characters)."""
    if not chars:
        return True
    return any(chars[0] in e and _one_each(chars[1:], edges[:i] + edges[i + 1:]) for i, e in enumerate(edges))


def best_per_clause(scored: Sequence[ScoredSentence]) -> list[ScoredSentence]:
    """The best-scoring sentence of each clause, best clause first."""
    best: dict[int, ScoredSentence] = {}
    for s in scored:
        if s.hit.clause_id not in best or s.score > best[s.hit.clause_id].score:
            best[s.hit.clause_id] = s
    return sorted(best.values(), key=lambda s: (-s.score, s.position, s.index))


def select(scored: Sequence[ScoredSentence], config: AnswerConfig, q: Question) -> Selection:
    """The best sentence; for a question asking several things, the best sentence of the clause that covers most
    of what the first clause leaves out; a sentence with the asked-for kind of fact when the best one lacks it;
    close runners-up from the best clause; at most one close clause besides."""
    kinds = q.kinds
    if not scored:
        return Selection(0.0, (), kinds, ())
    first = max(scored, key=lambda s: s.evidence)
    top = first.evidence
    # Kind and rank bonuses reorder only sentences that are nearly as relevant as the most relevant one, and a line
    # of its clause saying who holds the post asked about ("主  任：孙春兰", which repeats few words of the question).
    eligible = [s for s in scored if s.evidence >= top - config.evidence_window
                or q.post and s.hit.clause_id == first.hit.clause_id
                and names_post_title(q.post, s.sentence.text, q.action == "remove")
                # or any line naming the holder ("召 集 人：孙春兰" in a list of members after the rules)
                or q.post and PERSON in kinds and names_post_holder(q.post, s.sentence.text)
                # "7月30日那次市委常委会…是谁主持的": a report's later paragraph says who chaired the meeting its first
                # describes ("市委书记陈伟俊主持会议。")
                or q.act and has_fact(AGENCY, s.sentence.text, q) and _same_document(s.hit, first.hit)
                # "国家说的“消费扶贫”到底是怎么回事": the sentence defining the term, which repeats few of the question's
                # other words ("消费扶贫是社会各界通过消费…的一种扶贫方式")
                or q.defined and defines(q.defined, s.sentence.text)]
    ranked = sorted(eligible, key=lambda s: (-s.score, s.position, s.index))
    best = ranked[0]
    picks = [best]
    if q.several:
        extra = _complement(best, [s for s in scored if s.evidence >= top - config.several_window])
        if extra is not None:
            picks.append(extra)
    for kind in sorted(q.factual - {PERSON}):
        if len(picks) >= config.max_sentences or any(has_fact(kind, p.sentence.text, q) for p in picks):
            continue
        carrier = next((s for s in ranked if (s.hit.clause_id == best.hit.clause_id
                                              or q.act and _same_document(s.hit, best.hit)) and s not in picks
                        and has_fact(kind, s.sentence.text, q)), None)
        if carrier is not None:
            picks.append(carrier)
    for s in ranked[1:]:
        if len(picks) >= config.max_sentences:
            break
        if s not in picks and s.hit.clause_id == best.hit.clause_id and s.score >= best.score - config.same_clause_margin:
            picks.append(s)
    others = [s for s in ranked if s.hit.clause_id not in {p.hit.clause_id for p in picks}]
    if others and len(picks) < config.max_sentences and others[0].score >= best.score - config.second_clause_margin:
        picks.append(others[0])
    picks += _same_person(best, scored, q, {p.hit.clause_id for p in picks})
    picks += [s for s in speech_goes_on(best, scored, q) if s not in picks]
    return Selection(top, excerpts(picks, best.hit.clause_id), kinds, tuple(ranked), excerpt([best]))


def speech_goes_on(best: ScoredSentence, scored: Sequence[ScoredSentence], q: Question) -> list[ScoredSentence]:
    """What a speaker stressed goes on after the sentence introducing it ("会议强调，要坚持党的领导…。要坚持服务大局…。
    要坚持人民至上…"): the sentences after it in its paragraph, up to the next point introduced ("会议指出，"). None
    for a question asking no speech, or after a sentence introducing nothing."""
    if SPEECH not in q.kinds or not has_fact(SPEECH, best.sentence.text, q):
        return []
    after = sorted((s for s in scored if s.hit.clause_id == best.hit.clause_id and s.index > best.index),
                   key=lambda s: s.index)
    out: list[ScoredSentence] = []
    previous = best
    for s in after:
        if s.index != previous.index + 1 or "\n" in s.hit.text[previous.sentence.end:s.sentence.start] \
                or has_fact(SPEECH, s.sentence.text, q):
            break
        out.append(s)
        previous = s
    return out


# A change of post asked ("职务是怎么变的", "有什么调整", "职务变动").
_POST_CHANGED = re.compile(r"变|调整|调动")


def _same_person(best: ScoredSentence, scored: Sequence[ScoredSentence], q: Question,
                 taken: set[int]) -> list[ScoredSentence]:
    """Other items of a personnel list: each other person the question names, and those naming the person quoted when
    the question asks how their post changed: an appointment and a removal together say it ("沈显克任…副局长",
    "免去：沈显克的…总会计师职务")."""
    if best.hit.kind != "appointments":
        return []
    same_list = [s for s in scored if s.hit.clause_id not in taken and s.hit.kind == best.hit.kind
                 and s.hit.title == best.hit.title]
    # Each person the question names ("蔡克和黄晓忠…两人的任命有什么不一样"): the best item printing each other one.
    others = [max(printing, key=lambda s: s.score) for n in q.names if n not in best.sentence.text
              and (printing := [s for s in same_list if n in s.sentence.text])]
    names = [n for n in q.names if n in best.sentence.text]
    # Or both halves asked ("新任的是什么职务？同时被免去了什么职务？").
    both = REMOVE.search(q.query) and (APPOINT.search(q.query) or LATER.search(q.query))
    if names and (_POST_CHANGED.search(q.query) or both):
        removals = True
    elif names and FORMER.search(q.query) and LATER.search(q.query) and REMOVE.search(best.lead or ""):
        # The former post named, the new one asked ("原来是…支队长，这次是不是改任…队长了"), and the removal found:
        # the appointment item answers.
        removals = False
    elif names and q.action == "remove" and _other_action("remove", best.sentence.text):
        # The former post asked and the new one found ("新当上…队长的汪红所，之前是干什么的"): the new post names
        # the subject; the removal item answers.
        removals = True
    else:
        return others
    return others + [s for s in same_list if any(n in s.sentence.text for n in names) and s not in others
                     and (removals or not REMOVE.search(s.lead or ""))]


def _complement(best: ScoredSentence, pool: Sequence[ScoredSentence]) -> ScoredSentence | None:
    """The best-scoring sentence of another clause whose clause holds question words the best clause lacks."""
    gaps = [s for s in pool if s.hit.clause_id != best.hit.clause_id and s.covers - best.covers]
    if not gaps:
        return None
    gain = {id(s): sum(len(w) for w in s.covers - best.covers) for s in gaps}
    return max(gaps, key=lambda s: (gain[id(s)], s.score))


def excerpts(picks: Sequence[ScoredSentence], first_clause: int) -> tuple[Excerpt, ...]:
    """One excerpt per run of adjacent sentences; the best sentence's clause first, text order within."""
    by_clause: dict[int, list[ScoredSentence]] = {}
    for s in picks:
        by_clause.setdefault(s.hit.clause_id, []).append(s)
    order = [first_clause] + [c for c in by_clause if c != first_clause]
    out: list[Excerpt] = []
    for clause_id in order:
        run: list[ScoredSentence] = []
        for s in sorted(by_clause[clause_id], key=lambda s: s.index):
            if run and s.index != run[-1].index + 1:
                out.append(excerpt(run))
                run = []
            run.append(s)
        out.append(excerpt(run))
    return tuple(out)


def excerpt(run: Sequence[ScoredSentence]) -> Excerpt:
    """The span from the first to the last sentence of a run (one clause)."""
    hit = run[0].hit
    start, end = run[0].sentence.start, run[-1].sentence.end
    return span(hit, start, end)


# A table printed one cell a line, each row led by its number on a line of its own (国办发〔2018〕126号 附件: "13",
# the measure, what it does, the departments guiding it, where it applies).
_ROW_NUMBER = re.compile(r"^[ \t]*(\d{1,3})[ \t]*$", re.M)


def _whole_rows(text: str, start: int, end: int) -> tuple[int, int]:
    """The rows holding text[start:end], whole (without their numbers), where the text is such a table: its row
    numbers run on by one (10, 11, 12… in one section of it; figures of a table of figures do not). The span itself
    otherwise."""
    marks = list(_ROW_NUMBER.finditer(text))
    numbers = [int(m.group(1)) for m in marks]
    if len(marks) < 2 or any(b != a + 1 for a, b in zip(numbers, numbers[1:])) or start < marks[0].start():
        return start, end
    row = [m for m in marks if m.start() <= start][-1]
    # A span ending on the next row's number ("…全国\n14") ends before it.
    end = next((m.start() for m in marks if m.start() < end <= m.end() + 1), end)
    after = next((m.start() for m in marks if m.start() >= end), len(text))
    return min(start, row.end() + 1), len(text[:max(end, after)].rstrip())


def span(hit: ClauseHit, start: int, end: int) -> Excerpt:
    """hit.text[start:end] as an excerpt, without a trailing comma-like mark; in a table printed one cell a line,
    whole rows."""
    start, end = _whole_rows(hit.text, start, end)
    quote = Sentence(start, end, hit.text[start:end]).quote()
    return Excerpt(hit, start, start + len(quote), quote)


def whole(hit: ClauseHit) -> Excerpt:
    """The whole clause text as one excerpt."""
    text = hit.text
    start = len(text) - len(text.lstrip())
    return span(hit, start, len(text.rstrip()))


def _cosine(a: Sequence[float], b: Sequence[float]) -> float:
    dot = sum(x * y for x, y in zip(a, b))
    na = math.sqrt(sum(x * x for x in a))
    nb = math.sqrt(sum(y * y for y in b))
    return dot / (na * nb) if na and nb else 0.0
