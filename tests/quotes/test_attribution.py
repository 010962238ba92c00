"""Quotes and speakers on real Frog analyses of short, realistic news sentences: every
quote style, every attribution pattern, indirect speech, scare quotes, pronouns."""
from __future__ import annotations

import pytest

from kroniek.quotes.component import make_quotes

pytestmark = pytest.mark.frog


@pytest.fixture(scope="module")
def quotes_of(analysed):
    finder = make_quotes()

    def run(text: str, date: str = "2025-03-10"):
        a = finder(analysed(text, date))
        return a.quotes
    return run


def speaker(q) -> str:
    return (q.speaker.person or q.speaker.text) if q.speaker else ""


def direct(qs):
    return [q for q in qs if q.direct]


def indirect(qs):
    return [q for q in qs if not q.direct]


@pytest.mark.parametrize("text,quote,who", [
    ('"We gaan ze vertellen dat dit op tafel ligt", zei de Amerikaanse minister van Buitenlandse Zaken Rubio.',
     "We gaan ze vertellen dat dit op tafel ligt", "Rubio"),
    ("“Wij blijven Oekraïne steunen zolang als nodig is”, aldus NAVO-chef Stoltenberg.",
     "Wij blijven Oekraïne steunen zolang als nodig is", "Stoltenberg"),
    ("„Dit akkoord is een doorbraak voor het klimaat”, zegt Frans Timmermans.",
     "Dit akkoord is een doorbraak voor het klimaat", "Timmermans"),
    ("'De sancties tegen Rusland blijven van kracht', stelt premier Rutte.",
     "De sancties tegen Rusland blijven van kracht", "Rutte"),
    ("‘We kunnen deze aanvallen niet langer tolereren’, benadrukt de Franse president Macron.",
     "We kunnen deze aanvallen niet langer tolereren", "Macron"),
    (",,Er dreigt een humanitaire ramp in Gaza'', waarschuwt VN-chef Guterres.",
     "Er dreigt een humanitaire ramp in Gaza", "Guterres"),
    (",,Er dreigt een humanitaire ramp in Gaza”, waarschuwt VN-chef Guterres.",
     "Er dreigt een humanitaire ramp in Gaza", "Guterres"),
])
def test_every_quote_style_with_its_speaker(quotes_of, text, quote, who):
    qs = direct(quotes_of(text))
    assert [q.quote for q in qs] == [quote]
    assert who in speaker(qs[0])
    assert qs[0].cue is not None
    assert text[qs[0].start:qs[0].end] == quote


def test_speaker_before_the_colon(quotes_of):
    (q,) = direct(quotes_of('Minister Hoekstra zei tegen de NOS: "Wij gaan hier niet mee akkoord."'))
    assert "Hoekstra" in speaker(q) and q.quote == "Wij gaan hier niet mee akkoord."


def test_headline_quote(quotes_of):
    text = ("Rutte: 'Met kleine aanscherpingen kom je er niet'\n\n"
            "Premier Rutte wil strengere coronamaatregelen. Het kabinet beslist vrijdag.")
    (q,) = direct(quotes_of(text))
    assert q.quote == "Met kleine aanscherpingen kom je er niet"
    assert "Rutte" in speaker(q)


def test_multi_sentence_quote_and_its_continuation(quotes_of):
    text = ('"Oekraïne is bereid om te stoppen met de gevechten. En nu is het aan Rusland", zei Rubio. '
            '"We wachten op een antwoord uit Moskou."')
    qs = direct(quotes_of(text))
    assert qs[0].quote == "Oekraïne is bereid om te stoppen met de gevechten. En nu is het aan Rusland"
    assert qs[1].quote == "We wachten op een antwoord uit Moskou."
    assert all("Rubio" in speaker(q) for q in qs)


def test_multi_paragraph_quote(quotes_of):
    text = ('"De situatie aan het front is ernstig. We hebben dringend meer munitie nodig.\n\n'
            '"Zonder steun uit het Westen houden we het niet vol", zei president Zelensky.')
    (q,) = direct(quotes_of(text))
    assert len(q.parts) == 2
    assert q.quote.startswith("De situatie") and q.quote.endswith("niet vol")
    assert "Zelensky" in speaker(q)


