"""Union-find: the grouping that both the per-article and the cross-article merges use."""
from __future__ import annotations


class UnionFind:
    """Disjoint sets over the indexes 0..size-1."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        self.parent[self.find(i)] = self.find(j)

    def groups(self) -> list[list[int]]:
        """Each set's indexes in ascending order, sets ordered by their first index."""
        grouped: dict[int, list[int]] = {}
        for i in range(len(self.parent)):
            grouped.setdefault(self.find(i), []).append(i)
        return sorted(grouped.values(), key=lambda g: g[0])
