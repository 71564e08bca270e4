"""The run machinery: a folder through the stages in worker processes or on a Dask cluster, each file's
result checkpointed, the merge, the output files (`run.run`, `run.process_folder`)."""
