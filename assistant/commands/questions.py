"""The questions a command works on: one from the command line, or one per line of a --batch file."""
from __future__ import annotations

from assistant.commands import errors


def read_questions(single: str | None, batch: str | None, kind: str) -> list[str] | int:
    """The non-empty questions, each within MAX_QUERY_CHARS; else the exit code after reporting why (kind names
    them in the message: 问题, 检索问题)."""
    from index.query import MAX_QUERY_CHARS

    if batch:
        try:
            with open(batch, encoding="utf-8") as fh:
                questions = [line.strip() for line in fh if line.strip()]
        except (OSError, UnicodeDecodeError) as exc:
            return errors.unreadable("批量问题文件", batch, exc)
    elif single and single.strip():
        questions = [single]
    else:
        return errors.missing_question(kind)
    return errors.too_long(kind, questions, MAX_QUERY_CHARS) or questions
