"""`dialog init`: a new workspace that passes `dialog check` from the first minute."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from dialogkit.errors import UsageError
from dialogkit.files import WriteOutcome, write_atomic
from dialogkit.layout import AREAS_FILE, BUILD_DIR, CONFIG_FILE, CYCLES_DIR, RAW_DIR, SCHEMA_DIR
from dialogkit.models.config import COUNTRIES
from dialogkit.pipelines import install_pipeline
from dialogkit.schema import modeline, write_schemas
from dialogkit.yamlwrite import FlowMapping, dump

Kind = Literal["area", "service"]
COUNTRY_OF_LOCALE = {"sv": "SE", "nb": "NO", "nn": "NO", "en": "SE"}

_WORDS = {
    "sv": {
        "municipality": "Exempels kommun",
        "process": "Medborgardialog",
        "body": "Kommunstyrelsens arbetsutskott",
        "chair": "Kommunstyrelsens ordförande",
        "dept": "Samhällsbyggnadsförvaltningen",
        "keywords": "väg, gata, belysning, cykel",
        "area": "Område",
        "welcome": "Välkommen",
        "survey": "Synpunkter från enkäten",
        "close": "Avslutning",
        "spring_label": "Våren",
        "autumn_label": "Hösten",
        "east": "Öst",
        "north": "Nord",
        "south": "Syd",
    },
    "nb": {
        "municipality": "Eksempel kommune",
        "process": "Dialogmøter",
        "body": "Tjenesteutvalget",
        "chair": "Leder av tjenesteutvalget",
        "dept": "Teknisk drift",
        "keywords": "vei, vann, avløp, gatelys",
        "area": "Område",
        "welcome": "Velkommen",
        "survey": "Innspill fra undersøkelsen",
        "close": "Avslutning",
        "spring_label": "Våren",
        "autumn_label": "Høsten",
        "east": "Øst",
        "north": "Nord",
        "south": "Sør",
    },
    "nn": {
        "municipality": "Døme kommune",
        "process": "Dialogmøte",
        "body": "Tenesteutvalet",
        "chair": "Leiar av tenesteutvalet",
        "dept": "Teknisk drift",
        "keywords": "veg, vatn, avløp, gatelys",
        "area": "Område",
        "welcome": "Velkomen",
        "survey": "Innspel frå undersøkinga",
        "close": "Avslutning",
        "spring_label": "Våren",
        "autumn_label": "Hausten",
        "east": "Aust",
        "north": "Nord",
        "south": "Sør",
    },
    "en": {
        "municipality": "Example Municipality",
        "process": "Citizen dialogue",
        "body": "Executive committee",
        "chair": "Chair of the executive committee",
        "dept": "Planning and building",
        "keywords": "road, street, lighting, cycle",
        "area": "Area",
        "welcome": "Welcome",
        "survey": "What the survey said",
        "close": "Closing",
        "spring_label": "Spring",
        "autumn_label": "Autumn",
        "east": "East",
        "north": "North",
        "south": "South",
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
    country = (country or COUNTRY_OF_LOCALE[locale]).upper()
    if country not in COUNTRIES:
        raise UsageError(
            f"unknown country '{country}': dialog knows {' and '.join(COUNTRIES)} (their holidays and elections)"
        )
    files = {
        CONFIG_FILE: dialog_yaml(locale, kind, country),
        AREAS_FILE: areas_yaml(locale, kind),
        ".gitignore": f"{BUILD_DIR}/\n{RAW_DIR}/\n.*.tmp\n",
    }
    written = [(folder / name, write_atomic(folder / name, text, overwrite=False)) for name, text in files.items()]
    (folder / CYCLES_DIR).mkdir(exist_ok=True)
    written.extend(write_schemas(folder / SCHEMA_DIR))
    if ci is not None:
        written.append(install_pipeline(folder, ci))
    return written


def dialog_yaml(locale: str, kind: Kind, country: str) -> str:
    """The text of a new dialog.yaml: a process of the kind asked for, in the locale's words."""
    w = _WORDS[locale]
    process: dict[str, Any] = {"name": w["process"], "kind": kind}
    if kind == "area":
        process["areas_per_year"] = 2
        process["seasons"] = [
            FlowMapping({"name": "spring", "label": w["spring_label"], "count": 1, "from": "03-01", "to": "06-15"}),
            FlowMapping({"name": "autumn", "label": w["autumn_label"], "count": 1, "from": "09-01", "to": "11-30"}),
        ]
        process["election_year"] = FlowMapping({"autumn_month": 11})
    else:
        process["seasons"] = [
            FlowMapping({"name": "spring", "label": w["spring_label"], "from": "05-01", "to": "06-20"})
        ]
    process["meeting"] = FlowMapping(
        {"weekdays": ["tue", "wed", "thu"], "start": "18:00", "duration_minutes": 120, "min_days_between": 7}
    )
    process["blackout"] = []
    process["host"] = "host"
    process["agenda"] = [
        FlowMapping({"title": w["welcome"], "minutes": 10, "lead": w["chair"]}),
        FlowMapping({"title": w["survey"], "minutes": 100}),
        FlowMapping({"title": w["close"], "minutes": 10}),
    ]
    config = {
        "dialog": 1,
        "municipality": FlowMapping({"name": w["municipality"], "country": country, "locale": locale}),
        "process": process,
        "bodies": [FlowMapping({"id": "host", "name": w["body"], "chair": w["chair"]})],
        "departments": [FlowMapping({"id": "plan", "name": w["dept"], "keywords": w["keywords"].split(", ")})],
    }
    comments = {
        ("dialog",): "schema version",
        ("process", "kind"): "area (rotation) | service (every area every year)",
    }
    return dump(config, header=modeline("dialog", 0), comments=comments)


def areas_yaml(locale: str, kind: Kind) -> str:
    """The text of a new areas.yaml: three geographic areas, or two services."""
    w = _WORDS[locale]
    if kind == "area":
        names = {"nord": w["north"], "syd": w["south"], "ost": w["east"]}
        names = {id_: f"{w['area']} {word}" for id_, word in names.items()}
    else:
        names = {"skole": "Skole" if locale != "en" else "School", "kultur": "Kultur" if locale != "en" else "Culture"}
    areas = [FlowMapping({"id": id_, "name": name, "localities": [], "partners": []}) for id_, name in names.items()]
    return dump({"areas": areas}, header=modeline("areas", 0))
