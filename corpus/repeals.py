"""What a document repeals: 《…》（温政办〔2017〕12号）同时废止 / 停止执行, 废止《…》."""
from __future__ import annotations

import re

from corpus.validity import sentences

VERB = re.compile(r"(?:同时|予以|一并|即行|自行)?(?:废止|停止执行|不再执行|停止施行|同时失效|自行失效|即行失效)")
VERB_FIRST = re.compile(r"(?:决定|现|予以|同时)?废止(?:了)?(?=《)")
_KEY = re.compile(r"废止|停止执行|不再执行|停止施行|失效")
# A repeal being planned, proposed or described is not a repeal (立法计划: 拟废止…; 修改或废止…).
PLANNED = re.compile(r"(拟|计划|建议|提请|研究|适时|将于|清理|修改或|修订或|是否|被废止|已废止|已经废止)")
NAMED = re.compile(r"《(?P<title>[^《》]{2,80})》\s*(?:[（(](?P<number>[^（）()]{2,30}?号)[）)])?")
NUMBER = re.compile(r"(?P<prefix>[\u4e00-\u9fff]{1,12})[〔\[［(（](?P<year>\d{4})[〕\]］)）]\s*第?(?P<n>\d{1,5})号|"
                    r"(?P<order>[\u4e00-\u9fff]{1,10}令)第(?P<on>\d{1,5})号")
# 《…》第五条停止执行 repeals one provision, not the document.
PART = re.compile(r"^\s*(?:[（(][^（）()]*[）)])?\s*(第[一二三四五六七八九十百\d]+[条款项章]|中|的(?:部分|有关|相关)|有关)")


def canonical_number(text: str) -> str | None:
    """温政办[2017]第012号 -> 温政办〔2017〕12号; 国务院令第707号 stays; None when it is no document number."""
    m = NUMBER.search(text)
    if not m:
        return None
    if m.group("order"):
        return f"{m.group('order')}第{int(m.group('on'))}号"
    return f"{m.group('prefix')}〔{m.group('year')}〕{int(m.group('n'))}号"


def repeals_in(text: str) -> tuple[str, ...]:
    """Document numbers (preferred) or titles of the documents the text repeals, in order, without repeats."""
    found: list[str] = []
    for sentence in sentences(text, _KEY):
        clauses = re.split(r"[，,]", sentence)
        for n, part in enumerate(clauses):
            verb = VERB.search(part)
            first = VERB_FIRST.search(part)
            if not verb and not first:
                continue
            if PLANNED.search(part[: (verb or first).start()]) or PLANNED.search(part[(verb or first).start():][:6]):
                continue
            # The documents named just before the verb (possibly in the preceding comma clauses of a list).
            scope = part[: verb.start()] if verb and not first else part[first.end():] if first else part
            if verb and not NAMED.search(scope) and n and NAMED.search(clauses[n - 1]):
                scope = clauses[n - 1] + "，" + scope
            found.extend(_refs(scope))
    return tuple(dict.fromkeys(found))


def _refs(scope: str) -> list[str]:
    refs = []
    covered = []
    for m in NAMED.finditer(scope):
        covered.append(m.span())
        if PART.match(scope[m.end():]):
            continue
        number = canonical_number(m.group("number") or "")
        refs.append(number or m.group("title").strip())
    for m in NUMBER.finditer(scope):
        if any(a <= m.start() < b for a, b in covered) or PART.match(scope[m.end():]):
            continue
        prefix = re.sub(r"^(?:.*?(?:印发的|发布的|的))?原?", "", m.group("prefix") or "")
        if m.group("prefix") and prefix:
            refs.append(f"{prefix}〔{m.group('year')}〕{int(m.group('n'))}号")
        elif m.group("order"):
            refs.append(f"{m.group('order')}第{int(m.group('on'))}号")
    return refs


def document_repeals(doc) -> tuple[str, ...]:
    """Everything a corpus Document repeals, over all its clauses; never the document itself."""
    own = {doc.doc_number, doc.title}
    # A repeal decision may name what it repeals only in its title: 关于废止《…》的决定.
    found = repeals_in("\n".join([doc.title or "", *(c.text for c in doc.clauses)]))
    return tuple(r for r in found if r not in own)
