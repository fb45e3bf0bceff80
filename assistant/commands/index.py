"""`gazette index`: build or update the retrieval index."""
from __future__ import annotations

import json

from assistant.commands import errors
from assistant.commands.options import add_index_options


def add_arguments(parser) -> None:
    from assistant.commands.store import add_ray_argument

    parser.add_argument("sources", nargs="*", metavar="SOURCES", help="公报文件或目录（默认：内置公报）")
    add_index_options(parser, model_help="向量模型名称或本地目录（默认：m3e-small）")
    add_ray_argument(parser)
    parser.add_argument("--json", action="store_true", help="以 JSON 输出建索引摘要")


def run(args) -> int:
    from assistant.commands.store import run_index

    if (code := run_index(args)) is not None:  # --store Milvus or --ray
        return code
    from index.build import build_index
    from index.errors import BadFilter, IndexStoreError, ModelUnavailable

    try:
        summary = build_index(args.sources or None, args.index, args.model)
    except (IndexStoreError, ModelUnavailable, BadFilter, OSError) as exc:
        return errors.failed(f"建立索引失败：{exc}")
    if args.json:
        print(json.dumps(summary.to_json(), ensure_ascii=False))
        return 0
    t = summary.timings
    print(f"索引已写入 {summary.index_dir}")
    print(f"  文档 {summary.documents} 篇，条款 {summary.clauses} 条，向量 {summary.vectors} 个（{summary.dense_index}）")
    print(f"  来源文件 {summary.sources} 个：新增 {len(summary.added)}，变更 {len(summary.changed)}，"
          f"删除 {len(summary.removed)}，未变 {len(summary.unchanged)}，跳过 {len(summary.skipped)}")
    for path in summary.unstructured:
        print(f"  未识别结构（无文号、条款编号或落款）：{path} 整篇收录为一条无结构文本")
    print(f"  新嵌入 {summary.embedded} 段，复用 {summary.reused} 段；模型 {summary.model}")
    print(f"  用时 {summary.seconds:.1f} 秒（解析 {t['parse']:.1f}，嵌入 {t['embed']:.1f}，建索引 {t['index']:.1f}）")
    return 0
