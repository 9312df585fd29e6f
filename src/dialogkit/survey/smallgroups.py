"""Small groups are not published: a count of fewer answers than dialog.yaml's min_group_size is withheld."""

from __future__ import annotations

from dialogkit.models.config import DialogConfig


def published_count(count: int, config: DialogConfig) -> int | None:
    """A group's count as reports and the site may show it: None (shown as "fewer than k", the label
    ``fewer_than`` filled with k = ``survey.min_group_size``) for 1 to k-1 answers, else the count itself."""
    return None if 0 < count < config.survey.min_group_size else count
