"""Texts to print as PDFs in the tests: State Council documents from the shared corpus (absent: tests skip)."""
from __future__ import annotations

import re
from pathlib import Path

POLICY_DIR = Path(__file__).resolve().parents[4] / "shared" / "corpora" / "govcn-policy-sample" / "docs"
POLICY_DOCS = ["01_国发〔2019〕5号.txt", "02_国办发〔2019〕6号.txt", "04_国办发〔2019〕4号.txt"]


def policy_paragraphs(text: str) -> list[tuple[str, str]]:
    """A State Council text as printed: title and 文号 centred, signature right-aligned, paragraphs indented."""
    lines = [line for line in text.split("\n") if line.strip()]
    number_at = next((i for i, line in enumerate(lines[:8]) if re.search(r"〔\d{4}〕\d+号$", line.strip())), -1)
    out = []
    for i, line in enumerate(lines):
        if i <= number_at:
            out.append(("center", line.strip()))
        elif line != line.rstrip() and len(line.strip()) < 30:
            out.append(("right", line.strip()))  # the signature block is padded on the right in these texts
        elif i == number_at + 1 and line.rstrip().endswith("："):
            out.append(("left", line.strip()))
        else:
            out.append(("indent", line.strip()))
    return out


def policy_sources() -> list[Path]:
    return [POLICY_DIR / name for name in POLICY_DOCS if (POLICY_DIR / name).is_file()]
