"""Keyword tokenizer: document numbers kept whole, a corpus-derived jieba dictionary, stop words dropped."""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

from corpus.numbers import CLOSE, canonical, find_doc_number
from corpus.numbers import DOC_NUMBER_IN_TEXT as DOC_NUMBER

# A document named by its number only: "49号文", "49号文件", or a serial right after an issuer code with the year
# left out ("温人社发105号", "国办发6号").
SHORT_NUMBER = re.compile(rf"(?<![\d{re.escape(CLOSE)}])(\d{{1,4}})\s*号\s*(?:文件|文)|(?<=[发办函字企])(\d{{1,4}})\s*号")
AGENCY = re.compile(r"(?:[\u4e00-\u9fa5]{2,4}[省市县区])?[市县区省][\u4e00-\u9fa5]{1,6}?(?:委员会|办公室|局|委|办|厅|署|院)")
BOOK_TITLE = re.compile(r"《([^《》]{2,24})》")
# A personnel item opens on the person's name, then the post ("黄凡任…主任；", "蒋义炮兼任…", "叶雪影的…职务。").
PERSONNEL_ITEM = re.compile(r"^\s*([\u4e00-\u9fa5]{2,4}?)(?:兼任|担任|任|为|的)")

STOP_WORDS = frozenset(
    "什么 怎么 怎样 如何 是否 哪些 哪个 哪里 多少 几 吗 呢 吧 啊 呀 么 的 了 是 在 和 与 及 或 等 对 中 有 要 "
    "请问 请 一下 我 我们 你 想 想要 知道 告诉 可以 能 能否 会 需要 关于 有关 对于 这个 那个 这 那 就 都 也 "
    "还 还是 以及 为什么 为何 呀 哦 嗯 时候 哪年 哪天 哪儿 多长 多久了".split()
)
# Words that precede an issuer code in running text ("根据温委发〔2018〕45号").
_CODE_LEAD = re.compile(r"^.*(?:根据|关于|依据|按照|参照|印发|转发|执行|落实|贯彻|详见|见|和|及|与|或)")
_PUNCT = re.compile(r"^[\W_]+$", re.UNICODE)
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")
BIGRAM = "~"  # prefix of character-bigram tokens
_PARTICLES = frozenset("的了吗呢吧啊呀么哦嗯")
# Part of the dictionary hash: indexes built by another tokenizer version are rebuilt, not misread.
TOKENIZER_VERSION = "words+bigrams+item-names-2"


def normalize_doc_number(text: str) -> str:
    """温政办[2019]49 号 -> 温政办〔2019〕49号 (the first one named in text; text itself when none)."""
    return find_doc_number(text) or text.strip()


def doc_number_forms(doc_number: str) -> list[str]:
    """The tokens a document number is indexed under: whole, 〔year〕N号, N号, and the issuer code."""
    m = DOC_NUMBER.search(doc_number)
    if not m:
        return [doc_number.strip()] if doc_number.strip() else []
    code, year, num = m.group(1) or "", m.group(2), int(m.group(3))
    forms = [canonical(code, year, num), canonical(None, year, num), f"{num}号"]
    if code:
        forms.append(code)
    return list(dict.fromkeys(forms))


def personnel_name(item: str) -> str | None:
    """The name a personnel item opens on ("黄凡任…主任；" -> 黄凡), None for any other paragraph."""
    m = PERSONNEL_ITEM.match(item)
    return m.group(1) if m else None


def derive_terms(titles: Iterable[str], headings: Iterable[str], texts: Iterable[str],
                 issuers: Iterable[str], doc_numbers: Iterable[str] = ()) -> list[str]:
    """User-dictionary words found in the corpus: document numbers, agency names and short forms,
    quoted titles, short headings."""
    terms: set[str] = {normalize_doc_number(n) for n in doc_numbers if n}
    for issuer in issuers:
        if issuer and len(issuer) <= 20:
            terms.add(issuer)
    for text in list(titles) + list(texts):
        terms.update(m.group(0) for m in AGENCY.finditer(text))
        terms.update(m.group(1) for m in BOOK_TITLE.finditer(text))
    for heading in headings:
        heading = (heading or "").strip("：:。 ")
        if 2 <= len(heading) <= 8 and not _PUNCT.match(heading):
            terms.add(heading)
    return sorted(t for t in terms if len(t) >= 2 and not re.search(r"\s", t))


def _fresh_jieba(lazy: bool):
    """A private jieba.Tokenizer over the main dictionary (index.dictionary), so user words added to it
    reach no other tokenizer; `lazy` looks words up as they come (questions), else the table is read whole."""
    from index.dictionary import frequencies, load_jieba

    tok = load_jieba().Tokenizer()
    tok.FREQ, tok.total = frequencies(lazy)
    tok.initialized = True
    return tok


