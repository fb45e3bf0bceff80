"""Score the sentences of retrieved clauses against a question and pick the 1-3 that answer it."""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.answer.config import AnswerConfig
from assistant.answer.guard import looks_like_injection
from assistant.answer.question import has_evidence, keywords, question_kinds
from assistant.answer.sentences import Sentence, split_sentences
from assistant.answer.types import Retriever, as_vectors
from index.hits import ClauseHit

# Where a question keyword is found, and how much that counts (the sentence itself counts most).
_PLACE_WEIGHTS = (("sentence", 1.0), ("heading", 0.8), ("clause", 0.5), ("title", 0.3))
# Heading-like fragments ("1.产业规模再上新台阶。") rarely answer anything on their own.
_SHORT, _SHORT_FACTOR = 8, 0.6


@dataclass(frozen=True)
class ScoredSentence:
    hit: ClauseHit
    position: int  # the hit's position in the retrieved list, 0-based
    index: int  # the sentence's position in its clause
    sentence: Sentence
    semantic: float
    keyword: float
    kind: float
    evidence: float  # relevance only: what abstention compares with the threshold
    score: float  # evidence plus retrieval-rank and question-kind bonuses: what selection ranks by


@dataclass(frozen=True)
class Excerpt:
    """A quoted span of one clause: hit.text[start:end]."""

    hit: ClauseHit
    start: int
    end: int
    quote: str


@dataclass(frozen=True)
class Selection:
    evidence: float
    excerpts: tuple[Excerpt, ...]
    kinds: frozenset[str]
    scored: tuple[ScoredSentence, ...]


def unit_text(heading: str | None, sentence: Sentence) -> str:
    """What is embedded for a sentence: its clause heading gives it context."""
    return f"{heading}：{sentence.text}" if heading else sentence.text


def warm_up(retriever: Retriever, clauses, limit: int = 20_000, batch: int = 256) -> int:
    """Embed the sentences of up to `limit` clauses ahead of questions (the retriever caches vectors)."""
    texts = [unit_text(c.heading, s) for c in list(clauses)[:limit] for s in split_sentences(c.text)
             if not looks_like_injection(s.text)]
    for start in range(0, len(texts), batch):
        retriever.embed(texts[start:start + batch])
    return len(texts)


def score_sentences(question: str, hits: Sequence[ClauseHit], retriever: Retriever,
                    config: AnswerConfig, kinds: frozenset[str] | None = None) -> list[ScoredSentence]:
    """Every sentence of the top clauses, scored: cosine + keyword overlap (+ rank and kind bonuses)."""
    kinds = question_kinds(question) if kinds is None else kinds
    words = keywords(question)
    units: list[tuple[int, ClauseHit, int, Sentence]] = []
    for position, hit in enumerate(hits[: config.top_clauses]):
        for index, sentence in enumerate(split_sentences(hit.text)):
            if looks_like_injection(sentence.text):
                continue  # instructions planted in a document are never an answer
            units.append((position, hit, index, sentence))
    if not units:
        return []
    texts = [unit_text(hit.heading, s) for _, hit, _, s in units]
    vectors = as_vectors(retriever.embed([question, *texts]))
    qvec = vectors[0]
    weights = keyword_weights(words, [s.text for _, _, _, s in units])
    out = []
    for (position, hit, index, sentence), vec in zip(units, vectors[1:]):
        semantic = _cosine(qvec, vec)
        keyword = keyword_overlap(weights, sentence.text, hit)
        evidence = semantic if not words else (
            (config.w_semantic * semantic + config.w_keyword * keyword) / (config.w_semantic + config.w_keyword))
        kind = (sum(has_evidence(k, sentence.text) for k in kinds) / len(kinds)) if kinds else 0.0
        score = evidence + config.w_rank / (1 + 0.5 * position) + config.w_kind * kind
        if len(sentence.text) < _SHORT:
            score *= _SHORT_FACTOR
        out.append(ScoredSentence(hit, position, index, sentence, semantic, keyword, kind, evidence, score))
    return out


def keyword_weights(words: Sequence[str], sentences: Sequence[str]) -> dict[str, float]:
    """Longer words weigh more; words found in every candidate sentence tell them apart least (IDF-like, bounded)."""
    n = len(sentences) or 1
    return {w: min(len(w), 4) * (0.3 + 0.7 * (1 - sum(w in s for s in sentences) / n)) for w in words}


def keyword_overlap(weights: dict[str, float], sentence: str, hit: ClauseHit) -> float:
    """Weighted share of question keywords found in the sentence, else its heading, clause or title."""
    if not weights:
        return 0.0
    places = {"sentence": sentence, "heading": hit.heading or "", "clause": hit.text, "title": hit.title}
    total = found = 0.0
    for word, weight in weights.items():
        total += weight
        found += weight * max((w for name, w in _PLACE_WEIGHTS if word in places[name]), default=0.0)
    return found / total


def select(scored: Sequence[ScoredSentence], config: AnswerConfig, kinds: frozenset[str] = frozenset()) -> Selection:
    """The best sentence, close runners-up from its clause, and at most one close clause besides."""
    if not scored:
        return Selection(0.0, (), kinds, ())
    top = max(s.evidence for s in scored)
    # Kind and rank bonuses reorder only sentences that are nearly as relevant as the most relevant one.
    eligible = [s for s in scored if s.evidence >= top - config.evidence_window]
    ranked = sorted(eligible, key=lambda s: (-s.score, s.position, s.index))
    best = ranked[0]
    picks = [best]
    for s in ranked[1:]:
        if len(picks) >= config.max_sentences:
            break
        same = s.hit.clause_id == best.hit.clause_id
        if same and s.score >= best.score - config.same_clause_margin:
            picks.append(s)
    others = [s for s in ranked if s.hit.clause_id != best.hit.clause_id]
    if others and len(picks) < config.max_sentences and others[0].score >= best.score - config.second_clause_margin:
        picks.append(others[0])
    return Selection(top, _excerpts(picks, best.hit.clause_id), kinds, tuple(ranked))


def _excerpts(picks: list[ScoredSentence], first_clause: int) -> tuple[Excerpt, ...]:
    """One excerpt per run of adjacent sentences; the best sentence's clause first, text order within."""
    by_clause: dict[int, list[ScoredSentence]] = {}
    for s in picks:
        by_clause.setdefault(s.hit.clause_id, []).append(s)
    order = [first_clause] + [c for c in by_clause if c != first_clause]
    out: list[Excerpt] = []
    for clause_id in order:
        run: list[ScoredSentence] = []
        for s in sorted(by_clause[clause_id], key=lambda s: s.index):
            if run and s.index != run[-1].index + 1:
                out.append(_excerpt(run))
                run = []
            run.append(s)
        out.append(_excerpt(run))
    return tuple(out)


def _excerpt(run: list[ScoredSentence]) -> Excerpt:
    hit = run[0].hit
    start, end = run[0].sentence.start, run[-1].sentence.end
    quote = Sentence(start, end, hit.text[start:end]).quote()
    return Excerpt(hit, start, start + len(quote), quote)


def _cosine(a: Sequence[float], b: Sequence[float]) -> float:
    dot = sum(x * y for x, y in zip(a, b))
    na = math.sqrt(sum(x * x for x in a))
    nb = math.sqrt(sum(y * y for y in b))
    return dot / (na * nb) if na and nb else 0.0
