"""Parse one PDF-extracted gazette issue (政府公报) into documents and clauses."""
from __future__ import annotations

import dataclasses
import re
from collections import Counter
from dataclasses import dataclass, field

from corpus import layout, sections
from corpus.layout import (
    DATE_LINE,
    DOC_NUMBER_LINE,
    NORM_CODE,
    SENTENCE_END,
    Line,
    Page,
)
from corpus.issue import infer_issue_date
from corpus.issue import merge as merge_issue
from corpus.model import Document
from corpus.numbers import DOC_NUMBER, normalize_doc_number
from corpus.outline import match_marker, segment
from corpus.sections import NEWS_DATE_START, PUNCT, title_like
from corpus.tables import annex_clauses

# Words that end the title of an official document (公文文种).
TITLE_END = re.compile(r"(通知|意见|决定|办法|方案|细则|计划|规定|规划|批复|通报|公告|通告|报告|函|纲要|要点|规则|条例|决议|命令|令)$")
ORG_SUFFIX = re.compile(r"(办公室|办公厅|人民政府|政府|委员会|局|厅|部|署|院|委|办|中心|公司|小组|集团)$")
ADDRESSEE = re.compile(r"^各.{2,80}：$")
LEAD_IN = re.compile(r"^.{0,12}决定：$")
TOC_LINE = re.compile(rf"^{DOC_NUMBER.pattern}[\s\u3000]{{2,}}\S")
_DASHES = str.maketrans({"—": "-", "－": "-", "–": "-", "‐": "-"})


def looks_like_gazette(text: str) -> bool:
    """PDF-extracted gazette text: pages opened by a one-space indent, or a gazette running header."""
    page_starts = len(re.findall(r"^ [^ \n]", text, flags=re.M))
    return page_starts >= 3 or bool(re.search(r"公报\s*[（(]?\s*(总第|\d{4}\s*年\s*第)", text))


@dataclass
class _Group:
    pages: list[Page] = field(default_factory=list)
    kind: str | None = None

    @property
    def lines(self) -> list[Line]:
        return [line for page in self.pages for line in page.lines]


def parse_gazette(text: str, source: str) -> list[Document]:
    pages = layout.split_pages(text)
    info = merge_issue(h for p in pages for h in p.issues)
    gazette_name, issue = info.name, info.label
    groups = _group_pages(pages)
    year = _issue_year(groups)
    publisher = gazette_name[: -len("公报")] if gazette_name else None
    docs: list[Document] = []
    for group in groups:
        base = {"source": source, "gazette_issue": info.display()}
        kind = group.kind or _guess_kind(group)
        if kind == "normative":
            doc = _normative(group, base)
        elif kind == "news":
            docs.extend(sections.news(group.lines, base, year))
            continue
        elif kind == "chronicle":
            doc = sections.chronicle(group.lines, base, publisher)
        elif kind == "appointments":
            doc = sections.appointments(group.lines, base, publisher)
        elif kind == "statistics":
            doc = sections.statistics(group.lines, base)
        elif kind == "captions":
            doc = sections.captions(group.lines, base, gazette_name, issue, year)
            if info.display():  # 温州市人民政府公报 2019年第7期（总第203期）图片新闻
                doc = dataclasses.replace(doc, title=f"{info.display()}图片新闻")
        else:
            doc = sections.feature(group.lines, base)
        if doc and doc.clauses:
            docs.append(doc)
    # Every document carries its issue's date, so undated sections (appointments, chronicle) can be filtered by it.
    issue_date = infer_issue_date(info, docs, year)
    return [dataclasses.replace(d, issue_date=issue_date) for d in docs] if issue_date else docs


# ---- grouping pages into documents -------------------------------------------------------

def _is_toc(page: Page) -> bool:
    return sum(bool(TOC_LINE.match(line.text)) for line in page.lines) >= 2


def _has_doc_number(page: Page) -> bool:
    return any(DOC_NUMBER_LINE.match(line.text) for line in page.lines)


def _is_table_like(page: Page) -> bool:
    numeric = sum(len(re.findall(r"(?<![\d.])\d+(\.\d+)?(?![\d.])", line.text)) >= 3 for line in page.lines)
    return numeric >= 0.3 * len(page.lines) or layout.is_vertical(page.lines)


