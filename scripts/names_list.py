"""Write src/dialogkit/survey/data/names.tsv, the common Swedish and Norwegian names the import redacts.

python scripts/names_list.py   (needs `pip install faker==40.54.0` and `apt-get install hunspell-sv hunspell-no`)

The names are the published statistics that Faker's sv_SE and no_NO person providers carry
(MIT licence): Skatteverket's 500 most common surnames (2025) and Isof's 500 most common
given names (2023) for Sweden; Statistics Norway's (SSB) 100 most common given names for
women and for men and 100 most common surnames. Each name is marked with what it is
(given, surname or both) and whether its lower-case form is also a word in Swedish or
Norwegian ("inga", "per", "berg": a lower-case entry of the Hunspell dictionaries sv_SE,
nb_NO or nn_NO, Debian's hunspell-sv and hunspell-no), since such a name is redacted only
where the text leaves no doubt that it names a person.
"""

from __future__ import annotations

from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "dialogkit" / "survey" / "data" / "names.tsv"
# The dictionaries and their encodings (the SET line of each .aff file).
DICTIONARIES = {"sv_SE": "utf-8", "nb_NO": "iso8859-1", "nn_NO": "iso8859-1"}
HEADER = """\
# Common Swedish and Norwegian given names and surnames; written by scripts/names_list.py.
# Sources: Skatteverket (500 most common surnames, 2025), Isof (500 most common given names,
# 2023), Statistics Norway / SSB (100 most common given names for women and for men, 100
# most common surnames), as collected in Faker 40.54.0 (MIT licence), sv_SE and no_NO.
# Columns: name, given|surname|both, word (1 when its lower-case form is a word, after the
# Hunspell dictionaries sv_SE, nb_NO and nn_NO).
"""


def main() -> None:
    from faker.providers.person.no_NO import Provider as Norwegian
    from faker.providers.person.sv_SE import Provider as Swedish

    given = {*Swedish.first_names_female, *Swedish.first_names_male, *Norwegian.first_names_female}
    given |= set(Norwegian.first_names_male)
    surnames = {*Swedish.last_names, *Norwegian.last_names}
    words = dictionary_words()
    lines = []
    for name in sorted(given | surnames, key=str.casefold):
        if not name.replace("-", "").isalpha():
            continue
        kind = "both" if name in given and name in surnames else "given" if name in given else "surname"
        word = name.casefold() in words
        lines.append(f"{name}\t{kind}\t{int(word)}\n")
    OUT.write_text(HEADER + "".join(lines), encoding="utf-8")


def dictionary_words() -> set[str]:
    """The lower-case entries of the dictionaries, without their affix flags."""
    words: set[str] = set()
    for name, encoding in DICTIONARIES.items():
        path = Path("/usr/share/hunspell") / f"{name}.dic"
        for line in path.read_text(encoding=encoding).splitlines()[1:]:
            word = line.split("/", 1)[0].strip()
            if word[:1].islower():
                words.add(word)
    return words


if __name__ == "__main__":
    main()
