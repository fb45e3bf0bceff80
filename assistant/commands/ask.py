"""`gazette ask`: answer a question with verbatim quotes from the gazettes, citing 文号 and clause."""
from __future__ import annotations

import json
import sys


def add_arguments(parser) -> None:
    parser.add_argument("question", nargs="?", metavar="QUESTION", help="要提问的问题")
    parser.add_argument("--index", metavar="DIR", help="索引目录（默认：$GAZETTE_INDEX 或 数据目录/index）")
    parser.add_argument("--model", metavar="M", help="向量模型（默认：建索引时的模型）")
    parser.add_argument("--json", action="store_true", help="输出一行 JSON")
    parser.add_argument("--batch", metavar="FILE", help="批量提问：文件每行一个问题，按顺序每行输出一个 JSON")
    parser.add_argument("-k", type=int, default=None, help="参与作答的条款数（默认 8）")


def run(args) -> int:
    from assistant.answer import AnswerError, ConfigError, LLMSettings, answer_question, load_config
    from index.errors import IndexStoreError, ModelUnavailable

    if args.k is not None and args.k < 1:
        print("-k 必须是正整数。", file=sys.stderr)
        return 1
    questions = _questions(args)
    if questions is None:
        return 1
    try:
        searcher, folder = _open_index(args)
        config = load_config(folder)
        llm = LLMSettings.from_env()
        for question in questions:
            answer = answer_question(question, searcher, config, k=args.k, llm=llm)
            if args.json or args.batch:
                print(json.dumps(answer.to_json(), ensure_ascii=False), flush=True)
            else:
                print_readable(answer)
    except ConfigError as exc:
        print(f"回答设置文件无效：{exc.path}（{exc.reason}）", file=sys.stderr)
        return 1
    except AnswerError as exc:
        print(f"回答失败：{exc}", file=sys.stderr)
        return 1
    except (IndexStoreError, ModelUnavailable) as exc:  # their messages are already Chinese
        print(f"回答失败：{exc}", file=sys.stderr)
        return 1
    return 0


def _questions(args) -> list[str] | None:
    if args.batch:
        try:
            with open(args.batch, encoding="utf-8") as fh:
                return _short_enough([line.strip() for line in fh if line.strip()])
        except (OSError, UnicodeDecodeError) as exc:
            print(f"无法读取批量问题文件 {args.batch}：{getattr(exc, 'strerror', None) or exc}", file=sys.stderr)
            return None
    if args.question and args.question.strip():
        return _short_enough([args.question])
    print("请提供问题，或用 --batch FILE 指定问题文件。", file=sys.stderr)
    return None


def _short_enough(questions: list[str]) -> list[str] | None:
    from index.query import MAX_QUERY_CHARS

    for n, question in enumerate(questions, start=1):
        if len(question) > MAX_QUERY_CHARS:
            where = f"第 {n} 个问题" if len(questions) > 1 else "问题"
            print(f"{where}过长（{len(question)} 个字符）：最多 {MAX_QUERY_CHARS} 个字符。", file=sys.stderr)
            return None
    return questions


def _open_index(args):
    """The searcher (model loaded once for all questions) and its folder, where answer_config.json may sit."""
    from index.paths import resolve_index_dir
    from index.search import ensure_index, load_index

    # Only the default index is built on first use; a named folder must exist.
    searcher = load_index(args.index, args.model) if args.index else ensure_index(None, args.model)
    return searcher, resolve_index_dir(args.index)


def print_readable(answer) -> None:
    """The answer, then one line per citation: 【n】文号 标题 条款：引文."""
    print(answer.text)
    if answer.citations:
        print()
        print("引用：")
        for c in answer.citations:
            number = f"{c.doc_number} " if c.doc_number else ""
            print(f"【{c.marker}】{number}{c.title} {c.label}：{c.quote}")