def _group_pages(pages: list[Page]) -> list[_Group]:
    groups: list[_Group] = []
    for page in pages:
        if _is_toc(page):
            continue  # the table of contents repeats titles of documents printed in full elsewhere
        first = page.lines[0].text
        banner = page.banner if page.banner != "document" else None
        current = groups[-1] if groups else None
        numbered = current is not None and any(_has_doc_number(p) for p in current.pages)
        kind = current.kind or ("normative" if numbered else None) if current else None
        starts = (
            current is None
            or (_has_doc_number(page) and numbered)
            or bool(ADDRESSEE.match(first) or LEAD_IN.match(first))
            or (banner and kind not in (None, banner))
            or (not banner and kind in ("statistics", "chronicle") and not _is_table_like(page) and not first.startswith("△"))
        )
        if starts:
            groups.append(_Group([page], banner))
        else:
            current.pages.append(page)
            if banner and current.kind is None:
                current.kind = banner
    for group in groups:
        if group.kind is None and any(_has_doc_number(p) for p in group.pages):
            group.kind = "normative"
    return groups


def _guess_kind(group: _Group) -> str:
    paragraphs = layout.join_lines(group.lines, lambda t: True)
    if paragraphs and sum(bool(NEWS_DATE_START.match(p)) for p in paragraphs) >= 0.8 * len(paragraphs):
        return "captions"
    return "feature"


def _issue_year(groups: list[_Group]) -> int | None:
    years = Counter()
    for group in groups:
        for line in group.lines:
            m = DATE_LINE.match(line.text)
            if m:
                years[int(m.group(1))] += 1
    return years.most_common(1)[0][0] if years else None


# ---- normative documents ----------------------------------------------------------------

def _normalize_title(text: str) -> str:
    return re.sub(r"\s+", "", text).translate(_DASHES)


def _find_title(lines: list[Line], at: int) -> tuple[int, int] | None:
    """The run of title lines next to the document-number line at `at` (before or after it)."""
    # Before: walk back over title-like lines, skipping a normative-document code.
    end = at
    while end > 0 and NORM_CODE.match(lines[end - 1].text):
        end -= 1
    start = end
    while start > 0 and title_like(lines[start - 1]) and end - start < 4:
        start -= 1
    if start < end and TITLE_END.search("".join(l.text for l in lines[start:end])):
        return start, end
    # After: the shortest run of title-like lines whose text ends with a document type word.
    begin = at + 1
    while begin < len(lines) and NORM_CODE.match(lines[begin].text):
        begin += 1
    stop = begin
    while stop < len(lines) and title_like(lines[stop]) and stop - begin < 4:
        stop += 1
        if TITLE_END.search("".join(l.text for l in lines[begin:stop])):
            # A title does not end where the next line continues it: （2019—2021年）的通知.
            if stop < len(lines) and title_like(lines[stop]) and re.match(r"^[（(的》之]", lines[stop].text):
                continue
            return begin, stop
    return None


def _signature(lines: list[Line]) -> tuple[list[int], str | None, str | None]:
    """Right-aligned issuer and date lines: (their indexes, issuer, ISO date)."""
    indexes, issuer, date = [], None, None
    for i, line in enumerate(lines):
        if line.indent < 8:
            continue
        indexes.append(i)
        m = DATE_LINE.match(line.text)
        if m and date is None:
            date = _iso(m)
            if i > 0 and lines[i - 1].indent >= 8 and ORG_SUFFIX.search(lines[i - 1].text):
                issuer = lines[i - 1].text
    return indexes, issuer, date


def _iso(m: re.Match) -> str:
    return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"


def _normative(group: _Group, base: dict) -> Document:
    lines = group.lines
    drop, doc_number, norm_code, title = _head_lines(lines)
    sig_indexes, signed_issuer, date = _signature(lines)
    drop.update(sig_indexes)
    addressees = _addressees(lines, drop)
    title = title or next((l.text for l in lines if title_like(l)), "")
    issuer = _issuer_from_title(title) or signed_issuer
    drop.update(_running_titles(lines, drop, _issued_names(lines, drop, title)))
    body, annex = _split_annex(_flow(lines, drop))
    attachments, annex_list = _attachment_names(annex)
    clauses = segment(_paragraphs(body, group.pages))
    clauses += annex_clauses(annex_list, annex[len(annex_list):] if annex else [], attachments)
    return Document(
        title=title, kind="normative", clauses=tuple(clauses), doc_number=doc_number, issuer=issuer,
        date=date, addressees=addressees, norm_code=norm_code, attachments=attachments, **base,
    )


