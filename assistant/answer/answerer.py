"""Question in, verified cited answer out: retrieve, score sentences, compose or abstain, verify."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from assistant.answer.compose import abstain, compose, constraint_note
from assistant.answer.config import AnswerConfig
from assistant.answer.constraints import (
    Issue,
    constraints,
    covered,
    issues_of,
    unsupported,
)
from assistant.answer.conversation import Turn, parse_history, plan_question
from assistant.answer.coverage import topic_note, uncovered_topics
from assistant.answer.question import asks_several, question_kinds
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
    scored = score_sentences(plan.query, hits, retriever, config, kinds)
    unknown = uncovered_topics(plan.query, retriever)
    if unknown:
        # The gazette never mentions what is asked about: nothing here can answer it.
        return abstain(question, hits, config.related_shown, 0.0, plan.rewritten, (topic_note(unknown),))
    found = constraints(plan.query)
    if found and scored:
        issues = _issues(retriever, hits)
        backed = {h.clause_id for h in hits if not unsupported(found, h, issues.get(h.source))}
        if not any(s.hit.clause_id in backed for s in scored):
            # On topic, but about another place, year or month than the gazette covers: no evidence at all.
            best = max(scored, key=lambda s: s.score).hit
            missing = unsupported(found, best, issues.get(best.source))
            note = constraint_note(missing, [v for c in missing for v in covered(c, hits[:1])])
            return abstain(question, hits, config.related_shown, 0.0, plan.rewritten, (note,))
        scored = [s for s in scored if s.hit.clause_id in backed]
    selection = select(scored, config, kinds, asks_several(plan.query))
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


_ISSUES: dict[int, tuple[object, dict[str, Issue]]] = {}


def _issues(retriever: Retriever, hits: Sequence[ClauseHit]) -> dict[str, Issue]:
    """Gazette issues of the whole index when the retriever exposes its records (computed once), else of the hits."""
    records = getattr(retriever, "records", None)
    if not records:
        return issues_of(hits)
    cached = _ISSUES.get(id(records))
    if cached is None or cached[0] is not records:
        cached = (records, issues_of(records))
        _ISSUES.clear()  # one index at a time in practice; keeps no stale index alive
        _ISSUES[id(records)] = cached
    return cached[1]
