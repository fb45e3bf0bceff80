"""What surrounds a quoted clause in its document: the list heading an item stands under, the clauses below it.

A personnel notice prints "市政府决定：" and "免去：" as paragraphs of their own, each followed by its items; an
item quoted without its heading ("蔡克的…职务") reads like an appointment when it is a removal. A list heading is a
short line ending with a colon; an item's heading is the nearest one before it, in its clause or in the preceding
paragraphs of the same document.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answer.sentences import Sentence, introduces_items, split_sentences
from index.hits import ClauseHit

# A list heading: a short line ending with a colon ("免去：", "市政府决定：", "主要任务包括：").
_HEADING = re.compile(r"^[^。；;！？!?\n]{1,40}[：:]$")
# Paragraphs of unnumbered prose are labelled 第N段 by the parser: a list may run across them.
_PARAGRAPH = re.compile(r"^第\d+段$")
# An official reply's acknowledgement of the request ("你们关于……的请示收悉。").
_RECEIVED = re.compile(r"收悉[。，,]?\s*$")
# A parent's text longer than this is a section of its own, not a header its items stand under.
_INHERITED_CHARS = 200
# A lead-in its items complete: "有下列行为之一的，…" (the items are the cases), or one ending in a colon.
_ONE_OF = re.compile(r"(?:下列|以下)[^。；;]{0,12}之一")
_LEAD_IN_CHARS = 60
# How far back a paragraph list heading is looked for (a personnel list rarely has more items).
_MAX_BACK = 80


def acknowledges(text: str) -> bool:
    """An official reply's acknowledgement of the request it answers ("你们关于……的请示收悉。")."""
    return bool(_RECEIVED.search(text))


def is_list_heading(text: str) -> bool:
    return bool(_HEADING.match(text.strip()))


