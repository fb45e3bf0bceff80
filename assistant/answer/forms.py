"""One small composer per question form: a named clause, an overview, an enumeration or count, several parts, and
the factoid / yes-no answer (the sentence holding the fact, its clause quoted for support)."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from assistant.answer.compose import compose, missing_detail, partial
from assistant.answer.config import AnswerConfig
from assistant.answer.constraints import level_constraints, supports
from assistant.answer.context import Context, acknowledges
from assistant.answer.coverage import GENERIC_NOUNS, resolve_words, uncovered_topics, unstated_attribute
from assistant.answer.guard import looks_like_injection
from assistant.answer.named import person_in_top
from assistant.answer.question import (
    AMOUNT, APPOINT, ASKS_PURPOSE, ASKS_TIMES, CHANNEL, COMPARED, CONDITIONS, COUNT, DATE, DOCUMENT_NOUNS, ENUMERATION,
    FACTOID, LOCALITY, MATERIALS, MULTI, OPEN, OVERVIEW, PERSON, POST_BEFORE_NAME, REMOVE, Question, content_words,
    contrasted_items, count_end, counts_measured, has_fact, item_person, parse_question, personnel_item, prints_count,
    VENUE, YESNO,
)
from assistant.answer.segment import posseg, tokenizer
from assistant.answer.select import (
    Excerpt, ScoredSentence, best_per_clause, coverage, credit, defines, excerpt, names_post, score_sentences, select,
    span, speech_goes_on, whole,
)
from assistant.answer.sentences import BRACKETED, Sentence, introduces_items, plain_heading, split_sentences
from assistant.answer.types import Answer, Retriever, doc_key
from corpus.numbers import to_int
from corpus.outline import CLOSING
from corpus.validity import FROM, SPAN, TITLE_PERIOD, UNTIL, YEARS
from index.hits import ClauseHit
from index.query import ARTICLE_LABEL

_REPLY_NOUNS = "答复|复函|通报|提案"
# Replies and reports too, asked what they mean as a whole ("复函，主要意思是什么"): what they say is often one clause.
_WHOLE_DOCUMENT = re.compile(rf"(?:{DOCUMENT_NOUNS})(?:主要|大概|大致|都)?(?:讲|说|写)(?:了|的)?些?(?:是)?"
                             r"(?:什么|啥)|(?:文|文件|文章)的?(?:主要)?内容"
                             rf"|{ASKS_PURPOSE}"
                             rf"|(?:{DOCUMENT_NOUNS}|{_REPLY_NOUNS}|函|回复)[，,]?的?(?:主要|大概的?|大致的?)意思")
# What a document says, asked as a list ("那份通知，主要讲了哪些内容", "那份通知，大概提了哪些要求"): its parts.
_DOCUMENT_LISTS = re.compile(rf"(?:{DOCUMENT_NOUNS}|{_REPLY_NOUNS})[，,]?"
                             r"(?:主要|大概|大致|都)?(?:讲|说|写|提)了?哪些(?:内容|方面|措施|要求)?(?![\u4e00-\u9fff])")
# "回复了哪几方面问题", "列了哪几方面的措施": the parts of a document named.
_ASPECTS = re.compile(r"哪(?:几|些)个?(?:方面|部分)|哪几个?问题|哪几点")
_CN_NUMERAL = re.compile(r"[一二三四五六七八九十]+")
# A later part of a question with at most this many content words has no subject of its own.
_ELLIPTICAL_WORDS = 1
_NUMBER = re.compile(r"\d+(?:\.\d+)?|[一二三四五六七八九十两]+(?=[个项件类家条名位])")


def named_clauses(q: Question, hits: Sequence[ClauseHit]) -> list[ClauseHit]:
    """Retrieved clauses the question names by reference ("三（九）"), as the searcher pins them first."""
    refs = q.intent.clause_refs
    exact = [h for h in hits if any(r.matches(tuple(h.path)) for r in refs)] \
        or [h for h in hits if any(r.matches_through(tuple(h.path)) for r in refs)]
    return exact or [h for h in hits if any(r.matches_under(tuple(h.path)) for r in refs)][:1] \
        or [h for h in hits[:1] if any(r.matches_above(tuple(h.path)) for r in refs)]


def evidence(q: Question, scored: Sequence[ScoredSentence], config: AnswerConfig) -> float:
    """The better of the best sentence's evidence and the best clause's: its best cosine with the question blended
    with how much of the question the clause as a whole covers (title, heading, text). Abstention is decided on the
    clause: a broad question has no single best sentence, and a factoid's words often spread over two sentences.
    Clause-level for every form cut refused answerable questions on wenzhou-203-dev2 from 11% to 7%."""
    top = max(s.evidence for s in scored)
    semantic: dict[int, float] = {}
    hits: dict[int, ClauseHit] = {}
    for s in scored:
        semantic[s.hit.clause_id] = max(semantic.get(s.hit.clause_id, -1.0), s.semantic)
        hits[s.hit.clause_id] = s.hit
    w_s, w_k = config.w_semantic, config.w_keyword
    clause = max((w_s * semantic[c] + w_k * coverage(q, hits[c])) / (w_s + w_k) for c in hits)
    return max(top, clause)


def part_evidence(q: Question, hits: Sequence[ClauseHit], retriever: Retriever, config: AnswerConfig,
                  context: Context) -> float:
    """For a multi-part question, the best evidence of any one part: each part is answered or marked not found on
    its own, so the question as a whole is refused only when no part is answered."""
    best = 0.0
    for pq in part_questions(q):
        pq = resolve_words(pq, retriever)
        part_scored = score_sentences(pq, hits, retriever, config, context, text=pq.query)
        if part_scored:
            best = max(best, evidence(pq, part_scored, config))
    return best


# How many a personnel part asks ("任了几个", "免了多少人").
_PEOPLE_COUNTED = re.compile(r"(?:几|多少)(?:个|位|名)?(?:人|干部)?[、，,？?。]*$")
# A later part whose subject is a pronoun ("他原来干什么的？") is about the earlier parts' subject.
_PRONOUN = re.compile(r"^(?:他|她|它|其|该|这个|那个)")


@lru_cache(maxsize=256)
def part_questions(q: Question) -> tuple[Question, ...]:
    """Each part of a multi-part question parsed on its own; a later part with no subject of its own ("牵头单位又是
    谁？") is about the first part's subject, whose words it is scored with. Cached: the answerer and the multi-part
    composer both ask for them."""
    out: list[Question] = []
    for part in q.parts:
        pq = parse_question(part)
        # A personnel part naming no one ("陈乃华原来担任什么职务，这次新任什么职务") is about the person named before.
        if out and (len(pq.words) <= _ELLIPTICAL_WORDS or _PRONOUN.match(part) or pq.action and not pq.names
                    and q.names):
            # A personnel part is about the person named ("徐霖森以前…当什么？这次又任了啥？"): the name, not the
            # first part's other words (its former post), is its subject.
            names = [n for n in q.names if n not in part] if pq.action else []
            subject = names or [w for w in out[0].words if w not in pq.words]
            pq = parse_question(part, " ".join([*subject, _PRONOUN.sub("", pq.query) if names else pq.query]))
        out.append(replace(pq, scene=tuple(w for w in pq.words if w in q.scene)))  # the whole question's scene
    return tuple(out)


def compose_form(q: Question, scored: Sequence[ScoredSentence], hits: Sequence[ClauseHit], retriever: Retriever,
                 config: AnswerConfig, context: Context, rewritten: str | None, evidence_: float,
                 named_section: ClauseHit | None = None) -> Answer:
    """named_section: the section a list question names (listed_section), its items the answer."""
    if asks_whole_document(q) and (q.form == OVERVIEW or named_section is None) and not _names_heading(q, hits[0]):
        return document_overview(q, hits, context, config, rewritten, evidence_)
    if named_section is not None:
        return section(q, named_section, hits, config, context, rewritten, evidence_)
    if q.form == OVERVIEW:
        return overview(q, scored, hits, config, context, rewritten, evidence_)
    if q.form == COUNT and prints_count(q, best_per_clause(scored)[0].sentence.text):
        return factoid(q, scored, hits, config, context, rewritten, evidence_)  # "军民深度融合方面6项。"
    if q.form in (ENUMERATION, COUNT):
        return enumeration(q, scored, hits, config, context, rewritten, evidence_)
    if q.form == MULTI:
        return multi(q, scored, hits, retriever, config, context, rewritten, evidence_)
    return factoid(q, scored, hits, config, context, rewritten, evidence_)


def documents(q: Question, hits: Sequence[ClauseHit], context: Context, config: AnswerConfig,
              rewritten: str | None) -> Answer | None:
    """The numbered documents (文件) of the index, of the issue named, or among the retrieved ones when the question
    has a topic; each named with its first sentence quoted and cited, the count marked as counted. None when the
    retriever does not expose its records."""
    records = context.records
    if not records:
        return None
    topical = [w for w in q.words if not re.search(r"\d|期|规范", w)]
    wanted = {h.doc_number for h in hits[:3] if h.doc_number} if topical else None
    firsts: dict[str, object] = {}
    for r in records:
        if not r.doc_number or r.doc_number in firsts or not r.text.strip():
            continue
        if q.issue and q.issue not in (getattr(r, "gazette_issue", None) or ""):
            continue
        if "规范性" in q.query and r.kind != "normative":
            continue
        if wanted is not None and r.doc_number not in wanted:
            continue
        firsts[r.doc_number] = r
    if not firsts:
        return None
    picks = []
    for r in list(firsts.values())[: config.list_items]:
        hit = r.hit(0, 0.0)
        first = _first_worded(hit.text)
        picks.append(span(hit, first.start, first.end))
    note = f"（以上共{len(firsts)}件文件，系按已收录的公报计数得出。）" if len(firsts) <= config.list_items else \
        f"（已收录的公报共有{len(firsts)}件文件，以上列出前{config.list_items}件。）"
    return compose(q.text, picks, hits, notes=[note], rewritten=rewritten, evidence=1.0)


def issued(q: Question, doc_records: Sequence, hits: Sequence[ClauseHit], rewritten: str | None) -> Answer | None:
    """"50号是什么时候印发的": the date printed after the named document's text (its signature line, which no
    clause holds), with the document's opening sentence quoted and cited. None when the date is not known."""
    first = doc_records[0]
    if not first.date or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", first.date):
        return None
    year, month, day = (int(x) for x in first.date.split("-"))
    hit = first.hit(0, 0.0)
    sentence = _first_worded(hit.text)
    answer = compose(q.text, [span(hit, sentence.start, sentence.end)], hits, rewritten=rewritten, evidence=1.0)
    # Stated first, as the direct answer; unquoted, since it is printed after the clauses (文末落款).
    return replace(answer, text=f"该文件的落款日期为{year}年{month}月{day}日（文末落款）。\n{answer.text}")


# A period a document sets for what it funds or covers ("适用于2019年1月1日至2023年12月31日的奖补项目").
_DATE_RANGE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日(?:起)?(?:至|到|—|-)\d{4}年\d{1,2}月\d{1,2}日")
# A clause up to this long is quoted whole around the sentence printing the period (附则 items are short).
_VALIDITY_CLAUSE = 200


def validity(q: Question, doc: Sequence[ClauseHit], hits: Sequence[ClauseHit], rewritten: str | None) -> Answer | None:
    """"有效期到什么时候": the sentence of the document that prints its period (有效期至…, 自…起施行, the plan's
    "（2019-2021年）" where its text repeats the title), quoted and cited; None when no sentence prints one."""
    # Each document named answers for itself ("49号和491号细则，哪个有效期更长").
    documents: dict[str, list[ClauseHit]] = {}
    for h in doc:
        documents.setdefault(doc_key(h.doc_number, h.title), []).append(h)
    found = [f for f in map(_period, documents.values()) if f is not None]
    if not found:
        return None
    quotes = [e for _, quoted in found for e in quoted]
    pattern, hit, sentence = found[0][0]
    # Only when it takes effect: say that no end is printed rather than let it read as one.
    notes = ["（该文件只写明施行日期，未写明有效期截止日期。）"] if pattern is FROM and len(quotes) == 1 else []
    return compose(q.text, quotes, hits, direct=span(hit, sentence.start, sentence.end), rewritten=rewritten,
                   evidence=1.0, notes=notes, headings={h.clause_id: h.heading for h in doc if h.heading})


