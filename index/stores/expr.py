"""Milvus filter expressions built from parameters: user text is passed as a value, never pasted into the grammar."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from index.errors import BadFilter

_NAME = re.compile(r"^[a-z_][a-z0-9_]*$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass
class Expr:
    """A conjunction of terms with `{pN}` placeholders and their values (Milvus expression templates)."""

    terms: list[str] = field(default_factory=list)
    params: dict[str, object] = field(default_factory=dict)

    def add(self, template: str, **values) -> "Expr":
        """`template` names its values as {name}; names are renumbered so terms never clash."""
        for name, value in values.items():
            key = f"p{len(self.params)}"
            template = template.replace("{" + name + "}", "{" + key + "}")
            self.params[key] = _checked(name, value)
        self.terms.append(f"({template})")
        return self

    def extend(self, other: "Expr") -> "Expr":
        out = Expr(list(self.terms), dict(self.params))
        for term in other.terms:
            out.terms.append(term)
        clash = set(out.params) & set(other.params)
        if clash:  # renumber the other's parameters
            text = " and ".join(other.terms)
            for key in sorted(other.params, key=len, reverse=True):
                new = f"q{len(out.params)}"
                text = text.replace("{" + key + "}", "{" + new + "}")
                out.params[new] = other.params[key]
            out.terms = list(self.terms) + [text]
        else:
            out.params.update(other.params)
        return out

    @property
    def template(self) -> str:
        return " and ".join(self.terms)

    def render(self) -> str:
        """The expression with every value written as a Milvus literal (for servers without templates,
        e.g. milvus-lite 2.5): strings are JSON-quoted, so a quote in user text cannot end the literal."""
        text = self.template
        for key in sorted(self.params, key=len, reverse=True):
            text = text.replace("{" + key + "}", literal(self.params[key]))
        return text


def literal(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(int(value))
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(literal(v) for v in value) + "]"
    raise TypeError(f"unsupported expression value {type(value).__name__}")


def _checked(name: str, value):
    """Values with control characters are refused: no literal form needs them and they end lines in logs."""
    items = value if isinstance(value, (list, tuple)) else [value]
    for v in items:
        if isinstance(v, str) and _CONTROL.search(v):
            raise BadFilter(name, v, "不含控制字符的文本")
    return list(value) if isinstance(value, tuple) else value


def like_contains(name: str, text: str) -> str:
    """A LIKE pattern matching `text` anywhere; LIKE's own wildcards in user text are refused."""
    if "%" in text or "_" in text:
        raise BadFilter(name, text, "不含 % 或 _ 的文本")
    return f"%{text}%"


def like_suffix(name: str, text: str) -> str:
    if "%" in text or "_" in text:
        raise BadFilter(name, text, "不含 % 或 _ 的文本")
    return f"%{text}"


def field_name(name: str) -> str:
    if not _NAME.match(name):
        raise ValueError(f"bad field name {name!r}")
    return name
