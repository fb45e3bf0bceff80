"""Figures derived from a quoted rule and the user's own figure, for two simple rule shapes only."""
from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answer.question import format_yuan, keywords, to_yuan, user_amounts

_MONEY = r"(\d+(?:\.\d+)?)\s*(亿元|万元|元)"
# "5000万元以上（含）、1亿元以上（含）…的新建项目，分别给予50万元、150万元、300万元的一次性补助"
_THRESHOLD = re.compile(_MONEY + r"\s*以上")
_TIERED = re.compile(r"分别(?:给予|奖励|补助|补贴)((?:\s*\d+(?:\.\d+)?\s*(?:亿元|万元|元)\s*[、，,和及]?)+)")
_AWARD = re.compile(_MONEY)
# "给予设备实际价格不超过10%的补助，单件补助最高不超过50万元"
_PERCENT = re.compile(r"给予([^，。；]{0,20}?)不超过\s*(\d+(?:\.\d+)?)\s*[%％]\s*的(?:补助|奖励|补贴|资助)")
_CAP = re.compile(r"最高(?:不超过)?\s*" + _MONEY)

NOTE = "以上数字为根据引文推算，仅供参考，以主管部门核定为准"


def derive(question: str, rules: Sequence[str]) -> str | None:
    """A clearly marked figure computed from the first applicable rule, or None when unsure."""
    amounts = user_amounts(question)
    if len(amounts) != 1:
        return None  # no figure, or several whose roles we cannot tell apart
    amount = amounts[0]
    words = keywords(question)
    for rule in rules:
        text = _tiered(amount, rule, words) or _percent(amount, rule, words)
        if text:
            return f"（按上述规定推算：{text}；{NOTE}。）"
    return None


_PAREN = re.compile(r"[（(][^（）()]*[）)]")


def _mentions(words: Sequence[str], condition: str) -> bool:
    """The rule's base names what the user asked about ("投资", "设备"); asides in brackets do not count."""
    condition = _PAREN.sub("", condition)
    return any(w in condition for w in words)


def _tiered(amount: float, rule: str, words: Sequence[str]) -> str | None:
    m = _TIERED.search(rule)
    if not m:
        return None
    condition = rule[: m.start()]
    thresholds = [to_yuan(n, u) for n, u in _THRESHOLD.findall(condition)]
    first = _THRESHOLD.search(condition)
    base = condition[max(0, first.start() - 30): first.start()] if first else ""
    awards = [to_yuan(n, u) for n, u in _AWARD.findall(m.group(1))]
    if len(thresholds) < 2 or len(thresholds) != len(awards) or not _mentions(words, base):
        return None
    if thresholds != sorted(thresholds) or awards != sorted(awards):
        return None  # tiers not in ascending order: the correspondence is not certain
    tier = max((i for i, t in enumerate(thresholds) if amount >= t), default=None)
    if tier is None:
        return f"{format_yuan(amount)}未达到最低一档（{format_yuan(thresholds[0])}以上），按此条不能获得该项补助"
    return f"{format_yuan(amount)}达到{format_yuan(thresholds[tier])}以上一档，对应{format_yuan(awards[tier])}"


def _percent(amount: float, rule: str, words: Sequence[str]) -> str | None:
    m = _PERCENT.search(rule)
    if not m:
        return None
    if not _mentions(words, m.group(1)):
        return None
    minimum = _THRESHOLD.search(rule[: m.start()])
    if minimum and amount < to_yuan(*minimum.groups()):
        floor = format_yuan(to_yuan(*minimum.groups()))
        return f"{format_yuan(amount)}低于{floor}以上的适用条件，按此条不能获得该项补助"
    value = amount * float(m.group(2)) / 100
    text = f"{format_yuan(amount)}按不超过{m.group(2)}%计算为{format_yuan(value)}"
    cap = _CAP.search(rule, m.end())
    if cap and value > to_yuan(*cap.groups()):
        limit = format_yuan(to_yuan(*cap.groups()))
        return f"{text}，超过最高{limit}的限制，因此最多{limit}"
    if cap:
        return f"{text}，未超过最高{format_yuan(to_yuan(*cap.groups()))}的限制，即最多{format_yuan(value)}"
    return f"{text}，即最多{format_yuan(value)}"