def _period(doc: Sequence[ClauseHit]) -> tuple[tuple, list[Excerpt]] | None:
    """One document's sentence printing its period (pattern, clause, sentence), and the excerpts quoting it (with
    a date range another clause prints); None when it prints none."""
    sentences = [(h, s) for h in doc for s in split_sentences(h.text) if not looks_like_injection(s.text)]
    found = next(((p, h, s) for p in (UNTIL, SPAN, YEARS, TITLE_PERIOD, FROM) for h, s in sentences
                  if p.search(s.text)), None)
    if found is None:
        return None
    _, hit, sentence = found
    quotes = [_around(hit, sentence)]
    quotes += [_around(h, s) for h, s in sentences if h.clause_id != hit.clause_id and _DATE_RANGE.search(s.text)][:1]
    return found, quotes


def prints_period(text: str) -> bool:
    """The text prints a document's period in one of the forms validity() quotes."""
    return any(p.search(text) for p in (UNTIL, SPAN, YEARS, TITLE_PERIOD, FROM))


def _around(hit: ClauseHit, sentence: Sentence) -> Excerpt:
    return whole(hit) if len(hit.text) <= _VALIDITY_CLAUSE else span(hit, sentence.start, sentence.end)


# "国令第707号一共有多少条？": the articles of a named document, counted.
ASKS_ARTICLES = re.compile(r"(?:多少|几)条(?:规定|条款)?[？?。！!\s]*$")
_ARTICLE_LABEL = re.compile(r"第[一二三四五六七八九十百零〇两\d]+条")


def articles(q: Question, doc: Sequence[ClauseHit], hits: Sequence[ClauseHit], rewritten: str | None) -> Answer | None:
    """The named document's articles (第N条) counted, its last article quoted; None for a document without them."""
    numbered = [h for h in doc if h.path and _ARTICLE_LABEL.fullmatch(h.path[-1]) and h.text.strip()]
    if len(numbered) < 2:
        return None
    last = numbered[-1]
    sentence = _first_worded(last.text)
    return compose(q.text, [span(last, sentence.start, sentence.end)], hits, rewritten=rewritten, evidence=1.0,
                   notes=(f"（该文件共有{len(numbered)}条，最后一条为{last.path[-1]}，系按条目计数得出。）",))


_ATTACHMENT_PATH = re.compile(r"附件[一二三四五六七八九十\d]*")
_NUMBERED_LINE = re.compile(r"^\s*\d{1,2}\s*[.．、]", re.M)


def attachments(q: Question, doc_records: Sequence, hits: Sequence[ClauseHit], rewritten: str | None) -> Answer | None:
    """"105号文有几个附件": the named document's list of attachments ("附件：1.甲 2.乙") quoted whole, or each attachment
    printed in the issue (its title shown after the label), counted. None when no attachment is printed."""
    tops = [r.hit(0, 0.0) for r in doc_records if len(r.path) == 1 and _ATTACHMENT_PATH.fullmatch(r.path[0])]
    if not tops:
        return None
    listed = len(_NUMBERED_LINE.findall(tops[0].text)) if len(tops) == 1 else 0
    if listed >= 2:  # one clause holds the list of names
        picks, n = [whole(tops[0])], listed
    else:
        picks, n = [span(h, s.start, s.end) for h in tops for s in [_opening(h.text)]], len(tops)
    headings = {h.clause_id: h.heading for h in tops if h.heading}
    return compose(q.text, picks, hits, rewritten=rewritten, evidence=1.0, headings=headings,
                   notes=(f"（该文件共有{n}个附件，系按引文计数得出。）",))


_ASKS_SIZE = re.compile(r"多[大长高宽远深]")


def clause(q: Question, named: Sequence[ClauseHit], hits: Sequence[ClauseHit], retriever: Retriever,
           config: AnswerConfig, context: Context, rewritten: str | None) -> Answer:
    """A named clause quoted whole (a heading-only clause: its items); the asked-for fact first, if any. Each clause
    the question names of one document is quoted ("第四条和第五条…有什么区别")."""
    targets = _each_named_clause(q, named)
    # A part with items of its own says what it covers in them ("第三部分讲了哪几个方面": its lead-in, then the items).
    parts = [p for t in targets
             for p in ([t] if t.text.strip() else []) + _text_items(t, context)[: config.overview_clauses * 2]]
    excerpts = [whole(h) for h in parts]
    if not excerpts:
        return compose(q.text, [], hits, rewritten=rewritten)
    if q.factual == {AMOUNT} and q.attribute and not q.parts and not _ASKS_SIZE.search(q.query) \
            and not any(has_fact(AMOUNT, e.quote, q) for e in excerpts):
        # "第（二十二）项说同级财政可一次性拨付资金…拨付的具体金额是多少": the clause named gives no figure of what is
        # asked ("一定数额的资金"); what it says is quoted and the figure declined, as for a question naming no clause.
        # (Not a count, "附了几张表": the items named are counted; nor "多大的范围", which words answer.)
        return partial(q.text, excerpts[0], hits, missing_detail({AMOUNT}), rewritten, 1.0, declined=True)
    direct = None
    if q.factual:
        scored = score_sentences(q, parts, retriever, config, context)
        if scored:
            direct = excerpt([max(scored, key=lambda s: s.score)])
    return compose(q.text, excerpts, hits, kinds=q.factual, asked=q, direct=direct, rewritten=rewritten, evidence=1.0,
                   headings={t.clause_id: t.heading for t in targets if t.heading} or None)


def _each_named_clause(q: Question, named: Sequence[ClauseHit]) -> list[ClauseHit]:
    """The clauses the references name, one each (an item numbered on through a part's sections included), of the
    first named clause's document and in the question's order, where they are of one level ("第四条和第五条"); else the
    first named clause. References of different levels name one clause between them ("一（二）第2条", "第三部分…下面的
    第（三）条")."""
    out = [next((h for h in named if h.doc_number == named[0].doc_number
                 and (ref.matches(tuple(h.path)) or ref.matches_through(tuple(h.path)))), None)
           for ref in q.intent.clause_refs]
    out = list(dict.fromkeys(out))
    if len(out) >= 2 and None not in out and len({len(h.path) for h in out}) == 1:
        return out
    return [named[0]]


# Items quoted for each heading-only item of a named part ("48号文第三部分": 三、工作举措 → （一）推进平台建设 → 1…).
_ITEMS_UNDER_HEADING = 1


def _text_items(hit: ClauseHit, context: Context) -> list[ClauseHit]:
    """The items of a heading-only clause that have text; for an item that is a heading itself, its first ones."""
    out: list[ClauseHit] = []
    for child in context.children(hit):
        out += [child] if child.text.strip() else \
            [g for g in context.children(child) if g.text.strip()][:_ITEMS_UNDER_HEADING]
    return out


def factoid(q: Question, scored: Sequence[ScoredSentence], hits: Sequence[ClauseHit], config: AnswerConfig,
            context: Context, rewritten: str | None, evidence_: float) -> Answer:
    """The sentence holding the asked-for fact first, then its clause quoted (whole when short) for support."""
    selection = select(scored, config, q)
    best = selection.scored[0]
    asked = _asked_only(q)
    own = _other_documents_fact(q, best, scored, hits, asked)
    if own is not None:
        # "公积金贷款最高能贷多少": the figure that tipped the choice is another document's (49号's 贴息贷款), whose
        # sentence holds fewer of the question's words than the document retrieval ranks first: not the one asked.
        return partial(q.text, excerpt([own]), hits, missing_detail({asked}), rewritten, evidence_, declined=True)
    picks = list(selection.excerpts)
    if PERSON in q.kinds:
        picks += _siblings(best, selection.scored, config)
    items = _lead_in_items(best.hit, context)
    picks = _support(picks, best.hit, config) + _naming(q, hits, config) + _quoted_items(items, config)
    picks = _unique(_contrasted_sections(q, hits, context, config) + picks + _each_named(q, scored, picks, config))
    notes = [f"（共{len(items)}项，以上列出前{config.list_items}项。）"] if len(items) > config.list_items else []
    if not q.action:  # a personnel list's top item may be from the other half of the list (a removal)
        picks = _anchor(picks, hits, selection.scored, config)
    direct = selection.direct if (q.kinds or q.form != OPEN) else None
    if asked == DATE and best.hit.kind == "chronicle":
        asked = None  # a chronicle entry's day is its label, not in its text
    if asked:
        picks = _without_foreign_facts(picks, best, scored, asked, q)
    # A length of time asked ("多长时间给结果") is sought as a declined kind is, but not declined when none is found: a
    # process without a stated length often answers it; so is how often ("多久开一次例会": "每半年召开一次"). So is what
    # may be done once a step the asker has done is ("协商好了，接下来去哪个部门申请"), in the first quote, which the
    # direct answer stands for.
    next_kind = next(iter(q.factual)) if q.next_step and len(q.factual) == 1 and not q.parts else None
    sought = asked or (DATE if (q.duration or q.how_often) and q.form == FACTOID and not q.parts and q.factual == {DATE}
                       and best.hit.kind != "chronicle" else None) or next_kind
    if sought and not any(has_fact(sought, p.quote, q) for p in (picks[:1] if next_kind else picks)):
        # The sentences chosen give no figure (or date) of the kind asked. A time limit in a sentence of the same
        # document nearly as relevant answers ("人社部门多少天内给结果": "…10个工作日内做出…决定", whose 人力社保 the
        # question shortens; a figure there is more often another thing's). Else what they say is quoted and the
        # figure is declined ("保教费最多能收多少", "S1线什么时候开通运营": the day found is an agreement's,
        # "连续多少天不更新就关停": no number of days).
        # Nearly as relevant: by evidence for a kind declined without it; by score, which counts the kind of fact a
        # sentence holds, for a length only sought.
        same_doc = (best.hit.doc_number, best.hit.title)
        window = config.evidence_window
        held = [s for s in scored if (s.hit.doc_number, s.hit.title) == same_doc
                and has_fact(sought, s.sentence.text, q)
                and (s.evidence >= best.evidence - window if asked else s.score >= best.score - window)] \
            if sought == DATE or next_kind else []
        if not held and asked:
            return partial(q.text, picks[0], hits, missing_detail({asked}), rewritten, evidence_, declined=True)
        if held:
            direct = excerpt([max(held, key=lambda s: s.score)])
            picks = _unique([direct, *picks])
    return compose(q.text, picks, hits, kinds=q.factual, asked=q, direct=direct, notes=notes, rewritten=rewritten,
                   evidence=evidence_, headings=_list_headings(picks, selection.scored, context))


def _without_foreign_facts(picks: list[Excerpt], best: ScoredSentence, scored: Sequence[ScoredSentence], asked: str,
                           q: Question) -> list[Excerpt]:
    """The picks without a runner-up clause of another document whose figure (or date, or system) is the only one of
    the kind asked, when it holds fewer of the question's words than the best sentence: "医保定点审核需要多少个工作日"
    is not answered by 105号's "10个工作日内做出…行政许可决定"."""
    own = doc_key(best.hit.doc_number, best.hit.title)
    holding = [p for p in picks if has_fact(asked, p.quote, q)]
    if not holding or any(doc_key(p.hit.doc_number, p.hit.title) == own for p in holding):
        return picks
    closer = [s for s in scored if s.hit.clause_id in {p.hit.clause_id for p in holding}
              and has_fact(asked, s.sentence.text, q) and s.keyword >= best.keyword]
    return picks if closer else [p for p in picks if p not in holding]


def _other_documents_fact(q: Question, best: ScoredSentence, scored: Sequence[ScoredSentence],
                          hits: Sequence[ClauseHit], asked: str | None) -> ScoredSentence | None:
    """The first document's own best sentence when the fact chosen (a figure, a date, a system) is another
    document's that holds fewer of the question's words (_first_documents_own); None when it is the one asked. A count
    of the very thing asked ("多少处滑坡": "成功预警16处滑坡") is no other document's figure; a length of time ("多少个
    工作日") is printed for many procedures."""
    if asked not in (AMOUNT, DATE, CHANNEL) or counts_measured(q, best.sentence.text) and not q.counted_time:
        return None
    return _first_documents_own(best, scored, hits)


