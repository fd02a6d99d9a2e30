"""Latency samples and their summary: percentiles, throughput, errors."""

from __future__ import annotations

import math
from dataclasses import dataclass, field


def percentile(values: list[float], q: float) -> float:
    """The ``q``-th percentile (0..100) of ``values``, linearly interpolated; NaN when empty."""
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100
    low, high = math.floor(rank), math.ceil(rank)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


@dataclass
class Sample:
    """What one measured run saw: each request's latency (s), errors, wall time (s)."""

    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    error_kinds: dict[str, int] = field(default_factory=dict)
    elapsed: float = 0.0

    def error(self, kind: str) -> None:
        self.errors += 1
        self.error_kinds[kind] = self.error_kinds.get(kind, 0) + 1

    def merge(self, other: Sample) -> None:
        self.latencies.extend(other.latencies)
        self.errors += other.errors
        for kind, n in other.error_kinds.items():
            self.error_kinds[kind] = self.error_kinds.get(kind, 0) + n

    def summary(self) -> dict:
        n = len(self.latencies)
        return {
            "requests": n,
            "errors": self.errors,
            "error_kinds": dict(sorted(self.error_kinds.items())),
            "seconds": round(self.elapsed, 2),
            "throughput": round(n / self.elapsed, 1) if self.elapsed else None,
            "p50_ms": _ms(percentile(self.latencies, 50)),
            "p95_ms": _ms(percentile(self.latencies, 95)),
            "p99_ms": _ms(percentile(self.latencies, 99)),
            "max_ms": _ms(max(self.latencies)) if n else None,
        }


def _ms(seconds: float) -> float | None:
    return None if math.isnan(seconds) else round(seconds * 1000, 2)
