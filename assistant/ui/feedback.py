"""Thumbs up/down on answers, kept in SQLite in the data folder; exported as new eval cases."""
from __future__ import annotations

import json
import sqlite3
import threading
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

FILE_NAME = "feedback.sqlite3"
RATINGS = ("up", "down")
MAX_COMMENT = 2000  # characters kept of a comment; the staff table shows them all

# Numbered migrations: MIGRATIONS[i] takes the schema from user_version i to i + 1.
MIGRATIONS = [
    """
    CREATE TABLE feedback (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        created TEXT NOT NULL,
        rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
        comment TEXT NOT NULL DEFAULT '',
        question TEXT NOT NULL,
        answer TEXT NOT NULL,
        abstained INTEGER NOT NULL,
        citations TEXT NOT NULL,
        index_version TEXT NOT NULL
    );
    """,
    # One vote per answer: the page's conversation id and turn, so a changed vote updates its record.
    """
    ALTER TABLE feedback ADD COLUMN answer_key TEXT;
    CREATE INDEX feedback_answer_key ON feedback (answer_key);
    """,
]


class FeedbackError(ValueError):
    """A rating outside RATINGS or an unknown feedback id."""


@dataclass(frozen=True)
class Feedback:
    id: int
    created: str
    rating: str
    comment: str
    question: str
    answer: str
    abstained: bool
    citations: list[dict]
    index_version: str

    @property
    def reviewed(self) -> bool:
        """A liked answer is its own gold; a disliked one needs staff to write the right clause first."""
        return self.rating == "up"

    def to_eval_case(self, persona: str = "resident") -> dict:
        """An eval case in eval/evalset.py's format; a liked answer's citations become the gold clauses.

        Disliked answers come out with empty gold and answerable true, which the eval loader rejects until
        staff fill in the gold clause: export_eval writes them to a separate review file.
        """
        gold = []
        for c in self.citations if self.rating == "up" else []:
            ref = {"doc_number": c["doc_number"]} if c.get("doc_number") else {"title": c.get("title", "")}
            gold.append({**ref, "path": list(c.get("path", []))})
        answerable = bool(gold) if self.rating == "up" else True
        mark = "有用" if self.rating == "up" else "没用，待补充正确条款"
        notes = f"来自用户反馈 #{self.id}（{mark}）" + (f"：{self.comment}" if self.comment else "")
        return {"id": f"feedback-{self.id}", "persona": persona, "question": self.question,
                "answerable": answerable, "gold": gold, "facts": [], "notes": notes}


class FeedbackStore:
    """One SQLite file; safe to share between threads (one connection per call)."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._migrate()

    @classmethod
    def in_data_dir(cls) -> "FeedbackStore":
        from index.paths import data_dir

        return cls(data_dir() / FILE_NAME)

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=10)
        conn.row_factory = sqlite3.Row
        return conn

    def _migrate(self) -> None:
        with self._lock, self._connect() as conn:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            for i in range(version, len(MIGRATIONS)):
                conn.executescript(MIGRATIONS[i])
                conn.execute(f"PRAGMA user_version = {i + 1}")

    def add(self, rating: str, answer, index_version: str, comment: str = "") -> int:
        """Store a rating of an Answer; returns the new feedback id."""
        if rating not in RATINGS:
            raise FeedbackError(f"rating must be one of {RATINGS}, got {rating!r}")
        citations = json.dumps([c.to_json() for c in answer.citations], ensure_ascii=False)
        created = datetime.now(timezone.utc).isoformat(timespec="seconds")
        with self._lock, self._connect() as conn:
            cur = conn.execute(
                "INSERT INTO feedback (created, rating, comment, question, answer, abstained, citations, index_version)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (created, rating, comment.strip()[:MAX_COMMENT], answer.question, answer.text, int(answer.abstained), citations,
                 index_version))
            return int(cur.lastrowid)

    def vote(self, rating: str, answer, index_version: str, answer_key: str) -> int:
        """One vote per answer (answer_key: conversation and turn): the first vote adds a record, later ones
        change its rating. Returns the record's id."""
        if rating not in RATINGS:
            raise FeedbackError(f"rating must be one of {RATINGS}, got {rating!r}")
        citations = json.dumps([c.to_json() for c in answer.citations], ensure_ascii=False)
        created = datetime.now(timezone.utc).isoformat(timespec="seconds")
        with self._lock, self._connect() as conn:
            row = conn.execute("SELECT id FROM feedback WHERE answer_key = ? AND question = ?",
                               (answer_key, answer.question)).fetchone()
            if row is not None:
                conn.execute("UPDATE feedback SET rating = ? WHERE id = ?", (rating, row["id"]))
                return int(row["id"])
            cur = conn.execute(
                "INSERT INTO feedback (created, rating, comment, question, answer, abstained, citations, index_version,"
                " answer_key) VALUES (?, ?, '', ?, ?, ?, ?, ?, ?)",
                (created, rating, answer.question, answer.text, int(answer.abstained), citations, index_version,
                 answer_key))
            return int(cur.lastrowid)

    def comment(self, feedback_id: int, text: str) -> None:
        with self._lock, self._connect() as conn:
            cur = conn.execute("UPDATE feedback SET comment = ? WHERE id = ?", (text.strip()[:MAX_COMMENT], feedback_id))
            if cur.rowcount == 0:
                raise FeedbackError(f"no feedback with id {feedback_id}")

    def list(self, rating: str | None = None, limit: int = 500) -> list[Feedback]:
        """Newest first."""
        sql, args = "SELECT * FROM feedback", []
        if rating:
            sql += " WHERE rating = ?"
            args.append(rating)
        sql += " ORDER BY id DESC LIMIT ?"
        args.append(limit)
        with self._connect() as conn:
            rows = conn.execute(sql, args).fetchall()
        return [Feedback(r["id"], r["created"], r["rating"], r["comment"], r["question"], r["answer"],
                         bool(r["abstained"]), json.loads(r["citations"]), r["index_version"]) for r in rows]

    def export_eval(self, path: str | Path, rating: str | None = None) -> tuple[int, int, Path | None]:
        """Write feedback as eval cases (JSONL, oldest first): liked answers to `path`, disliked ones to
        `<path stem>-review.jsonl` for staff to complete. Returns (cases written, cases for review, review path)."""
        items = list(reversed(self.list(rating, limit=1_000_000)))
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        ready = [fb.to_eval_case() for fb in items if fb.reviewed]
        review = [fb.to_eval_case() for fb in items if not fb.reviewed]
        _write_jsonl(path, ready)
        review_path = path.with_name(f"{path.stem}-review.jsonl") if review else None
        if review_path:
            _write_jsonl(review_path, review)
        return len(ready), len(review), review_path


def _write_jsonl(path: Path, cases: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for case in cases:
            fh.write(json.dumps(case, ensure_ascii=False) + "\n")
