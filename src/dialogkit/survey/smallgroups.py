"""Small groups: a count below the minimum group size is never published, so no answer can be traced to a few people."""

from __future__ import annotations

from dialogkit.workspace import Workspace

DEFAULT_MIN_GROUP_SIZE = 5  # the smallest count a published breakdown shows (dialog.yaml survey.min_group_size)


def publishable(count: int, k: int) -> int | None:
    """``count`` when it may be published, None when it is a small group: more than none but fewer than ``k``."""
    return None if 0 < count < k else count


def min_group_size(ws: Workspace) -> int:
    """The workspace's minimum group size: dialog.yaml's survey.min_group_size where it has one, else the default."""
    survey = getattr(ws.config, "survey", None)
    size = getattr(survey, "min_group_size", None)
    return size if isinstance(size, int) and size > 0 else DEFAULT_MIN_GROUP_SIZE
