"""Question in, verified cited answer out: retrieve, score sentences, compose or abstain, verify."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from assistant.answer.compose import abstain, compose
from assistant.answer.config import AnswerConfig
from assistant.answer.conversation import Turn, parse_history, plan_question
from assistant.answer.question import question_kinds
from assistant.answer.select import score_sentences, select
from assistant.answer.types import Answer, Retriever, doc_key
from assistant.answer.verify import verify_answer
from index.hits import ClauseHit

# Slots kept for other documents when a follow-up boosts the previously cited one.
_OTHER_SLOTS = 2


def answer_question(question: str, retriever: Retriever, config: AnswerConfig | None = None, *,
                    history: Iterable | None = None, k: int | None = None, llm=None) -> Answer:
    """Answer one question, using history for follow-ups; llm: an LLMSettings to let a model write the prose."""
    config = config or AnswerConfig()
    question = question.strip()
    k = k or config.top_clauses
    turns = history if isinstance(history, list) and all(isinstance(t, Turn) for t in history) else parse_history(history)
    plan = plan_question(question, turns)
    hits = retrieve(retriever, plan.query, k, plan.prefer_docs, plan.only_preferred)
    kinds = question_kinds(plan.query)
    selection = select(score_sentences(plan.query, hits, retriever, config, kinds), config, kinds)
    if not selection.excerpts or selection.evidence < config.abstain_threshold:
        return abstain(question, hits, config.related_shown, selection.evidence, plan.rewritten)
    clauses = {h.clause_id: h for h in hits}
    answer = verify_answer(compose(question, selection, hits, plan.rewritten), clauses)
    if llm is None or answer.abstained:
        return answer
    from assistant.answer.llm import llm_answer

    return llm_answer(answer, hits[: config.top_clauses], llm, selection)


def retrieve(retriever: Retriever, query: str, k: int, prefer_docs: Sequence[str] = (),
             only_preferred: bool = False) -> list[ClauseHit]:
    """Top-k clauses; for a follow-up the previously cited documents move to the front (others keep a few slots,
    none when only_preferred and the preferred documents have hits)."""
    if not prefer_docs:
        return list(retriever.search(query, k=k))
    hits = list(retriever.search(query, k=2 * k))
    wanted = set(prefer_docs)
    seen = {h.clause_id for h in hits}
    for doc in prefer_docs:
        for h in _search_in_doc(retriever, query, k, doc):
            if h.clause_id not in seen:
                seen.add(h.clause_id)
                hits.append(h)
    preferred = [h for h in hits if doc_key(h.doc_number, h.title) in wanted]
    others = [h for h in hits if doc_key(h.doc_number, h.title) not in wanted]
    if only_preferred and preferred:
        others = []
    room = max(k - min(_OTHER_SLOTS, len(others)), 0)
    chosen = preferred[:room]
    chosen += others[: k - len(chosen)]
    return [replace(h, rank=i) for i, h in enumerate(chosen, start=1)]


def _search_in_doc(retriever: Retriever, query: str, k: int, doc: str) -> list[ClauseHit]:
    """Search restricted to one numbered document, when the retriever takes index.query.Filters."""
    if "〔" not in doc:
        return []  # documents without a number are only boosted, not filtered
    try:
        from index.query import Filters

        return list(retriever.search(query, k=k, filters=Filters(doc_number=doc)))
    except (TypeError, ValueError):
        return []
