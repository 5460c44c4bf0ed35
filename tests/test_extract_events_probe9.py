"""A ninth probe set on segmentation, type, dates, participants and topics: a city portal's digest of three
sub-headed events (a delegation, a conference abroad, an online meeting), two visitor kinds in one sentence
('studenci i wykładowcy', 'uczniowie i nauczyciele'), donations phrased without 'przekazał' ('przyjechało 18 palet',
'otrzymało paczki … To dar'), conferences and seminars abroad reported after the return, a hybrid partners' meeting
under a programme and an 'on-line' one, a yearly digest with numbered headings, Roman-numeral months ('14–15 IX
2023 r.', '17.V.2016 r.'), ranges across months and years and 'W dniach … oraz …'. Written with gold by
../shared/eval/GOLD-CONVENTIONS.md before the rules below, and scored as `extract_set.py` scores them."""

from __future__ import annotations

from conftest import score_probes


def test_the_ninth_events_probe_set_scores_above_its_floor(registries, score):
    events_f1, macro, f1 = score_probes("events-probe9", registries, score)
    # before the rules of this set: events F1 0.897, fields macro 0.833
    assert events_f1 >= 0.89
    assert macro >= 0.83, f1