def _first_documents_own(best: ScoredSentence, scored: Sequence[ScoredSentence],
                         hits: Sequence[ClauseHit]) -> ScoredSentence | None:
    """When the sentence chosen holds the kind of fact asked but is of another document than the first one retrieved
    (an injected clause is none), and a sentence of that first document matches more of the question's words: the
    best of those."""
    first = next((h for h in hits if not looks_like_injection(h.text)), None)
    if first is None or not best.kind:
        return None
    key = doc_key(first.doc_number, first.title)
    if doc_key(best.hit.doc_number, best.hit.title) == key:
        return None
    own = [s for s in scored if doc_key(s.hit.doc_number, s.hit.title) == key]
    if not any(s.keyword > best.keyword for s in own):
        return None
    return max(own, key=lambda s: s.score)


# "是哪一天发布的", "几月几号": a calendar day asked.
_ASKS_DAY = re.compile(r"哪一?天|几月几[号日]|具体日期")


def _asked_only(q: Question) -> str | None:
    """The kind of fact a single-part factoid asks and nothing else, where quotes without one decline it: a figure, a
    district, a venue, a system, or the date of a project's milestone (开通, 动工, 投产) or a counted length of time.
    (Not any date: a chronicle entry's day is its label, and "多长时间" is often answered by a process without a
    length; declining those refused answerable questions.)"""
    if q.form != FACTOID or q.parts or len(q.factual) != 1:
        return None
    kind = next(iter(q.factual))
    if kind in (AMOUNT, LOCALITY, VENUE, CHANNEL) or kind == DATE and (q.milestone is not None or q.counted_time
                                                                 or _ASKS_DAY.search(q.query)):
        return kind
    return None


def overview(q: Question, scored: Sequence[ScoredSentence], hits: Sequence[ClauseHit], config: AnswerConfig,
             context: Context, rewritten: str | None, evidence_: float) -> Answer:
    """The relevant clauses listed with their headings, each quoted (whole when short) and cited."""
    ranked = best_per_clause(scored)
    lead = ranked[0]
    chosen = [s for s in ranked if s.score >= lead.score - config.overview_window][: config.overview_clauses]
    chosen.sort(key=lambda s: s.hit.clause_id if s.hit.doc_number == lead.hit.doc_number else 1 << 30)
    picks = [whole(s.hit) if len(s.hit.text) <= config.whole_clause_chars or _short_document(s.hit, context, config)
             else excerpt([s, *speech_goes_on(s, scored, q)]) for s in chosen]
    # A best clause that introduces a list ("市政府决定：") says what it says in its items; a preamble ending so
    # ("…我们采取了以下几方面的措施：") in the document's numbered parts, though it says something of its own first.
    items = _lead_in_items(lead.hit, context) or (_parts_introduced(lead.hit, context)
                                                  if introduces_items(lead.hit.text) else [])
    picks = _unique(picks[:1] + _quoted_items(items, config) + picks[1:]) if items else picks
    notes = [f"（共{len(items)}项，以上列出前{config.list_items}项。）"] if len(items) > config.list_items else []
    if not q.action:
        picks = _anchor(picks, hits, scored, config)
    headings = {p.hit.clause_id: p.hit.heading for p in picks if p.hit.heading}
    return compose(q.text, picks, hits, kinds=q.factual, asked=q, notes=notes, rewritten=rewritten, evidence=evidence_,
                   headings=headings)


def _short_document(hit: ClauseHit, context: Context, config: AnswerConfig) -> bool:
    """The clause's document, all its clauses together, is short enough to quote whole (a reply, a short approval)."""
    return sum(len(c.text) for c in context.document(hit) or [hit]) <= config.short_document_chars


def enumeration(q: Question, scored: Sequence[ScoredSentence], hits: Sequence[ClauseHit], config: AnswerConfig,
                context: Context, rewritten: str | None, evidence_: float) -> Answer:
    """The enumerating sentence or the list items of the best clause; a count the gazette does not print is
    counted from the items and marked as counted."""
    lead = best_per_clause(scored)[0]
    if q.count:
        # "哪五个": a sentence listing exactly that many items, among those nearly as relevant as the best.
        top = max(s.evidence for s in scored)
        own = [s for s in scored if s.evidence >= top - config.evidence_window]
        weight = config.w_count
    else:
        # The sentence that reads most as an enumeration among those nearly as good, in any of the top clauses.
        own = [s for s in scored if s.score >= lead.score - config.w_list]
        weight = config.w_list
    run = _parallel_siblings(lead, q, context)
    extra: list[Excerpt] = []
    if run and (not q.count or len(run) == q.count):
        # "修订的规章是哪三部": clauses drafted alike ("因为…机构改革，…修订《A》", "…修订《B》") are the list asked for.
        best, hit, items, main = lead, lead.hit, run, None
    else:
        # An item of a list ("营业执照…复印件一份") reads as the list it belongs to.
        kinds, each, kind = _counted_kind(q), _counted_words(q), _item_kind(q)
        # The best clause's own list ("初次申请…的企业，…申请材料包括：" and its items) counts twice: a list in a
        # clause ranked below it is of something else ("信息变更申请的企业，应提交的材料：").
        lead_lists = bool(context.children(lead.hit))
        # An item of a list, or a sentence of a parallel run ("要坚持…；要坚持…"), reads as the list asked for.
        def itemised(s: ScoredSentence) -> bool:
            return not q.count and (_list_of(s.hit, context) is not None or _parallel_run(s, q) is not None)

        # A list the text calls by the name asked ("按照“立法为民、问题导向、…”的立法原则" for "立法原则有哪几条") is
        # that list, wherever it ranks.
        named = _named_lists(q, scored)
        # So is a clause whose heading counts the entries of its text and names the list in the question's words
        # ("需要进一步调研、论证，…的立法项目（4件）" for "列为调研项目的有哪几项"), wherever it ranks.
        named = named or [s for s in scored if _counted_entries(s.hit)
                          and sum(w in s.hit.heading for w in q.words if len(w) >= 2) >= 2]
        # Or the part of a document asked for (目标, 任务, 措施…), named by its heading, that prints its items in its
        # own text ("要达到哪些主要目标": 发展目标 "…增速15%…；…10家以上；…").
        asked = _asked_noun(q)
        named = named or [s for s in scored if _heads(asked, s.hit.heading or "") and _named_inline(q, s.hit)]
        own = named or own
        # A reply's acknowledgement ("你们关于…的请示收悉。") restates the question's subject: it lists nothing asked.
        own = [s for s in own if not acknowledges(s.sentence.text)] or own
        # Who was appointed or removed ("兼任…管委会副主任的有几个人") is listed by a personnel list, not by a plan
        # naming the same body ("温州高新区（浙南科技城）集中打造…").
        own = ([s for s in own if s.hit.kind == "appointments"] or own) if q.action else own
        best = max(own, key=lambda s: (s.score + weight * max(_listness(s.sentence.text, q.count, kinds, each, kind,
                                                                        q.query),
                                                              float(itemised(s)))
                                       + weight * (lead_lists and s.hit.clause_id == lead.hit.clause_id
                                                   and introduces_items(s.sentence.text)),
                                       -s.position, -s.index))
        # A list restated ("同意将乌鲁木齐、昌吉、石河子高新区…纳入…") is the list where the document first gives it, in
        # its body ("一、同意乌鲁木齐、昌吉、石河子3个高新技术产业开发区…建设…").
        best = _first_listing(best, own) or best
        # The sentence defining the term asked ("…检查对象名录库和执法检查人员名录库（统称“两库”）") is the list.
        if q.count and not named and not _listness(best.sentence.text, q.count, kinds, each, given=q.query) \
                and not (q.defined and defines(q.defined, best.sentence.text)):
            listed = _list_in_document(lead.hit, q, context)
            if listed is not None:
                return compose(q.text, [listed], hits, kinds=q.factual, asked=q, direct=listed, rewritten=rewritten,
                               evidence=evidence_)
        hit = best.hit
        if not q.count and (listing := _list_of(hit, context)) is not None:
            hit = listing  # one item answers for the list asked for: its lead-in and every item
        if not q.count:
            hit = _singled_out(q, hit, context)
        items = [c for c in context.children(hit) or context.listed_after(hit) if c.text.strip()]
        if not items and q.form == ENUMERATION and introduces_items(hit.text) \
                and (_names_asked(q, last := split_sentences(hit.text)[-1].text) or _act_asked(q, last)):
            # A preamble ending "我们采取了以下几方面的措施：" for "采取了哪些方面的措施", or "现批复如下：" for "批复同意了
            # 哪些事情": the numbered parts that follow are the list asked for.
            items = _parts_introduced(hit, context)
        openers = [] if items or q.form != ENUMERATION else _run_in_headings(hit)
        if not hit.text.strip() and items:
            main = None  # a lead-in printed as the heading ("已取得特殊工时许可的企业，申请材料包括"): its items say it
        elif openers and (not q.count or len(openers) == q.count):
            # "提出了哪几方面的要求": paragraphs each opening with a heading of their own ("坚持党的领导。", "维护国家
            # 安全。") are the items; each heading is quoted.
            main, extra = None, [span(hit, o.start, o.end) for o in openers]
        elif len(hit.text) <= config.whole_clause_chars:
            main = whole(hit)
        elif introduces_items(best.sentence.text) and best.hit is hit:
            following = [s for s in split_sentences(hit.text) if s.start >= best.sentence.start][:config.list_items + 1]
            main = span(hit, following[0].start, following[-1].end)
        else:
            # Or the run a sentence nearly as good belongs to ("会议指出，…" ranks above "要坚持…；要坚持…"), unless
            # the best lists items itself ("存在发展不平衡、…、翻译和审校力量不足等困难和问题" above "一是…二是…").
            near = [] if _listness(best.sentence.text, q.count, kinds, each, kind, q.query) >= 1 else sorted(
                (s for s in own if s.hit.clause_id == hit.clause_id and s is not best), key=lambda s: -s.score)
            main = next(filter(None, (_parallel_run(s, q) for s in (best, *near))), None) \
                or (excerpt([best]) if q.count else _run_on(best, config))
    picks = [main] * (main is not None) + [whole(c) for c in items[: config.list_items]
                                           if len(c.text) <= config.whole_clause_chars] + extra
    if PERSON in q.kinds or q.action:  # "哪几位…": every item of the personnel list that fits as well
        picks += _siblings(best, sorted(scored, key=lambda s: -s.score), config, config.w_list)
    if not q.action:
        picks = _anchor(picks, hits, scored, config)
    notes = []
    cut = len(items) > config.list_items  # a long list (a personnel list's 免去) is quoted in part: say so
    if q.form == COUNT and not any(_NUMBER.search(p.quote) and has_fact(AMOUNT, p.quote) for p in picks[:1]):
        n = len(items) or _item_count(main.quote if main else "")
        if n >= 2:
            notes.append(f"（共{n}项，系按条目计数得出；以上列出前{config.list_items}项。）" if cut
                         else f"（以上所列共{n}项，系按引文条目计数得出。）")
    elif cut:
        notes.append(f"（共{len(items)}项，以上列出前{config.list_items}项。）")
    # A count made from the items is the figure asked; the line introducing them ("申请材料包括：") states nothing.
    counted = bool(notes)
    direct = excerpt([best]) if (q.kinds or q.count) and not (counted and introduces_items(best.sentence.text)
                                                               or _counted_entries(best.hit)) else None
    headings = _list_headings(picks, scored, context)
    if hit.heading:
        headings[hit.clause_id if main is not None or extra else items[0].clause_id] = hit.heading
    return compose(q.text, picks, hits, kinds=q.factual - ({AMOUNT} if counted else set()), asked=q, direct=direct,
                   notes=notes, rewritten=rewritten, evidence=evidence_, headings=headings)


# What a list question asks the items of, right before the ask ("立法原则有哪几条", "基本原则包括哪些").
_LIST_ASK = re.compile(r"(?:都|一共|共|主要|具体|分别)?(?:有|是|包括|包含)?(?:哪些|哪几(?:个|项|条|点|种|类|方面)?|哪[两三四五六七八九十\d]"
                       r"(?:个|项|条|点|种|类))")


