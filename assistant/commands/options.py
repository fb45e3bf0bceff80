"""Command-line options several commands share, declared once."""
from __future__ import annotations

INDEX_HELP = "索引目录（默认：$GAZETTE_INDEX 或 数据目录/index）"
MODEL_HELP = "向量模型（默认：建索引时的模型）"


def add_index_options(parser, index_help: str = INDEX_HELP, model_help: str = MODEL_HELP) -> None:
    """--store (a Milvus store instead of the index folder), --index DIR and --model M."""
    from assistant.commands.store import add_store_argument

    add_store_argument(parser)
    parser.add_argument("--index", metavar="DIR", help=index_help)
    parser.add_argument("--model", metavar="M", help=model_help)
