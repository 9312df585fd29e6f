"""`dialog init`: a new workspace that passes `dialog check` from the first minute."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from dialogkit.errors import UsageError
from dialogkit.files import WriteOutcome, write_atomic
from dialogkit.layout import AREAS_FILE, BUILD_DIR, CONFIG_FILE, CYCLES_DIR, RAW_DIR, SCHEMA_DIR
from dialogkit.models.config import COUNTRIES
from dialogkit.pipelines import install_pipeline
from dialogkit.schema import modeline, write_schemas

Kind = Literal["area", "service"]
COUNTRY_OF_LOCALE = {"sv": "SE", "nb": "NO", "nn": "NO", "en": "SE"}

_WORDS = {
    "sv": {
        "municipality": "Exempels kommun",
        "process": "Medborgardialog",
        "body": "Kommunstyrelsens arbetsutskott",
        "chair": "Kommunstyrelsens ordförande",
        "dept": "Samhällsbyggnadsförvaltningen",
        "keywords": "[väg, gata, belysning, cykel]",
        "area": "Område",
        "welcome": "Välkommen",
        "survey": "Synpunkter från enkäten",
        "close": "Avslutning",
        "spring": "spring",
        "autumn": "autumn",
    },
    "nb": {
        "municipality": "Eksempel kommune",
        "process": "Dialogmøter",
        "body": "Tjenesteutvalget",
        "chair": "Leder av tjenesteutvalget",
        "dept": "Teknisk drift",
        "keywords": "[vei, vann, avløp, gatelys]",
        "area": "Område",
        "welcome": "Velkommen",
        "survey": "Innspill fra undersøkelsen",
        "close": "Avslutning",
        "spring": "var",
        "autumn": "haust",
    },
    "nn": {
        "municipality": "Døme kommune",
        "process": "Dialogmøte",
        "body": "Tenesteutvalet",
        "chair": "Leiar av tenesteutvalet",
        "dept": "Teknisk drift",
        "keywords": "[veg, vatn, avløp, gatelys]",
        "area": "Område",
        "welcome": "Velkomen",
        "survey": "Innspel frå undersøkinga",
        "close": "Avslutning",
        "spring": "var",
        "autumn": "haust",
    },
    "en": {
        "municipality": "Example Municipality",
        "process": "Citizen dialogue",
        "body": "Executive committee",
        "chair": "Chair of the executive committee",
        "dept": "Planning and building",
        "keywords": "[road, street, lighting, cycle]",
        "area": "Area",
        "welcome": "Welcome",
        "survey": "What the survey said",
        "close": "Closing",
        "spring": "spring",
        "autumn": "autumn",
    },
}


def init_workspace(
    folder: Path, *, locale: str = "sv", kind: Kind = "area", country: str | None = None, ci: str | None = None
) -> list[tuple[Path, WriteOutcome]]:
    """Write dialog.yaml, areas.yaml, .gitignore and the editor schemas into ``folder``.

    With ``ci`` the CI pipeline is written too; in an existing workspace, only the pipeline.
    """
    if locale not in _WORDS:
        raise UsageError(f"unknown locale '{locale}': choose one of {', '.join(_WORDS)}")
    if (folder / CONFIG_FILE).exists():
        if ci is not None:
            return [install_pipeline(folder, ci)]
        raise UsageError(f"{folder / CONFIG_FILE} already exists: this folder is a workspace already")
    w = _WORDS[locale]
    country = (country or COUNTRY_OF_LOCALE[locale]).upper()
    if country not in COUNTRIES:
        raise UsageError(
            f"unknown country '{country}': dialog knows {' and '.join(COUNTRIES)} (their holidays and elections)"
        )
    if kind == "area":
        process_kind = f"""  kind: area                      # area (rotation) | service (every area every year)
  areas_per_year: 2
  seasons:
    - {{name: {w["spring"]}, count: 1, from: "03-01", to: "06-15"}}
    - {{name: {w["autumn"]}, count: 1, from: "09-01", to: "11-30"}}
  election_year: {{autumn_month: 11}}"""
        areas = [
            ("nord", f"{w['area']} Nord"),
            ("syd", f"{w['area']} Syd"),
            ("ost", f"{w['area']} Öst" if locale == "sv" else f"{w['area']} Aust"),
        ]
    else:
        process_kind = f"""  kind: service                   # area (rotation) | service (every area every year)
  seasons:
    - {{name: {w["spring"]}, from: "05-01", to: "06-20"}}"""
        areas = [
            ("skole", "Skole" if locale != "en" else "School"),
            ("kultur", "Kultur" if locale != "en" else "Culture"),
        ]
    config = f"""{modeline("dialog", 0)}dialog: 1                         # schema version
municipality: {{name: {w["municipality"]}, country: {country}, locale: {locale}}}
process:
  name: {w["process"]}
{process_kind}
  meeting: {{weekdays: [tue, wed, thu], start: "18:00", duration_minutes: 120, min_days_between: 7}}
  blackout: []
  host: host
  agenda:
    - {{title: {w["welcome"]}, minutes: 10, lead: {w["chair"]}}}
    - {{title: {w["survey"]}, minutes: 100}}
    - {{title: {w["close"]}, minutes: 10}}
bodies:
  - {{id: host, name: {w["body"]}, chair: {w["chair"]}}}
departments:
  - {{id: plan, name: {w["dept"]}, keywords: {w["keywords"]}}}
"""
    area_lines = "".join(
        f"  - {{id: {area_id}, name: {name}, localities: [], partners: []}}\n" for area_id, name in areas
    )
    written = [
        (folder / CONFIG_FILE, write_atomic(folder / CONFIG_FILE, config, overwrite=False)),
        (
            folder / AREAS_FILE,
            write_atomic(folder / AREAS_FILE, f"{modeline('areas', 0)}areas:\n{area_lines}", overwrite=False),
        ),
        (
            folder / ".gitignore",
            write_atomic(folder / ".gitignore", f"{BUILD_DIR}/\n{RAW_DIR}/\n.*.tmp\n", overwrite=False),
        ),
    ]
    (folder / CYCLES_DIR).mkdir(exist_ok=True)
    written.extend(write_schemas(folder / SCHEMA_DIR))
    if ci is not None:
        written.append(install_pipeline(folder, ci))
    return written
