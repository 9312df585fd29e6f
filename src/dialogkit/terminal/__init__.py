"""What the terminal shows, in the workspace's language: the message catalogue, the plan and status tables.

words = Words.of("nb")
words("next_minutes", date=words.day(date))     # "referatet skal være klart 22. april"
plan_table(workspace, schedule)                  # a Table: title, headings, rows of text
status_table(workspace, year_status(workspace, 2025))
status_json(workspace, year_status(workspace, 2025))   # docs/status.md describes its shape
"""

from dialogkit.terminal.plan import plan_table
from dialogkit.terminal.status import STATUS_JSON_VERSION, nothing_planned, status_json, status_table
from dialogkit.terminal.words import Table, Words, locale_of

__all__ = [
    "STATUS_JSON_VERSION",
    "Table",
    "Words",
    "locale_of",
    "nothing_planned",
    "plan_table",
    "status_json",
    "status_table",
]