_QUOTED_NAME = re.compile(r"[“「]([\u4e00-\u9fff]{2,8})[”」]")


def _named_lists(q: Question, scored: Sequence[ScoredSentence]) -> list[ScoredSentence]:
    """Sentences printing a quoted list right before the name of what the question asks the items of: "按照“立法为民、
    问题导向、法治思维、有效管用”的立法原则". The name: the longest stretch before the ask (two characters at least)
    that such a list precedes, else the noun right after it."""
    m = _LIST_ASK.search(q.query)
    before = re.sub(r"[的之]$", "", q.query[:m.start()]) if m else ""
    after = _ASKED_AFTER.search(q.query)  # or right after it ("讲究哪几条原则")
    names = [before[-size:] for size in range(min(len(before), 8), 1, -1)] + ([after.group(1)[:4]] if after else []) \
        + _QUOTED_NAME.findall(q.query)  # or the name the question quotes ("有个“三连办”，具体是哪三种办法")
    for name in names:
        if not re.fullmatch(r"[\u4e00-\u9fff]{2,}", name):
            continue
        after_list = re.compile(rf"[“「][^”」，,。；;]{{1,20}}、[^”」，,。；;]{{1,40}}[”」]\s*的\s*[“「]?[\u4e00-\u9fff]{{0,4}}?"
                                rf"{re.escape(name)}")
        found = [s for s in scored if after_list.search(s.sentence.text)]
        if found:
            return found
    return []


# A paragraph's run-in heading: a short sentence of its own, no comma ("坚持党的领导。").
_RUN_IN = re.compile(r"[\u4e00-\u9fff“”、]{2,12}[。：:]")


def _run_in_headings(hit: ClauseHit) -> list[Sentence]:
    """The opening sentences of a clause's paragraphs when at least three paragraphs each open with a run-in heading
    followed by text of their own; none otherwise."""
    sentences = split_sentences(hit.text)
    openers = [s for s in sentences if s.start == 0 or hit.text[s.start - 1] == "\n"]
    paragraphs = [p for p in hit.text.split("\n") if p.strip()]
    if len(paragraphs) < 3 or len(openers) != len(paragraphs):
        return []
    runs = all(_RUN_IN.fullmatch(o.text.strip()) and len(p.strip()) > len(o.text.strip())
               for o, p in zip(openers, paragraphs))
    return openers if runs else []


# A meeting's agenda as a news report's lead paragraph sums it up ("总结上半年工作，部署下半年任务，…"): verbs of
# meeting business, each with a short object, one after another.
_AGENDA_ITEM = re.compile(r"(?<![\u4e00-\u9fff])(?:总结|部署|研究|审议|听取|分析|回顾|安排|传达)([\u4e00-\u9fff]{2,8})(?=[，,、。；;])")


def past_agenda(q: Question, scored: list[ScoredSentence]) -> list[ScoredSentence]:
    """A question about one item of a meeting's agenda ("全会对下半年的工作是怎么部署的") is answered by the paragraphs
    of the same report that take the item up ("全会强调，做好下半年工作，要…"), not by the lead paragraph that names
    it among the others ("总结上半年工作，部署下半年任务"): that paragraph is left out when the best sentence is such a
    summary naming the item asked, and the report has other paragraphs found."""
    if q.form == YESNO or q.parts or not scored:
        return scored
    best = max(scored, key=lambda s: s.score)
    items = list(_AGENDA_ITEM.finditer(best.sentence.text))
    chained = len(items) >= 2 and any(a.end() + 1 == b.start() for a, b in zip(items, items[1:]))
    if not chained or not any(w in m.group(1) for m in items for w in q.words):
        return scored
    key = doc_key(best.hit.doc_number, best.hit.title)
    rest = [s for s in scored
            if doc_key(s.hit.doc_number, s.hit.title) == key and s.hit.clause_id != best.hit.clause_id]
    return rest or scored


def _validity_source(pq: Question, own: Sequence[str], picks: Sequence[Excerpt], hits: Sequence[ClauseHit],
                     retriever: Retriever, config: AnswerConfig, context: Context, compared: bool) -> ClauseHit:
    """The clause whose document's period a validity part asks: the one the earlier parts quote, or, of two documents
    compared ("社会办医那个实施意见和产业基金那个细则，哪个有效期更长"), the one holding most of the part's own words
    (title included), the best scoring of those. The part is searched on its own too: the whole question's clauses
    may all be the other document's."""
    if compared and own:
        def held(s: ScoredSentence) -> int:
            return sum(_holds_any([w], replace(s.hit, heading=f"{s.hit.title}\n{s.hit.heading or ''}")) for w in own)

        mine = list(retriever.search(pq.query, k=len(hits)))
        seen = {h.clause_id for h in mine}
        scored = score_sentences(pq, [*mine, *(h for h in hits if h.clause_id not in seen)], retriever, config,
                                 context, text=pq.query)
        if scored:
            return max(scored, key=lambda s: (held(s), s.score)).hit
    return picks[0].hit if picks else hits[0]


def multi(q: Question, scored: Sequence[ScoredSentence], hits: Sequence[ClauseHit], retriever: Retriever,
          config: AnswerConfig, context: Context, rewritten: str | None, evidence_: float) -> Answer:
    """Each part of the question answered from the retrieved clauses, or said to be not found."""
    picks: list[Excerpt] = []
    notes: list[str] = []
    direct = None
    counted = 0
    weak: dict[str, ClauseHit] = {}
    declined = False  # a part's fact found only in another document
    compared = bool(COMPARED.search(q.query))
    parts = part_questions(q)
    # The words that tell the things compared apart: each part's own, which no other part has.
    # Words a part borrows from the first ("哪个高？" asked of its subject) tell nothing apart: only the words each part
    # writes count, and a part borrowing its subject has none of its own.
    written = [set(content_words(part)) for part in q.parts]
    own = [[w for w in pq.words if not any(w in other for j, other in enumerate(written) if j != i)]
           if pq.query == part else [] for i, (part, pq) in enumerate(zip(q.parts, parts))]
    for i, (part, pq) in enumerate(zip(q.parts, parts)):
        # (它 is a thing: "它的办公室放在哪里" after "…委员会的主任是谁" asks of the committee)
        about_person = _PRONOUN.match(part) and not part.startswith("它") \
            or pq.action and (q.names or item_person(q.parts[0]))
        if i and picks and not pq.names and about_person and (named := _person_named(picks)):
            # "黄凡任…中心主任" answered the first part: "他原来干什么的", "原来的什么职务被免了" are about 黄凡.
            pq = replace(parse_question(part, f"{named}{_PRONOUN.sub('', part)}"), names=(named,))
        pq = resolve_words(pq, retriever)  # as the whole question's words were ("管养|狗" -> 养狗)
        if pq.asks_validity and (period := _period(context.document(_validity_source(pq, own[i], picks, hits, retriever,
                                                                                   config, context, compared)))):
            # "在哪个系统上报？这个细则管到什么时候？": the period the document found prints, as validity() quotes it
            picks += [e for e in period[1] if e not in picks]
            continue
        part_scored = score_sentences(pq, hits, retriever, config, context, text=pq.query)
        # A grade the part names ("刚评上二甲，能拿多少奖励？") is checked for the part, as for a whole question; the
        # question as a whole was not, a later part may ask of a rule for every grade ("…能两边都拿吗？").
        levels = level_constraints(part)
        part_scored = [s for s in part_scored if all(supports(c, s.hit) for c in levels)] or part_scored
        # As for a whole question (answerer): the item printing the person a part names is what it asks about, in
        # its own words ("这次新任什么职务" of 陈乃华: "陈乃华任…队长").
        person = bool(part_scored) and person_in_top(pq, [max(part_scored, key=lambda s: s.score).hit])
        if not part_scored or uncovered_topics(pq, retriever) and not person or unstated_attribute(pq, part_scored):
            notes.append(_not_found(part))
            continue
        if evidence(pq, part_scored, config) < config.abstain_threshold:
            # Not found, unless its best clause is what another part quotes and holds a word of this part's own
            # (checked once all parts are answered): "单件最多补多少？" after "补贴多少？".
            weak[part] = max(part_scored, key=lambda s: s.score).hit
            continue
        chosen = {p.hit.clause_id for p in picks}
        leader = max(part_scored, key=lambda s: s.score)
        top = leader.score
        # A clause naming another thing compared ("郑州机场") that lacks a word of this part's own its best clause has
        # ("西安机场…第五航权") is the earlier part's, not this one's.
        others = [w for j, words in enumerate(own) if j != i for w in words]
        if compared and own[i]:
            # A clause naming only another thing compared ("独生子女…赡养老人") is that one's, not this part's ("孩子上
            # 学的扣除"), however many words of the question around both it shares.
            part_scored = [s for s in part_scored if _holds_any(own[i], s.hit) or not _holds_any(others, s.hit)] \
                or part_scored
            leader = max(part_scored, key=lambda s: s.score)
            top = leader.score
            if all(_holds_any([w], leader.hit) for w in own[i]) and not _holds_any(others, leader.hit):
                # Where the best clause names this thing alone, one naming the others too ("智能汽车…生命健康产业小镇"
                # in a list of places) is no answer to it.
                part_scored = [s for s in part_scored if not _holds_any(others, s.hit)]
        leaders = [w for w in own[i] if _holds_any([w], leader.hit)] if compared else []
        # ("它的办公室放在哪里？" after "…主任是谁？": not in the members' list quoted when another clause names 办公室)
        elsewhere = [s for s in part_scored if s.hit.clause_id not in chosen and _holds_any(pq.words, s.hit)]
        staying = [s for s in part_scored if s.hit.clause_id in chosen and s.score >= top - config.part_stay_margin
                   and not (elsewhere and not _holds_any(pq.words, s.hit))
                   and not (_ASKS_PEOPLE.search(part) and not _PEOPLE.search(s.sentence.text))
                   # one of two things compared is found where its own words are ("深圳申办大运会"), not the other's
                   and not (compared and own[i] and not _holds_any(own[i], s.hit))
                   and not (leaders and _holds_any(others, s.hit) and any(not _holds_any([w], s.hit) for w in leaders))]
        # "国家级和省级…分别指什么": each thing compared may head a clause of its own (1.2.2 省级（Ⅱ级）), though the other's
        # clause names it in passing ("超过省级人民政府处置能力").
        headed = [s for s in part_scored if s.score >= top - config.several_window
                  and _headed_by(s.hit.heading, own[i])] if compared else []
        if headed:
            part_scored = headed
        elif staying:
            # A later part without a subject of its own ("有试用期吗？") is about what the first part found.
            part_scored = staying
        selection = select(part_scored, config, pq)
        if _other_documents_fact(pq, selection.scored[0], part_scored, hits, _asked_only(pq)) is not None:
            notes.append(_not_found(part))  # "49号的补助在哪个系统申报": 491号's system is for its own rewards
            declined = True
            continue
        direct = direct or selection.direct
        found = list(selection.excerpts[:2])
        if (AMOUNT in pq.kinds or pq.ceiling) and not any(has_fact(AMOUNT, e.quote, pq) for e in found):
            # "房租补贴和免费办公用房…各自有什么上限": the clause found heads items (491号 二（二） 办公用房优惠), and the
            # one the part names states the figure (二（二）1 房租补助 "…最高不超过10万元/年").
            found += [whole(c) for c in context.children(selection.scored[0].hit)
                      if has_fact(AMOUNT, c.text, pq) and _holds_own_word(part, c)][:1]
        counting = bool(pq.action and (pq.form == COUNT or _PEOPLE_COUNTED.search(part)))
        if pq.action and (PERSON in pq.kinds or pq.form == ENUMERATION or counting):
            siblings = _siblings(selection.scored[0], selection.scored, config, config.w_list)
            if counting:
                # "任命了几个人", "任了几个、免了几个": the items of the post asked, counted (总工程师 is not 副主任)
                post = _post_of(selection.scored[0].sentence.text)
                found = found[:1] + [e for e in siblings if _post_of(e.quote) == post]
                counted += 1
                notes.append(f"（{part.rstrip('、，,？?。；;')}：共{len(found)}项，系按引文条目计数得出。）")
            else:
                found += siblings
        for e in _support(found, selection.scored[0].hit, config):
            if not any(p.hit.clause_id == e.hit.clause_id and p.start <= e.start and e.end <= p.end for p in picks):
                picks.append(e)
    if not picks and declined:
        # Each part's fact is found only in another document than the one asked about ("49号的补助在哪个系统申报？
        # 每年几月份申报？": 491号's system): what the gazette says of the subject is quoted, the facts declined.
        best = max(scored, key=lambda s: s.score)
        return partial(q.text, excerpt([best]), hits, missing_detail(q.factual), rewritten, evidence_, declined=True)
    if not picks:
        return factoid(q, scored, hits, config, context, rewritten, evidence_)
    quoted = {p.hit.clause_id for p in picks}
    for part, hit in weak.items():
        if hit.clause_id in quoted and _holds_own_word(part, hit):
            continue  # answered by what another part quotes ("补贴多少？单件最多补多少？")
        if hit.clause_id not in quoted and len(hit.text) <= config.whole_clause_chars \
                and any(_beside(hit, p.hit, context, config) for p in picks) and _holds_own_word(part, hit):
            # "房租最多补多少？办公室面积有没有上限？": the item next to the one the first part quotes (二（二）1 房租补助,
            # 二（二）2 "…原则上不超过100平方米") answers the later part, though its words alone match it weakly.
            picks.append(whole(hit))
            continue
        notes.append(_not_found(part))
    picks = _unique(picks + _naming(q, hits, config))
    picks = _unique(picks + _each_named(q, scored, picks, config))
    kinds = q.factual - ({AMOUNT} if counted else set())  # a count made from the items is the figure asked
    figures = kinds & {AMOUNT, DATE, CHANNEL, LOCALITY, VENUE}
    if all(_checkable(pq, figures) for pq in parts) \
            and not any(_gives(pq, figures, p.quote) for p in picks for pq in parts):
        # Every part asks a figure (a sum, a date, a district, a venue, a system), the papers an application takes or
        # the conditions it must meet, and no quote gives one ("国家每年拿出多少钱…？其中人民银行出多少？" where the
        # text prints "XXX元"; "在哪个系统申报？截止日期是哪天？"; "要交哪些材料、多久能办好？"; "迁到北京哪个区？占地多
        # 少？"; "要满足哪些条件？注册资本至少多少？"): declined, as a single figure the gazette does not give. A count is
        # no such figure: the items quoted are counted ("常务会议开了几次？分别是哪天？": the chronicle's days).
        missing = missing_detail(figures) + (["所需材料"] if any(pq.asks_materials for pq in parts) else []) \
            + (["具体条件"] if any(pq.asks_conditions for pq in parts) else [])
        return partial(q.text, picks[0], hits, missing, rewritten, evidence_, declined=True)
    # Items keep their list heading as a single question's do ("詹尔成…升了新职务，还是被免职了？": 免去).
    return compose(q.text, picks, hits, kinds=kinds, asked=q, direct=direct, notes=notes, rewritten=rewritten,
                   evidence=evidence_, headings=_list_headings(picks, scored, context))


