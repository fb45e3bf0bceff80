"""A chat session over the answerer: each question sees the earlier turns (follow-ups), each turn keeps its citations."""
from __future__ import annotations

from collections.abc import Iterable

from assistant.answer.answerer import answer_question
from assistant.answer.conversation import Turn, parse_history
from assistant.answer.types import Answer


class Conversation:
    """A chat session: each ask() sees the earlier turns, and each turn keeps its own citations."""

    def __init__(self, retriever, config=None, *, history: Iterable | None = None, k: int | None = None, llm=None):
        self.retriever = retriever
        self.config = config
        self.k = k
        self.llm = llm
        self.turns: list[Turn] = parse_history(history)
        self.answers: list[Answer | None] = [None] * len(self.turns)

    def ask(self, question: str) -> Answer:
        answer = answer_question(question, self.retriever, self.config, history=self.turns, k=self.k, llm=self.llm)
        self.turns.append(Turn.from_answer(answer))
        self.answers.append(answer)
        return answer

    def messages(self) -> list[dict]:
        """The history as [{"role": "user"|"assistant", "content": ...}]."""
        out = []
        for turn in self.turns:
            out += [{"role": "user", "content": turn.question}, {"role": "assistant", "content": turn.answer_text}]
        return out
