"""`gazette` command line: a thin layer over the library; each command lives in assistant/commands/."""
from __future__ import annotations

import argparse
import importlib
import sys

# Command name -> module under assistant.commands exposing add_arguments(parser) and run(args) -> int.
COMMANDS = {
    "parse": "解析公报文件，输出文档与条款",
    "index": "建立或更新检索索引",
    "search": "检索相关条款",
    "ask": "提问并获得带引用的回答",
    "eval": "用评测集评估问答质量",
    "serve": "启动聊天界面与 HTTP 接口",
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="gazette", description="政府公报问答助手：回答均逐字引用公报原文并注明文号与条款。")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, help_text in COMMANDS.items():
        try:
            module = importlib.import_module(f"assistant.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"assistant.commands.{name}":
                raise
            continue
        p = sub.add_parser(name, help=help_text, description=help_text)
        module.add_arguments(p)
        p.set_defaults(_module=module)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from assistant.commands.errors import EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE

    if not getattr(args, "_module", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        return args._module.run(args) or EXIT_OK
    except KeyboardInterrupt:
        print("已中断。", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # output piped into head/less that closed early
        sys.stderr.close()
        return EXIT_OK