def _checkable(pq: Question, figures: set[str]) -> bool:
    """The part asks something a quote either gives or not: a figure (not a count), the papers to hand in or the
    conditions to meet."""
    return bool(pq.kinds & figures) and pq.form != COUNT and not ASKS_TIMES.search(pq.query) or pq.asks_materials \
        or pq.asks_conditions


def _gives(pq: Question, figures: set[str], quote: str) -> bool:
    """The quote gives what the part asks: a figure of the kind asked, papers, or conditions."""
    return any(has_fact(k, quote, pq) for k in pq.kinds & figures) \
        or pq.asks_materials and bool(MATERIALS.search(quote)) or pq.asks_conditions and bool(CONDITIONS.search(quote))


def _headed_by(heading: str | None, words: Sequence[str]) -> bool:
    """The heading is one of the words, but for an aside in brackets ("省级（Ⅱ级）")."""
    name = BRACKETED.sub("", heading or "").strip()
    return bool(name) and any(w in name and len(w) >= _NAME_SHARE * len(name) for w in words)


def _holds_any(words: Sequence[str], hit: ClauseHit) -> bool:
    """The clause (heading or text) holds one of the words."""
    text = f"{hit.heading or ''}\n{hit.text}"
    return any(credit(w, text) >= 0.5 for w in words)


def _beside(hit: ClauseHit, other: ClauseHit, context: Context, config: AnswerConfig) -> bool:
    """Two items of one short list: clauses of the same part, which has no more items than a list is quoted with
    (二（二）1 房租补助 and 二（二）2 免费自用办公用房 of 办公用房优惠; rows of one table). Not two of a long section's
    items (三（十） and 三（十一） of 49号's twenty policies)."""
    parent, others = context.parent(hit), context.parent(other)
    return hit.clause_id != other.clause_id and parent is not None and others is not None \
        and parent.clause_id == others.clause_id \
        and len(context.children(parent)) <= config.list_items


def _not_found(part: str) -> str:
    return f"关于{part.rstrip('？?。；;')}，公报中没有找到相关规定。"


def _holds_own_word(part: str, hit: ClauseHit) -> bool:
    """The clause holds a content word of the part itself (not one it takes from the first part), or it has none."""
    own = parse_question(part)
    text = f"{hit.heading or ''}\n{hit.text}"
    return not own.words or any(credit(w, text, own.alternatives(w)) >= 0.5 for w in own.words)


# A part asking for people ("哪些市领导去了？") stays with the clause the first part found only if it names someone:
# a post printed before a name ("市长姚高员").
_ASKS_PEOPLE = re.compile(r"谁|哪位|哪几位|哪些人|领导")
_PEOPLE = re.compile(rf"{POST_BEFORE_NAME}[\u4e00-\u9fff]{{2,3}}")


def _post_of(text: str) -> str | None:
    """The post a personnel item names; an aside in brackets ("（试用期一年）") is not part of it."""
    item = personnel_item(BRACKETED.sub("", text))
    return item[1] if item else None


def _person_named(picks: Sequence[Excerpt]) -> str | None:
    """The person a personnel item already quoted names ("黄凡任温州市应急指挥服务保障中心主任")."""
    return next((name for p in picks if names_post(p.quote) and (name := item_person(p.quote))), None)


# Share of a heading a word must make up to be its name ("省级" of "省级（Ⅱ级）", not of "推动省级平台建设").
_NAME_SHARE = 0.6
# A clause printing a name is quoted whole for a question naming that person only when it is an item this short.
_NAMING_CHARS = 120
# Share of a section heading's characters the question's words must cover for the question to name the section.
_HEADING_SHARE = 0.6
# A section named by its heading's words alone is asked about only above one of the best clauses found.
_NAMING_RANK = 3
# A section printing its items inline that the question names by half its heading ("需要进一步调研、论证，待条件成熟后
# 提出的立法项目（4件）" by 进一步|调研|条件成熟|立法|项目) keeps out sections named by less of theirs (…规章项目).
_INLINE_SHARE = 0.5


def asks_whole_document(q: Question) -> bool:
    """"47号文主要讲了什么", "那篇文章讲的是什么", "25号文回复了哪几方面问题": what a document as a whole is about,
    not one clause of it."""
    if q.intent.clause_refs:
        return False
    return q.form == OVERVIEW and bool(_WHOLE_DOCUMENT.search(q.query)) \
        or q.form == ENUMERATION and (bool(q.intent.doc_mentions) and bool(_ASPECTS.search(q.query))
                                      or bool(_DOCUMENT_LISTS.search(q.query)))


def document_overview(q: Question, hits: Sequence[ClauseHit], context: Context, config: AnswerConfig,
                      rewritten: str | None, evidence_: float) -> Answer:
    """The top hit's document: its opening clause (the preamble or first paragraph says what it is for), quoted
    whole when short, and its top-level sections named by their headings."""
    clauses = context.document(hits[0]) or [hits[0]]
    first = next((c for c in clauses if c.text.strip() and not looks_like_injection(c.text)), hits[0])
    sentences = split_sentences(first.text)
    opening = whole(first) if len(first.text) <= config.whole_clause_chars or len(sentences) < 3 \
        or _short_document(first, context, config) else span(first, sentences[0].start, sentences[1].end)
    sections = [f"{c.label}{'、' if _CN_NUMERAL.fullmatch(c.label) else ' '}{c.heading}"
                for c in clauses if len(c.path) == 1 and c.heading]
    notes = [f"（全文包括：{'；'.join(sections)}。）"] if len(sections) >= 2 else []
    picks = [opening]
    if not notes or q.form == ENUMERATION:
        # Parts numbered without headings (一、…二、…), or the parts asked for ("哪几方面"): each says what it is
        # about in its first sentence (of its first item, when it is a heading over items).
        bodies = [c if c.text.strip() else next((k for k in context.children(c) if k.text.strip()), None)
                  for c in clauses if len(c.path) == 1 and c.clause_id != first.clause_id and c.label != CLOSING]
        bodies = [b for b in bodies if b is not None]
        if len(bodies) >= 2:
            # Parts no longer together than a clause quoted whole are quoted whole: a part's first sentence may only
            # set the scene ("日军遗弃化学武器是历史遗留问题，…。因此，这项工作由外交部和总参谋部统一归口管理").
            brief = sum(len(b.text) for b in bodies[: config.list_items]) <= config.whole_clause_chars \
                or _short_document(first, context, config)
            picks += [whole(b) if brief else span(b, (s := _first_worded(b.text)).start, s.end)
                      for b in bodies[: config.list_items]]
            if len(bodies) > config.list_items:
                notes.append(f"（共{len(bodies)}部分，以上列出前{config.list_items}部分。）")
    elif (lead := next((c for c in clauses if len(c.path) == 1 and c.heading and c.clause_id != first.clause_id
                        and not c.label.startswith("附件")), None)) is not None:
        # Parts under headings: the first says what the whole sets out to do (一、总体要求, 一、总体思路与目标 (一) "…打造
        # …示范区"), past a cover note or preamble; its first clause with text is quoted as the document's own opening.
        body = lead if lead.text.strip() else next((k for k in context.children(lead) if k.text.strip()), None)
        if body is not None:
            picks.append(whole(body) if len(body.text) <= config.whole_clause_chars
                         else span(body, (s := _first_worded(body.text)).start, s.end))
    return compose(q.text, picks, hits, notes=notes, rewritten=rewritten, evidence=evidence_)


def listed_section(q: Question, hits: Sequence[ClauseHit], context: Context, config: AnswerConfig) -> ClauseHit | None:
    """The section a list question names by its heading ("重点任务有哪几项" → 二、重点任务; "5件规章是哪些" →
    需要制定、修订的规章项目（5件））, among the retrieved clauses and the sections above them: its items answer.
    Named means the question's words cover most of the heading, or some of it and the count asked equals its items
    (when no sentence of the document lists that many). None for a question that asks for no list."""
    if q.form not in (OVERVIEW, ENUMERATION, COUNT):
        return None
    asked = _asked_noun(q)
    best, best_key = None, None
    named_inline = False
    seen: set[int] = set()
    for rank, hit in enumerate(hits[: config.top_clauses]):
        for c in (hit, *context.ancestors(hit)):
            if c is None or c.clause_id in seen or not c.heading:
                continue
            seen.add(c.clause_id)
            children = context.children(c)
            heading = plain_heading(c.heading)
            matched, share = _heading_match(q, heading)
            if len([x for x in children if x.text.strip()]) < 2:
                # A section the question names that prints its items in its own text ("需要进一步调研…的立法项目（4
                # 件）": "…立法；…立法；…"): no other section answers for it by the word its heading ends with.
                named_inline = named_inline or _named_inline(q, c) and context.same_document(c, hits[0])
                continue
            counted = bool(q.count) and q.count == len(children) and matched >= 2
            # "49号文一共有多少条措施": a count of what a section's heading (or one of its coordinated parts) ends
            # with ("支持政策与措施", "主要任务和发展重点"), only in a document the question names by number: a
            # generic word (项目) ends many headings.
            # A heading of two clauses ("统筹两个市场，打造加工制造中心") names an action, not a kind of item.
            headed = q.form == COUNT and bool(q.intent.doc_mentions) and not re.search(r"[，,；;]", c.heading) and any(
                part.endswith(w) for part in re.split(r"[和与及]", heading) for w in q.measured or q.words if len(w) >= 2)
            # "…都有哪些保障？": the part of the document asked for is a section of the best clause's document.
            part_named = q.form != COUNT and (_heads(asked, heading) or _headed_alike(children, q)) \
                and context.same_document(c, hits[0])
            if share < _HEADING_SHARE and not headed and not part_named \
                    and not (counted and not _listed_in_document(c, q, context)):
                continue  # named by the count alone, a sentence listing that many items answers better
            if rank >= _NAMING_RANK and not (counted or headed or part_named):
                continue  # "执业还得满足什么条件": 第三章 专利代理执业, above a clause ranked far below 第十一条, is not asked
            key = (counted, share, -rank)
            if best_key is None or key > best_key:
                best, best_key = c, key
    if named_inline and best_key is not None and best_key[1] < _INLINE_SHARE:
        return None  # named by its heading's last word only (项目), while another section is named by most of it
    return best


