"""Data passed from the corpus stage to the index stage."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

# Document kinds, with the Chinese name shown to users.
KINDS = {
    "normative": "规范性文件",
    "notice": "通知公告",
    "appointments": "人事任免",
    "news": "政务简讯",
    "chronicle": "政府记事",
    "statistics": "统计资料",
    "feature": "专题文章",
    "captions": "图片说明",
    "statute": "法律法规",
    "unstructured": "未识别结构的文本",
}


@dataclass(frozen=True)
class Clause:
    """One citable unit: a numbered item, the preamble, or a table row block."""

    path: tuple[str, ...]
    label: str
    heading: str | None
    text: str

    def to_json(self) -> dict:
        return {"path": list(self.path), "label": self.label, "heading": self.heading, "text": self.text}


@dataclass(frozen=True)
class Document:
    source: str
    title: str
    kind: str
    clauses: tuple[Clause, ...]
    doc_number: str | None = None
    issuer: str | None = None
    date: str | None = None
    gazette_issue: str | None = None
    addressees: tuple[str, ...] = ()
    norm_code: str | None = None
    attachments: tuple[str, ...] = field(default=())
    # Form of the document as users name it (通知, 意见, 批复, 条例, 预案 …), beside the layout `kind`.
    doc_type: str | None = None
    # Month (YYYY-MM) or day (YYYY-MM-DD) of the gazette issue the document was printed in.
    issue_date: str | None = None
    # Period of validity where the document prints one (YYYY-MM-DD).
    effective_from: str | None = None
    effective_until: str | None = None
    # Documents this one repeals (废止 / 停止执行), by 文号 where printed, else by title (corpus.repeals).
    repeals: tuple[str, ...] = ()

    @property
    def doc_id(self) -> str:
        """Stable id within a corpus: the document number, else the title."""
        return self.doc_number or self.title

    def to_json(self) -> dict:
        data = asdict(self)
        data["addressees"] = list(self.addressees)
        data["attachments"] = list(self.attachments)
        data["repeals"] = list(self.repeals)
        data["clauses"] = [c.to_json() for c in self.clauses]
        return data
