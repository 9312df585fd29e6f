"""Generate a large workspace for `make bench`: many areas, many years, full cycles.

python benchmarks/generate.py OUT [--areas 15] [--years 20] [--survey-rows 100000]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import shutil
from pathlib import Path

DIALOG_YAML = """\
dialog: 1
municipality: {name: Storkommun, country: SE, locale: sv}
process:
  name: Träffpunkt
  kind: area
  areas_per_year: %(per_year)d
  seasons:
    - {name: spring, count: %(spring)d, from: "03-01", to: "06-15"}
    - {name: autumn, count: %(autumn)d, from: "09-01", to: "11-30"}
  election_year: {autumn_month: 11}
  meeting: {weekdays: [tue, wed, thu], start: "18:00", duration_minutes: 120, min_days_between: 3}
  host: ksau
  agenda:
    - {title: Välkommen, minutes: 10, lead: Kommunstyrelsens ordförande}
    - {title: Synpunkter från enkäten, minutes: 90}
    - {title: Avslutning, minutes: 20}
bodies:
  - {id: ksau, name: Kommunstyrelsens arbetsutskott, chair: Kommunstyrelsens ordförande}
  - {id: ks, name: Kommunstyrelsen}
departments:
  - {id: sbf, name: Samhällsbyggnadsförvaltningen, keywords: [väg, gata, belysning, cykel, vatten]}
  - {id: bun, name: Barn- och utbildningsförvaltningen, keywords: [skola, förskola, fritids]}
  - {id: kof, name: Kultur- och fritidsförvaltningen, keywords: [bibliotek, idrott, badplats]}
"""

WORDS = [
    "väg",
    "gata",
    "belysning",
    "skola",
    "förskola",
    "bibliotek",
    "idrott",
    "badplats",
    "cykel",
    "buss",
    "trygghet",
    "park",
    "lekplats",
]


def generate(out: Path, areas: int, years: int, survey_rows: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    per_year = min(areas, 15)
    spring = per_year - per_year // 3
    (out / "dialog.yaml").write_text(
        DIALOG_YAML % {"per_year": per_year, "spring": spring, "autumn": per_year - spring}, encoding="utf-8"
    )
    area_lines = [
        f"  - {{id: omrade-{i}, name: Område {i}, localities: [Ort {i}a, Ort {i}b, Ort {i}c], partners: [Byalaget {i}]}}\n"
        for i in range(areas)
    ]
    (out / "areas.yaml").write_text("areas:\n" + "".join(area_lines), encoding="utf-8")
    first_year = 2030 - years
    for year in range(first_year, 2030):
        for i in range(per_year):
            day = dt.date(year, 3, 3) + dt.timedelta(days=7 * i)
            folder = out / "cycles" / str(year) / f"omrade-{i}"
            folder.mkdir(parents=True)
            (folder / "meeting.yaml").write_text(
                f'area: omrade-{i}\ndate: {day}\nstart: "18:00"\nend: "20:00"\nplace: Bygdegården {i}\nhost: ksau\n'
                f"invitees: [Byalaget {i}]\nrsvp_by: {day - dt.timedelta(days=14)}\n"
                "officials:\n  - {department: sbf, name: Gatuchef}\n  - {department: kof, name: Fritidschef}\n",
                encoding="utf-8",
            )
            conclusions = "".join(f"  - {rng.choice(WORDS).capitalize()} ska utredas vidare\n" for _ in range(4))
            body = "".join(f"## Punkt {n}\n\n" + " ".join(rng.choices(WORDS, k=80)) + ".\n\n" for n in range(1, 6))
            (folder / "referat.md").write_text(
                f"---\ndate: {day}\npresent: [Kommunstyrelsens ordförande, Gatuchef]\nabsent: []\n"
                f"minutes_by: Nämndsekreterare\nconclusions:\n{conclusions}---\n{body}",
                encoding="utf-8",
            )
            actions = "".join(
                f"      - text: Åtgärd {a} i område {i}\n        owner: sbf\n        due: {year + 1}-06-30\n"
                f"        status: {rng.choice(['planned', 'in-progress', 'done', 'cancelled'])}\n        funds: {rng.randrange(0, 100000, 1000)}\n"
                f"        updates:\n          - {{date: {day + dt.timedelta(days=30)}, text: Arbetet har startat}}\n"
                for a in range(3)
            )
            (folder / "workgroups.yaml").write_text(
                f"workgroups:\n  - id: grupp-{i}\n    name: Arbetsgrupp {i}\n    convener: {{name: Fritidskonsulent, department: kof}}\n"
                f"    members: [Byalaget {i}]\n    status: active\n    actions:\n{actions}",
                encoding="utf-8",
            )
    if survey_rows:
        raw = out / "raw"
        raw.mkdir()
        with (raw / "export.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(
                [
                    "ID",
                    "Tidstämpel",
                    "Vilken ort bor du i?",
                    "Vad fungerar bra?",
                    "Vad kan bli bättre?",
                    "Känner du dig trygg där du bor?",
                ]
            )
            for row in range(survey_rows):
                writer.writerow(
                    [
                        row,
                        "2029-02-01 10:00",
                        f"Ort 0{'abc'[row % 3]}",
                        " ".join(rng.choices(WORDS, k=12)),
                        " ".join(rng.choices(WORDS, k=20)),
                        rng.choice(["Ja", "Nej, mörkt vid busshållplatsen", "Ja"]),
                    ]
                )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--areas", type=int, default=15)
    parser.add_argument("--years", type=int, default=20)
    parser.add_argument("--survey-rows", type=int, default=100_000)
    args = parser.parse_args()
    generate(args.out, args.areas, args.years, args.survey_rows)


if __name__ == "__main__":
    main()
