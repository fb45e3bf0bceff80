"""Cited answers: extractive by default, optionally model-written; every quote verified against its clause."""
from assistant.answer.answerer import answer_question, retrieve
from assistant.answer.config import (
    AnswerConfig,
    calibrate_threshold,
    load_config,
    save_config,
)
from assistant.answer.conversation import Turn, parse_history
from assistant.answer.errors import (
    AnswerError,
    ConfigError,
    HistoryError,
    LLMError,
    QuoteMismatch,
)
from assistant.answer.llm import LLMSettings
from assistant.answer.question import Question, parse_question
from assistant.answer.session import Conversation
from assistant.answer.types import Answer, Citation, Retriever
from assistant.answer.verify import verify_answer

__all__ = [
    "Answer", "AnswerConfig", "AnswerError", "Citation", "ConfigError", "Conversation", "HistoryError",
    "LLMError", "LLMSettings", "Question", "QuoteMismatch", "Retriever", "Turn", "answer_question",
    "calibrate_threshold", "load_config", "parse_history", "parse_question", "retrieve", "save_config", "verify_answer",
]
