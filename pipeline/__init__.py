"""kerjasama: Indonesian regional news in, deduplicated inter-government cooperation events out.

The library is the product; `cli.py` only parses arguments and prints.
"""
from .stages.extract import extract_from_text, extract_record
from .runner.run import RunResult, process_folder, run

__all__ = ["extract_from_text", "extract_record", "process_folder", "run", "RunResult"]
