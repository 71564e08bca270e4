"""A run's records as a dataset: entities with stable ids, relational tables, the HTML report."""
