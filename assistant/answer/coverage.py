"""Topics a question asks about that the indexed gazettes never mention.

"实行特殊工时制度的加班费怎么算？" retrieves the working-hours notice, which never speaks of 加班费: the
gazette does not cover the detail asked, so no clause answers it, however on-topic it looks. A noun
of the question is covered when the indexed text contains it (a two-character word also as an
abbreviation: 基建 for 基本建设), one of its official equivalents (index.synonyms), a two-character word
straddling it in the question (jieba may cut 开诊|所有 where the text says 诊所), or all of its parts.
"""
from __future__ import annotations

import re
from functools import lru_cache

from assistant.answer.question import content_words

# Nouns that name no topic of their own ("政府是什么态度").
GENERIC_NOUNS = frozenset("态度 情况 问题 方面 内容 事情 东西 事儿 方式 办法 规定 政策 要求 意见 说法 地方 时间".split())
_QUESTION_CHARS = set("的了吗呢吧啊呀么哦嗯怎么什哪谁几多少")


@lru_cache(maxsize=1)
def _tagger():
    import jieba.posseg

    return jieba.posseg


def uncovered_topics(question: str, retriever) -> tuple[str, ...]:
    """Nouns of the question that neither the indexed text nor their equivalents mention."""
    mentions = getattr(retriever, "mentions", None)
    if mentions is None:
        return ()
    from index.synonyms import THESAURUS

    tags = {w.word: w.flag for w in _tagger().cut(question)}
    nouns = [w for w in content_words(question) if tags.get(w, "").startswith("n") and _is_topic(w)]
    if not nouns:
        return ()
    candidates = {w: [w, *THESAURUS.get(w, ()), *_straddling(question, w)] for w in nouns}
    # A compound is also covered when each of its parts is ("外资企业": 外资 → 外商投资, 企业).
    parts = {w: [p for p in _parts(w)] for w in nouns}
    terms = sorted({t for ts in candidates.values() for t in ts}
                   | {t for ps in parts.values() for p in ps for t in (p, *THESAURUS.get(p, ()))})
    known = dict(zip(terms, mentions(terms, gap=2)))

    def seen(term: str) -> bool:
        return known[term] or any(known[t] for t in THESAURUS.get(term, ()))

    return tuple(w for w, ts in candidates.items()
                 if not any(known[t] for t in ts) and not (parts[w] and all(seen(p) for p in parts[w])))


def _parts(word: str) -> list[str]:
    """The shorter words jieba finds inside a compound (search-mode cut)."""
    import jieba

    return [p for p in dict.fromkeys(jieba.cut_for_search(word)) if p != word and len(p) >= 2]


def _is_topic(word: str) -> bool:
    """A dictionary noun of two or more Chinese characters that names something specific; words jieba
    makes up from unknown characters (前报 in 什么时候前报给) and question phrases (多长时间) are not."""
    import jieba

    return (re.fullmatch(r"[\u4e00-\u9fff]{2,}", word) is not None and word not in GENERIC_NOUNS
            and not (_QUESTION_CHARS & set(word)) and jieba.dt.FREQ.get(word, 0) > 0)


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


def topic_note(words: tuple[str, ...]) -> str:
    """"已收录的公报中没有关于“加班费”的内容。"."""
    return f"已收录的公报中没有关于{'、'.join(f'“{w}”' for w in words)}的内容。"
