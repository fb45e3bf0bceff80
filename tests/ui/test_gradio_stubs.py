"""gradio imported after prepare_environment() skips rewriting its component stubs (1.5 s of its import)."""
from __future__ import annotations

import subprocess
import sys

from tests.ui.conftest import ROOT


def test_stub_rewrite_skipped_and_page_still_builds(fake_index, data_dir):
    code = (
        "import sys\n"
        "from assistant.ui.app import create_app, prepare_environment\n"
        "from assistant.ui.gradio_stubs import _no_stub\n"
        "from assistant.ui.service import Service\n"
        "prepare_environment()\n"
        "import gradio.component_meta as meta\n"
        "app = create_app(Service.open(sys.argv[1]))\n"
        "print(meta.create_or_modify_pyi is _no_stub, type(app).__name__)\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(fake_index)], cwd=ROOT, capture_output=True, text=True,
                         timeout=300)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["True", "Guard"]