class KeywordTokenizer:
    """Private jieba.Tokenizer with the corpus words; search-mode cut so compounds also yield their parts.
    `lazy`: start in milliseconds and look words up as they come (a searcher tokenizes only questions)."""

    def __init__(self, user_words: Iterable[str] = (), stop_words: Iterable[str] = STOP_WORDS, lazy: bool = False):
        from index.dictionary import load_jieba

        self.user_words = sorted(set(user_words))
        self.stop_words = frozenset(stop_words)
        self._jieba = _fresh_jieba(lazy)
        for word in self.user_words:
            self._jieba.add_word(word, freq=50_000)
        self.version = load_jieba().__version__
        self._known_numbers = frozenset(w for w in self.user_words if DOC_NUMBER.fullmatch(w))
        # Bigrams skip over question words and particles; one-character stop words such as 中 or 有
        # are also parts of content words (中医, 有效期), so they do not split.
        words = sorted((w for w in self.stop_words if re.fullmatch(r"[\u4e00-\u9fff]+", w)
                        and (len(w) > 1 or w in _PARTICLES)), key=len, reverse=True)
        self._stop_split = re.compile("|".join(map(re.escape, words)) or "(?!)")

    @property
    def dictionary_hash(self) -> str:
        payload = "\n".join(["jieba " + self.version, TOKENIZER_VERSION, *self.user_words, "--",
                             *sorted(self.stop_words)])
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()

    def _keep(self, token: str) -> bool:
        token = token.strip()
        return bool(token) and token not in self.stop_words and not _PUNCT.match(token)

    def _split_code(self, code: str, core: str) -> tuple[str, str]:
        """(text before the issuer code, issuer code): the longest known number wins, else up to 6 characters."""
        for i in range(len(code)):
            if code[i:] + core in self._known_numbers:
                return code[:i], code[i:]
        m = _CODE_LEAD.match(code)
        if m:
            return code[:m.end()], code[m.end():]
        return (code[:-6], code[-6:]) if len(code) > 6 else ("", code)

    def tokenize(self, text: str) -> list[str]:
        """Tokens of one text; document numbers come out whole plus their short forms."""
        tokens: list[str] = []
        rest: list[str] = []
        last = 0
        for m in DOC_NUMBER.finditer(text):
            core = f"〔{m.group(2)}〕{int(m.group(3))}号"
            before, code = self._split_code(m.group(1) or "", core)
            rest.append(text[last:m.start()] + before)
            tokens.extend(doc_number_forms(code + core))
            last = m.end()
        rest.append(text[last:])
        for part in rest:
            for m in SHORT_NUMBER.finditer(part):
                tokens.append(f"{int(m.group(1) or m.group(2))}号")
            part = SHORT_NUMBER.sub(" ", part)
            words = [t for t in self._jieba.cut_for_search(part) if self._keep(t)]
            tokens.extend(words)
            tokens.extend(self._bigrams(part))
        return tokens

    def _bigrams(self, text: str) -> list[str]:
        """Character bigrams of each CJK run, stop words removed first: they recover the words a
        segmentation error splits ("开诊|所有" hides 诊所). Prefixed so they never merge with words."""
        grams = []
        for run in _CJK_RUN.findall(text):
            for piece in self._stop_split.split(run):
                grams.extend(BIGRAM + piece[i:i + 2] for i in range(len(piece) - 1))
        return grams

    def tokenize_query(self, text: str) -> list[str]:
        """Query tokens plus the official-vocabulary equivalents of everyday words (index.synonyms)."""
        tokens = self.tokenize(text)
        words = [t for t in self._jieba.cut(text) if t.strip()]
        for term in query_expansion(text, words, [t for t in tokens if not t.startswith(BIGRAM)]):
            tokens.extend(t for t in self.tokenize(term) if t not in tokens)
        return tokens

    def tokenize_batch(self, texts: Iterable[str]) -> list[list[str]]:
        return [self.tokenize(t) for t in texts]


# "哪些企业可以申请", "能参加这个试点吗": who a policy applies to, which documents state in a section of their own
# (一、适用对象; 适用范围; 申请条件), whatever words the question shares with its text.
ASKS_ELIGIBILITY = re.compile(r"(?:哪些|哪类|哪种|什么样的?|什么)(?:[\u4e00-\u9fff]{1,6}?)(?:可以|能够?|可)(?:申请|享受|参加|参与|纳入)"
                              r"|(?:可以|能够?|能否|能不能|可不可以)(?:申请|享受|参加|参与|纳入)[^，,。？?]{0,20}(?:吗|么|\?|？)"
                              r"|适用(?:于)?(?:哪些|什么|谁)")
ELIGIBILITY_SECTIONS = ("适用对象", "适用范围", "申请条件", "申报条件")


def query_expansion(text: str, words: list[str], more: Iterable[str] = ()) -> list[str]:
    """Terms a keyword query adds, in either store: the official equivalents of its everyday words (also those jieba
    cut apart; `words`: its jieba cut, `more`: other tokens to expand), and the headings of the section its form
    asks for (适用对象 for "哪些企业可以申请")."""
    from index.synonyms import THESAURUS, expand

    extra = expand([*words, *cut_apart(text, words, THESAURUS), *more])
    if ASKS_ELIGIBILITY.search(text):
        extra += [t for t in ELIGIBILITY_SECTIONS if t not in extra]
    return extra


# Characters of question phrases: the table's entries for them ("什么时候", "哪个部门") expand only where jieba keeps
# the phrase whole.
_ASKING = set("什么哪谁几多少怎")


def cut_apart(text: str, words: list[str], table) -> list[str]:
    """The table's everyday words that jieba cut apart in the text ("管养|狗" holds 养狗): each occurrence straddles
    two of its words, none of which holds it whole ("工作" inside 工作日 is no such word)."""
    spans, at = [], 0
    for w in words:
        start = text.find(w, at)
        if start >= 0:
            spans.append((start, start + len(w)))
            at = start + len(w)
    out = []
    for key in table:
        if len(key) < 2 or key in words or _ASKING & set(key):
            continue
        i = text.find(key)
        while i >= 0:
            if not any(a <= i and i + len(key) <= b for a, b in spans):
                out.append(key)
                break
            i = text.find(key, i + 1)
    return out
