"""Eval-set format (JSON Lines, one case per line): load, validate, and check gold clauses against a parsed corpus.

{"id": str, "persona": "resident"|"clinic"|"staff", "question": str, "answerable": bool,
 "gold": [{"doc_number": str | "title": str, "path": [str, ...]}], "facts": [str], "spans"?: bool,
 "reference_answer"?: str, "notes"?: str}

Gold clauses are alternatives (any one is a correct citation) unless "spans" is true: then the answer needs all of
them (a question whose answer spans two clauses). Unanswerable cases have gold = [] and facts = [].
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from eval.errors import EvalSetError

PERSONAS = {"resident": "居民", "clinic": "诊所经营者", "staff": "工作人员"}
REQUIRED = ("id", "persona", "question", "answerable", "gold", "facts")
OPTIONAL = ("spans", "reference_answer", "notes")
SETS = Path(__file__).resolve().parent / "sets"
# Tuning happens on the dev sets only; the test set measures, gates CI and is never calibrated or tuned on.
SHIPPED = SETS / "wenzhou-203.jsonl"
DEV_SETS = (SHIPPED, *(SETS / f"wenzhou-203-dev{n}.jsonl" for n in (2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13, 14)))
TEST_SET = SETS / "wenzhou-203-test.jsonl"


def is_test_set(path: str | Path) -> bool:
    """A held-out set (name ending in -test.jsonl): measured, never calibrated on."""
    return Path(path).name.endswith("-test.jsonl")


@dataclass(frozen=True)
class GoldClause:
    doc_number: str | None
    title: str | None
    path: tuple[str, ...]

    @property
    def doc_id(self) -> str:
        """Same key as corpus.Document.doc_id: the number, else the title."""
        return self.doc_number or self.title or ""

    @property
    def key(self) -> tuple[str, str]:
        """The field the document is named by and its value, as scoring matches it: a title written as a doc_number
        is no document's number."""
        return ("doc_number", self.doc_number) if self.doc_number else ("title", self.title or "")

    def matches(self, doc_number: str | None, title: str, path) -> bool:
        """A clause (from a hit or a citation) is this gold clause: same document and exactly the same path."""
        return self.matches_doc(doc_number, title) and tuple(path) == self.path

    def matches_doc(self, doc_number: str | None, title: str) -> bool:
        return (self.doc_number == doc_number) if self.doc_number else (self.title == title)

    def to_json(self) -> dict:
        key = {"doc_number": self.doc_number} if self.doc_number else {"title": self.title}
        return {**key, "path": list(self.path)}


@dataclass(frozen=True)
class Case:
    id: str
    persona: str
    question: str
    answerable: bool
    gold: tuple[GoldClause, ...]
    facts: tuple[str, ...]
    spans: bool = False
    reference_answer: str | None = None
    notes: str | None = None
    line: int = field(default=0, compare=False)

    @property
    def docs(self) -> tuple[str, ...]:
        """Gold documents, in order, without repeats."""
        return tuple(dict.fromkeys(g.doc_id for g in self.gold))

    def to_json(self) -> dict:
        data = {"id": self.id, "persona": self.persona, "question": self.question, "answerable": self.answerable,
                "gold": [g.to_json() for g in self.gold], "facts": list(self.facts)}
        if self.spans:
            data["spans"] = True
        if self.reference_answer is not None:
            data["reference_answer"] = self.reference_answer
        if self.notes is not None:
            data["notes"] = self.notes
        return data


