"""Notes on the validity of cited documents: a period that has ended, a document repealed by another."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from index.hits import ClauseHit


def validity_notes(hits: Sequence[ClauseHit], today: date | None = None) -> list[str]:
    """One note per cited document whose effective period ended before today or that was repealed."""
    today = today or date.today()
    notes: list[str] = []
    seen: set[str] = set()
    for hit in hits:
        key = hit.doc_number or hit.title
        if key in seen:
            continue
        seen.add(key)
        name = hit.doc_number or f"《{hit.title.strip('《》')}》"
        if hit.repealed_by:
            notes.append(f"注意：{name}已被{hit.repealed_by}废止。")
            continue
        until = _date(hit.effective_until)
        if until is not None and until < today:
            lead = "该文件" if len(hits) == 1 or len({h.doc_number or h.title for h in hits}) == 1 else name
            notes.append(f"注意：{lead}有效期至{until.year}年{until.month}月{until.day}日，已到期。")
    return notes


def _date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
