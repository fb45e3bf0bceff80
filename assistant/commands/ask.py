"""`gazette ask`: answer a question with verbatim quotes from the gazettes, citing 文号 and clause."""
from __future__ import annotations

import json

from assistant.commands import errors
from assistant.commands.options import add_index_options
from assistant.commands.questions import read_questions


def add_arguments(parser) -> None:
    parser.add_argument("question", nargs="?", metavar="QUESTION", help="要提问的问题")
    add_index_options(parser)
    parser.add_argument("--json", action="store_true", help="输出一行 JSON")
    parser.add_argument("--batch", metavar="FILE", help="批量提问：文件每行一个问题，按顺序每行输出一个 JSON")
    parser.add_argument("-k", type=int, default=None, help="参与作答的条款数（默认 8）")
    parser.add_argument("--issue", metavar="TEXT", help="只依据该期公报作答，如 203、2019年第7期")
    parser.add_argument("--date-from", metavar="D", help="起始日期（含），如 2019-07-01；无日期的栏目按所在期公报的日期")
    parser.add_argument("--date-to", metavar="D", help="截止日期（含），如 2019-12-31")


def run(args) -> int:
    from index.errors import BadFilter, IndexStoreError, ModelUnavailable

    if args.k is not None and args.k < 1:
        return errors.usage("-k 必须是正整数。")
    questions = read_questions(args.question, args.batch, "问题")
    if isinstance(questions, int):
        return questions
    try:
        filters = _filters(args)
        searcher, folder = _open_index(args)
    except (IndexStoreError, ModelUnavailable, BadFilter) as exc:  # their messages are already Chinese
        return errors.report(exc, "回答")
    model = _ModelLoader(searcher)
    # The answer stage is imported while the model loads: a single-shot ask pays for only one of the two.
    from assistant.answer import AnswerError, ConfigError, LLMSettings, answer_question, load_config

    try:
        if filters is not None:
            from assistant.ui.service import FilteredRetriever

            searcher = FilteredRetriever(searcher, filters)
        config = load_config(folder)
        llm = LLMSettings.from_env()
        model.wait()
        for question in questions:
            answer = answer_question(question, searcher, config, k=args.k, llm=llm)
            if args.json or args.batch:
                print(json.dumps(answer.to_json(), ensure_ascii=False), flush=True)
            else:
                print_readable(answer)
    except ConfigError as exc:
        return errors.config_invalid(exc)
    except (AnswerError, IndexStoreError, ModelUnavailable, BadFilter) as exc:  # their messages are already Chinese
        return errors.report(exc, "回答")
    finally:
        model.join()  # never exit while the loading thread is inside the model runtime
    return errors.EXIT_OK


class _ModelLoader:
    """Loads the searcher's query model in a thread: creating the ONNX session mostly releases the GIL, so the
    caller's imports meanwhile cost no wall time. wait() re-raises the loading error in the caller's thread."""

    def __init__(self, searcher):
        import threading

        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._load, args=(searcher,), daemon=True)
        self._thread.start()

    def _load(self, searcher) -> None:
        try:
            getattr(searcher, "embedder", None)
        except BaseException as exc:  # noqa: BLE001 - handed to the caller by wait()
            self._error = exc

    def join(self) -> None:
        self._thread.join()

    def wait(self) -> None:
        self._thread.join()
        if self._error is not None:
            raise self._error


def _filters(args):
    """Issue and date filters (index.query.Filters), None when none is given; raises BadFilter."""
    from index.query import Filters

    filters = Filters(date_from=getattr(args, "date_from", None), date_to=getattr(args, "date_to", None),
                      issue=getattr(args, "issue", None))
    return None if filters.is_empty() else filters.validate()


def _open_index(args):
    """The searcher (model loaded once for all questions) and its folder, where answer_config.json may sit."""
    from index.paths import resolve_index_dir
    from index.build import ensure_index
    from index.search import load_index

    # Only the default index is built on first use; a named folder must exist.
    from assistant.commands.store import searcher_for

    searcher = searcher_for(args, lambda: load_index(args.index, args.model) if args.index else ensure_index(None, args.model))
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
