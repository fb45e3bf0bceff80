"""The answer stage as eval.runner sees it: question -> Answer over one loaded searcher."""
from __future__ import annotations

from collections.abc import Callable


def answerer_for(searcher, config=None, k: int | None = None) -> Callable[[str], object]:
    """question -> assistant.answer.Answer (the extractive answer, no language model)."""
    from assistant.answer import answer_question

    def answer(question: str):
        return answer_question(question, searcher, config, k=k)

    return answer
