"""The words of the plan, exercise and diary pages (headings, buttons, instructions), Danish first.

Only UI words live here, as in :mod:`haelguiden.web.messages`: every clinical fact (advice, doses, timelines,
rules, thresholds, phone numbers) comes from the knowledge base and is filled in through ``{name}``
placeholders. Every key has both languages by construction. Templates get ``WORDS[lang]`` as ``page.w``.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from haelguiden.engine.model import LANGS, Lang

_TEXTS: dict[str, tuple[str, str]] = {
    # --- plan ----------------------------------------------------------------------------------------
    "plan_missing_title": ("Tag selvtjekket først", "Take the self-check first"),
    "plan_missing_body": (
        "Din plan bygger på dine svar i selvtjekket. Gør selvtjekket færdigt, så laver vi en plan til dig.",
        "Your plan is based on your answers in the self-check. Finish the self-check and we will make a "
        "plan for you.",
    ),
    "plan_missing_link": ("Gå til selvtjekket", "Go to the self-check"),
    "plan_basis_title": ("Det bygger planen på", "What the plan is based on"),
    "plan_leading_cause": ("Mest sandsynlige mulige årsag", "Most likely possible cause"),
    "plan_no_cause": ("Ingen bestemt årsag", "No particular cause"),
    "plan_group": ("Planen er til", "The plan is for"),
    "group_adult": ("Voksne", "Adults"),
    "group_child": ("Børn og unge under {age} år", "Children and young people under {age}"),
    "plan_pdf_link": ("Hent planen som PDF", "Download the plan as a PDF"),
    "plan_back_result": ("Se dit resultat igen", "See your result again"),
    "plan_sources_title": ("Kilder til din plan", "Sources for your plan"),
    "plan_sources_link": ("Se kilderne til planen", "See the sources of the plan"),
    "plan_sources_lead": (
        "Råd, doser og tider i din plan bygger på disse kilder. Hvor forskningen ikke giver et tal, "
        "bygger planen på skøn fra fagfolk.",
        "The advice, doses and times in your plan are based on these sources. Where research gives no "
        "number, the plan uses expert estimates.",
    ),
    "plan_sources_back": ("Tilbage til din plan", "Back to your plan"),
    "source_estimate": (
        "Skøn fra fagfolk, hvor forskningen ikke giver et tal",
        "Expert estimate where research gives no number",
    ),
    "plan_see_exercise": ("Se øvelsen med en tegning", "See the exercise with a drawing"),
    "plan_diary_title": ("Følg din bedring", "Follow your recovery"),
    "plan_diary_lead": (
        "Skriv et par gange om ugen i en dagbog, hvor ondt det gør. Du får et privat link og skal ikke "
        "oprette en konto.",
        "Write down in a diary a few times a week how much it hurts. You get a private link and need no "
        "account.",
    ),
    "diary_start_button": ("Start en dagbog", "Start a diary"),
    # --- exercises -----------------------------------------------------------------------------------
    "exercises_title": ("Øvelser", "Exercises"),
    "exercises_lead": (
        "Alle øvelser fra Hælguidens planer. Lav de øvelser, din plan giver dig, i den mængde planen siger.",
        "Every exercise from Hælguiden's plans. Do the exercises your plan gives you, as much as the plan "
        "says.",
    ),
    "exercise_steps": ("Sådan gør du", "How to do it"),
    "exercise_dosage": ("Hvor meget og hvor tit", "How much and how often"),
    "exercise_drawing": ("Tegning: {name}", "Drawing: {name}"),
    "exercise_all": ("Alle øvelser", "All exercises"),
    "exercise_plan_link": ("Gå til din plan", "Go to your plan"),
    "exercise_note": (
        "Øvelsen er en del af en plan. Følg den mængde, din plan giver dig.",
        "The exercise is part of a plan. Follow the amount your plan gives you.",
    ),
    # --- a new diary ---------------------------------------------------------------------------------
    "created_title": ("Din dagbog er klar", "Your diary is ready"),
    "link_title": ("Gem dit private link nu", "Save your private link now"),
    "link_warning": (
        "Linket er den eneste vej ind i din dagbog. Vi gemmer det ikke og kan ikke finde det igen for dig. "
        "Alle, der har linket, kan se og ændre dagbogen, så del det kun med nogen, du stoler på.",
        "The link is the only way into your diary. We do not keep it and cannot find it again for you. "
        "Anyone with the link can see and change the diary, so share it only with someone you trust.",
    ),
    "link_label": ("Linket til din dagbog", "The link to your diary"),
    "link_hint": (
        "Kopiér linket, og gem det som bogmærke, eller send det til dig selv.",
        "Copy the link and save it as a bookmark, or send it to yourself.",
    ),
    "qr_title": ("Åbn dagbogen på din telefon", "Open the diary on your phone"),
    "qr_hint": (
        "Scan QR-koden med kameraet på din telefon. Så åbner dagbogen der, og du kan gemme linket.",
        "Scan the QR code with your phone's camera. The diary then opens there and you can save the link.",
    ),
    "calendar_title": ("Påmindelser i din kalender", "Reminders in your calendar"),
    "calendar_lead": (
        "Hent en kalenderfil med påmindelser om at tjekke din hæl {weeks} uger efter starten.",
        "Download a calendar file with reminders to check your heel {weeks} weeks after the start.",
    ),
    "calendar_link": (
        "Føj påmindelserne til din kalender (.ics)",
        "Add the reminders to your calendar (.ics)",
    ),
    "and": ("og", "and"),
    "open_diary": ("Gå til din dagbog", "Go to your diary"),
    # --- the diary -----------------------------------------------------------------------------------
    "diary_title": ("Din dagbog", "Your diary"),
    "diary_started": ("Startet {date}.", "Started {date}."),
    "diary_plan": ("Din plan: {title}.", "Your plan: {title}."),
    "diary_no_plan": ("Der hører ingen plan med øvelser til dagbogen.", "This diary has no exercise plan."),
    "notice_saved": ("Registreringen er gemt.", "The entry has been saved."),
    "notice_changed": ("Registreringen er ændret.", "The entry has been changed."),
    "notice_deleted": ("Registreringen er slettet.", "The entry has been deleted."),
    "status_keep_going": ("Fortsæt med din plan", "Keep going with your plan"),
    "add_entry": ("Skriv i dagbogen", "Add an entry"),
    "checkin_link": ("Tjek for advarselstegn", "Check for warning signs"),
    "checkin_lead": (
        "Svar på spørgsmålene om advarselstegn, når du skriver i dagbogen – og med det samme, hvis du får "
        "nye symptomer.",
        "Answer the questions about warning signs when you write in the diary – and straight away if you "
        "get new symptoms.",
    ),
    "progress_title": ("Hvor langt er du?", "How far along are you?"),
    "progress_week": ("Du er i uge {week} af planen.", "You are in week {week} of the plan."),
    "progress_phase": ("Fase: {title} ({weeks}).", "Phase: {title} ({weeks})."),
    "progress_done": (
        "Du er nået til enden af planens {weeks} uger.",
        "You have reached the end of the plan's {weeks} weeks.",
    ),
    "progress_exercises": ("Øvelserne i denne fase:", "The exercises in this phase:"),
    "chart_table": ("Vis tallene i grafen som en tabel", "Show the numbers in the chart as a table"),
    "entries_title": ("Dine registreringer", "Your entries"),
    "entries_none": (
        "Du har ikke skrevet noget endnu. Skriv, hvor ondt det gør i dag.",
        "You have not written anything yet. Write down how much it hurts today.",
    ),
    "column_date": ("Dato", "Date"),
    "column_worst": ("Værste smerte", "Worst pain"),
    "column_first_step": ("Første skridt", "First steps"),
    "column_exercises": ("Øvelser", "Exercises"),
    "column_activity": ("Aktivitet", "Activity"),
    "column_note": ("Note", "Note"),
    "column_actions": ("Ændr eller slet", "Change or delete"),
    "not_recorded": ("ikke målt", "not measured"),
    "none_done": ("ingen", "none"),
    "change_entry": ("Ændr", "Change"),
    "delete_entry": ("Slet", "Delete"),
    "entry_of": ("registreringen fra {date}", "the entry from {date}"),
    "numbers_title": ("Det betyder tallene", "What the numbers mean"),
    "numbers_scale": (
        "Du giver smerten et tal fra 0 (ingen smerte) til 10 (værst tænkelige smerte).",
        "You give your pain a number from 0 (no pain) to 10 (worst pain imaginable).",
    ),
    "numbers_measure": ("Vi følger især din {measure}.", "We mainly follow your {measure}."),
    "numbers_change": (
        "Et fald på mindst {points} eller {percent} % er en tydelig bedring.",
        "A drop of at least {points} or {percent} % is a clear improvement.",
    ),
    "numbers_worsening_one": (
        "Er den seneste registrering mindst {points} højere end den første, er det en tydelig forværring.",
        "If the last entry is at least {points} higher than the first, that is a clear worsening.",
    ),
    "numbers_worsening_other": (
        "Er hver af de seneste {count} registreringer mindst {points} højere end den første, er det en "
        "tydelig forværring.",
        "If each of the last {count} entries is at least {points} higher than the first, that is a clear "
        "worsening.",
    ),
    "points_one": ("1 point", "1 point"),
    "points_other": ("{count} point", "{count} points"),
    "numbers_review": (
        "Er smerten ikke tydeligt bedre efter {weeks} uger, er det tid til at få hælen undersøgt.",
        "If the pain is not clearly better after {weeks} weeks, it is time to have the heel assessed.",
    ),
    "numbers_zones": ("Under træning betyder smerten:", "During exercise the pain means:"),
    "manage_title": ("Hent, gem eller slet din dagbog", "Download, keep or delete your diary"),
    "export_json": ("Hent dagbogen som JSON", "Download the diary as JSON"),
    "export_csv": ("Hent dagbogen som CSV (regneark)", "Download the diary as CSV (spreadsheet)"),
    "show_link": ("Vis linket og QR-koden igen", "Show the link and QR code again"),
    "delete_all": ("Slet hele dagbogen", "Delete the whole diary"),
    # --- entry form ----------------------------------------------------------------------------------
    "entry_new_title": ("Skriv i dagbogen", "Add a diary entry"),
    "entry_edit_title": ("Ændr registreringen fra {date}", "Change the entry from {date}"),
    "date_label": ("Dato", "Date"),
    "date_hint": ("Skriv dag.måned.år, fx {example}.", "Enter day.month.year, for example {example}."),
    "worst_label": ("Hvor ondt gjorde det, da det var værst?", "How much did it hurt at its worst?"),
    "first_step_label": (
        "Hvor ondt gjorde de første skridt om morgenen?",
        "How much did the first steps in the morning hurt?",
    ),
    "scale_hint": (
        "0 = ingen smerte, 10 = værst tænkelige smerte.",
        "0 = no pain, 10 = worst pain imaginable.",
    ),
    "first_step_none": ("Ikke målt", "Not measured"),
    "exercises_label": ("Hvilke øvelser lavede du?", "Which exercises did you do?"),
    "exercises_hint": ("Sæt kryds ved dem, du lavede den dag.", "Tick the ones you did that day."),
    "activity_label": ("Hvad lavede du ellers? (valgfrit)", "What else did you do? (optional)"),
    "activity_hint": (
        "Fx gik 3 km eller stod op på arbejde hele dagen. Højst {max} tegn.",
        "For example walked 3 km or stood at work all day. At most {max} characters.",
    ),
    "note_label": ("Note (valgfri)", "Note (optional)"),
    "note_hint": ("Højst {max} tegn.", "At most {max} characters."),
    "save": ("Gem", "Save"),
    "back_to_diary": ("Tilbage til dagbogen", "Back to the diary"),
    # --- delete --------------------------------------------------------------------------------------
    "delete_entry_title": ("Vil du slette registreringen fra {date}?", "Delete the entry from {date}?"),
    "delete_entry_body": (
        "Registreringen bliver slettet for altid. Du kan ikke fortryde.",
        "The entry will be deleted for good. You cannot undo this.",
    ),
    "delete_entry_button": ("Ja, slet registreringen", "Yes, delete the entry"),
    "delete_all_title": ("Vil du slette hele dagbogen?", "Delete the whole diary?"),
    "delete_all_body_zero": (
        "Dagbogen bliver slettet for altid, og linket holder op med at virke. Du kan ikke fortryde.",
        "The diary will be deleted for good, and the link will stop working. You cannot undo this.",
    ),
    "delete_all_body_one": (
        "Dagbogen og dens ene registrering bliver slettet for altid, og linket holder op med at virke. Du "
        "kan ikke fortryde. Hent en kopi først, hvis du vil gemme den.",
        "The diary and its one entry will be deleted for good, and the link will stop working. You cannot "
        "undo this. Download a copy first if you want to keep it.",
    ),
    "delete_all_body_other": (
        "Dagbogen og alle dens {count} registreringer bliver slettet for altid, og linket holder op med at "
        "virke. Du kan ikke fortryde. Hent en kopi først, hvis du vil gemme den.",
        "The diary and all its {count} entries will be deleted for good, and the link will stop working. "
        "You cannot undo this. Download a copy first if you want to keep it.",
    ),
    "delete_all_button": ("Ja, slet hele dagbogen", "Yes, delete the whole diary"),
    "keep": ("Nej, gå tilbage til dagbogen", "No, go back to the diary"),
    "deleted_title": ("Din dagbog er slettet", "Your diary has been deleted"),
    "deleted_body": (
        "Dagbogen og alle registreringer er slettet. Linket virker ikke længere.",
        "The diary and all its entries have been deleted. The link no longer works.",
    ),
    "not_found_title": ("Dagbogen blev ikke fundet", "Diary not found"),
    # --- sharing with a clinician (a read-only link) ---------------------------------------------------
    "diary_summary_link": (
        "Se og udskriv et resumé med grafen til din læge eller fysioterapeut",
        "See and print a summary with the chart for your doctor or physiotherapist",
    ),
    "share_page_link": (
        "Del resumé og graf med din læge eller fysioterapeut",
        "Share the summary and chart with your doctor or physiotherapist",
    ),
    "share_title": ("Del med din læge eller fysioterapeut", "Share with your doctor or physiotherapist"),
    "share_lead": (
        "Lav et link, som din læge eller fysioterapeut kan åbne. Det viser et resumé af dit selvtjek og "
        "grafen over din smerte. Med linket kan man kun læse: man kan ikke skrive i, ændre eller slette din "
        "dagbog, og det fører ikke til dit private link.",
        "Make a link your doctor or physiotherapist can open. It shows a summary of your self-check and the "
        "chart of your pain. The link can only be read: it cannot be used to write in, change or delete your "
        "diary, and it does not lead to your private link.",
    ),
    "share_answers_note": (
        "Linket viser svarene fra det selvtjek, du har gjort færdigt i denne browser. Har du ikke det, viser "
        "det kun dagbogen.",
        "The link shows the answers of the self-check you finished in this browser. If you have not, it "
        "shows the diary only.",
    ),
    "share_create": ("Lav et link til deling", "Make a link to share"),
    "share_active_title": ("Links, du har delt", "Links you have shared"),
    "share_active_none": ("Du har ikke delt nogen links.", "You have not shared any links."),
    "share_made_on": ("Lavet {date}", "Made on {date}"),
    "share_with_answers": ("med svarene fra selvtjekket", "with the self-check answers"),
    "share_diary_only": ("kun dagbogen", "the diary only"),
    "share_revoke": ("Stop delingen", "Stop sharing"),
    "share_revoke_label": ("af linket fra {date}", "of the link from {date}"),
    "share_revoked": (
        "Delingen er stoppet. Linket virker ikke længere.",
        "Sharing has stopped. The link no longer works.",
    ),
    "share_created_title": ("Dit link til deling er klar", "Your link to share is ready"),
    "share_link_label": (
        "Linket til din læge eller fysioterapeut",
        "The link for your doctor or physiotherapist",
    ),
    "share_link_hint": (
        "Kopiér linket, og send det til din læge eller fysioterapeut. Vi viser det kun denne ene gang.",
        "Copy the link and send it to your doctor or physiotherapist. We show it this once only.",
    ),
    "share_qr_title": ("QR-kode til linket", "QR code for the link"),
    "share_qr_hint": (
        "Din læge eller fysioterapeut kan også scanne QR-koden.",
        "Your doctor or physiotherapist can also scan the QR code.",
    ),
    "share_revoke_hint": (
        "Du kan altid stoppe delingen fra din dagbog under «Del med din læge eller fysioterapeut». Så virker "
        "linket ikke mere.",
        "You can stop sharing at any time from your diary, under “Share with your doctor or "
        "physiotherapist”. The link then stops working.",
    ),
    "shared_note": ("Delt af patienten. Kun til læsning.", "Shared by the patient. Read only."),
    "shared_not_found_title": ("Linket virker ikke", "The link does not work"),
    "shared_not_found_body": (
        "Linket er forkert, eller delingen er stoppet. Bed om et nyt link.",
        "The link is wrong, or sharing has stopped. Ask for a new link.",
    ),
    # --- check-in ------------------------------------------------------------------------------------
    "checkin_title": ("Tjek for advarselstegn", "Check for warning signs"),
    "checkin_intro": (
        "Det er de samme spørgsmål som i selvtjekket. Svar ud fra, hvordan du har det i dag.",
        "These are the same questions as in the self-check. Answer for how you are today.",
    ),
    "checkin_button": ("Se resultatet", "See the result"),
    "checkin_result_title": ("Resultatet af dit tjek", "The result of your check"),
    "checkin_none": (
        "Du har ikke svaret ja til nogen af advarselstegnene.",
        "You did not answer yes to any of the warning signs.",
    ),
}

WORDS: Mapping[Lang, Mapping[str, str]] = MappingProxyType(
    {lang: MappingProxyType({key: pair[i] for key, pair in _TEXTS.items()}) for i, lang in enumerate(LANGS)}
)
"""Language → key → text; templates get ``WORDS[lang]`` as ``page.w`` and write ``page.w.key``."""


def w(lang: Lang, key: str, **values: object) -> str:
    """The text ``key`` in ``lang`` with ``{name}`` placeholders filled in (KeyError for an unknown key)."""
    text = WORDS[lang][key]
    return text.format(**values) if values else text


def wp(lang: Lang, key: str, number: int, **values: object) -> str:
    """The text ``key`` in the form for ``number`` (``key_zero`` if there is one, ``key_one``,
    ``key_other``), with ``{count}`` set to ``number``."""
    form = "zero" if number == 0 and f"{key}_zero" in _TEXTS else "one" if number == 1 else "other"
    return w(lang, f"{key}_{form}", count=number, **values)


def join_words(lang: Lang, items: list[str]) -> str:
    """``2, 4, 6 og 8`` (da) or ``2, 4, 6 and 8`` (en)."""
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {WORDS[lang]['and']} {items[-1]}"