def test_quote_interrupted_by_its_attribution_and_pronoun_speaker(quotes_of):
    text = ('De Amerikaanse minister Rubio sprak na afloop met journalisten. '
            '"We gaan," zei hij, "de Russen vertellen dat het voorstel op tafel ligt."')
    (q,) = direct(quotes_of(text))
    assert q.quote == "We gaan de Russen vertellen dat het voorstel op tafel ligt."
    assert len(q.parts) == 2
    assert "Rubio" in speaker(q)
    assert q.cue.text.startswith("zei")


def test_partial_quote_inside_reported_speech(quotes_of):
    text = ('Trump gaf aan dat de VS de hulp weer zou hervatten zodra Oekraïne zou laten zien zich '
            '"te goeder trouw in te zetten" voor onderhandelingen met Rusland.')
    qs = quotes_of(text)
    (d,) = direct(qs)
    assert d.quote == "te goeder trouw in te zetten" and "Trump" in speaker(d)
    (i,) = indirect(qs)
    assert "Trump" in speaker(i) and i.quote.startswith("de VS de hulp weer zou hervatten")


@pytest.mark.parametrize("text", [
    "Duizenden mensen liepen woensdag mee in een 'witte mars' tegen antisemitisme.",
    "Rutte begrijpt dat Nederlanders volgende week 'gewoon' Sinterklaas willen vieren.",
    "Het programma 'Pano' gaat woensdag op bezoek bij een drugsdealer.",
    "In een interview met de 'Frankfurter Allgemeine Zeitung' kondigde Merkel hervormingen aan.",
])
def test_scare_quotes_and_titles_are_not_quotes(quotes_of, text):
    assert direct(quotes_of(text)) == []


def test_short_phrase_said_by_someone_is_a_partial_quote(quotes_of):
    (q,) = direct(quotes_of("VN-chef Guterres waarschuwt voor een 'nieuwe Koude Oorlog' tussen het Westen en Rusland."))
    assert q.quote == "nieuwe Koude Oorlog" and "Guterres" in speaker(q)


@pytest.mark.parametrize("text,who,claim", [
    ("Rutte zegt dat het kabinet de belastingen niet zal verhogen.", "Rutte",
     "het kabinet de belastingen niet zal verhogen"),
    ("Het Kremlin liet weten dat Poetin niet naar de top komt.", "Kremlin", "Poetin niet naar de top komt"),
    ("Volgens de VN zijn er al meer dan tienduizend burgers omgekomen.", "VN",
     "zijn er al meer dan tienduizend burgers omgekomen"),
    ("Er zijn al meer dan tienduizend burgers omgekomen, aldus de VN.", "VN",
     "Er zijn al meer dan tienduizend burgers omgekomen"),
    ("Het kabinet maakt een grote fout, zegt PVV-leider Wilders.", "Wilders", "Het kabinet maakt een grote fout"),
    ("Kamerlid Agema vindt dat het kabinet te weinig doet voor de zorg.", "Agema",
     "het kabinet te weinig doet voor de zorg"),
])
def test_indirect_speech(quotes_of, text, who, claim):
    qs = indirect(quotes_of(text))
    assert qs, text
    q = qs[0]
    assert q.direct is False and who in speaker(q) and q.quote == claim
    assert direct(quotes_of(text)) == []


def test_volgens_a_plan_is_not_a_source(quotes_of):
    assert indirect(quotes_of("Volgens het plan moeten de troepen zich binnen een week terugtrekken.")) == []


def test_speaker_in_the_next_sentence(quotes_of):
    text = '"Rusland is in veel opzichten een corrupte staat." Dat zegt klokkenluider Edward Snowden.'
    (q,) = direct(quotes_of(text))
    assert "Snowden" in speaker(q) and q.cue is not None


def test_speaker_in_the_previous_sentence(quotes_of):
    text = ('Premier Rutte verwees naar de nieuwe ministersploeg. "Die moet de plannen gaan uitwerken."')
    (q,) = direct(quotes_of(text))
    assert "Rutte" in speaker(q)


def test_pronoun_speaker_after_the_quote(quotes_of):
    text = ('Kamerlid Fleur Agema van de PVV is kritisch over het beleid. '
            '"Deze premier sluit liever de samenleving dan dat hij investeert in de zorg", zei ze.')
    (q,) = direct(quotes_of(text))
    assert "Agema" in speaker(q)


def test_generic_speaker_is_nobody(quotes_of):
    (q,) = direct(quotes_of("Dan denk je: 'Ik wil ook zo'n groot huis hebben.'"))
    assert q.speaker is None


