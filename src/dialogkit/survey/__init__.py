"""Web-survey exports: import with personal data removed, then route, count and report the answers.

import_survey(workspace, file, area, year) -> ImportResult   writes survey.yaml and responses.csv
analyse(workspace, year, area) -> SurveyAnalysis              the report's view model
report_json(analysis) -> dict                                 the figures `--format json` prints
"""

from __future__ import annotations

from dialogkit.survey.analysis import SurveyAnalysis, analyse, analyse_year, report_json
from dialogkit.survey.importer import ImportResult, default_year, import_survey
from dialogkit.survey.responses import spreadsheet_safe
from dialogkit.survey.sources import SOURCES

__all__ = [
    "SOURCES",
    "ImportResult",
    "SurveyAnalysis",
    "analyse",
    "analyse_year",
    "default_year",
    "import_survey",
    "report_json",
    "spreadsheet_safe",
]