def _head_lines(lines: list[Line]) -> tuple[set[int], str | None, str | None, str | None]:
    """(lines to drop, 文号, norm code, title): the number line, the title next to it and the norm-code line."""
    drop: set[int] = set()
    doc_number = norm_code = title = None
    for i, line in enumerate(lines):
        if DOC_NUMBER_LINE.match(line.text) and doc_number is None:
            doc_number = normalize_doc_number(line.text)
            drop.add(i)
            span = _find_title(lines, i)
            if span:
                title = "".join(l.text for l in lines[span[0]:span[1]])
                drop.update(range(*span))
        elif NORM_CODE.match(line.text):
            norm_code = norm_code or line.text
            drop.add(i)
    return drop, doc_number, norm_code, title


def _addressees(lines: list[Line], drop: set[int]) -> tuple[str, ...]:
    """The first addressee line (各…：), split into its addressees and added to drop."""
    for i, line in enumerate(lines):
        if i not in drop and ADDRESSEE.match(line.text):
            drop.add(i)
            return split_list(line.text.rstrip("："))
    return ()


def _issued_names(lines: list[Line], drop: set[int], title: str) -> set[str]:
    """Normalized names of the documents being issued (《…》 in the title and the cover letter) and the title:
    printed again as headings and running titles, out of their place they are page furniture."""
    names = set(re.findall(r"《([^》]{4,60})》", title))
    first_text = "".join(lines[i].text for i in range(min(len(lines), 6)) if i not in drop)
    names.update(n for n in re.findall(r"《([^》]{4,60})》", first_text))
    names.add(title)
    return {_normalize_title(n) for n in names if n}


def _cover_lines(lines: list[Line], drop: set[int]) -> list[int]:
    """Indexes of the cover letter: set across the full page width, before any 附件 line."""
    wide = 1.3 * layout.typical_width(lines)
    annex_at = next((i for i, line in enumerate(lines) if re.match(r"^附件[：:]", line.text)), len(lines))
    cover: list[int] = []
    run: list[int] = []
    for i, line in enumerate(lines[:annex_at] + [Line("", 0, False, 0)]):
        if i < annex_at and i not in drop and layout.display_width(line.text) > wide:
            run.append(i)
            continue
        if i in drop and i < annex_at:
            continue  # a signature between two cover lines does not end the run
        if any(PUNCT.search(lines[j].text) for j in run):
            cover += run
            if lines[run[-1]].text[-1] not in SENTENCE_END and i < annex_at:
                cover.append(i)  # the short last line of the cover letter
        run = []
    return cover


def _flow(lines: list[Line], drop: set[int]) -> list[Line]:
    """The kept lines in reading order. PDF extraction may emit the cover letter after the columns of the page,
    so it is put back at the start."""
    cover = _cover_lines(lines, drop)
    order = cover + [i for i in range(len(lines)) if i not in cover]
    cover_last = lines[cover[-1]] if cover else None
    flow = []
    for i in order:
        line = lines[i]
        if i in drop:
            continue
        if cover and flow and flow[-1] is cover_last:
            line = dataclasses.replace(line, break_before=True)
        # Text resumes after a signature or title block: a new paragraph unless mid-sentence.
        if flow and (i - 1) in drop and flow[-1].text[-1] in SENTENCE_END:
            line = dataclasses.replace(line, break_before=True)
        flow.append(line)
    return flow


def split_list(text: str) -> tuple[str, ...]:
    """Split on ，、 outside brackets: 各县（市、区）人民政府，市政府直属各单位."""
    parts, depth, current = [], 0, ""
    for ch in text:
        depth += int(ch in "（(《")
        depth -= int(ch in "）)》")
        if ch in "，,、" and depth <= 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    parts.append(current)
    return tuple(p.strip() for p in parts if p.strip())


def _issuer_from_title(title: str) -> str | None:
    m = re.match(r"^(.{2,30}?)关于", title)
    if m and ORG_SUFFIX.search(m.group(1)):
        return m.group(1)
    return None