def _singled_out(q: Question, section: ClauseHit, context: Context) -> ClauseHit:
    """The one subsection a word of the question outside the section's heading singles out, where it prints items
    of its own ("清理整顿…哪些情况下社团会被撤销": 三（五） "对存在下列问题的社会团体予以撤销", not 三 and all its
    parts); the section itself otherwise."""
    heading = plain_heading(section.heading or "")
    children = [c for c in context.children(section) if c.text.strip()]
    words = [w for w in set(q.words) - GENERIC_NOUNS if w not in heading]
    holding = [[c for c in children if w in f"{c.heading or ''}{c.text}"] for w in words]
    single = {h[0].clause_id for h in holding if len(h) == 1}
    if len(single) != 1:
        return section
    child = next(c for c in children if c.clause_id in single)
    return child if len([c for c in context.children(child) if c.text.strip()]) >= 2 else section


def _heading_match(q: Question, heading: str) -> tuple[int, float]:
    """Characters of a plain heading the question's words cover, and their share. Generic nouns (要求, 情况) name no
    section: "工作要求" is not named by "…要求人大工作…"."""
    matched = sum(len(w) for w in set(q.words) - GENERIC_NOUNS if w in heading)
    return matched, matched / max(len(heading), 1)


def _names_heading(q: Question, hit: ClauseHit) -> bool:
    """The question names the hit's section by most of its heading ("7号提出建立煤矿安全生产长效机制，包括哪几方面"
    for 二、建立煤矿安全生产长效机制): the aspects asked are that section's, not the document's."""
    return _heading_match(q, plain_heading(hit.heading))[1] >= _HEADING_SHARE


def _named_inline(q: Question, hit: ClauseHit) -> bool:
    """A section the question names by most of its heading that prints its items in its own text ("发展目标":
    "到2021年，…增速15%，…30%以上；…培育潜在独角兽企业10家以上；…")."""
    return bool(hit.heading) and _heading_match(q, plain_heading(hit.heading))[1] >= _INLINE_SHARE \
        and len(_inline_items(hit.text)) >= 2


def _inline_items(text: str) -> list[str]:
    """Items a clause lists in its own text, separated by semicolons."""
    return [p for p in re.split(r"[；;]", text) if p.strip(" 。\n")]


_ASKED_AFTER = re.compile(r"(?:哪些|哪几(?:个|项|条|类|种|方面)?|什么)([\u4e00-\u9fff]{2,})")
# A kind of item named by one character after the question word ("建成哪些类型的区", "哪几类区"): the items listed end
# with it ("科技成果转化示范区、…、转型升级引领区").
_ONE_CHARACTER_KIND = re.compile(r"(?:哪些|哪几)(?:(?:类型|种类|类|种)的?[“\"]?([\u4e00-\u9fff])[”\"]?"
                                 r"|[“\"]([\u4e00-\u9fff])[”\"])(?=[？?。，,]|$)")


# The parts policy documents are built of (公文 structure: 主要任务, 保障措施, 基本原则…), as a list question names them.
_SECTION_NOUNS = frozenset("任务 措施 举措 保障 机制 目标 原则 步骤 分工 优惠 补贴 补助 奖励 扶持 好处".split())
# What residents call the benefits a policy grants ("能享受哪些好处") is headed in the policy's own words.
_HEADED_AS = {"好处": ("优惠", "扶持", "奖励", "补贴", "补助", "支持")}


def _heads(asked: str | None, heading: str) -> bool:
    """The heading names the part of a document asked for ("哪些保障" -> 保障措施; "哪些好处" -> 优惠政策事项)."""
    return asked is not None and any(a in heading for a in _HEADED_AS.get(asked, (asked,)))


# Words official texts use alike for what is done ("采取了以下几方面的措施" answers "说了哪些做法").
_ACTION_NOUNS = frozenset("措施 举措 做法 办法".split())


def _names_asked(q: Question, text: str) -> bool:
    """The text names what a list question asks for, after 哪些/什么 ("哪些方面的措施": 方面, 措施; a 做法 asked is
    named as 措施)."""
    m = _ASKED_AFTER.search(q.query)
    asked = [t for t in tokenizer().cut(m.group(1)) if len(t) >= 2] if m else []
    return any(t in text for t in asked) or bool(_ACTION_NOUNS & set(asked)) and any(n in text for n in _ACTION_NOUNS)


# What a reply or notice says it sets out next ("现批复如下：", "现将有关情况函复如下："), and the words a question names
# the same act with (复函 for 函复).
_ACT_INTRODUCED = re.compile(r"(批复|答复|函复|通知|通报)如下[：:]?$")
_ACT_NAMES = {"函复": ("函复", "复函")}


def _act_asked(q: Question, text: str) -> bool:
    """The question asks what the reply or notice whose preamble ends on the text sets out, naming its act."""
    m = _ACT_INTRODUCED.search(text.strip())
    return bool(m) and any(a in q.query for a in _ACT_NAMES.get(m.group(1), (m.group(1),)))


def _headed_alike(items: Sequence[ClauseHit], q: Question) -> bool:
    """At least _PARALLEL_MIN items whose headings open with the verb a list question asks with ("鼓励发展哪些类型的
    医疗服务": 发展全科医疗, 发展特色专科, 发展精准医学…): the section lists what is asked."""
    m = _VERB_ASKING.search(q.query) if q.form == ENUMERATION else None
    return bool(m) and sum((c.heading or "").startswith(m.group(1)) for c in items) >= _PARALLEL_MIN


# The two characters right before 哪些/哪几/什么: the verb a list is asked with ("发展哪些").
_VERB_ASKING = re.compile(r"([\u4e00-\u9fff]{2})(?:哪些|哪几|什么)")


def _asked_noun(q: Question) -> str | None:
    """The part of a document a list question asks for, named right after 哪些/什么 ("有哪些保障安排" -> 保障)."""
    m = _ASKED_AFTER.search(q.query)
    tokens = list(tokenizer().cut(m.group(1))) if m else []
    # "哪些主要任务", "哪些重点任务"; or the head after a short modifier ("哪些财政上的优惠").
    heads = tokens[:2] + [tokens[i + 1] for i in range(min(3, len(tokens) - 1)) if tokens[i] == "的"]
    for token in heads:
        noun = next((n for n in _SECTION_NOUNS if token.endswith(n)), None)
        if noun:
            return noun
    return None


# Measure words a count of items is printed with ("130项", "共5件").
_MEASURES = "项个件条家所类"


def section(q: Question, named: ClauseHit, hits: Sequence[ClauseHit], config: AnswerConfig, context: Context,
            rewritten: str | None, evidence_: float) -> Answer:
    """The items of a section the question names, each quoted (whole when short, else its first sentence) under its
    heading; a count the heading does not print is marked as counted."""
    items = [c for c in context.children(named) if c.text.strip()]
    picks = []
    for c in items[: config.list_items]:
        if looks_like_injection(c.text):
            continue  # instructions planted in a document are never quoted
        if len(c.text) <= config.whole_clause_chars:
            picks.append(whole(c))
        else:
            first = _first_worded(c.text)
            picks.append(span(c, first.start, first.end))
    # A lead-in that names every item ("下设监督组、专家组、集中采购小组") is the direct answer, before the items.
    lead = next((s for s in split_sentences(named.text) if any(_items(p) == len(items) for p in _pieces(s.text))),
                None) if len(items) >= 2 else None
    direct = span(named, lead.start, lead.end) if lead is not None else None
    if direct is None and q.form == COUNT:
        # "一共通报表扬了多少项": the count the document prints of them ("…等130项地方典型经验做法予以通报表扬") is
        # the answer, before the items it counts.
        direct = _count_printed(named, len(items), context)
    if direct is not None:
        picks.insert(0, direct)
    notes = []
    # Unquoted: a note in quote marks that cites nothing is dropped by verification.
    counted = "，系按条目计数得出" if q.form == COUNT and not _NUMBER.search(named.heading or "") else ""
    name = f"{named.label}{'、' if re.search(r'[一二三四五六七八九十]$', named.label or '') else ''}{named.heading}"
    total = "" if re.search(rf"共\s*{len(items)}\s*[{_MEASURES}]", named.heading or "") else f"共{len(items)}项"
    if len(items) > config.list_items:
        notes.append(f"（{name}{total}{counted}；以上列出前{config.list_items}项。）")
    elif counted:
        notes.append(f"（{name}{total}{counted}。）")
    # The list is what is asked for: no note that the quotes lack an amount ("有哪几项" reads as a count).
    return compose(q.text, picks, hits, direct=direct, notes=notes, rewritten=rewritten, evidence=evidence_)


def _count_printed(named: ClauseHit, n: int, context: Context) -> Excerpt | None:
    """The sentence of the named section's document, outside the section, that prints its count of the items of the
    kind the heading names ("130项地方典型经验做法" for 附件 "…典型经验做法（共130项）")."""
    heading = set(content_words(BRACKETED.sub("", named.heading or "")))
    inside = {named.clause_id, *(c.clause_id for c in context.children(named))}
    for c in context.document(named):
        if c.clause_id in inside:
            continue
        for sentence in split_sentences(c.text):
            for m in re.finditer(rf"(?<![\d.]){n}\s*[{_MEASURES}]([^，,。；;]{{0,12}})", sentence.text):
                if any(len(w) >= 2 and w in m.group(1) for w in heading):
                    return span(c, sentence.start, sentence.end)
    return None


def _anchor(picks: list[Excerpt], hits: Sequence[ClauseHit], scored: Sequence[ScoredSentence],
            config: AnswerConfig) -> list[Excerpt]:
    """The clause retrieval ranks first joins the quotes when the sentence scores chose another: retrieval weighs
    the whole clause (title, heading, every sentence) and is right more often than any one sentence's score, so the
    fact asked for is then quoted either way. Whole when short, else its best sentence."""
    if not hits or any(p.hit.clause_id == hits[0].clause_id for p in picks):
        return picks
    own = [s for s in scored if s.hit.clause_id == hits[0].clause_id]
    top = hits[0]
    if not top.text.strip():
        return picks
    if len(top.text) <= config.whole_clause_chars and not looks_like_injection(top.text):
        extra = whole(top)
    elif own:
        extra = excerpt([max(own, key=lambda s: s.score)])
    else:
        return picks
    return picks[:1] + [extra] + picks[1:]


def _naming(q: Question, hits: Sequence[ClauseHit], config: AnswerConfig) -> list[Excerpt]:
    """Personnel items among the retrieved clauses that print a person the question names: "X任了什么、免了什么" is
    answered by every item naming X, appointment and removal alike."""
    if q.action and not (APPOINT.search(q.query) and REMOVE.search(q.query)):
        return []  # one half of the list is asked for
    return [whole(h) for h in hits[: config.top_clauses] if q.names and len(h.text) <= _NAMING_CHARS
            and names_post(h.text) and any(n in h.text for n in q.names)][: config.list_items]