def load_evalset(path: str | Path) -> list[Case]:
    """All cases of one JSONL file; raises EvalSetError listing every malformed line by number."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalSetError(str(path), [(0, f"无法读取文件（{getattr(exc, 'strerror', None) or exc}）")]) from None
    return parse_evalset(text.splitlines(), str(path))


def load_evalsets(paths: Iterable[str | Path]) -> list[Case]:
    """Cases of several files in order; ids must be unique across them."""
    cases: list[Case] = []
    seen: dict[str, str] = {}
    for p in paths:
        loaded = load_evalset(p)
        dupes = [(c.line, f"id “{c.id}” 与 {seen[c.id]} 中的用例重复") for c in loaded if c.id in seen]
        if dupes:
            raise EvalSetError(str(p), dupes)
        seen.update({c.id: str(p) for c in loaded})
        cases.extend(loaded)
    return cases


def parse_evalset(lines: Iterable[str], name: str = "<evalset>") -> list[Case]:
    cases, problems, ids = [], [], {}
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            problems.append((number, f"不是合法的 JSON（第 {exc.colno} 列：{exc.msg}）"))
            continue
        case, errors = _case(data, number)
        if case is not None and case.id in ids:
            errors.append(f"id “{case.id}” 与第 {ids[case.id]} 行重复")
        problems.extend((number, e) for e in errors)
        if case is not None and not errors:
            ids[case.id] = number
            cases.append(case)
    if problems:
        raise EvalSetError(name, problems)
    return cases


def _case(data, line: int) -> tuple[Case | None, list[str]]:
    if not isinstance(data, dict):
        return None, ["每行必须是一个 JSON 对象"]
    errors = []
    missing = [k for k in REQUIRED if k not in data]
    if missing:
        errors.append(f"缺少字段：{', '.join(missing)}")
    unknown = sorted(set(data) - set(REQUIRED) - set(OPTIONAL))
    if unknown:
        errors.append(f"未知字段：{', '.join(unknown)}；允许的字段：{', '.join(REQUIRED + OPTIONAL)}")
    if missing:
        return None, errors
    if not isinstance(data["id"], str) or not data["id"].strip():
        errors.append("id 必须是非空字符串")
    if data["persona"] not in PERSONAS:
        errors.append(f"persona 取值无效：{data['persona']!r}；允许的取值：{'、'.join(PERSONAS)}")
    if not isinstance(data["question"], str) or not data["question"].strip():
        errors.append("question 必须是非空字符串")
    if not isinstance(data["answerable"], bool):
        errors.append("answerable 必须是 true 或 false")
    gold, gold_errors = _gold(data["gold"])
    errors += gold_errors
    facts = data["facts"]
    if not isinstance(facts, list) or not all(isinstance(f, str) and f.strip() for f in facts):
        errors.append("facts 必须是非空字符串的列表")
        facts = []
    spans = data.get("spans", False)
    if not isinstance(spans, bool):
        errors.append("spans 必须是 true 或 false")
    for key in ("reference_answer", "notes"):
        if key in data and not isinstance(data[key], str):
            errors.append(f"{key} 必须是字符串")
    if data["answerable"] is True and not gold:
        errors.append("可回答的用例（answerable=true）必须至少有一条 gold 条款")
    if data["answerable"] is False and (data["gold"] or facts):
        errors.append("无法回答的用例（answerable=false）的 gold 与 facts 必须为空列表")
    if spans is True and len(gold) < 2:
        errors.append("spans=true 的用例至少需要两条 gold 条款")
    if errors:
        return None, errors
    return Case(data["id"].strip(), data["persona"], data["question"].strip(), data["answerable"], tuple(gold),
                tuple(facts), spans, data.get("reference_answer"), data.get("notes"), line), []


def _gold(items) -> tuple[list[GoldClause], list[str]]:
    if not isinstance(items, list):
        return [], ["gold 必须是列表"]
    gold, errors = [], []
    for i, g in enumerate(items, start=1):
        if not isinstance(g, dict):
            errors.append(f"gold 第 {i} 项必须是对象")
            continue
        number, title, path = g.get("doc_number"), g.get("title"), g.get("path")
        unknown = sorted(set(g) - {"doc_number", "title", "path"})
        if unknown:
            errors.append(f"gold 第 {i} 项有未知字段：{', '.join(unknown)}；允许：doc_number、title、path")
        if not (isinstance(number, str) and number.strip()) and not (isinstance(title, str) and title.strip()):
            errors.append(f"gold 第 {i} 项需要 doc_number（文号）或 title（标题）")
            continue
        if not isinstance(path, list) or not all(isinstance(p, str) and p for p in path):
            errors.append(f"gold 第 {i} 项的 path 必须是字符串列表，如 [\"三\", \"（九）\"]")
            continue
        gold.append(GoldClause(number or None, title if not number else (title or None), tuple(path)))
    return gold, errors


# -- gold clauses against a parsed corpus ------------------------------------------------------------------------

def clause_table(documents) -> dict[tuple[tuple[str, str], tuple[str, ...]], str]:
    """(GoldClause.key, path) -> clause text, for every clause of corpus.Document objects, by number and by title."""
    table = {}
    for doc in documents:
        for c in doc.clauses:
            for key in document_keys(doc.doc_number, doc.title):
                table.setdefault((key, tuple(c.path)), c.text)
    return table


def document_keys(doc_number: str | None, title: str) -> list[tuple[str, str]]:
    """The GoldClause keys that name a document: its number (when it has one) and its title."""
    return ([("doc_number", doc_number)] if doc_number else []) + [("title", title)]


def gold_text(gold: GoldClause, table) -> str | None:
    return table.get((gold.key, gold.path))


def check_gold(cases: Iterable[Case], documents) -> list[tuple[int, str]]:
    """(line, message) for every gold clause not in the corpus and every fact in none of its case's gold clauses."""
    table = clause_table(documents)
    problems = []
    for case in cases:
        texts = []
        for g in case.gold:
            text = gold_text(g, table)
            if text is None:
                problems.append((case.line, f"用例 {case.id}：gold 条款不在语料中：{g.doc_id} {list(g.path)}"))
                continue
            if case.spans and not text.strip():
                # A heading with no text of its own cannot be quoted, so an answer could never cite every clause.
                problems.append((case.line, f"用例 {case.id}：spans 用例的 gold 条款只有标题、没有正文，回答无法引用它："
                                            f"{g.doc_id} {list(g.path)}（请改列其下有正文的条款）"))
            texts.append(text)
        if len(texts) == len(case.gold):
            for fact in case.facts:
                if not any(fact in t for t in texts):
                    problems.append((case.line, f"用例 {case.id}：要点“{fact}”不在任何 gold 条款原文中"))
    return problems
