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
        raw = out / "cycles" / str(first_year + years - 1) / "raw"
        raw.mkdir()
        write_survey_export(raw / "export.csv", survey_rows, ["Ort 0a", "ort 0b", "ORT 0C", "Ort 0a "], seed)


# A Google Forms export: a timestamp, e-mail and name, a locality, three free-text questions
# with unique answers, a scale; one response in a hundred carries a phone number, an e-mail
# address or a personnummer (811228-9874, valid check digit) in its free text, and one in a
# hundred a person's name. The names are as a municipality's residents' are: mostly common
# ones, one in five rare (about 6,000 distinct names, 2,000 distinct words in 100,000 rows).
SURVEY_HEADINGS = [
    "Tidstämpel",
    "E-postadress",
    "Vilken ort bor du i?",
    "Vad är bra med att bo på din ort?",
    "Vad kan bli bättre på din ort?",
    "Finns det platser där du känner dig otrygg? Var?",
    "Hur nöjd är du med kommunens service? (1-5)",
    "Namn",
]
UNSAFE = ["Nej", "-", "Vid busshållplatsen på kvällen", "Inga", "Gång- och cykelvägen vid skogen", ""]
PERSONAL = ["Ring mig på 070-123 45 67", "Mejla kalle.testsson@example.se", "Mitt personnummer är 811228-9874"]
ANSWER_WORDS = [
    "vägarna",
    "gatubelysningen",
    "skolan",
    "förskolan",
    "bussen",
    "hållplatsen",
    "cykelvägen",
    "badplatsen",
    "biblioteket",
    "bygdegården",
    "snöröjningen",
    "parkeringen",
    "trottoaren",
    "lekplatsen",
    "idrottshallen",
    "äldreboendet",
    "är",
    "var",
    "blir",
    "behöver",
    "saknar",
    "borde",
    "kunde",
    "mycket",
    "lite",
    "för",
    "bättre",
    "sämre",
    "fler",
    "färre",
    "nya",
    "gamla",
    "och",
    "men",
    "eller",
    "att",
    "som",
    "på",
    "i",
    "vid",
    "till",
    "från",
    "med",
    "utan",
    "om",
    "när",
    "där",
    "här",
    "alla",
    "många",
    "några",
    "inga",
    "kvällen",
    "morgonen",
    "vintern",
    "barnen",
    "ungdomarna",
    "företagen",
    "föreningarna",
    "kommunen",
    "byn",
    "skogen",
    "sjön",
]


def _free_text(rng: random.Random, length: int) -> str:
    """An answer of ``length`` words: unique, as residents' answers are; now and then a comma."""
    words = rng.choices(ANSWER_WORDS, k=length)
    if length > 6:
        words[length // 2] += ","
    return " ".join(words).capitalize()


GIVEN = ["Anna", "Erik", "Maria", "Lars", "Karin", "Per", "Kari", "Ole", "Inga", "Nils", "Sofia", "Johan"]
GIVEN += ["Eva", "Anders", "Lena", "Mats", "Ingrid", "Trond", "Astrid", "Bo", "Elsa", "Hassan", "Fatima", "Ali"]
SURNAMES = ["Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsen", "Hansen"]
SURNAMES += ["Berg", "Lund", "Holm", "Nordmann", "Lindqvist", "Sandberg", "Ahmed", "Hussein", "Strand", "Dahl"]
_RARE_STARTS = ["Al", "Ber", "Dah", "Eng", "Fors", "Gus", "Hag", "Is", "Jons", "Kvarn", "Lil", "Mal", "Nor", "Os"]
_RARE_STARTS += ["Pal", "Ros", "Sjö", "Tall", "Udd", "Vik", "Wes", "Åker", "Öst", "Bäck", "Grön", "Hög", "Lind"]
_RARE_ENDS = ["berg", "ström", "lund", "qvist", "gren", "dahl", "man", "sten", "vall", "strand", "holm", "fors"]
_RARE_ENDS += ["näs", "mark", "gård", "by", "ling", "ander", "ius", "ell", "in", "é"]


def _person(rng: random.Random) -> tuple[str, str]:
    """A given name and a surname: common ones mostly, a rare made-up one now and then."""
    given = rng.choice(GIVEN) if rng.random() < 0.8 else _rare(rng, ["a", "e", "o", "is", "an", "en"])
    surname = rng.choice(SURNAMES) if rng.random() < 0.8 else _rare(rng, _RARE_ENDS)
    return given, surname


def _rare(rng: random.Random, ends: list[str]) -> str:
    return rng.choice(_RARE_STARTS) + rng.choice(["", "a", "e", "i", "o", "er", "el"]) + rng.choice(ends)


def _mention(rng: random.Random) -> str:
    """An answer that names a person, as residents write it."""
    given, surname = _person(rng)
    return rng.choice(
        [
            f"Grannen {given} {surname} kör för fort",
            f"Fråga {given} om bussen",
            f"{given} {surname} sa att vägen är dålig",
            f"prata med {given.lower()} {surname.lower()} om snöröjningen",
        ]
    )


def write_survey_export(path: Path, rows: int, localities: list[str], seed: int = 5) -> None:
    """A Google Forms export of ``rows`` responses, localities written as residents write them."""
    rng = random.Random(seed)
    start = dt.datetime(2029, 2, 1, 8, 0)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(SURVEY_HEADINGS)
        for n in range(rows):
            good = _free_text(rng, rng.randint(2, 8)) if rng.random() < 0.6 else ""
            better = _free_text(rng, rng.randint(3, 16)) if rng.random() < 0.8 else ""
            if rng.random() < 0.01:
                better = f"{better} {rng.choice(PERSONAL)}"
            if rng.random() < 0.01:
                better = f"{better}. {_mention(rng)}"
            given, surname = _person(rng)
            unsafe = rng.choice(UNSAFE) if rng.random() < 0.7 else _free_text(rng, rng.randint(2, 8))
            when = start + dt.timedelta(seconds=n * 17)
            writer.writerow(
                [
                    f"{when:%Y/%m/%d %I:%M:%S} em CET",
                    f"person{n}@example.se",
                    rng.choice(localities),
                    good,
                    better,
                    unsafe,
                    str(n % 5 + 1),
                    f"{given} {surname}",
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