def _each_named(q: Question, scored: Sequence[ScoredSentence], picks: Sequence[Excerpt],
                config: AnswerConfig) -> list[Excerpt]:
    """A question naming two documents or more ("对比国办函〔2004〕36号和国办函〔2004〕88号…") is answered from each:
    the best sentence of a named document no pick quotes yet, with its clause as support. So is one naming two days
    or more ("7月10日和11日的行程"), from each day's chronicle entry."""
    out: list[Excerpt] = []
    if len(q.intent.days) >= 2:
        entries = {p.hit.clause_id for p in picks}
        for day in q.intent.days:
            own = [s for s in scored if replace(q.intent, days=(day,)).names_day(s.hit)]
            if own and not entries & {s.hit.clause_id for s in own}:
                best = max(own, key=lambda s: s.score)
                entries.add(best.hit.clause_id)
                out += _support([excerpt([best])], best.hit, config)
    if len(q.intent.doc_mentions) < 2:
        return out
    quoted = {p.hit.doc_number for p in picks}
    for mention in q.intent.doc_mentions:
        own = [s for s in scored if mention.matches(s.hit.doc_number) and s.hit.doc_number not in quoted]
        if own:
            best = max(own, key=lambda s: s.score)
            quoted.add(best.hit.doc_number)
            out += _support([excerpt([best])], best.hit, config)
    return out


def _lead_in_items(hit: ClauseHit, context: Context) -> list[ClauseHit]:
    """The items of a clause that ends by introducing them ("……提出了以下意见：", a paragraph "免去："): what it says is
    in them."""
    if not introduces_items(hit.text):
        return []
    return [c for c in context.children(hit) or context.listed_after(hit) or context.parts_after_preamble(hit)
            if c.text.strip()]


def _parts_introduced(preamble: ClauseHit, context: Context) -> list[ClauseHit]:
    """The numbered parts a preamble ending "…采取了以下几方面的措施：" introduces, its closing words left out."""
    return [c for c in context.numbered_parts(preamble) if c.text.strip() and c.label != CLOSING]


def _quoted_items(items: Sequence[ClauseHit], config: AnswerConfig) -> list[Excerpt]:
    return [whole(c) for c in items[: config.list_items]
            if len(c.text) <= config.whole_clause_chars and not looks_like_injection(c.text)]


def _opening(text: str) -> Sentence:
    """The first sentence that says something: an attachment opens with an addressee ("国务院") or a title line."""
    return next((s for s in split_sentences(text) if len(s.text) >= 8), _first_worded(text))


def _first_worded(text: str) -> Sentence:
    """The first sentence with words in it: a table row's first line may be its number alone ("1")."""
    sentences = split_sentences(text)
    return next((s for s in sentences if len(re.findall(r"[\u4e00-\u9fff]", s.text)) >= 2), sentences[0])


def _contrasted_sections(q: Question, hits: Sequence[ClauseHit], context: Context,
                         config: AnswerConfig) -> list[Excerpt]:
    """"地方综合贡献度奖励和办公用房优惠…有什么不同": when each thing set against the other heads a section of the
    best-ranked document (三（二）1 地方综合贡献度奖励事项, 三（二）2 办公用房优惠事项), both sections, quoted in turn."""
    items = contrasted_items(q.query)
    if not items or not hits:
        return []
    clauses = context.document(hits[0])
    first, second = ([c for c in clauses if c.text.strip() and item in BRACKETED.sub("", c.heading or "")]
                     for item in items)
    # Sections of one part, the part the question's other words name best ("审核流程": 三、（二）审核程序, not the
    # policy's own part 二 whose sections are headed alike).
    pairs = [(a, b) for a in first for b in second
             if a.clause_id != b.clause_id and (pa := context.parent(a)) is not None
             and pa.clause_id == getattr(context.parent(b), "clause_id", None)]
    if not pairs:
        return []
    # by the question's other words: not those of the things contrasted nor of their headings ("…事项")
    named = "".join(items) + "".join(c.heading or "" for c in first + second)
    rest = [w for w in q.words if w not in named]
    found = max(pairs, key=lambda ab: sum(w in (context.parent(ab[0]).heading or "") for w in rest))
    return [whole(c) if len(c.text) <= config.whole_clause_chars
            else span(c, (opening := _first_worded(c.text)).start, opening.end) for c in found]


def _unique(picks: Sequence[Excerpt]) -> list[Excerpt]:
    """Excerpts without repeats or spans inside another excerpt of the same clause."""
    out: list[Excerpt] = []
    for p in picks:
        if not any(o.hit.clause_id == p.hit.clause_id and o.start <= p.start and p.end <= o.end for o in out):
            out.append(p)
    return out


def _support(picks: list[Excerpt], best: ClauseHit, config: AnswerConfig) -> list[Excerpt]:
    """Each picked clause quoted whole when it is short (the fact may sit in its next sentence); the best clause,
    when long, with the sentence after its excerpt; other long clauses as picked."""
    out = []
    for p in picks:
        if len(p.hit.text) <= config.whole_clause_chars and not looks_like_injection(p.hit.text):
            out.append(whole(p.hit))
        else:
            out.append(_widen(p, config) if p.hit.clause_id == best.clause_id else p)
    return out


_WHOLE_REPLY = 2


# A sentence opening on what the one before it named ("会议决定…", "该办法…", "上述措施…"): it says what it is of there.
_REFERS_BACK = re.compile(r"(会议|全会)|该|此(?!外)|上述|这些|这一|这项|这次")


def _from_antecedent(p: Excerpt) -> Excerpt:
    """The excerpt from the sentence naming what its first sentence refers back to, in its paragraph: the sentence
    before it, or for a meeting, the last one before it naming the meeting ("…主持召开国务院常务会议…。做好这项工作
    ，…。会议决定…")."""
    m = _REFERS_BACK.match(p.quote)
    if not m:
        return p
    paragraph = p.hit.text.rfind("\n", 0, p.start) + 1
    before = [s for s in split_sentences(p.hit.text) if paragraph <= s.start and s.end <= p.start]
    if m.group(1):
        # not another sentence of what it said ("会议指出，…。会议强调，…"): the one naming the meeting
        before = [s for s in before[-3:] if m.group(1) in s.text and not _REFERS_BACK.match(s.text)][-1:]
    return span(p.hit, before[-1].start, p.end) if before else p


def _widen(p: Excerpt, config: AnswerConfig) -> Excerpt:
    """An excerpt of a long clause with the sentence after it: the sentence that matches the question often only
    names the subject ("……的建议收悉"), the next one states what is asked; and from the sentence before it where it
    refers back to what that one names."""
    p = _from_antecedent(p)
    following = [s for s in split_sentences(p.hit.text) if s.start >= p.end]
    end = p.end
    if not introduces_items(p.hit.text[p.start:p.end + 1]):
        window = following[:config.window_after]
        if not window or not introduces_items(window[-1].text):
            return span(p.hit, p.start, window[-1].end) if window else p
        # "……收悉。经研究，答复如下：": the sentence after it introduces the answer; quote that too.
        following, end = following[len(window):], window[-1].end
    # "经研究，答复如下：": what it introduces is the answer: all of it when it is no longer than two short clauses
    # (a reply letter's conclusion comes last: "总的来看，……渠道是畅通的"), else as much as a short clause would quote.
    if not following or following[-1].end - end > _WHOLE_REPLY * config.whole_clause_chars:
        following = _within(following, end, config)
    return span(p.hit, p.start, following[-1].end) if following else span(p.hit, p.start, end)


def _run_on(best: ScoredSentence, config: AnswerConfig) -> Excerpt:
    """The best sentence of a long clause and those after it, as many as a short clause would quote: a list
    question ("有哪些支持措施") is answered by the measures a clause states one sentence each."""
    following = [s for s in split_sentences(best.hit.text) if s.start >= best.sentence.start]
    return span(best.hit, best.sentence.start, _within(following, best.sentence.start, config)[-1].end)


def _within(sentences: Sequence[Sentence], origin: int, config: AnswerConfig) -> Sequence[Sentence]:
    """The sentences that end within a short clause's length of origin; at least the first."""
    return [s for s in sentences if s.end - origin <= config.whole_clause_chars] or sentences[:1]


# A sentence's lead, past a short preface ("会议强调，"): parallel sentences repeat it ("要坚持…；要坚持…；") or number
# themselves ("一是…；二是…").
_PREFACE = re.compile(r"^[^，,。；;]{1,6}[，,]")
_LEAD = re.compile(r"[\u4e00-\u9fff]{3}")
_ORDINAL_LEAD = re.compile(r"^(?:[一二三四五六七八九十]是|第[一二三四五六七八九十]+[，,、]|其[一二三四五六七八九十][，,、])")
_PARALLEL_MIN = 3
_INLINE_ORDINAL = re.compile(r"[：:](?:一是|第一[，,、]|其一[，,、])")


def _lead(text: str) -> str | None:
    text = text.strip()
    unprefaced = _PREFACE.sub("", text)
    if _ORDINAL_LEAD.match(text) or _ORDINAL_LEAD.match(unprefaced):
        return "ordinal"
    m = _LEAD.match(unprefaced)
    return m.group(0) if m else None


# The opening a clause shares with its siblings when they are drafted in parallel.
_SIBLING_LEAD = 4


def _parallel_siblings(best: ScoredSentence, q: Question, context: Context) -> list[ClauseHit]:
    """The sibling items drafted like the best one: the same opening, and every word of the question its text holds
    ("修订" in "因为温州市机构改革，…修订《A》", not in the sibling "为了…制定《B》"). In document order; at least two,
    the best one among them."""
    parent = context.parent(best.hit)
    text = best.hit.text.strip()
    if parent is None or len(text) < _SIBLING_LEAD or ARTICLE_LABEL.fullmatch(best.hit.path[-1]):
        return []  # a statute's articles (第三十条, 第三十一条) are rules of their own, not items of a list
    siblings = [c for c in context.children(parent) if c.text.strip()]
    words = [w for w in q.words if w in text]
    run = [c for c in siblings
           if c.text.strip()[:_SIBLING_LEAD] == text[:_SIBLING_LEAD] and all(w in c.text for w in words)]
    return run if len(run) >= 2 and any(c.clause_id == best.hit.clause_id for c in run) else []


def _parallel_run(best: ScoredSentence, q: Question) -> Excerpt | None:
    """The best sentence with the run of parallel sentences it belongs to or introduces ("要坚持党的领导…；要坚持服务
    大局…；要坚持人民至上…", "…促进煤矿安全生产。一是…二是…三是…"): each is an item asked for. A repeated lead counts
    when it holds a word of the question; numbered items always do."""
    sentences = split_sentences(best.hit.text)
    after = [x for x in sentences if x.start > best.sentence.start]
    mine = _lead(best.sentence.text)
    if after and mine != "ordinal" and _lead(after[0].text) == "ordinal":
        mine, start = "ordinal", best.sentence.start  # the sentence introducing numbered items
    elif mine == "ordinal" or mine and any(w in mine for w in q.words if len(w) >= 2):
        start = None
    else:
        return None
    run = [x for x in sentences if _lead(x.text) == mine]
    # "…认真采纳：一是…；二是…": the introducing sentence holds the first item itself.
    opens = start is not None and _INLINE_ORDINAL.search(best.sentence.text) is not None
    if len(run) + opens < (2 if mine == "ordinal" else _PARALLEL_MIN) or start is None and best.sentence not in run:
        return None
    return span(best.hit, run[0].start if start is None else start, run[-1].end)


def _siblings(best: ScoredSentence, ranked: Sequence[ScoredSentence], config: AnswerConfig,
              margin: float | None = None) -> list[Excerpt]:
    """Other items of the same list that fit the question as well (two people appointed to the same post), within
    `margin` of the best (default same_clause_margin; a list question takes the wider list margin), or that name the
    same post."""
    margin = config.same_clause_margin if margin is None else margin
    post = _post_of(best.sentence.text)
    out = []
    for s in ranked:
        if len(out) >= config.list_items or s.hit.clause_id == best.hit.clause_id:
            continue
        same_list = s.lead == best.lead and s.hit.doc_number == best.hit.doc_number and s.hit.title == best.hit.title
        # an item naming the very post of the best one is asked about too ("哪三位督察专员"), however it scores
        if same_list and (s.score >= best.score - margin or post is not None and _post_of(s.sentence.text) == post):
            out.append(excerpt([s]))
    return out