class Context:
    """Neighbouring clauses, read from the retriever's records when it exposes them (the index Searcher does)."""

    def __init__(self, records: Sequence | None = None):
        self.records = records

    def list_heading(self, hit: ClauseHit, sentence: Sentence) -> str | None:
        """Text of the list heading the sentence stands under, if any."""
        found = self.heading_span(hit, sentence)
        return found[0].text[found[1]:found[2]] if found else None

    def heading_span(self, hit: ClauseHit, sentence: Sentence) -> tuple[ClauseHit, int, int] | None:
        """(clause, start, end) of the list heading the sentence stands under: in its own clause first, then in the
        paragraphs before it; None when it stands under none (or is a heading itself)."""
        if is_list_heading(sentence.text):
            return None
        before = [s for s in split_sentences(hit.text) if s.end <= sentence.start]
        for s in reversed(before):
            if is_list_heading(s.text):
                return hit, s.start, s.end
        if before or not _PARAGRAPH.match(hit.path[0] if len(hit.path) == 1 else ""):
            return None
        for record in self._preceding(hit):
            text = record.text.strip()
            if is_list_heading(text):
                h = record.hit(0, 0.0)
                start = h.text.index(text)
                return h, start, start + len(text)
        return None

    def _preceding(self, hit: ClauseHit):
        """Paragraph clauses before the hit in the same document, nearest first."""
        records = self.records
        if not records or not (0 <= hit.clause_id < len(records)):
            return
        own = records[hit.clause_id]
        for i in range(hit.clause_id - 1, max(-1, hit.clause_id - 1 - _MAX_BACK), -1):
            r = records[i]
            if r.doc_index != own.doc_index or len(r.path) != 1 or not _PARAGRAPH.match(r.path[0]):
                return
            yield r

    def listed_after(self, hit: ClauseHit) -> list[ClauseHit]:
        """The paragraphs a paragraph list heading ("免去：") introduces: those after it, up to the next heading."""
        records = self.records
        if not records or not (0 <= hit.clause_id < len(records)) or not is_list_heading(hit.text) \
                or not _PARAGRAPH.match(hit.path[0] if len(hit.path) == 1 else ""):
            return []
        own = records[hit.clause_id]
        out = []
        for r in records[hit.clause_id + 1: hit.clause_id + 1 + _MAX_BACK]:
            if r.doc_index != own.doc_index or len(r.path) != 1 or not _PARAGRAPH.match(r.path[0]) \
                    or is_list_heading(r.text):
                break
            out.append(r.hit(0, 0.0))
        return out

    def children(self, hit: ClauseHit) -> list[ClauseHit]:
        """Clauses directly below the hit in its document (the items of a heading clause), in order."""
        records = self.records
        if not records or not (0 <= hit.clause_id < len(records)):
            return []
        own = records[hit.clause_id]
        depth = len(own.path)
        if depth == 0:
            return []  # the preamble is not the parent of the numbered parts
        out = []
        for i in range(hit.clause_id + 1, len(records)):  # not records[i:]: a copy of the rest of the index
            r = records[i]
            if r.doc_index != own.doc_index or len(r.path) <= depth or r.path[:depth] != own.path:
                break
            if len(r.path) == depth + 1:
                out.append(r.hit(0, 0.0))
        return out

    def parts_after_preamble(self, hit: ClauseHit) -> list[ClauseHit]:
        """The numbered parts of the document when the hit is a preamble that says nothing of its own: only that a
        request was received and what follows ("……的请示收悉。现批复如下：")."""
        records = self.records
        if not records or not (0 <= hit.clause_id < len(records)) or records[hit.clause_id].path:
            return []
        if any(not acknowledges(s.text) and not is_list_heading(s.text) for s in split_sentences(hit.text)):
            return []
        return self.numbered_parts(hit)

    def numbered_parts(self, hit: ClauseHit) -> list[ClauseHit]:
        """The top-level numbered parts of the document after the preamble hit (none for another clause)."""
        records = self.records
        if not records or not (0 <= hit.clause_id < len(records)) or records[hit.clause_id].path:
            return []
        own = records[hit.clause_id]
        out = []
        for r in records[hit.clause_id + 1:]:
            if r.doc_index != own.doc_index:
                break
            if len(r.path) == 1:
                out.append(r.hit(0, 0.0))
        return out

    def parent(self, hit: ClauseHit) -> ClauseHit | None:
        """The numbered clause directly above the hit ("二" above "二（三）"); None at the top level."""
        records = self.records
        if not records or not (0 <= hit.clause_id < len(records)):
            return None
        own = records[hit.clause_id]
        if len(own.path) < 2:
            return None
        above = tuple(own.path[:-1])
        for i in range(hit.clause_id - 1, -1, -1):  # siblings first, then the parent; stops at the document's start
            r = records[i]
            if r.doc_index != own.doc_index:
                return None
            if tuple(r.path) == above:
                return r.hit(0, 0.0)
        return None

    def lead_in(self, hit: ClauseHit) -> str | None:
        """The sentence of its parent that a leaf item without a heading completes: "有下列行为之一的，依照国家有关法律
        法规处理。" above "（5）……库存量未达到规定水平，影响应急使用的；", "国务院常务会议的主要任务是：" above its
        items. An item quoted alone says neither what it is a case of nor what follows from it."""
        if hit.heading or self.children(hit):
            return None
        parent = self.parent(hit)
        if parent is None:
            return None
        sentences = split_sentences(parent.text.strip() or parent.heading or "")
        last = sentences[-1].text.strip() if sentences else ""
        if len(last) > _LEAD_IN_CHARS or not (introduces_items(last) or _ONE_OF.search(last)):
            return None
        return last.rstrip("：:。 ")

    def ancestors(self, hit: ClauseHit) -> list[ClauseHit]:
        """The clauses above the hit, nearest first ("二（一）", then "二")."""
        out = []
        parent = self.parent(hit)
        while parent is not None:
            out.append(parent)
            parent = self.parent(parent)
        return out

    def same_document(self, a: ClauseHit, b: ClauseHit) -> bool:
        records = self.records
        if not records or not all(0 <= h.clause_id < len(records) for h in (a, b)):
            return False
        return records[a.clause_id].doc_index == records[b.clause_id].doc_index

    def inherited(self, hit: ClauseHit) -> str:
        """What an item without a heading of its own stands under: its parent's heading and, when short, the
        parent's text (a table's column header "★为牵头单位…2019年规模目标", a lead-in "需提交以下材料：")."""
        if hit.heading:
            return ""
        parent = self.parent(hit)
        if parent is None:
            return ""
        text = parent.text.strip() if len(parent.text) <= _INHERITED_CHARS else ""
        return f"{parent.heading or ''}\n{text}".strip()

    def document(self, hit: ClauseHit) -> list[ClauseHit]:
        """All clauses of the hit's document, in order."""
        return [r.hit(0, 0.0) for r in self.records_of(hit)]

    def records_of(self, hit: ClauseHit) -> list:
        """The records of the hit's document, in order."""
        records = self.records
        if not records or not (0 <= hit.clause_id < len(records)):
            return []
        doc = records[hit.clause_id].doc_index
        i = hit.clause_id
        while i > 0 and records[i - 1].doc_index == doc:
            i -= 1
        out = []
        while i < len(records) and records[i].doc_index == doc:
            out.append(records[i])
            i += 1
        return out
