"""The ordinary words of the survey review: read from part of wordfreq's list, decided as from all of it."""

from __future__ import annotations

import pytest
import wordfreq

from dialogkit.survey.unsure import DICTIONARY_ZIPF, WORDFREQ_LANGUAGES, _frequencies


@pytest.mark.parametrize("locale", ["sv", "nb", "en"])
def test_every_word_is_as_ordinary_as_wordfreq_rates_it(locale: str) -> None:
    language = WORDFREQ_LANGUAGES[locale]
    threshold = wordfreq.zipf_to_freq(DICTIONARY_ZIPF)
    ours = _frequencies(locale)
    theirs = wordfreq.get_frequency_dict(language)
    assert [w for w, f in theirs.items() if (f >= threshold) != (ours.get(w, 0.0) >= threshold)] == []
    # The words once in a million (Zipf 3.0, wordfreq's bin 600) are ordinary; those of the next bin are not.
    once_in_a_million = wordfreq.get_frequency_list(language)[600]
    assert once_in_a_million
    assert all(theirs[w] >= threshold and ours[w] >= threshold for w in once_in_a_million)
    assert all(w not in ours for w in wordfreq.get_frequency_list(language)[601])
