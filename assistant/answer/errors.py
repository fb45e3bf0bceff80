"""Named errors of the answer stage; only the CLI and UI turn them into Chinese messages."""
from __future__ import annotations


class AnswerError(Exception):
    """Base class of the answer stage's errors."""


class ConfigError(AnswerError):
    """An answer_config.json that cannot be used."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class QuoteMismatch(AnswerError):
    """A citation whose quote is not an exact substring of its clause's text."""

    def __init__(self, marker: int, clause_id: int, quote: str):
        super().__init__(f"citation [{marker}] (clause {clause_id}) quote is not in the clause text: {quote[:40]!r}")
        self.marker = marker
        self.clause_id = clause_id
        self.quote = quote


class LLMError(AnswerError):
    """The optional language model failed: unreachable, timed out, or answered in an unknown shape."""


class HistoryError(AnswerError):
    """Conversation history in a shape other than the two accepted ones."""

    def __init__(self, reason: str):
        super().__init__(
            f"{reason}; history must be a list of {{'role': 'user'|'assistant', 'content': str}} "
            "or a list of (question, answer) pairs"
        )
        self.reason = reason
