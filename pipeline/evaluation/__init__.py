"""Measuring the pipeline: scoring against gold files (`scoring`, `matching`, `results`), the synthetic
corpus (`synthetic`) and the run benchmark (`bench`)."""