def _running_titles(lines: list[Line], drop: set[int], names: set[str]) -> set[int]:
    """Indexes of lines that together spell a known title (up to three consecutive lines)."""
    found: set[int] = set()
    for i in range(len(lines)):
        if i in drop or i in found or not title_like(lines[i]):
            continue
        text = ""
        for j in range(i, min(i + 3, len(lines))):
            if j in drop or not title_like(lines[j]):
                break
            text += lines[j].text
            if _normalize_title(text) in names:
                found.update(range(i, j + 1))
                break
    return found


def _split_annex(flow: list[Line]) -> tuple[list[Line], list[Line]]:
    for i, line in enumerate(flow):
        if re.match(r"^附件[：:]", line.text):
            return flow[:i], flow[i:]
    return flow, []


def _attachment_names(annex: list[Line]) -> tuple[tuple[str, ...], list[Line]]:
    """Names listed after 附件： (continuation lines are indented) and the lines of the list."""
    if not annex:
        return (), []
    listed = [annex[0]]
    for line in annex[1:]:
        if not line.fw_indent:
            break
        listed.append(line)
    text = annex[0].text.split("：", 1)[-1].split(":", 1)[-1]
    for line in listed[1:]:
        text += ("\n" if re.match(r"^\d+[.．、]", line.text) else "") + line.text
    items = [re.sub(r"^\d+[.．、]\s*", "", part).strip() for part in text.split("\n")]
    return tuple(i for i in items if i), listed


def _paragraphs(lines: list[Line], pages: list[Page]) -> list[str]:
    """Join lines page by page, repair scrambled numbered items, then join across pages."""
    by_page: dict[int, list[Line]] = {}
    page_of = {line.number: n for n, page in enumerate(pages) for line in page.lines}
    for line in lines:
        by_page.setdefault(page_of[line.number], []).append(line)
    width_lines = lines
    result: list[str] = []
    for n in sorted(by_page):
        page_lines = by_page[n]
        paras = _join(page_lines, width_lines)
        if layout.is_vertical(page_lines):
            paras = ["".join(l.text for l in page_lines)]
        previous_open = bool(result) and result[-1][-1] not in SENTENCE_END
        paras = _restore_item_order(paras, previous_open)
        if result and paras and previous_open and match_marker(paras[0]) is None:
            result[-1] += paras.pop(0)
        result.extend(paras)
    return result


def _join(page_lines: list[Line], width_lines: list[Line]) -> list[str]:
    # The document's full-line width, not the page's, so short pages join correctly.
    return layout.join_lines(page_lines, _starts_unit, layout.typical_width(width_lines))


LABELLED = re.compile(r"^[\u4e00-\u9fff]{2,6}[：:]")


def _starts_unit(text: str) -> bool:
    """Numbered units, chronicle items and labelled paragraphs (主要目标：…) open a paragraph."""
    return match_marker(text) is not None or text.startswith("△") or bool(LABELLED.match(text))


def _items_out_of_order(markers) -> bool:
    """Numbered items going backwards with no higher-level marker between them."""
    last = 0
    for m in markers:
        if m is None:
            continue
        if m.kind != "num":
            last = 0
        elif m.number < last:
            return True
        else:
            last = m.number
    return False


def _restore_item_order(paras: list[str], previous_open: bool) -> list[str]:
    """Put numbered items printed out of order back in sequence (PDF block order is not reading order).

    A leading fragment that continues no earlier text is appended to the item left unfinished,
    and a bare section heading printed after its items is moved before them.
    """
    markers = [match_marker(p) for p in paras]
    if not _items_out_of_order(markers):
        return paras
    headings = [p for p, m in zip(paras, markers) if m and m.kind == "supplementary" and not m.rest]
    fragment = None
    if not previous_open and markers[0] is None:
        fragment = paras[0]
    blocks: list[tuple[int, list[str]]] = []
    lead: list[str] = []
    for p, m in zip(paras, markers):
        if p is fragment or (m and m.kind == "supplementary" and not m.rest):
            continue
        if m and m.kind == "num":
            blocks.append((m.number, [p]))
        elif blocks:
            blocks[-1][1].append(p)
        else:
            lead.append(p)
    if fragment is not None:
        open_blocks = [b for b in blocks if b[1][-1][-1] not in SENTENCE_END]
        if len(open_blocks) == 1:
            open_blocks[0][1][-1] += fragment
        else:
            lead.insert(0, fragment)
    blocks.sort(key=lambda b: b[0])
    return lead + headings + [p for _, ps in blocks for p in ps]
