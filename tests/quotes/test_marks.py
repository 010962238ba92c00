"""The quote-mark scanner on every Dutch and Flemish style (no Frog needed)."""
from __future__ import annotations

import pytest

from kroniek.quotes.marks import find_quoted
from kroniek.reading.paragraphs import split_paragraphs


def quoted(text: str) -> list[str]:
    return [q.text(text) for q in find_quoted(text, split_paragraphs(text))]


@pytest.mark.parametrize("text,expected", [
    ('"We verwachten deze week een antwoord uit Moskou", zei Rubio na het beraad.',
     ["We verwachten deze week een antwoord uit Moskou"]),
    ("“Wij blijven Oekraïne steunen”, aldus de minister.", ["Wij blijven Oekraïne steunen"]),
    ("„Dit akkoord is een doorbraak”, zegt Von der Leyen.", ["Dit akkoord is een doorbraak"]),
    ("„Dit akkoord is een doorbraak“, zegt Von der Leyen.", ["Dit akkoord is een doorbraak"]),
    ("'De sancties blijven van kracht', stelt de woordvoerder.", ["De sancties blijven van kracht"]),
    ("‘We kunnen dit niet langer tolereren’, benadrukt Stoltenberg.", ["We kunnen dit niet langer tolereren"]),
    ("Schoof trots: ’Femke, proficiat met deze geweldige medaille!’",
     ["Femke, proficiat met deze geweldige medaille!"]),
    (",,Ik wilde niet de indruk wekken dat ik minister wilde worden.'' Dat zei Jetten.",
     ["Ik wilde niet de indruk wekken dat ik minister wilde worden."]),
    (",,Ik wilde niet de indruk wekken dat ik minister wilde worden.” Dat zei Jetten.",
     ["Ik wilde niet de indruk wekken dat ik minister wilde worden."]),
    ("Hij noemde het «een schande voor Europa».", ["een schande voor Europa"]),
])
def test_every_style(text, expected):
    assert quoted(text) == expected


def test_apostrophes_are_not_quotes():
    text = ("Nep-video’s worden 's avonds bekeken, zo'n 80 procent van de cd's uit de jaren '80 "
            "en 't is ’s werelds grootste probleem.")
    assert quoted(text) == []


def test_scare_quote_is_found_here_and_judged_later():
    # The scanner finds it; the engine decides it is not a quotation (one word).
    assert quoted("Schoof begrijpt dat Nederlanders 'gewoon' op vakantie willen.") == ["gewoon"]


def test_quote_with_apostrophe_inside():
    text = "'De aankoop van twee A320's is een mijlpaal voor onze maatschappij.' Zo reageert de topman."
    assert quoted(text) == ["De aankoop van twee A320's is een mijlpaal voor onze maatschappij."]


def test_interrupted_quote_gives_two_stretches():
    text = '"We zullen," zei hij, "ze laten weten dat het aanbod blijft staan."'
    assert quoted(text) == ["We zullen", "ze laten weten dat het aanbod blijft staan."]


def test_nested_single_inside_double_keeps_the_outer():
    text = '"Hij zei letterlijk \'nooit meer\' tegen ons", vertelt de burgemeester.'
    assert quoted(text) == ["Hij zei letterlijk 'nooit meer' tegen ons"]


def test_multi_paragraph_quote_follows_the_newspaper_convention():
    text = ('"De situatie aan het front is ernstig. We hebben meer munitie nodig.\n\n'
            '"Zonder steun uit het Westen houden we het niet vol," zei Zelensky.\n\nDaarna vertrok hij.')
    qs = find_quoted(text, split_paragraphs(text))
    assert len(qs) == 1
    assert len(qs[0].parts) == 2
    assert qs[0].text(text).startswith("De situatie aan het front")
    assert qs[0].text(text).endswith("houden we het niet vol")


def test_unclosed_quote_after_colon_runs_to_paragraph_end():
    text = "De minister zei: 'We gaan door met de gesprekken.\n\nVolgende alinea."
    assert quoted(text) == ["We gaan door met de gesprekken."]


def test_stray_apostrophe_mid_sentence_is_dropped():
    assert quoted("De omzet van de ' nieuwe winkel daalde.") == []


def test_offsets_point_into_the_text():
    text = "Zij zei: „Dit gaat niet door”."
    (q,) = find_quoted(text)
    assert text[q.start:q.end] == "Dit gaat niet door"
    assert text[q.open_at] == "„" and text[q.close_end - 1] == "”"


def test_latex_style_quotes():
    text = "Femke de Graaf zei: ``Ik verwacht dat de rente verder daalt.'' Daarna sloot de beurs."
    assert quoted(text) == ["Ik verwacht dat de rente verder daalt."]


def test_csv_escaped_line_is_unwrapped():
    # A CSV field leaked into the text: the wrapping marks are not quotes, doubled marks are.
    text = 'Inleiding.\n"Bij de lancering zei Musk:""Vraag het gerust als iets onduidelijk is."""\nEinde.'
    assert quoted(text) == ["Vraag het gerust als iets onduidelijk is."]


def test_quote_running_into_the_next_paragraph_without_reopening():
    text = ("De Vries zei: ``Winkels proberen met alle middelen klanten te lokken.\n\n"
            "De gewone kortingen helpen niet meer,'' aldus de analist.")
    (q,) = find_quoted(text, split_paragraphs(text))
    assert len(q.parts) == 2 and q.text(text).endswith("helpen niet meer")