def _list_headings(picks: Sequence[Excerpt], scored: Sequence[ScoredSentence], context: Context) -> dict[int, str]:
    """clause_id -> the list heading ("免去") a quoted item stands under, shown after its label like a clause
    heading, when the quote does not already include it."""
    out: dict[int, str] = {}
    by_start = {(s.hit.clause_id, s.sentence.start): s for s in scored}
    for p in picks:
        s = by_start.get((p.hit.clause_id, p.start))
        found = context.heading_span(s.hit, s.sentence) if s is not None else None
        if found is None:
            lead = context.lead_in(p.hit)  # set only for an item under a parent
            if lead and not any(other.hit.clause_id == context.parent(p.hit).clause_id for other in picks):
                out[p.hit.clause_id] = lead  # "（5）…影响应急使用的" is a case of "有下列行为之一的，依照…处理"
            continue
        hit, start, end = found
        if hit.clause_id == p.hit.clause_id and p.start <= start:
            continue  # the quote shows it
        out[p.hit.clause_id] = hit.text[start:end].rstrip("：: ")
    return out


def _list_of(hit: ClauseHit, context: Context) -> ClauseHit | None:
    """The clause a leaf item belongs to when that clause introduces its items (text or heading ending in "包括：")."""
    if context.children(hit):
        return None
    parent = context.parent(hit)
    if parent is None or not introduces_items(parent.text.strip() or parent.heading or ""):
        return None
    return parent


# A sentence whose colon opens items it goes on to list after its first ("…连续发生3起特大煤矿瓦斯爆炸事故：8月11日，
# 大同市杏儿沟煤矿…；"): the items are split at "；" into sentences of their own. Not a label before the colon ("重点方向：
# 重点发展…；"): a clause of its own.
_OPENS_INLINE_LIST = re.compile(r"^[^：:]{8,}[：:][^：:]+；$")


def _listness(text: str, n: int | None, words: Sequence[str] = (), each: Sequence[str] = (),
              kind: str | None = None, given: str = "") -> float:
    """How much a sentence reads as an enumeration: a phrase of several items ("A、B和C"; bracketed asides do not
    count), exactly n when the question says how many (or n clauses each naming what is counted, `each`), or a line
    ending with a colon that introduces a list. Half as much when the question names the kind of item ("哪些城市")
    and the sentence does not: its items are of another kind ("监测分析、定期通报、督促检查")."""
    if introduces_items(text):
        return 1.0
    if n:
        return 1.0 if _lists_exactly(text, n, words, given) or _names_each(text, n, each) else 0.0
    if _OPENS_INLINE_LIST.search(text):
        return 1.0
    if _opened_alike(text, words):
        return 1.0
    # A list the question itself gives ("乌鲁木齐、昌吉、石河子高新区…要建成哪几类区") is not the one it asks for; nor
    # one whose every item holds a word the question names its subject by ("子基金…能享受哪些好处": "子基金、子基金管理
    # 机构、…、子基金合伙人" lists who, not what).
    pieces = [p for p in _pieces(text) if not _restated(p, given) and not _lists_subject(p, words, given)]
    listed = min(max((_items(p) for p in pieces), default=1) - 1, 3) / 3
    if kind is not None and len(kind) == 1:
        # items of that kind end with it ("…示范区、…引领区"), not a list that only mentions one ("…高新区…")
        ending = re.findall(rf"[\u4e00-\u9fff]{{2,}}{kind}(?=[、和及与，,。；;”]|$)", text)
        return listed if len(ending) >= 2 else listed / 2
    return listed if kind is None or kind in text else listed / 2


def _item_kind(q: Question) -> str | None:
    """The kind of item a list question names right after 哪些/哪几个: the head of the noun phrase there ("哪些城市" ->
    城市, "哪几个高新区建设…" -> 高新区); None when a verb or a clause comes first, or the question counts."""
    one = None if q.count else _ONE_CHARACTER_KIND.search(q.query)
    if one:
        return one.group(1) or one.group(2)  # "哪些类型的区", "哪几类区", "哪些“区”"
    m = None if q.count else _ASKED_AFTER.search(q.query)
    if m and "的" in re.split(r"[，,？?。；;！!]", m.group(1))[0]:
        return None  # "哪些拓宽…渠道的支持措施": a clause before the noun asked for
    nouns = []
    for token in posseg()[0].cut(m.group(1)) if m else ():
        if not token.flag.startswith("n") or token.flag == "vn":  # jieba tags 城市 ns, 高新区 nr: nouns all the same
            break
        nouns.append(token.word)
        if token.word in _ASPECT_NOUNS:
            break  # "哪些方面|先行|探索": which aspects, not a kind 先行 (jieba tags it n)
    return nouns[-1] if nouns and nouns[-1] in q.words and nouns[-1] not in _MANNER_NOUNS else None


_ASPECT_NOUNS = frozenset("方面 领域 环节 层面 角度".split())
# Nouns asking how something is done ("用哪些办法", "通过哪些途径"): the items listed are the ways themselves
# ("通过在线访谈、网上调查和意见征集等形式"), whatever the text calls them.
_MANNER_NOUNS = frozenset("办法 方法 方式 形式 途径 渠道 手段".split())


# "哪两个库": the noun after the count names the kind of item listed ("检查对象名录库和执法检查人员名录库").
_COUNTED_NOUN = re.compile(r"哪(?:[0-9]+|[一二三四五六七八九十两]+)(?:个|项|类|方面|家|条|种|大)?([^\W\d是的呢吗啊了])")


def _counted_kind(q: Question) -> tuple[str, ...]:
    m = _COUNTED_NOUN.search(q.query) if q.count else None
    return (*q.words, m.group(1)) if m else q.words


def _counted_words(q: Question) -> tuple[str, ...]:
    """The words after the count, what is counted ("哪三方面的标志性大事" -> 标志性, 大事)."""
    end = count_end(q.query) if q.count else None
    return tuple(w for w in q.words if len(w) >= 2 and w in q.query[end:]) if end is not None else ()


def _names_each(text: str, n: int, each: Sequence[str]) -> bool:
    """n clauses of the sentence each name what is counted ("作为…的标志性大事，作为…的标志性大事，作为…的标志性大事")."""
    pieces = _pieces(text)
    return any(sum(w in p for p in pieces) == n for w in each)


def _lists_exactly(text: str, n: int, words: Sequence[str], given: str = "") -> bool:
    """A phrase of exactly n items of the kind asked about: the phrase names it ("…、新材料等五大战略性新兴产业"); not
    one the question itself gives ("“双随机、一公开”监管里说的“两库”是哪两个库")."""
    return any(_items(p) == n and any(w in p for w in words) and not _restated(p, given) for p in _pieces(text))


def _opened_alike(text: str, words: Sequence[str]) -> bool:
    """At least _PARALLEL_MIN clauses of the sentence open with the same word of the question ("狠抓“两区”建设，狠抓
    动能培育，狠抓改革开放，…" for "狠抓了哪几方面"): each names an item."""
    pieces = [p.strip() for p in _pieces(text)]
    return any(sum(p.startswith(w) for p in pieces) >= _PARALLEL_MIN for w in words if len(w) >= 2)


def _lists_subject(piece: str, words: Sequence[str], given: str) -> bool:
    """Every item of the piece's "、" run holds one same word the question names before it asks ("哪些", "几个"),
    where it names what it asks for after ("哪些好处"; not "那些商圈…还有哪些", whose items are 商圈)."""
    ask = re.search(r"哪|什么|啥|几|多少", given)
    run = _LIST_RUN.search(piece)
    if not ask or not run:
        return False
    before = [w for w in words if len(w) >= 2 and 0 <= given.find(w) < ask.start()]
    if not any(given.find(w, ask.start()) >= 0 for w in words if w not in before):
        return False
    items = run.group().split("、")
    return any(all(w in item for item in items) for w in before)


def _restated(piece: str, given: str) -> bool:
    """Every "、" of the phrase stands between the same characters in the given text."""
    seps = [i for i, ch in enumerate(piece) if ch == "、"]
    return bool(seps and given) and all(piece[max(0, i - 2):i + 3] in given for i in seps)


def _pieces(text: str) -> list[str]:
    return [p for p in re.split(r"[，,；;。：:]", BRACKETED.sub("", text)) if p.strip()]


_LIST_RUN = re.compile(r"[\u4e00-\u9fff]{1,12}(?:、[\u4e00-\u9fff]{1,12}){2,}")


def _first_listing(best: ScoredSentence, candidates: Sequence[ScoredSentence]) -> ScoredSentence | None:
    """The candidate of an earlier clause of the best sentence's document, below its preamble, that lists the same
    three or more items."""
    runs = _LIST_RUN.findall(best.sentence.text)
    if not runs:
        return None
    items = max(runs, key=len).split("、")
    # The first and last items' bounds are uncertain ("同意将乌鲁木齐", "石河子高新区建设…"): their inner ends identify it.
    run = "、".join([items[0][-2:], *items[1:-1], items[-1][:2]])
    key = doc_key(best.hit.doc_number, best.hit.title)
    earlier = [s for s in candidates if doc_key(s.hit.doc_number, s.hit.title) == key
               and s.hit.path and s.hit.clause_id < best.hit.clause_id and run in s.sentence.text]
    return min(earlier, key=lambda s: (s.hit.clause_id, s.sentence.start)) if earlier else None


def _list_in_document(hit: ClauseHit, q: Question, context: Context) -> Excerpt | None:
    """The first sentence of the hit's document that lists exactly as many items as "哪N个" asks, of that kind."""
    for clause in context.document(hit):
        if q.intent.days and clause.kind == "chronicle" and not q.intent.names_day(clause):
            continue  # "7月3日…是哪两位市领导": another day's entry lists other people
        for sentence in split_sentences(clause.text):
            if _listness(sentence.text, q.count, q.words, given=q.query):
                return span(clause, sentence.start, sentence.end)
    return None


def count_in_document(hit: ClauseHit, q: Question, context: Context) -> Excerpt | None:
    """The first sentence of the hit's document printing a figure right before what a count question counts: a list's
    items retrieved without the line that counts them ("对…等130项地方典型经验做法予以通报表扬")."""
    for clause in context.document(hit):
        for sentence in split_sentences(clause.text):
            if counts_measured(q, sentence.text):
                return span(clause, sentence.start, sentence.end)
    return None


def _listed_in_document(hit: ClauseHit, q: Question, context: Context) -> bool:
    return any(_lists_exactly(s.text, q.count, q.words) for c in context.document(hit) for s in split_sentences(c.text))


def _items(phrase: str) -> int:
    """Items of a phrase: "、"-separated, a pair joined by 和/及/与."""
    parts = phrase.split("、")
    # "北京、天津、上海、重庆和沈阳、大连…": a pair may be joined anywhere in the run, not only at its end; but the
    # lead-in of the first item may join modifiers before its 的 ("具有全球影响力和竞争力的加工制造中心" is one item).
    return len(parts) + sum(1 for i, part in enumerate(parts)
                            if re.search(r"(?:[^、]和|及|与)[^的]*$" if i == 0 < len(parts) - 1 else r"[^、]和|及|与", part))


# A count a heading prints of what its clause lists: "待条件成熟后提出的立法项目（4件）".
_HEADING_COUNT = re.compile(r"[（(]([\d一二三四五六七八九十]+)[件项个条部类][）)]\s*$")


def _counted_entries(hit: ClauseHit) -> bool:
    """The clause's text is the entries its heading counts, one per "；"-separated entry ("温州市互联网信息服务管理立法
    （市委网信办起草）；温州市雁荡山风景名胜区立法（…）；…" under "…立法项目（4件）")."""
    m = _HEADING_COUNT.search(hit.heading or "")
    return bool(m) and (n := to_int(m.group(1))) >= 2 and _item_count(hit.text) == n


def _item_count(text: str) -> int:
    """Items a quote lists in its own text: its lines or "；"-separated entries, else the "、"-separated ones of a
    single sentence. Prose of several sentences lists nothing ("…发挥立法专家、基层立法联系点和公众…。列入…。")."""
    entries = [p for p in re.split(r"[；;\n]", text) if p.strip(" 。")]
    if len(entries) >= 2:
        return len(entries)
    if len([s for s in re.split(r"[。！？]", text) if s.strip()]) > 1:
        return 0
    return len([p for p in text.split("、") if p.strip(" 。")])
