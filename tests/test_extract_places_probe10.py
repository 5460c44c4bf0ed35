"""tests/data/places-probe10: twelve pages of places in forms the earlier sets lack: Polish towns whose names
are also the names or Polish exonyms of larger towns abroad (Pilzno, Barcin, Opole; Dubno's genitive 'Dubna');
hyphenated and three-word home towns declined (Bielsko-Biała, Kędzierzyn-Koźle, Rabka-Zdrój, Nowe Miasto
Lubawskie); foreign towns in Polish spelling and declension (Pilźnie, Liberca, Hradca Králové, Ratyzbony, Brodów,
Radziechowie, Kowna, Jełgawy, Szawli, Żytomierza, Braszowa, Lubece); German states (Saksonia, Turyngia,
Nadrenia-Palatynat) beside towns; 'Frankfurt nad Odrą' with the other Frankfurt in passing; events held
online; incoming visits hosted outside Kraków on Kraków pages (Nowy Sącz; Rabka-Zdrój with a village's
programme point). Six on Kraków pages off the bulletin, six on other bodies' pages. Gold written by
../shared/eval/GOLD-CONVENTIONS.md before the extractor ran on them. Before any fix: events F1 0.833, fields
macro 0.747 (location 0.700, direction 0.800, cities 0.756, countries 0.789)."""

from __future__ import annotations

from conftest import assert_floors, score_probes


def test_the_tenth_places_probe_pages_score_above_their_floor(registries, score):
    events_f1, macro, f1 = score_probes("places-probe10", registries, score)
    assert events_f1 >= 0.83
    assert macro >= 0.74, f1
    assert_floors(f1, {"location": 0.69, "cities": 0.75, "countries": 0.78, "direction": 0.79})
