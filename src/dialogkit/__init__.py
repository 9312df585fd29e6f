"""dialogkit: run a municipality's recurring citizen dialogue over plain files in git."""

from __future__ import annotations

__version__ = "0.1.0"