def test_output_record_has_the_schema_fields(quotes_of):
    (q,) = direct(quotes_of('"We stoppen met de steun", zei minister Brekelmans.'))
    d = q.to_json("doc1")
    assert d["doc"] == "doc1" and d["direct"] is True and d["quote"] == "We stoppen met de steun"
    assert "Brekelmans" in d["speaker"]["name"] and d["id"] == "q1"


def test_naming_verb_attributes_a_partial_quote(quotes_of):
    (q,) = direct(quotes_of("Obama noemde het faillissement van GM 'een pijnlijke maar noodzakelijke stap'."))
    assert "Obama" in speaker(q) and q.cue.text == "noemde"


def test_passive_cue_takes_the_agent(quotes_of):
    text = "De nieuwe iPhone werd door Jobs omschreven als 'de grootste sprong sinds de eerste iPhone'."
    (q,) = direct(quotes_of(text))
    assert "Jobs" in speaker(q)


def test_name_before_an_apposition(quotes_of):
    text = "Darren Winder, een marktanalist van Cazenove, zei: \"Ik denk niet dat mensen nog vertrouwen hebben.\""
    (q,) = direct(quotes_of(text))
    assert "Winder" in speaker(q)


def test_pronoun_skips_organisations(quotes_of):
    text = ('Fritz Henderson, de topman van General Motors, sprak de pers toe. Het ministerie van Financiën '
            'zei dat de steun doorgaat. "We doen dit op de juiste manier", zei hij.')
    (q,) = direct(quotes_of(text))
    assert "Henderson" in speaker(q)


def test_headline_claim_after_a_name_and_colon_is_reported_speech(quotes_of):
    text = ("Rutte: wat we ook hadden gedaan, deze lockdown was niet te voorkomen\n\n"
            "De lockdown was volgens het kabinet niet te voorkomen.")
    qs = [q for q in indirect(quotes_of(text)) if q.sent == 0]
    assert len(qs) == 1 and "Rutte" in speaker(qs[0])
    assert qs[0].quote == "wat we ook hadden gedaan, deze lockdown was niet te voorkomen"


def test_headline_topic_before_a_colon_is_not_a_speaker(quotes_of):
    text = ("Rutte IV: leenstelsel verdwijnt, De Jonge keert niet terug\n\n"
            "Het leenstelsel gaat de prullenbak in.")
    assert [q for q in quotes_of(text) if q.sent == 0] == []


@pytest.mark.parametrize("text,who,claim", [
    ("Nederland gaat op slot tot half januari, heeft het kabinet zaterdag aangekondigd.", "kabinet",
     "Nederland gaat op slot tot half januari"),
    ("De ontsnappingen worden lastiger, stelde Dekker in een brief aan de Tweede Kamer.", "Dekker",
     "De ontsnappingen worden lastiger"),
    ("Veel partijen vroegen zich af of de lockdown te voorkomen was geweest.", "partijen",
     "de lockdown te voorkomen was geweest"),
])
def test_more_reported_speech(quotes_of, text, who, claim):
    qs = indirect(quotes_of(text))
    assert qs and who in speaker(qs[0]) and qs[0].quote == claim


def test_relative_dat_after_an_object_is_not_reported_speech(quotes_of):
    assert indirect(quotes_of("Het is een filmpje waarin Rutte alles zegt dat jij wil horen.")) == []


def test_own_account_is_the_subjects_claim(quotes_of):
    (q,) = indirect(quotes_of("Het Israëlische leger heeft naar eigen zeggen militaire doelen van Hamas aangevallen."))
    assert "leger" in speaker(q) and q.cue.text == "naar eigen zeggen"


def test_te_infinitive_claim(quotes_of):
    (q,) = indirect(quotes_of("President Trump heeft donderdag bevestigd heffingen op staal te zullen invoeren."))
    assert "Trump" in speaker(q) and q.quote == "heffingen op staal te zullen invoeren"


def test_purpose_clause_is_not_a_claim(quotes_of):
    assert indirect(quotes_of("Rutte heeft maatregelen aangekondigd om de verspreiding van het virus af te remmen.")) == []


def test_speech_after_a_colon_without_quote_marks(quotes_of):
    qs = indirect(quotes_of("Met een somber gemoed zegt premier Rutte: we gaan nog een keer op slot."))
    assert len(qs) == 1 and "Rutte" in speaker(qs[0]) and qs[0].quote == "we gaan nog een keer op slot"
