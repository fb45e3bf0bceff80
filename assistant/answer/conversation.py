"""Multi-turn use: history in either accepted shape, follow-up rewriting, and the previously cited documents."""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from assistant.answer.errors import HistoryError
from assistant.answer.question import STOP_WORDS, keywords
from assistant.answer.segment import tokenizer
from assistant.answer.types import Answer, doc_key
from assistant.answer.verify import quoted_spans
from corpus.numbers import DOC_NUMBER, canonical

# "那…呢？", "那么…", "还有…", "另外…": the user changes one thing and keeps the rest of the last question.
_LEAD = re.compile(r"^(?:那么|那|还有|另外|此外|那如果|如果是|换成|改成|至于)[，,、\s]*")
_TAIL = re.compile(r"(?:的话)?(?:呢|怎么样|又如何|如何|怎样|又是多少)?[？?。！!\s]*$")
# A question pointing back at what was just discussed ("这个政策", "该文件").
_ANAPHORA = re.compile(r"这个|这项|这条|这些|该|此|上述|它|那个|那项|那条")
_YEAR = re.compile(r"\d{4}年")
_PARENTHESIS = re.compile(r"（([^（）]{1,32})）")  # what follows a title: （温政办〔2019〕49号）
_TITLE = re.compile(r"《([^《》]+)》")


@dataclass(frozen=True)
class Turn:
    question: str
    answer_text: str = ""
    doc_ids: tuple[str, ...] = ()  # documents the answer cited: 文号, else title
    rewritten: str | None = None  # the question as retrieval saw it

    @property
    def effective(self) -> str:
        return self.rewritten or self.question

    @classmethod
    def from_answer(cls, answer: Answer) -> Turn:
        ids = tuple(dict.fromkeys(doc_key(c.doc_number, c.title) for c in answer.citations))
        return cls(answer.question, answer.text, ids, answer.rewritten_question)


@dataclass(frozen=True)
class Plan:
    """How to retrieve for one question in context."""

    query: str
    rewritten: str | None
    prefer_docs: tuple[str, ...]
    only_preferred: bool = False  # "这个政策…": answer from the previously cited documents only


def parse_history(history: Iterable | None) -> list[Turn]:
    """Turns from [{"role", "content"}...], [(question, answer)...] or [Turn...]; follow-ups re-resolved in order."""
    if not history:
        return []
    raw: list[tuple[str, str | Answer]] = []
    pending: str | None = None
    for item in history:
        if isinstance(item, Turn):
            raw.append((item.question, item))  # type: ignore[arg-type]
        elif isinstance(item, dict):
            role, content = item.get("role"), item.get("content")
            if role not in ("user", "assistant") or not isinstance(content, str):
                raise HistoryError(f"bad message {item!r}")
            if role == "user":
                if pending is not None:
                    raw.append((pending, ""))
                pending = content
            elif pending is not None:
                raw.append((pending, content))
                pending = None
        elif isinstance(item, (list, tuple)) and len(item) == 2 and isinstance(item[0], str):
            raw.append((item[0], item[1]))
        else:
            raise HistoryError(f"bad history item {item!r}")
    if pending is not None:
        raw.append((pending, ""))
    turns: list[Turn] = []
    for question, answer in raw:
        if isinstance(answer, Turn):
            turns.append(answer)
        elif isinstance(answer, Answer):
            turns.append(Turn.from_answer(answer))
        elif isinstance(answer, str) or answer is None:
            plan = plan_question(question, turns)
            turns.append(Turn(question, answer or "", cited_docs(answer or ""), plan.rewritten))
        else:
            raise HistoryError(f"bad answer {answer!r}")
    return turns


def cited_docs(answer_text: str) -> tuple[str, ...]:
    """Documents an answer text names: 文号 in （…） after a title, else the title; quotes are skipped."""
    text = quoted_spans(answer_text)[1]
    ids: list[str] = []
    for m in _TITLE.finditer(text):
        after = _PARENTHESIS.match(text, m.end())
        number = after and DOC_NUMBER.fullmatch(after.group(1))
        ids.append(canonical(*number.groups()) if number else m.group(1))
    return tuple(dict.fromkeys(ids))


