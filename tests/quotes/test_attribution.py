"""Quotes and speakers on real Frog analyses of short, invented news sentences: every
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
    ('"We verwachten deze week een antwoord uit Moskou", zei de Amerikaanse buitenlandminister Rubio.',
     "We verwachten deze week een antwoord uit Moskou", "Rubio"),
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
    text = ("Schoof: 'Met halve maatregelen kom je er niet'\n\n"
            "Premier Schoof wil een strenger asielbeleid. Het kabinet beslist vrijdag.")
    (q,) = direct(quotes_of(text))
    assert q.quote == "Met halve maatregelen kom je er niet"
    assert "Schoof" in speaker(q)


def test_multi_sentence_quote_and_its_continuation(quotes_of):
    text = ('"Georgië is klaar om de gesprekken te hervatten. Nu ligt de bal bij Moskou", zei Kallas. '
            '"We wachten op een antwoord uit het Kremlin."')
    qs = direct(quotes_of(text))
    assert qs[0].quote == "Georgië is klaar om de gesprekken te hervatten. Nu ligt de bal bij Moskou"
    assert qs[1].quote == "We wachten op een antwoord uit het Kremlin."
    assert all("Kallas" in speaker(q) for q in qs)


def test_multi_paragraph_quote(quotes_of):
    text = ('"De situatie aan het front is ernstig. We hebben dringend meer munitie nodig.\n\n'
            '"Zonder steun uit het Westen houden we het niet vol", zei president Zelensky.')
    (q,) = direct(quotes_of(text))
    assert len(q.parts) == 2
    assert q.quote.startswith("De situatie") and q.quote.endswith("niet vol")
    assert "Zelensky" in speaker(q)


def test_quote_interrupted_by_its_attribution_and_pronoun_speaker(quotes_of):
    text = ('De Franse minister Barrot sprak na afloop met journalisten. '
            '"We zullen," zei hij, "de Iraniërs laten weten dat het aanbod blijft staan."')
    (q,) = direct(quotes_of(text))
    assert q.quote == "We zullen de Iraniërs laten weten dat het aanbod blijft staan."
    assert len(q.parts) == 2
    assert "Barrot" in speaker(q)
    assert q.cue.text.startswith("zei")


def test_partial_quote_inside_reported_speech(quotes_of):
    text = ('Scholz gaf aan dat Duitsland de leveringen pas opnieuw start als Rusland bereid blijkt '
            '"serieus te onderhandelen" over een bestand.')
    qs = quotes_of(text)
    (d,) = direct(qs)
    assert d.quote == "serieus te onderhandelen" and "Scholz" in speaker(d)
    (i,) = indirect(qs)
    assert "Scholz" in speaker(i) and i.quote.startswith("Duitsland de leveringen pas opnieuw start")


@pytest.mark.parametrize("text", [
    "Duizenden mensen liepen woensdag mee in een 'stille tocht' tegen geweld.",
    "Schoof begrijpt dat Nederlanders deze zomer 'gewoon' op vakantie willen.",
    "Het programma 'Zembla' gaat donderdag op zoek naar de oorzaak.",
    "In een interview met 'Le Monde' kondigde Macron nieuwe maatregelen aan.",
])
def test_scare_quotes_and_titles_are_not_quotes(quotes_of, text):
    assert direct(quotes_of(text)) == []


def test_short_phrase_said_by_someone_is_a_partial_quote(quotes_of):
    (q,) = direct(quotes_of("NAVO-chef Rutte waarschuwt voor een 'gevaarlijke wapenwedloop' tussen China en de VS."))
    assert q.quote == "gevaarlijke wapenwedloop" and "Rutte" in speaker(q)


@pytest.mark.parametrize("text,who,claim", [
    ("Rutte zegt dat het kabinet de belastingen niet zal verhogen.", "Rutte",
     "het kabinet de belastingen niet zal verhogen"),
    ("Het Kremlin liet weten dat Poetin niet naar de top komt.", "Kremlin", "Poetin niet naar de top komt"),
    ("Volgens de VN zijn er al meer dan tienduizend burgers omgekomen.", "VN",
     "zijn er al meer dan tienduizend burgers omgekomen"),
    ("Er zijn al meer dan tienduizend burgers omgekomen, aldus de VN.", "VN",
     "Er zijn al meer dan tienduizend burgers omgekomen"),
    ("Het kabinet maakt een grote fout, zegt PVV-leider Wilders.", "Wilders", "Het kabinet maakt een grote fout"),
    ("Kamerlid Bromet vindt dat het kabinet te weinig doet voor de natuur.", "Bromet",
     "het kabinet te weinig doet voor de natuur"),
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
    text = '"Het regime in Minsk is door en door corrupt." Dat zegt oppositieleider Svetlana Tichanovskaja.'
    (q,) = direct(quotes_of(text))
    assert "Tichanovskaja" in speaker(q) and q.cue is not None


def test_speaker_in_the_previous_sentence(quotes_of):
    text = ('Premier Schoof wees op de nieuwe staatssecretaris. "Zij gaat de regeling verder uitwerken."')
    (q,) = direct(quotes_of(text))
    assert "Schoof" in speaker(q)


def test_pronoun_speaker_after_the_quote(quotes_of):
    text = ('Kamerlid Esther Ouwehand van de PvdD is kritisch over het plan. '
            '"Deze minister kiest liever voor de boeren dan voor de natuur", zei ze.')
    (q,) = direct(quotes_of(text))
    assert "Ouwehand" in speaker(q)


def test_generic_speaker_is_nobody(quotes_of):
    (q,) = direct(quotes_of("Dan denk je: 'Waarom heb ik dat niet eerder gedaan?'"))
    assert q.speaker is None


def test_output_record_has_the_schema_fields(quotes_of):
    (q,) = direct(quotes_of('"We stoppen met de steun", zei minister Brekelmans.'))
    d = q.to_json("doc1")
    assert d["doc"] == "doc1" and d["direct"] is True and d["quote"] == "We stoppen met de steun"
    assert "Brekelmans" in d["speaker"]["name"] and d["id"] == "q1"


def test_naming_verb_attributes_a_partial_quote(quotes_of):
    (q,) = direct(quotes_of("Scholz noemde de sluiting van de fabriek 'een pijnlijke maar noodzakelijke stap'."))
    assert "Scholz" in speaker(q) and q.cue.text == "noemde"


def test_passive_cue_takes_the_agent(quotes_of):
    text = "Het nieuwe model werd door Elon Musk omschreven als 'de beste auto die we ooit hebben gebouwd'."
    (q,) = direct(quotes_of(text))
    assert "Musk" in speaker(q)


def test_name_before_an_apposition(quotes_of):
    text = "Femke de Graaf, econoom bij ING, zei: \"Ik verwacht dat de rente nog verder daalt.\""
    (q,) = direct(quotes_of(text))
    assert "Graaf" in speaker(q)


def test_pronoun_skips_organisations(quotes_of):
    text = ('Ola Källenius, de topman van Mercedes-Benz, sprak de aandeelhouders toe. Het ministerie van Economische '
            'Zaken liet weten dat de subsidie blijft. "We kiezen voor de lange termijn", zei hij.')
    (q,) = direct(quotes_of(text))
    assert "Källenius" in speaker(q)


def test_headline_claim_after_a_name_and_colon_is_reported_speech(quotes_of):
    text = ("Schoof: hoe we het ook wenden of keren, deze bezuiniging is nodig\n\n"
            "De bezuiniging is volgens het kabinet onvermijdelijk.")
    qs = [q for q in indirect(quotes_of(text)) if q.sent == 0]
    assert len(qs) == 1 and "Schoof" in speaker(qs[0])
    assert qs[0].quote == "hoe we het ook wenden of keren, deze bezuiniging is nodig"


def test_headline_topic_before_a_colon_is_not_a_speaker(quotes_of):
    text = ("Kabinet-Schoof: toeslagen verdwijnen, Faber blijft minister\n\n"
            "De toeslagen gaan op de schop.")
    assert [q for q in quotes_of(text) if q.sent == 0] == []


@pytest.mark.parametrize("text,who,claim", [
    ("De scholen blijven dicht tot half februari, heeft het kabinet vrijdag aangekondigd.", "kabinet",
     "De scholen blijven dicht tot half februari"),
    ("De wachtlijsten worden korter, stelde minister Agema in een brief aan het parlement.", "Agema",
     "De wachtlijsten worden korter"),
    ("Veel partijen vroegen zich af of de ramp te voorkomen was geweest.", "partijen",
     "de ramp te voorkomen was geweest"),
])
def test_more_reported_speech(quotes_of, text, who, claim):
    qs = indirect(quotes_of(text))
    assert qs and who in speaker(qs[0]) and qs[0].quote == claim


def test_relative_dat_after_an_object_is_not_reported_speech(quotes_of):
    assert indirect(quotes_of("Het is een interview waarin Wilders alles zegt dat zijn kiezers willen horen.")) == []


def test_own_account_is_the_subjects_claim(quotes_of):
    (q,) = indirect(quotes_of("Het Israëlische leger heeft naar eigen zeggen militaire doelen van Hamas aangevallen."))
    assert "leger" in speaker(q) and q.cue.text == "naar eigen zeggen"


def test_te_infinitive_claim(quotes_of):
    (q,) = indirect(quotes_of("Premier Modi heeft woensdag bevestigd importheffingen op whisky te zullen verlagen."))
    assert "Modi" in speaker(q) and q.quote == "importheffingen op whisky te zullen verlagen"


def test_purpose_clause_is_not_a_claim(quotes_of):
    assert indirect(quotes_of("Schoof heeft maatregelen aangekondigd om de stijging van de huren af te remmen.")) == []


def test_speech_after_a_colon_without_quote_marks(quotes_of):
    qs = indirect(quotes_of("Met een zorgelijke blik zegt premier Schoof: we moeten nog dieper snijden."))
    assert len(qs) == 1 and "Schoof" in speaker(qs[0]) and qs[0].quote == "we moeten nog dieper snijden"
