"""`gazette search`: retrieve the clauses that best match a query."""
from __future__ import annotations

import json

from assistant.commands import errors
from assistant.commands.options import add_index_options
from assistant.commands.questions import read_questions


def add_arguments(parser) -> None:
    parser.add_argument("query", nargs="?", metavar="QUERY", help="检索问题")
    parser.add_argument("-k", type=int, default=10, help="返回条款数（默认 10）")
    add_index_options(parser, model_help="查询所用向量模型（默认：建索引时的模型）")
    parser.add_argument("--json", action="store_true", help="每个问题输出一行 JSON")
    parser.add_argument("--batch", metavar="FILE", help="批量检索：文件每行一个问题，按顺序每行输出一个 JSON")
    parser.add_argument("--mode", choices=("hybrid", "keyword", "dense"), default="hybrid",
                        help="检索方式：hybrid 混合（默认）、keyword 关键词、dense 向量")
    parser.add_argument("--doc-number", metavar="X", help="只检索该文号的文件")
    parser.add_argument("--issuer", metavar="X", help="只检索该发文机关的文件")
    parser.add_argument("--kind", metavar="X", help="只检索该类文件，如 normative、notice、statute")
    parser.add_argument("--date-from", metavar="D", help="起始日期（含），如 2019-07-01")
    parser.add_argument("--date-to", metavar="D", help="截止日期（含），如 2019-12-31；无日期的栏目按所在期公报的日期")
    parser.add_argument("--issue", metavar="TEXT", help="只检索该期公报，如 203、2019年第7期、总第203期")


def run(args) -> int:
    from index.errors import BadFilter, IndexStoreError, ModelUnavailable
    from index.query import Filters
    from index.build import ensure_index
    from index.search import load_index

    queries = read_questions(args.query, args.batch, "检索问题")
    if isinstance(queries, int):
        return queries
    filters = Filters(args.doc_number, args.issuer, args.kind, args.date_from, args.date_to, args.issue)
    try:
        filters.validate()
        # Only the default index is built on first use; a named folder must exist.
        from assistant.commands.store import searcher_for

        searcher = searcher_for(args, lambda: load_index(args.index, args.model) if args.index else ensure_index(None, args.model))
        results = searcher.search_batch(queries, args.k, filters, args.mode)
    except (IndexStoreError, ModelUnavailable, BadFilter) as exc:
        return errors.report(exc, "检索")
    for query, hits in zip(queries, results):
        if args.json or args.batch:
            print(json.dumps({"query": query, "hits": [h.to_json() for h in hits]}, ensure_ascii=False))
        else:
            _print_readable(query, hits)
    return 0


def _print_readable(query: str, hits) -> None:
    print(f"问题：{query}")
    if not hits:
        print("  未找到相关条款。")
        return
    for h in hits:
        snippet = h.text.replace("\n", "")
        snippet = snippet[:80] + ("……" if len(snippet) > 80 else "")
        number = h.doc_number or "无文号"
        print(f"{h.rank:>2}. [{number}] {h.title} · {h.label}（得分 {h.score:.4f}）")
        if h.heading:
            print(f"    {h.heading}")
        print(f"    {snippet}")
