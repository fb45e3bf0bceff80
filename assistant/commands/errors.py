"""Exit codes and the Chinese messages of the command line, in one place for every command.

The library raises named errors; only this layer turns them into a line on stderr and an exit code.
"""
from __future__ import annotations

import sys

EXIT_OK = 0
EXIT_FAILED = 1  # the data, the index, the model or a settings file is missing or unusable
EXIT_USAGE = 2  # no question, an option out of range, a filter value that is not allowed (argparse also exits 2)
EXIT_GATE = 3  # `gazette eval --gate`: a metric below its threshold
EXIT_INTERRUPTED = 130  # Ctrl+C


def usage(message: str) -> int:
    """Report a usage problem; EXIT_USAGE."""
    print(message, file=sys.stderr)
    return EXIT_USAGE


def failed(message: str) -> int:
    """Report a data, index or model problem; EXIT_FAILED."""
    print(message, file=sys.stderr)
    return EXIT_FAILED


def report(exc: Exception, doing: str) -> int:
    """A library error (messages already Chinese) as one line, "<doing>失败：…"; bad filters are usage errors."""
    from index.errors import BadFilter

    text = f"{doing}失败：{exc}"
    return usage(text) if isinstance(exc, BadFilter) else failed(text)


def config_invalid(exc) -> int:
    """An answer_config.json that cannot be used (assistant.answer.ConfigError); EXIT_FAILED."""
    return failed(f"回答设置文件无效：{exc.path}（{exc.reason}）")


def unreadable(what: str, path, exc: Exception) -> int:
    """A file named on the command line that cannot be read; EXIT_FAILED."""
    return failed(f"无法读取{what} {path}：{getattr(exc, 'strerror', None) or exc}")


def missing_question(kind: str = "问题") -> int:
    return usage(f"请提供{kind}，或用 --batch FILE 指定问题文件。")


def too_long(kind: str, texts: list[str], limit: int) -> int | None:
    """EXIT_USAGE (with a message naming the first) when any text is longer than limit; None when all fit."""
    for n, text in enumerate(texts, start=1):
        if len(text) > limit:
            where = f"第 {n} 个{kind}" if len(texts) > 1 else kind
            return usage(f"{where}过长（{len(text)} 个字符）：最多 {limit} 个字符。")
    return None
