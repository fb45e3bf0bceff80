"""Check an answer against the clause texts before it is returned: quotes verbatim, markers real, figures sourced."""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace

from assistant.answer.compose import abstain
from assistant.answer.errors import QuoteMismatch
from assistant.answer.types import Answer, Citation, doc_ref
from index.hits import ClauseHit

MARKER = re.compile(r"\[(\d+)\]")
# Figures with a unit; a claim's figures must appear in the clauses it cites.
FIGURE = re.compile(r"\d+(?:\.\d+)?\s*(?:万元|亿元|元|%|％|个工作日|个月|个|家|人|张|倍|项|次|年|日|天|万|亿)")
_TERMINATORS = "。！？；!?;"
_SPACE = re.compile(r"\s+")
# Quotes and brackets: a terminator inside them does not end the sentence.
_OPEN, _CLOSE = "“（(《", "”）)》"


def segments(text: str) -> list[str]:
    """Sentences of an answer text with their trailing markers; "".join(segments(t)) == t.

    A line break ends a segment except inside a closed “…” quote: a quote may span lines of its clause
    (statistics rows, list items), and cutting it would separate its first line from its marker.
    """
    quoted = _inside_closed_quotes(text)
    out, start, depth, i, n = [], 0, 0, 0, len(text)
    while i < n:
        ch = text[i]
        i += 1
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        newline = ch == "\n" and not quoted[i - 1]
        end = newline or (depth == 0 and (ch in _TERMINATORS or (ch in _CLOSE and text[i - 2:i - 1] in tuple(_TERMINATORS))))
        if not end:
            continue
        while (m := MARKER.match(text, i)) or (i < n and text[i] in _TERMINATORS and not newline):
            i = m.end() if m else i + 1
        if i < n and text[i] == "\n" and not newline:
            i += 1
        out.append(text[start:i])
        start = i
        depth = 0 if newline else depth
    if start < n:
        out.append(text[start:])
    return out


def _inside_closed_quotes(text: str) -> list[bool]:
    """Per character: inside an outermost “…” that is closed (nesting allowed); an unclosed quote marks nothing."""
    inside = [False] * len(text)
    depth, start = 0, 0
    for i, ch in enumerate(text):
        if ch == "“":
            if depth == 0:
                start = i
            depth += 1
        elif ch == "”" and depth:
            depth -= 1
            if depth == 0:
                inside[start:i + 1] = [True] * (i + 1 - start)
    return inside


def quoted_spans(text: str) -> tuple[list[str], str]:
    """Outermost “…” spans (nesting allowed) and the text outside them; an unclosed quote runs to the end."""
    spans, outside, depth, start = [], [], 0, 0
    for i, ch in enumerate(text):
        if ch == "“":
            if depth == 0:
                start = i + 1
            depth += 1
        elif ch == "”" and depth:
            depth -= 1
            if depth == 0:
                spans.append(text[start:i])
        elif depth == 0:
            outside.append(ch)
    if depth:
        spans.append(text[start:])
    return spans, "".join(outside)


def verify_answer(answer: Answer, clauses_by_id: Mapping[int, ClauseHit | str], *,
                  strict: bool = False, require_marker: bool = False) -> Answer:
    """The answer with every unverifiable citation and the text that relies on it removed; abstains if none is left.

    strict: raise QuoteMismatch on the first quote that is not in its clause instead of repairing.
    require_marker: drop sentences that cite nothing (model-written text); otherwise unmarked lines are notes.
    """
    if answer.abstained and not answer.partial:
        return replace(answer, citations=()) if answer.citations else answer
    good: dict[int, Citation] = {}
    for c in answer.citations:
        source = clauses_by_id.get(c.clause_id)
        text = source.text if isinstance(source, ClauseHit) else source
        if c.quote and text and c.quote in text:
            good[c.marker] = c
        elif strict:
            raise QuoteMismatch(c.marker, c.clause_id, c.quote)
    context = {m: _context(c, clauses_by_id) for m, c in good.items()}
    cited = {c.marker for c in answer.citations}
    kept = [s for s in (_check(seg, good, cited, context, require_marker) for seg in segments(answer.text)) if s]
    text = _relead(_tidy("".join(kept)), good)
    used = [int(m) for m in MARKER.findall(text)]
    order = list(dict.fromkeys(m for m in used if m in good))
    if not order:
        return abstain(answer.question, answer.related, evidence=answer.evidence, rewritten=answer.rewritten_question)
    renumber = {old: new for new, old in enumerate(order, start=1)}
    text = MARKER.sub(lambda m: f"[{renumber[int(m.group(1))]}]", text)
    citations = tuple(replace(good[old], marker=new) for old, new in renumber.items())
    direct = answer.direct_answer
    if direct is not None and not any(direct in context[old][0] for old in order):
        if strict:
            raise QuoteMismatch(0, -1, direct)
        text = "\n".join(line for line in text.split("\n") if not line.startswith(direct))  # an unverified span
        direct = None
    return replace(answer, text=text, citations=citations, direct_answer=direct)


def _check(seg: str, good: Mapping[int, Citation], cited: set[int], context: Mapping[int, tuple[str, str]],
           require_marker: bool) -> str:
    """The segment if every claim in it is backed by a verified citation, else ""; unknown markers are cut out."""
    markers = [int(m) for m in MARKER.findall(seg)]
    if any(m in cited and m not in good for m in markers):
        return ""  # leans on a citation that failed verification
    valid = [m for m in markers if m in good]
    seg = MARKER.sub(lambda m: m.group(0) if int(m.group(1)) in good else "", seg)
    if not valid:
        if markers or require_marker or "“" in seg:
            return ""
        return seg
    texts = [context[m][1] for m in valid]  # a heading shown after the label may quote too (牢固树立“安全第一”思想)
    rest = seg
    for m in valid:  # a citation's own quote may hold nested or unbalanced quote marks
        rest = rest.replace(f"“{good[m].quote}”", "").replace(good[m].title, "")
    spans, outside = quoted_spans(rest)
    if any(not any(span in t for t in texts) for span in spans):
        return ""
    haystack = _SPACE.sub("", "".join(context[m][1] for m in valid))
    for figure in FIGURE.findall(MARKER.sub("", outside)):
        if _SPACE.sub("", figure) not in haystack:
            return ""
    return seg


def _context(c: Citation, clauses_by_id: Mapping[int, ClauseHit | str]) -> tuple[str, str]:
    """(clause text, everything a figure may come from: text, title, number, label, heading)."""
    source = clauses_by_id.get(c.clause_id)
    text = source.text if isinstance(source, ClauseHit) else source or ""
    heading = source.heading or "" if isinstance(source, ClauseHit) else ""
    return text, "".join([text, c.title, c.doc_number or "", c.label, heading])


def _relead(text: str, good: Mapping[int, Citation]) -> str:
    """When the first quote line was dropped, the next one must name its document again."""
    for lead in ("同一文件", "另据"):
        if text.startswith(lead):
            m = MARKER.search(text)
            c = good.get(int(m.group(1))) if m else None
            if c:
                return f"根据{doc_ref(c.doc_number, c.title)}" + text[len(lead):]
    return text


def _tidy(text: str) -> str:
    lines = [line.rstrip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line.strip()).strip()
