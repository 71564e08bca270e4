"""The data path of one article: ingest, clean, prefilter, the extractors, the record (`extract`), dedup.

See docs/architecture.md for the order and what flows between them.
"""
