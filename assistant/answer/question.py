"""What a question asks for: its kind (amount, agency, date, permission), keywords and the user's own figures."""
from __future__ import annotations

import logging
import re
from functools import lru_cache

AMOUNT, AGENCY, DATE, PERMISSION = "amount", "agency", "date", "permission"
KINDS = (AMOUNT, AGENCY, DATE, PERMISSION)

# Question cues per kind; order matters only for readability.
_CUES = {
    AMOUNT: re.compile(r"多少|几[个家人张年倍项次万亿元]|比例|比重|金额|额度|标准是|补助多少|补贴多少|奖励多少|多高|多大|几成|百分之几"),
    AGENCY: re.compile(r"谁|哪个部门|哪些部门|哪个单位|哪家|什么部门|什么单位|牵头|负责|主管|承担|解释|找哪|向哪"),
    DATE: re.compile(r"什么时候|何时|哪一?年|几月|几号|期限|有效期|截止|截至|多久|多长时间|时限|起止|什么时间|到期|几个工作日|哪天"),
    PERMISSION: re.compile(r"能不能|能否|是否|可以|可否|可不可以|允许|准许|禁止|不得|必须|要不要|需不需要|需要.*吗|能.*吗|会不会|吗[？?！!。]?\s*$"),
}

UNITS = "万元|亿元|元|%|％|个|家|人|张|年|倍|项|次|万人|床|平方米|亩"
_NUMBER = r"\d+(?:\.\d+)?|[一二三四五六七八九十百千两]+"
# Evidence patterns that a sentence answering each kind contains.
EVIDENCE = {
    AMOUNT: re.compile(rf"(?:{_NUMBER})\s*(?:{UNITS})|\d+(?:\.\d+)?\s*(?:%|％)|百分之|倍"),
    AGENCY: re.compile(r"[市县区省][\u4e00-\u9fa5]{0,12}?(?:局|委员会|委|办公室|办|政府|中心|管委会)|由[\u4e00-\u9fa5]{2,16}?(?:负责|承担|牵头)|[\u4e00-\u9fa5]{2,8}部门"),
    DATE: re.compile(rf"\d{{4}}年(?:\d{{1,2}}月)?(?:\d{{1,2}}日)?|至\d{{4}}年|(?:{_NUMBER})\s*(?:年|个月|日|天|个工作日)内|有效期|之日起|期限|期间|每年|年底|年末"),
    PERMISSION: re.compile(r"可以|可|允许|准许|不得|禁止|严禁|应当|须|必须|不予|不再|取消|实行|免征|鼓励|支持"),
}

STOP_WORDS = frozenset(
    "什么 怎么 怎样 如何 是否 哪些 哪个 哪里 多少 几 吗 呢 吧 啊 呀 么 的 了 是 在 和 与 及 或 等 对 中 有 要 "
    "请问 请 一下 我 我们 你 您 想 想要 知道 告诉 可以 能 能否 会 需要 关于 有关 对于 这个 那个 这 那 那么 就 都 也 "
    "还 还有 还是 以及 为什么 为何 哦 嗯 拿 给 可不可以 能不能 可否 吗 目标 规定 政策 文件 公报 一个 多久 时候 "
    "什么时候 何时 谁 哪 哪家 部门 单位 怎么办 万元 亿元 元 个 家 人 张 年 倍 另外 此外 如果 请问 具体 "
    "所有 分别 各自 的话 一样 自己 现在 以后 同时 其他 别人 很多 是不是 有没有".split()
)
_NUMERIC = re.compile(r"^[\d.．,，%％]+$")
_PUNCT = re.compile(r"^[\W_]+$", re.UNICODE)

# The user's own figures: "6000万元", "1.5亿元", "50万".
USER_AMOUNT = re.compile(r"(\d+(?:\.\d+)?)\s*(亿元|万元|亿|万|元)")


def question_kinds(question: str) -> frozenset[str]:
    """The kinds of evidence a question asks for; empty for open questions."""
    return frozenset(kind for kind, cue in _CUES.items() if cue.search(question))


_YEAR = re.compile(r"^(?:19|20)\d\d\s*年$")


def has_evidence(kind: str, text: str) -> bool:
    """Whether text contains the kind of fact (an amount, an agency, a date, a permission)."""
    matches = (m.group(0) for m in EVIDENCE[kind].finditer(text))
    if kind == AMOUNT:
        return any(not _YEAR.match(m) for m in matches)  # "2021年" is a date, not a count of years
    return next(matches, None) is not None


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
