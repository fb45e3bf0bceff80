"""Import gradio without its import-time rewrite of component type stubs.

At import, gradio's ComponentMeta re-renders a .pyi stub for each of its ~80 components (parsing each
component's source and a Jinja template, then rewriting the file in site-packages when it differs):
about 1.5 s of the 4 s `import gradio` takes on 2 cores, for files only type checkers read. Skipping it
changes nothing the server does.
"""
from __future__ import annotations

import importlib.abc
import importlib.util
import sys

_MODULE = "gradio.component_meta"


class _SkipStubs(importlib.abc.MetaPathFinder):
    """Finds gradio.component_meta as usual, then replaces its stub writer with a no-op once it has run."""

    def find_spec(self, name, path, target=None):
        if name != _MODULE:
            return None
        sys.meta_path.remove(self)  # once; the ordinary finders locate the module
        spec = importlib.util.find_spec(name)
        if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
            return spec
        run = spec.loader.exec_module

        def exec_module(module) -> None:
            run(module)
            if callable(getattr(module, "create_or_modify_pyi", None)):  # absent in other versions: nothing to skip
                module.create_or_modify_pyi = _no_stub

        spec.loader.exec_module = exec_module
        return spec


def _no_stub(*args, **kwargs) -> None:
    return None


def skip_stub_rewrite() -> None:
    """Before the first `import gradio`; later calls, or gradio already imported, change nothing."""
    if "gradio" not in sys.modules and not any(isinstance(f, _SkipStubs) for f in sys.meta_path):
        sys.meta_path.insert(0, _SkipStubs())
