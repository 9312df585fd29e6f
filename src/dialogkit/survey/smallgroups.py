"""Small groups are not published: a count of fewer answers than dialog.yaml's min_group_size is withheld."""

from __future__ import annotations

from dialogkit.models.config import DialogConfig


def publishable(count: int, k: int) -> int | None:
    """``count`` when it may be published, None (shown as "fewer than k") when it is more than none but fewer than ``k``."""
    return None if 0 < count < k else count


def published_count(count: int, config: DialogConfig) -> int | None:
    """A group's count as reports and the site may show it, with k = dialog.yaml's ``survey.min_group_size``."""
    return publishable(count, config.survey.min_group_size)
