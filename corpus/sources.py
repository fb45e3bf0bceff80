"""Find source files and read them as text (UTF-8 or GB18030), rejecting what is not text."""
from __future__ import annotations

import codecs
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from corpus.charfold import fold_cjk
from corpus.errors import SourceError

SOURCE_SUFFIXES = (".txt", ".md", ".pdf")
MAX_BYTES = 64 * 1024 * 1024
# A PDF carries fonts and images besides its text.
MAX_PDF_BYTES = 512 * 1024 * 1024
# Gazette lines are short and a statute's longest paragraph is a few thousand characters; a longer "line" is
# an export or data dump whose one clause could be neither cited nor searched in reasonable time and memory.
MAX_LINE_CHARS = 100_000
# Share of control characters above which decoded "text" is taken for binary data.
_MAX_CONTROL_SHARE = 0.05
_ALLOWED_CONTROLS = {"\t", "\n", "\r", "\f", "\v"}


def iter_source_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files as given, and *.txt / *.md under folders (sorted, hidden entries skipped), each once."""
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in SOURCE_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        elif path.is_file():
            found = [path]
        else:
            raise SourceError(str(path), "路径不存在")
        for p in found:
            key = p.resolve()
            if key not in seen:
                seen.add(key)
                yield p


def read_source(path: str | Path, max_bytes: int = MAX_BYTES,
                on_warning: Callable[[str, str], None] | None = None) -> str:
    """The file's text with \\n line endings; raises SourceError for empty, binary, huge or undecodable files.

    A PDF is read through its text layer (corpus.pdf); pages it cannot read (scans) go to
    `on_warning(path, message)`, by default printed like skipped files, and the rest is returned.
    """
    path = Path(path)
    if path.suffix.lower() == ".pdf":
        return _read_pdf(path, max(max_bytes, MAX_PDF_BYTES), on_warning or report_warning)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise SourceError(str(path), f"文件过大（{size / 1e6:.1f} MB，上限 {max_bytes / 1e6:.0f} MB）")
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(str(path), f"无法读取文件（{exc.strerror or exc}）") from exc
    return decode_source(data, str(path))


def report_warning(path: str, message: str) -> None:
    print(f"文件 {path}：{message}", file=sys.stderr)


def _read_pdf(path: Path, max_bytes: int, on_warning: Callable[[str, str], None]) -> str:
    from corpus.pdf import read_pdf

    try:
        size = path.stat().st_size
    except OSError as exc:
        raise SourceError(str(path), f"无法读取文件（{exc.strerror or exc}）") from exc
    if size > max_bytes:
        raise SourceError(str(path), f"文件过大（{size / 1e6:.1f} MB，上限 {max_bytes / 1e6:.0f} MB）")
    result = read_pdf(path)
    for message in result.warnings:
        on_warning(str(path), message)
    return result.text


def decode_source(data: bytes, name: str, on_warning: Callable[[str, str], None] | None = None) -> str:
    """Decode bytes read from `name`; same checks as read_source (PDF bytes are read as a PDF)."""
    if data.startswith(b"%PDF-"):
        from corpus.pdf import read_pdf

        result = read_pdf(data, name)
        for message in result.warnings:
            (on_warning or report_warning)(name, message)
        return result.text
    if not data.strip():
        raise SourceError(name, "文件为空")
    text = _decode_utf16(data)
    if text is None:
        if b"\x00" in data:
            raise SourceError(name, "二进制文件（含 NUL 字节），不是文本")
        text = _decode_utf8(data)
    if text is None:
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            raise SourceError(name, "无法识别的文本编码（既不是 UTF-8 也不是 GB18030/GBK）") from None
    # Radical look-alikes (⼈ U+2F08 for 人) come from PDF exports; folded here so every parser sees one form.
    text = fold_cjk(text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise SourceError(name, "文件为空（只有空白字符）")
    controls = sum(1 for ch in text if ch < " " and ch not in _ALLOWED_CONTROLS)
    if controls > _MAX_CONTROL_SHARE * len(text):
        raise SourceError(name, "二进制文件（控制字符过多），不是文本")
    longest = max(map(len, text.split("\n")))
    if longest > MAX_LINE_CHARS:
        raise SourceError(name, f"单行过长（{longest} 个字符，上限 {MAX_LINE_CHARS}），不像公报或法规文本")
    return text


def _decode_utf8(data: bytes) -> str | None:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        # A file cut off mid-character (an interrupted download or copy) is still UTF-8:
        # keep everything before the broken last character instead of misreading it all as GB18030.
        if exc.reason == "unexpected end of data" and exc.end == len(data) and len(data) - exc.start < 4:
            try:
                return data[: exc.start].decode("utf-8-sig")
            except UnicodeDecodeError:
                return None
        return None


def _decode_utf16(data: bytes) -> str | None:
    """UTF-16 with a byte-order mark ("Unicode" text from Windows Notepad); None otherwise."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return None
    return None
