"""PDFs generated from the project's own texts, once per test session (no real gazette PDF exists here)."""
from __future__ import annotations

from pathlib import Path

import pytest

from bench import gazette_pdf
from corpus.parse import default_sources, parse_text
from corpus.sources import read_source

GAZETTE = "温州市人民政府公报"
ISSUE = "总第203期"


@pytest.fixture(scope="session")
def issue_text() -> str:
    return read_source(default_sources()[0])


@pytest.fixture(scope="session")
def text_docs(issue_text):
    return parse_text(issue_text, "issue")


@pytest.fixture(scope="session")
def issue_plans(issue_text):
    return gazette_pdf.plan_gazette(issue_text, GAZETTE, ISSUE)


@pytest.fixture(scope="session")
def pdf_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("pdfs")


@pytest.fixture(scope="session")
def reportlab_issue(issue_plans, pdf_dir) -> Path:
    return gazette_pdf.render_reportlab(issue_plans, pdf_dir / "issue-reportlab.pdf")


@pytest.fixture(scope="session")
def chromium_issue(issue_plans, pdf_dir) -> Path:
    if gazette_pdf.chromium() is None:
        pytest.skip("chromium is not installed (apt-get install chromium fonts-noto-cjk)")
    return gazette_pdf.render_chromium(issue_plans, pdf_dir / "issue-chromium.pdf")


@pytest.fixture(params=["reportlab", pytest.param("chromium", marks=pytest.mark.browser)])
def issue_pdf(request) -> Path:
    """The bundled issue rendered by each producer."""
    return request.getfixturevalue(f"{request.param}_issue")


@pytest.fixture(scope="session")
def extracted():
    """read_pdf and parse_file results per PDF path, computed once per session."""
    from corpus.parse import parse_file
    from corpus.pdf import read_pdf

    cache: dict = {}

    def get(path: Path):
        if path not in cache:
            cache[path] = (read_pdf(path), parse_file(path))
        return cache[path]

    return get
