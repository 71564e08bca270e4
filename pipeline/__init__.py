"""kerjasama: Indonesian regional news in, deduplicated inter-government cooperation events out.

The library is the product; `cli.py` only parses arguments and prints.
"""
import sys


def _import_thinc_without_torch() -> None:
    """Import thinc (spaCy's machine-learning layer) while torch is hidden from it.

    thinc imports torch at its own import whenever torch is installed (the Stanza extra installs it),
    though spaCy's CNN models, which this project ships, never call it: that costs every process
    0.7 s and about 200 MB. Hidden for that one import, torch stays importable for the Stanza
    backend, which imports it itself. A process that has imported either already is left as it is.
    """
    if "thinc" in sys.modules or "torch" in sys.modules:
        return
    sys.modules["torch"] = None  # type: ignore[assignment]  # makes `import torch` raise ImportError
    try:
        import thinc.api  # noqa: F401
    finally:
        del sys.modules["torch"]


_import_thinc_without_torch()

from .stages.extract import extract_from_text, extract_record
from .runner.run import RunResult, process_folder, run

__all__ = ["extract_from_text", "extract_record", "process_folder", "run", "RunResult"]
