"""The words of the web pages' chrome (buttons, headings, error instructions), Danish first, then English.

Only UI words live here. Clinical facts (questions, causes, rules, care routes, phone numbers) come from the
knowledge base. Every key has both languages by construction; ``t(lang, key, **values)`` fills ``{name}``
placeholders. Error messages are instructions ("Vælg hvor det gør ondt"), never descriptions of a fault.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from types import MappingProxyType

from haelguiden.engine.model import LANGS, Lang

_TEXTS: dict[str, tuple[str, str]] = {
    # --- chrome --------------------------------------------------------------------------------------
    "site_name": ("Hælguiden", "Hælguiden"),
    "skip_link": ("Gå til indholdet", "Skip to content"),
    "other_lang_name": ("English", "Dansk"),
    "other_lang_label": ("Read this page in English", "Læs siden på dansk"),
    "nav_label": ("Hovedmenu", "Main menu"),
    "nav_check": ("Selvtjek", "Self-check"),
    "nav_articles": ("Artikler", "Articles"),
    "nav_search": ("Søg", "Search"),
    "emergency_line": ("{emergency}, hvis det er livstruende.", "{emergency} if it is life-threatening."),
    "footer_note": (
        "Hælguiden giver information og mulige årsager – ikke en diagnose. "
        "Den erstatter ikke en undersøgelse.",
        "Hælguiden gives information and possible causes – not a diagnosis. "
        "It does not replace an examination.",
    ),
    "footer_privacy": ("Privatliv", "Privacy"),
    "footer_about": ("Om Hælguiden", "About Hælguiden"),
    "footer_accessibility": ("Tilgængelighedserklæring", "Accessibility statement"),
    "footer_api": ("API", "API"),
    "error_prefix": ("Fejl", "Error"),
    # --- start page ----------------------------------------------------------------------------------
    "start_title": ("Tjek din hælsmerte", "Check your heel pain"),
    "start_lead": (
        "Svar på nogle spørgsmål om din hæl. Så får du at vide, hvor hurtigt du bør søge hjælp, "
        "hvad smerterne kan skyldes, og hvad du selv kan gøre nu.",
        "Answer some questions about your heel. You will find out how soon you should get help, "
        "what may cause the pain and what you can do yourself now.",
    ),
    "start_emergency_title": ("Har du brug for hjælp med det samme?", "Do you need help straight away?"),
    "start_emergency": (
        "Skal du tale med en læge i dag, så ring til din egen læge – uden for åbningstid til "
        "lægevagten: {after_hours}.",
        "If you need to talk to a doctor today, call your own GP – outside opening hours the after-hours "
        "doctor (lægevagten): {after_hours}.",
    ),
    "start_time": (
        "Det tager få minutter. Du får omkring 10 spørgsmål, ét ad gangen.",
        "It takes a few minutes. You will get about 10 questions, one at a time.",
    ),
    "start_does_title": ("Det gør selvtjekket", "What the self-check does"),
    "start_does_1": (
        "Det fortæller, hvor hurtigt du bør søge hjælp, og hvor.",
        "It tells you how soon you should get help, and where.",
    ),
    "start_does_2": (
        "Det viser de mulige årsager og hvad der taler for og imod dem.",
        "It shows the possible causes and what speaks for and against them.",
    ),
    "start_does_3": (
        "Det giver råd om, hvad du selv kan gøre nu.",
        "It gives advice on what you can do yourself now.",
    ),
    "start_not_title": ("Det gør selvtjekket ikke", "What the self-check does not do"),
    "start_not_1": (
        "Det stiller ikke en diagnose. Det viser mulige årsager. Kun en læge eller fysioterapeut, "
        "der har undersøgt din fod, kan sige, hvad du fejler.",
        "It does not make a diagnosis. It shows possible causes. Only a doctor or physiotherapist who has "
        "examined your foot can say what is wrong.",
    ),
    "start_not_2": (
        "Det er ikke til akutte, livstruende tilstande. {emergency}.",
        "It is not for acute, life-threatening conditions. {emergency}.",
    ),
    "start_not_3": (
        "Er du under 16 år, så tag tjekket sammen med en voksen.",
        "If you are under 16, take the check together with an adult.",
    ),
    "start_button": ("Start selvtjekket", "Start the self-check"),
    "story_label": ("Fortæl med dine egne ord – valgfrit", "Tell us in your own words – optional"),
    "story_hint": (
        "Fx hvor det gør ondt, hvor længe det har varet, hvad der startede det, og hvad du selv har prøvet. "
        "Vi gemmer ikke teksten. Du ser og retter det, vi har forstået, før det bruges.",
        "For example where it hurts, how long it has lasted, what started it and what you have tried. "
        "We do not keep the text. You see and correct what we understood before it is used.",
    ),
    "story_too_long": (
        "Din beskrivelse er for lang. Skriv højst {limit} tegn, eller lad feltet stå tomt.",
        "Your description is too long. Write at most {limit} characters, or leave the box empty.",
    ),
    "story_title": ("Vi har forstået", "What we have understood"),
    "story_confirmed": ("Fra din beskrivelse", "From your description"),
    "story_lead": (
        "Fjern fluebenet ved det, der ikke passer, eller ret det. Kun det med flueben bruges, "
        "og vi spørger om resten.",
        "Untick anything that is not right, or change it. Only what is ticked is used, "
        "and we ask about the rest.",
    ),
    "story_empty": (
        "Vi fandt ikke noget i din beskrivelse, som vi kunne bruge. Vi stiller spørgsmålene i stedet.",
        "We found nothing in your description we could use. We will ask the questions instead.",
    ),
    "story_change": ("Ret: {statement}", "Change: {statement}"),
    "story_number_error": (
        "Skriv et helt tal fra {minimum} til {maximum}, eller fjern fluebenet",
        "Write a whole number from {minimum} to {maximum}, or untick it",
    ),
    "start_articles_title": ("Læs om ondt i hælen", "Read about heel pain"),
    "start_all_articles": ("Se alle artikler", "See all articles"),
    # --- question pages ------------------------------------------------------------------------------
    "why_summary": ("Hvorfor spørger vi?", "Why do we ask?"),
    "dont_know": ("Ved ikke", "Don't know"),
    "none_of_these": ("Ingen af disse", "None of these"),
    "none_of_list": ("Ingen af disse:", "None of these:"),
    "or": ("eller", "or"),
    "continue": ("Fortsæt", "Continue"),
    "back": ("Tilbage", "Back"),
    "progress": ("Spørgsmål {n} af cirka {total}", "Question {n} of about {total}"),
    "foot_caption": (
        "Tegning af en fod set indefra og bagfra. Tryk på et nummer, eller brug listen herunder.",
        "Drawing of a foot seen from the inside and from behind. Tap a number, or use the list below.",
    ),
    "foot_inside": ("Indefra", "Inside"),
    "foot_behind": ("Bagfra", "Behind"),
    "error_summary_title": ("Der er et problem", "There is a problem"),
    "error_single": (
        "Vælg det svar, der passer bedst, eller vælg «Ved ikke»",
        "Choose the answer that fits best, or choose “Don't know”",
    ),
    "error_multi": (
        "Sæt kryds ved det, der passer, eller vælg «Ingen af disse» eller «Ved ikke»",
        "Tick what applies, or choose “None of these” or “Don't know”",
    ),
    "error_exclusive": (
        "Vælg enten et eller flere svar, «Ingen af disse» eller «Ved ikke» – ikke flere af dem",
        "Choose either one or more answers, “None of these” or “Don't know” – not several of them",
    ),
    "error_unknown_choice": (
        "Vælg et af svarene på listen",
        "Choose one of the answers in the list",
    ),
    "error_number_empty": (
        "Skriv et helt tal fra {minimum} til {maximum}, eller tryk «Ved ikke»",
        "Enter a whole number from {minimum} to {maximum}, or press “Don't know”",
    ),
    "error_number_format": (
        "Skriv et helt tal med cifre, fra {minimum} til {maximum}, fx {example}",
        "Enter a whole number in digits, from {minimum} to {maximum}, for example {example}",
    ),
    "error_number_range": (
        "Skriv et tal fra {minimum} til {maximum}",
        "Enter a number from {minimum} to {maximum}",
    ),
    # Instructions for particular questions; any other question gets the generic one for its kind.
    "error_q_pain_site": ("Vælg hvor det gør ondt", "Choose where it hurts"),
    "error_q_age": (
        "Skriv din alder i hele år, fx 42, eller tryk «Ved ikke»",
        "Enter your age in whole years, for example 42, or press “Don't know”",
    ),
    "error_q_pain_score": (
        "Vælg et tal fra 0 til 10 for, hvor ondt det gør, eller vælg «Ved ikke»",
        "Choose a number from 0 to 10 for how much it hurts, or choose “Don't know”",
    ),
    "error_q_injury": (
        "Vælg om det startede med en skade, eller vælg «Ved ikke»",
        "Choose whether it started with an injury, or choose “Don't know”",
    ),
    "error_q_side": ("Vælg hvilken fod der gør ondt", "Choose which foot hurts"),
    # Units in the singular (one) and the plural (other): count(lang, unit, n) picks the form.
    "unit_years_one": ("år", "year"),
    "unit_years_other": ("år", "years"),
    "unit_months_one": ("måned", "month"),
    "unit_months_other": ("måneder", "months"),
    "unit_weeks_one": ("uge", "week"),
    "unit_weeks_other": ("uger", "weeks"),
    "unit_days_one": ("dag", "day"),
    "unit_days_other": ("dage", "days"),
    "unit_metres_one": ("meter", "metre"),
    "unit_metres_other": ("meter", "metres"),
    "unit_minutes_one": ("minut", "minute"),
    "unit_minutes_other": ("minutter", "minutes"),
    "unit_hours_one": ("time", "hour"),
    "unit_hours_other": ("timer", "hours"),
    "unit_seconds_one": ("sekund", "second"),
    "unit_seconds_other": ("sekunder", "seconds"),
    "unit_label": ("Vælg dage, uger, måneder eller år", "Choose days, weeks, months or years"),
    "error_duration_empty": (
        "Skriv, hvor længe det har varet, fx 3 og uger, eller tryk «Ved ikke»",
        "Enter how long it has lasted, for example 3 and weeks, or press “Don't know”",
    ),
    "error_duration_format": (
        "Skriv et helt tal med cifre, fx 3, og vælg dage, uger, måneder eller år",
        "Enter a whole number in digits, for example 3, and choose days, weeks, months or years",
    ),
    "error_duration_range": (
        "Skriv et tal fra 0 til {maximum} {unit}",
        "Enter a number from 0 to {maximum} {unit}",
    ),
    "error_duration_unit": ("Vælg dage, uger, måneder eller år", "Choose days, weeks, months or years"),
    # --- check your answers --------------------------------------------------------------------------
    "check_title": ("Tjek dine svar", "Check your answers"),
    "check_lead": (
        "Se dine svar igennem. Du kan ændre et svar, før du ser resultatet.",
        "Look through your answers. You can change an answer before you see the result.",
    ),
    "change": ("Ændr", "Change"),
    "see_result": ("Se resultatet", "See the result"),
    # --- result --------------------------------------------------------------------------------------
    "result_disclaimer": (
        "Mulige årsager – ikke en diagnose. Resultatet bygger kun på dine svar og erstatter ikke en "
        "undersøgelse.",
        "Possible causes – not a diagnosis. The result is based only on your answers and does not "
        "replace an examination.",
    ),
    "what_to_do": ("Det skal du gøre", "What to do"),
    "reasons_title": ("Derfor", "Why"),
    "reasons_lead": (
        "Det du har svaret, der gør det vigtigt:",
        "What you answered that makes this important:",
    ),
    "causes_title": ("Mulige årsager", "Possible causes"),
    "causes_lead": (
        "Årsagerne står med den mest sandsynlige først. De er mulige årsager – ikke en diagnose.",
        "The causes are listed with the most likely first. They are possible causes – not a diagnosis.",
    ),
    "likelihood_label": ("Sandsynlighed", "Likelihood"),
    "likely_most": ("Mest sandsynlig", "Most likely"),
    "likely_possible": ("Mulig", "Possible"),
    "likely_less": ("Mindre sandsynlig", "Less likely"),
    "for_title": ("Det taler for", "For"),
    "against_title": ("Det taler imod", "Against"),
    "clinician_title": ("Det gør lægen eller fysioterapeuten", "What a doctor or physiotherapist will do"),
    "advice_title": ("Det kan du gøre nu", "What you can do now"),
    "read_more": ("Læs mere: {title}", "Read more: {title}"),
    "postcode_title": ("Lægevagten i din region", "The after-hours doctor in your region"),
    "postcode_label": ("Dit postnummer (valgfrit)", "Your postcode (optional)"),
    "postcode_hint": (
        "Så viser vi kun nummeret til lægevagten i din region. Lad feltet stå tomt, eller skriv "
        "«ved ikke», så viser vi alle regioners numre.",
        "Then we show only the number of the after-hours doctor in your region. Leave it empty, or write "
        "“don't know”, to see every region's number.",
    ),
    "postcode_button": ("Vis nummeret", "Show the number"),
    "postcode_error": (
        "Skriv et dansk postnummer med 4 cifre, fx 2100, eller lad feltet stå tomt",
        "Enter a Danish postcode of 4 digits, for example 2100, or leave it empty",
    ),
    "postcode_unknown": (
        "Vi kender ikke postnummer {postcode}. Her er numrene for alle regioner.",
        "We do not know postcode {postcode}. Here are the numbers of every region.",
    ),
    "postcode_region": ("Nummeret gælder {region}.", "The number is for {region}."),
    "outcome_when": ("Hvornår", "When"),
    "outcome_next_title": ("Det sker bagefter", "What happens next"),
    "outcome_tell_answers": (
        "Fortæl også, hvad du har svaret her:",
        "Also tell them what you answered here:",
    ),
    "outcome_change": (
        "Har du svaret forkert? Se og ændr dine svar",
        "Did you answer something wrong? See and change your answers",
    ),
    "outcome_later_title": ("Plan og dagbog", "Plan and diary"),
    "summary_title": ("Til din læge eller fysioterapeut", "For your doctor or physiotherapist"),
    "summary_lead": (
        "Et resumé på én side med dine svar og resultatet. Vis det, print det, eller send det til din "
        "læge eller fysioterapeut.",
        "A one-page summary of your answers and the result. Show it, print it, or send it to your doctor "
        "or physiotherapist.",
    ),
    "summary_subtitle": (
        "Resumé af et selvtjek i Hælguiden: patientens egne svar",
        "Summary of a self-check in Hælguiden: the patient's own answers",
    ),
    "summary_not_diagnosis": (
        "Mulige årsager – ikke en diagnose. Resuméet bygger kun på patientens svar og erstatter ikke en "
        "undersøgelse.",
        "Possible causes – not a diagnosis. The summary is based only on the patient's answers and does not "
        "replace an examination.",
    ),
    "summary_date": ("Dato", "Date"),
    "summary_triage": ("Hastegrad", "Urgency"),
    "summary_reasons": ("Begrundelse", "Reasons"),
    "summary_red_flags": ("Spørgsmål om advarselstegn", "Red-flag questions"),
    "summary_answers": ("Øvrige svar", "Other answers"),
    "summary_question": ("Spørgsmål", "Question"),
    "summary_answer": ("Svar", "Answer"),
    "summary_flag": ("advarselstegn", "red flag"),
    "summary_yes": ("Ja", "Yes"),
    "summary_no": ("Nej", "No"),
    "summary_causes": ("Mulige årsager", "Possible causes"),
    "summary_for": ("Taler for", "For"),
    "summary_against": ("Taler imod", "Against"),
    "summary_kind_rule": ("advarselstegn eller regel", "warning sign or rule"),
    "summary_kind_condition": ("mulig årsag", "possible cause"),
    "summary_kind_precaution": ("ubesvaret spørgsmål", "question not answered"),
    "answer_again_title": (
        "Kan du svare nu? Så kan rådet blive mere præcist:",
        "Can you answer now? Then the advice can be more precise:",
    ),
    "answer_now": ("Svar på: {question}", "Answer: {question}"),
    "summary_level_emergency": ("112", "112"),
    "summary_level_urgent": ("læge i dag", "doctor today"),
    "summary_level_gp": ("egen læge inden for få dage", "GP within a few days"),
    "summary_level_professional": ("fysioterapeut", "physiotherapist"),
    "summary_level_self_care": ("egenbehandling", "self-care"),
    "summary_diary": ("Dagbog", "Diary"),
    "summary_diary_started": ("Dagbogen er startet {date}.", "The diary was started on {date}."),
    "summary_chart": ("Smerte over tid (0–10)", "Pain over time (0–10)"),
    "summary_worst": ("Værste smerte", "Worst pain"),
    "summary_first_step": ("Første skridt", "First steps"),
    "summary_col_date": ("Dato", "Date"),
    "summary_col_exercises": ("Øvelser", "Exercises"),
    "summary_col_note": ("Note", "Note"),
    "summary_last_entries": ("Seneste registreringer", "Latest entries"),
    "summary_more": ("Og {count} tidligere registreringer.", "And {count} earlier entries."),
    "summary_not_measured": ("ikke målt", "not measured"),
    "summary_none": ("ingen", "none"),
    "summary_source": ("Lavet med Hælguiden", "Made with Hælguiden"),
    "summary_no_check": (
        "Svarene fra selvtjekket er ikke med, fordi der ikke var et færdigt selvtjek.",
        "The self-check answers are not included, because there was no finished self-check.",
    ),
    "summary_print": ("Udskriv resuméet (PDF, A4)", "Print the summary (PDF, A4)"),
    "summary_fhir": (
        "Hent som FHIR-dokument (til klinikkens system)",
        "Download as a FHIR document (for the clinic's system)",
    ),
    "summary_back": ("Tilbage til resultatet", "Back to the result"),
    "summary_link": (
        "Se resuméet til din læge eller fysioterapeut",
        "See the summary for your doctor or physiotherapist",
    ),
    "summary_pdf_link": ("Hent resuméet som PDF (til udskrift)", "Download the summary as a PDF (to print)"),
    "change_answers": ("Ændr dine svar", "Change your answers"),
    "restart": ("Start forfra", "Start again"),
    # --- messages and error pages --------------------------------------------------------------------
    "restart_title": ("Vi kunne ikke læse dine svar", "We could not read your answers"),
    "restart_body": (
        "Dine svar var udløbet eller kunne ikke læses. Derfor starter vi forfra. "
        "Dine svar er ikke gemt nogen steder.",
        "Your answers had expired or could not be read, so we start again. "
        "Your answers are not stored anywhere.",
    ),
    "csrf_title": ("Formularen kunne ikke sendes", "The form could not be sent"),
    "csrf_body": (
        "Af sikkerhedshensyn kunne vi ikke tage imod formularen. Gå tilbage, hent siden igen, og prøv "
        "igen. Hælguiden skal have lov at bruge nødvendige cookies.",
        "For security reasons we could not accept the form. Go back, reload the page and try again. "
        "Hælguiden needs to be allowed to use necessary cookies.",
    ),
    "not_found_title": ("Siden findes ikke", "Page not found"),
    "not_found_body": (
        "Tjek at adressen er skrevet rigtigt. Du kan også gå til forsiden.",
        "Check that the address is correct. You can also go to the home page.",
    ),
    "too_many_title": ("For mange forespørgsler", "Too many requests"),
    "too_many_body": (
        "Du har sendt mange forespørgsler på kort tid. Vent {seconds} sekunder, og prøv igen.",
        "You have sent many requests in a short time. Wait {seconds} seconds and try again.",
    ),
    "too_large_title": ("Formularen er for stor", "The form is too large"),
    "too_large_body": (
        "Det, du sendte, var større end vi kan tage imod. Gå tilbage, og prøv igen.",
        "What you sent was larger than we can accept. Go back and try again.",
    ),
    "bad_request_title": ("Forespørgslen kunne ikke læses", "The request could not be read"),
    "bad_request_body": (
        "Gå tilbage, og prøv igen. Bliver ved at gå galt, så start forfra.",
        "Go back and try again. If it keeps failing, start again.",
    ),
    "server_error_title": ("Der skete en fejl hos os", "Something went wrong on our side"),
    "server_error_body": (
        "Prøv igen om lidt. Har du brug for hjælp nu, så ring til din læge eller lægevagten.",
        "Try again in a moment. If you need help now, call your GP or the after-hours doctor.",
    ),
    "go_home": ("Gå til forsiden", "Go to the home page"),
    # --- articles and search -------------------------------------------------------------------------
    "articles_title": ("Artikler om ondt i hælen", "Articles about heel pain"),
    "articles_lead": (
        "Læs om de mulige årsager til ondt i hælen, hvad du selv kan gøre, og hvornår du skal søge hjælp.",
        "Read about the possible causes of heel pain, what you can do yourself and when to get help.",
    ),
    "toc_title": ("Indhold", "Contents"),
    "published": ("Udgivet", "Published"),
    "updated": ("Sidst opdateret", "Last updated"),
    "reviewed_by": ("Fagligt gennemgået af {name} {date}.", "Clinically reviewed by {name} on {date}."),
    "not_reviewed": (
        "Skrevet ud fra kilderne; endnu ikke gennemgået af en kliniker.",
        "Written from the sources; not yet reviewed by a clinician.",
    ),
    "article_other_lang": ("Read this article in English", "Læs artiklen på dansk"),
    "search_title": ("Søg i artiklerne", "Search the articles"),
    "search_label": ("Søgeord", "Search words"),
    "search_button": ("Søg", "Search"),
    "search_results_one": ("1 resultat for «{query}»", "1 result for “{query}”"),
    "search_results_other": ("{count} resultater for «{query}»", "{count} results for “{query}”"),
    "search_none": (
        "Ingen artikler passer til «{query}». Prøv et andet ord, fx «hælspore» eller «akillessene».",
        "No articles match “{query}”. Try another word, for example “plantar fasciitis” or “Achilles”.",
    ),
    "cause_table_cause": ("Mulig årsag", "Possible cause"),
    "cause_table_pattern": ("Typiske tegn", "Typical signs"),
    "cause_table_advice": ("Det kan du gøre", "What you can do"),
    "care_routes_region": ("Region", "Region"),
    "after_hours_below": ("se numrene herunder", "see the numbers below"),
    "care_routes_phone": ("Lægevagten", "After-hours doctor"),
    "self_care_title": ("Det kan du selv gøre", "What you can do yourself"),
    "timeline_onset": ("Sådan starter det", "How it starts"),
    "timeline_pattern": ("Sådan forløber det", "How it goes"),
    # --- API documentation page ----------------------------------------------------------------------
    "api_docs_title": ("Hælguidens API", "Hælguiden API"),
    "api_docs_lead": (
        "Det samme selvtjek som en JSON-API. Hele beskrivelsen står i OpenAPI-dokumentet.",
        "The same self-check as a JSON API. The full description is in the OpenAPI document.",
    ),
    "api_docs_openapi": ("OpenAPI-dokumentet (JSON)", "The OpenAPI document (JSON)"),
    "api_docs_operations": ("Endepunkter", "Endpoints"),
    "api_docs_schemas": ("Datatyper", "Schemas"),
    # --- the result page's way on to the plan and the diary (pages/plan_result_links.html) -------------
    "result_plan_title": ("Din plan og din dagbog", "Your plan and your diary"),
    "result_plan_lead": (
        "Få en plan med råd og øvelser uge for uge, som passer til dit resultat.",
        "Get a plan with advice and exercises week by week that fits your result.",
    ),
    "result_plan_link": ("Se din plan", "See your plan"),
    "result_diary_lead": (
        "Følg din bedring i en privat dagbog. Du skal ikke oprette en konto. Dagbogen gemmer kun det, "
        "planen skal bruge: om du er barn eller voksen, om du har diabetes, og om foden føles følelsesløs. "
        "Den slettes, når du beder om det, eller når den ikke er brugt i 12 måneder.",
        "Follow your recovery in a private diary. You do not need an account. The diary keeps only what the "
        "plan needs: whether you are a child or an adult, whether you have diabetes, and whether your foot "
        "feels numb. It is deleted when you ask, or when it has not been used for 12 months.",
    ),
    "result_diary_button": ("Start en dagbog", "Start a diary"),
}

_MONTHS: dict[Lang, tuple[str, ...]] = {
    "da": (
        "januar", "februar", "marts", "april", "maj", "juni",
        "juli", "august", "september", "oktober", "november", "december",
    ),
    "en": (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
}  # fmt: skip

UI: Mapping[Lang, Mapping[str, str]] = MappingProxyType(
    {lang: MappingProxyType({key: pair[i] for key, pair in _TEXTS.items()}) for i, lang in enumerate(LANGS)}
)
"""Language → key → text. Templates get ``UI[lang]`` and write ``t.key``."""


def t(lang: Lang, key: str, **values: object) -> str:
    """The text ``key`` in ``lang`` with ``{name}`` placeholders filled in (KeyError for an unknown key)."""
    text = UI[lang][key]
    return text.format(**values) if values else text


def plural(lang: Lang, key: str, number: int, **values: object) -> str:
    """The message ``key`` in the form for ``number``: ``key_zero`` (if there is one) for 0, ``key_one``
    for 1, ``key_other`` for the rest. Danish and English have the same two forms (plus a wording of its
    own for none, where that reads better). ``{count}`` is filled in with ``number``."""
    form = "zero" if number == 0 and has(f"{key}_zero") else "one" if number == 1 else "other"
    return t(lang, f"{key}_{form}", count=number, **values)


def count(lang: Lang, unit: str, number: int) -> str:
    """``number`` with its unit in the right form: "1 dag", "2 dage", "1 year", "38 years"."""
    return f"{number} {unit_name(lang, unit, number)}"


def unit_name(lang: Lang, unit: str, number: int = 2) -> str:
    """The unit's name for ``number`` of it (the plural by default): "dag", "dage", "uger"."""
    return t(lang, f"unit_{unit}_{'one' if number == 1 else 'other'}")


def has(key: str) -> bool:
    """Whether ``key`` is a known message."""
    return key in _TEXTS


def human_date(lang: Lang, value: dt.date) -> str:
    """A date as people write it: "25. november 2026" or "25 November 2026"."""
    if lang == "da":
        return f"{value.day}. {month_name(lang, value.month)} {value.year}"
    return f"{value.day} {month_name(lang, value.month)} {value.year}"


def month_name(lang: Lang, month: int) -> str:
    """The name of ``month`` (1–12) in ``lang``."""
    return _MONTHS[lang][month - 1]
