"""One Pydantic model per workspace file format; the single description of each."""

from __future__ import annotations

from pydantic import BaseModel

from dialogkit.models.areas import Area, AreasFile
from dialogkit.models.case import CaseFile
from dialogkit.models.config import DialogConfig
from dialogkit.models.meeting import MeetingFile, PlanFile
from dialogkit.models.referat import ReferatFrontMatter
from dialogkit.models.survey import SurveyFile
from dialogkit.models.workgroups import WorkgroupsFile

FILE_MODELS: dict[str, type[BaseModel]] = {
    "dialog": DialogConfig,
    "areas": AreasFile,
    "plan": PlanFile,
    "meeting": MeetingFile,
    "survey": SurveyFile,
    "referat": ReferatFrontMatter,
    "workgroups": WorkgroupsFile,
    "case": CaseFile,
}

__all__ = [
    "FILE_MODELS",
    "Area",
    "AreasFile",
    "CaseFile",
    "DialogConfig",
    "MeetingFile",
    "PlanFile",
    "ReferatFrontMatter",
    "SurveyFile",
    "WorkgroupsFile",
]