def plan_question(question: str, turns: Sequence[Turn]) -> Plan:
    """The query to retrieve with and the documents to prefer, given earlier turns."""
    previous = next((t for t in reversed(turns) if t.question.strip()), None)
    if previous is None:
        return Plan(question, None, ())
    prefer = next((t.doc_ids for t in reversed(turns) if t.doc_ids), ())
    if elliptical(question, exact=bool(_ANAPHORA.search(question))):
        # "那需要什么条件？", "向哪个部门申请？": a detail of the last topic, asked without naming it. With a pointer
        # ("这个政策的有效期…") only whole detail words count: the pointer names the topic (below).
        merged = f"{previous.effective} {question.strip()}"
        return Plan(merged, merged, prefer, only_preferred=bool(prefer))
    words = keywords(question)
    if len(question.strip()) <= _SHORT_FOLLOWUP and words and all(w in previous.answer_text for w in words):
        # "什么时候报送草案？" after an answer quoting "…于6月上旬前向市政府报送草案": a detail of what was just
        # quoted, whose words the last answer already holds.
        merged = f"{previous.effective} {question.strip()}"
        return Plan(merged, merged, prefer, only_preferred=bool(prefer))
    topic = followup_topic(question)
    if topic is not None:
        rewritten = rewrite(previous.effective, topic)
        return Plan(rewritten, rewritten, prefer)
    if not words:
        # "能补多少？": no topic of its own, so it asks about the last one.
        merged = f"{previous.effective} {question.strip()}"
        return Plan(merged, merged, prefer)
    if _ANAPHORA.search(question):
        return Plan(question, None, prefer, only_preferred=bool(prefer))
    return Plan(question, None, ())


# Words that ask for a detail without naming a topic of their own.
_DETAIL_WORDS = frozenset("条件 要求 材料 部门 单位 流程 手续 标准 时间 期限 申请 申报 办理 费用 地点 地址 渠道 办法 程序 "
                          "需要 提供 准备 哪里 多长 金额 比例 对象 范围 政策 补助 补贴 奖励 资格 承担 负责 牵头 审核 审批 受理 "
                          "兑现 解释 有效期 最高 最多 最低 上限 金额".split())
_SHORT_FOLLOWUP = 14


def elliptical(question: str, exact: bool = False) -> bool:
    """A short question whose content words only ask for a detail (条件, 部门, 材料) of a topic named before;
    search-mode words include the parts of a detail word (有效 of 有效期) unless `exact`."""
    q = question.strip()
    words = keywords(q)
    detail = (lambda w: w in _DETAIL_WORDS) if exact else (lambda w: any(w in d for d in _DETAIL_WORDS))
    return len(q) <= _SHORT_FOLLOWUP and bool(words) and all(detail(w) for w in words)


def followup_topic(question: str) -> str | None:
    """The new topic of an elliptical follow-up ("那新材料产业呢？" -> "新材料产业"), else None."""
    q = question.strip()
    lead = _LEAD.match(q)
    core = _TAIL.sub("", q[lead.end():] if lead else q).strip("，,、 ")
    ends_with_ne = bool(re.search(r"呢[？?。！!\s]*$", q))
    if not core or (not lead and not ends_with_ne):
        return None
    if len(core) > 16 and not ends_with_ne:
        return None  # a full new question that merely starts with 另外/还有
    return core


def rewrite(previous: str, topic: str) -> str:
    """Put the new topic in place of the matching part of the previous question."""
    if _YEAR.fullmatch(topic) and _YEAR.search(previous):
        return _YEAR.sub(topic, previous, count=1)
    cut = tokenizer().lcut
    prev, new = cut(previous), cut(topic)
    for j in range(1, len(new)):
        tail = new[j:]
        for p in range(len(prev) - len(tail) + 1):
            if prev[p:p + len(tail)] != tail:
                continue
            start = p
            while start > 0 and _content(prev[start - 1]):
                start -= 1
            return "".join(prev[:start] + new + prev[p + len(tail):])
    return topic if len(topic) >= 2 else previous


# Single characters that end a topic phrase ("到2021年…", "…的…"); other single characters belong to it ("新").
_BOUNDARY_CHARS = frozenset("到年月日的在和与及或是对了等把被为按给从向由将其该这那各每")


def _content(token: str) -> bool:
    if len(token) == 1:
        return token not in _BOUNDARY_CHARS and token.isalpha()
    return token not in STOP_WORDS and not token.isdigit() and token.isalnum()
