"""What a question asks for: its kind (amount, agency, date, permission), keywords and the user's own figures."""
from __future__ import annotations

import logging
import re
from functools import lru_cache

# The kinds of answer a question asks for are shared with retrieval, which uses them as a prior.
from index.answer_types import (  # noqa: F401 (re-exported for the answer stage)
    AGENCY, AMOUNT, DATE, EVIDENCE, KINDS, PERMISSION, UNITS, has_evidence, question_kinds,
)
from index.tokenize import STOP_WORDS as INDEX_STOP_WORDS

# The keyword index's stop words, plus words that carry no content in a question to be answered.
STOP_WORDS = INDEX_STOP_WORDS | frozenset(
    "您 那么 还有 拿 给 可不可以 能不能 可否 目标 规定 政策 文件 公报 一个 多久 什么时候 何时 谁 哪 哪家 部门 单位 怎么办 万元 亿元 元 个 家 人 张 年 倍 另外 此外 如果 具体 所有 分别 各自 的话 一样 自己 现在 以后 同时 其他 别人 很多 是不是 有没有".split()
)
_NUMERIC = re.compile(r"^[\d.．,，%％]+$")
_PUNCT = re.compile(r"^[\W_]+$", re.UNICODE)

# The user's own figures: "6000万元", "1.5亿元", "50万".
USER_AMOUNT = re.compile(r"(\d+(?:\.\d+)?)\s*(亿元|万元|亿|万|元)")


@lru_cache(maxsize=1)
def _tokenizer():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    return jieba.Tokenizer()


def keywords(question: str) -> tuple[str, ...]:
    """Content words of a question (jieba search-mode cut, no stop words, no numbers, no single characters)."""
    question = USER_AMOUNT.sub(" ", question)
    seen: dict[str, None] = {}
    for token in _tokenizer().cut_for_search(question):
        token = token.strip()
        if len(token) < 2 or token in STOP_WORDS or _NUMERIC.match(token) or _PUNCT.match(token):
            continue
        seen.setdefault(token, None)
    return tuple(seen)


def content_words(question: str) -> tuple[str, ...]:
    """Words a supporting clause should contain: jieba's precise cut (no overlapping sub-words, so a mis-cut such
    as "开诊|所有" adds no extra fragments), without stop words, numbers or single characters."""
    question = USER_AMOUNT.sub(" ", question)
    seen: dict[str, None] = {}
    for token in _tokenizer().lcut(question):
        token = token.strip()
        if len(token) < 2 or token in STOP_WORDS or _NUMERIC.match(token) or _PUNCT.match(token):
            continue
        seen.setdefault(token, None)
    return tuple(seen)


# A question that asks two things: a second question mark, or "分别" over a list ("A和B分别由谁起草").
_TWO_ASKS = re.compile(r"[？?；;].+[？?]?\s*$|分别|以及|各自|各是|各为")


def asks_several(question: str) -> bool:
    """Whether the question asks for several facts that may sit in different clauses."""
    return bool(_TWO_ASKS.search(question.strip().rstrip("？?。！! ")))


def user_amounts(question: str) -> list[float]:
    """Money figures the user states, in yuan ("6000万元" -> 60000000.0)."""
    return [to_yuan(m.group(1), m.group(2)) for m in USER_AMOUNT.finditer(question)]


def to_yuan(number: str, unit: str) -> float:
    """A number and its money unit in yuan."""
    scale = {"亿元": 1e8, "亿": 1e8, "万元": 1e4, "万": 1e4, "元": 1.0}[unit]
    return float(number) * scale


def format_yuan(amount: float) -> str:
    """Yuan as the gazettes write it: 亿元 / 万元 / 元, without trailing zeros."""
    for scale, unit in ((1e8, "亿元"), (1e4, "万元")):
        if amount >= scale:
            return f"{amount / scale:.4f}".rstrip("0").rstrip(".") + unit
    return f"{amount:.2f}".rstrip("0").rstrip(".") + "元"
