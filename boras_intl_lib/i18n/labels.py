"""The one table of labels: every string a report reader sees, in Swedish and English.

Code uses keys; this table gives the words. Keys are grouped by prefix (``area.``,
``verdict.``, ``reason.``, ``section.`` …). A label may hold ``str.format`` placeholders
(``{n}``), filled by :func:`label`. Register text is never formatted through here.
"""

from __future__ import annotations

import string
from contextvars import ContextVar
from typing import Literal

Lang = Literal["sv", "en"]
LANGUAGES: tuple[str, ...] = ("sv", "en")

# key: (Swedish, English)
LABELS: dict[str, tuple[str, str]] = {
    # --- the seven contribution areas (contract) -----------------------------------------
    "area.operational_development": ("Verksamhetsutveckling", "Operational development"),
    "area.project_collaboration": ("Projektsamverkan", "Project collaboration"),
    "area.knowledge_exchange": ("Kunskapsutbyten", "Knowledge exchange"),
    "area.profiling": ("Profileringsarbete", "Profiling"),
    "area.societal_impact": ("Omvärldspåverkan", "Societal impact"),
    "area.democratic_values": ("Demokratiska värderingar", "Democratic values"),
    "area.twin_cities": ("Vänortsarbete", "Twin-city work"),
    # --- rubric levels ---------------------------------------------------------------------
    "level.0": ("Inget bidrag", "No contribution"),
    "level.1": ("Svagt", "Weak"),
    "level.2": ("Tydligt", "Clear"),
    "level.3": ("Starkt", "Strong"),
    # --- the analysts' what-if (scenarios.py) ------------------------------------------------
    "whatif.before": ("Före ändringen", "Before the change"),
    "whatif.after": ("Efter ändringen", "After the change"),
    "whatif.axis": (
        "Andel aktiviteter med tydligt bidrag (%)",
        "Share of activities with a clear contribution (%)",
    ),
    "whatif.alt": (
        "Stapeldiagram: andel aktiviteter med tydligt bidrag per område före och efter ändringen.",
        "Bar chart: share of activities with a clear contribution per area before and after the change.",
    ),
    "whatif.alt_area": (
        "{area} {before} % före, {after} % efter",
        "{area} {before}% before, {after}% after",
    ),
    # --- the precondition ------------------------------------------------------------------
    "condition.democracy": ("Demokrati", "Democracy"),
    "condition.human_rights": ("Mänskliga rättigheter", "Human rights"),
    "condition.rule_of_law": ("Rättsstatens principer", "Rule of law"),
    "check.pass": ("Uppfyllt", "Met"),
    "check.fail": ("Inte uppfyllt", "Not met"),
    "check.unknown": ("Okänt", "Unknown"),
    "verdict.met": ("Uppfyller förutsättningen", "Precondition met"),
    "verdict.exception": ("Omfattas av undantagsbeslut", "Covered by exception"),
    "verdict.needs_exception": ("Saknar undantagsbeslut", "Needs exception decision"),
    "verdict.unknown": ("Kan inte bedömas", "Cannot be assessed"),
    "verdict.domestic": ("Svensk partner", "Swedish partner"),
    # --- register vocabularies (shown in reports) --------------------------------------------
    "activity_type.eu_project": ("EU-projekt", "EU project"),
    "activity_type.project": ("Projekt", "Project"),
    "activity_type.twinning": ("Vänortsutbyte", "Twin-city exchange"),
    "activity_type.study_visit": ("Studiebesök", "Study visit"),
    "activity_type.knowledge_exchange": ("Kunskapsutbyte", "Knowledge exchange"),
    "activity_type.network": ("Nätverk", "Network"),
    "activity_type.conference": ("Konferens", "Conference"),
    "activity_type.profiling": ("Profilering", "Profiling"),
    "activity_type.development_cooperation": ("Utvecklingssamarbete", "Development cooperation"),
    "activity_type.other": ("Övrigt", "Other"),
    "status.planned": ("Planerad", "Planned"),
    "status.ongoing": ("Pågående", "Ongoing"),
    "status.completed": ("Avslutad", "Completed"),
    "status.cancelled": ("Inställd", "Cancelled"),
    "partner_type.municipality": ("Kommun", "Municipality"),
    "partner_type.region": ("Region", "Region"),
    "partner_type.university": ("Universitet", "University"),
    "partner_type.school": ("Skola", "School"),
    "partner_type.company": ("Företag", "Company"),
    "partner_type.ngo": ("Ideell", "Non-profit organisation"),
    "partner_type.authority": ("Myndighet", "Public authority"),
    "partner_type.eu_body": ("EU-organ", "EU body"),
    "partner_type.network": ("Nätverk", "Network"),
    "partner_type.other": ("Övrigt", "Other"),
    "profiling_target.education": ("Utbildning", "Education"),
    "profiling_target.establishment": ("Etablering", "Establishment"),
    "profiling_target.growth": ("Tillväxt", "Growth"),
    "profiling_target.knowledge": ("Kunskap", "Knowledge"),
    "profiling_target.quality_of_life": ("Livskvalitet", "Quality of life"),
    "profiling_target.visitor_industry": ("Besöksnäring", "Visitor industry"),
    "sustainability.ecological": ("Ekologisk", "Ecological"),
    "sustainability.social": ("Social", "Social"),
    "sustainability.economic": ("Ekonomisk", "Economic"),
    # --- reasons a register row is rejected or flagged -----------------------------------------
    "reason.required": ("Obligatoriskt värde saknas", "Required value is missing"),
    "reason.not_a_number": ("Inte ett tal", "Not a number"),
    "reason.not_an_integer": ("Inte ett heltal", "Not a whole number"),
    "reason.below_minimum": ("Värdet är mindre än {minimum}", "Value is below {minimum}"),
    "reason.above_maximum": ("Värdet är större än {maximum}", "Value is above {maximum}"),
    "reason.not_a_boolean": (
        "Ska vara ja eller nej",
        "Must be yes or no (ja/nej, true/false, 1/0, x/empty)",
    ),
    "reason.not_a_date": ("Inte ett datum (ÅÅÅÅ-MM-DD)", "Not a date (YYYY-MM-DD)"),
    "reason.unknown_value": (
        "Okänt värde; tillåtna värden: {allowed}",
        "Unknown value; allowed values: {allowed}",
    ),
    "reason.duplicate_id": (
        "Aktivitets-id:t finns redan på rad {first_row}",
        "Activity id already used on row {first_row}",
    ),
    "reason.unknown_activity": (
        "Aktivitets-id:t finns inte bland aktiviteterna",
        "Activity id does not exist in activities",
    ),
    "reason.one_of_required": ("Ange minst ett av {columns}", "Give at least one of {columns}"),
    "reason.rejected_activity": (
        "Aktiviteten raden hör till har avvisats",
        "The activity this row belongs to was rejected",
    ),
    "warning.unknown_administration": (
        "Förvaltningen finns inte i stadens lista över förvaltningar",
        "The administration is not in the city's list of administrations",
    ),
    "warning.unknown_country": (
        "Landet känns inte igen; partnern kan inte bedömas",
        "Country not recognised; the partner cannot be screened",
    ),
    # --- [register] reading and validation (more) ---------------------------------------------
    "warning.exception_unknown_activity": (
        "Aktivitets-id:t finns inte bland de godkända aktiviteterna; beslutet täcker ingen",
        "Activity id is not among the accepted activities; the decision covers none",
    ),
    "note.value_dropped": (
        "värdet läses som tomt, raden används ändå",
        "the value is read as empty; the row is still used",
    ),
    "note.value_dropped_rejected": (
        "rätta även detta, raden avvisas av ett annat skäl",
        "fix this too, the row is rejected for another reason",
    ),
    "note.did_you_mean": ("menade du {suggestion}?", "did you mean {suggestion}?"),
    "warning.approximate": (
        "Ungefärligt värde; talet används som det står",
        "Approximate value; the number is used as written",
    ),
    "warning.unknown_committee": (
        "Nämnden finns inte i stadens lista över nämnder",
        "The committee is not in the city's list of committees",
    ),
    "warning.funding_above_budget": (
        "Extern finansiering är större än budgeten ({budget} kr)",
        "External funding is larger than the budget ({budget} SEK)",
    ),
    "warning.eu_without_funding": (
        "EU-finansiering angiven som källa men ingen extern finansiering i kronor",
        "An EU funding source is given but no external funding in SEK",
    ),
    "warning.dates_reversed": (
        "Gäller till ligger före gäller från; kontrollera datumen",
        "valid_to is before valid_from; check the dates",
    ),
    "warning.year_outside_parameters": (
        "Uppföljningen omfattar bara åren {years}; kontrollera året",
        "The follow-up covers only the years {years}; check the year",
    ),
    "warning.control_characters": (
        "Osynliga styrtecken (t.ex. mjuk radbrytning) har tagits bort ur cellen",
        "Invisible control characters (e.g. a soft line break) were removed from the cell",
    ),
    "warning.formula_without_value": (
        "Cellen har en formel utan sparat värde och läses som tom; öppna och spara filen i "
        "Excel, eller skriv in värdet",
        "The cell holds a formula with no saved value and is read as empty; open and save "
        "the file in Excel, or type the value",
    ),
    "warning.merged_cell": (
        "Cellen ingår i de sammanfogade cellerna {range}; värdet står bara på första raden. "
        "Dela upp sammanfogningen och fyll i varje rad",
        "The cell is part of the merged cells {range}; the value is only on the first row. "
        "Unmerge and fill in every row",
    ),
    "warning.fewer_fields": (
        "Raden har {found} fält men rubrikraden {expected}; de saknade läses som tomma",
        "The line has {found} fields but the header {expected}; the missing ones are read as empty",
    ),
    "reason.bad_encoding": (
        "Raden är varken UTF-8 eller Windows-1252 (eller blandar dem) och kan inte läsas "
        "säkert; skriv om raden",
        "The line is neither UTF-8 nor Windows-1252 (or mixes them) and cannot be read "
        "safely; retype it",
    ),
    "reason.unterminated_quote": (
        'Ett citattecken (") öppnas på raden men stängs aldrig; raden kan inte delas i kolumner',
        'A quotation mark (") opens on this line but never closes; the line cannot be split '
        "into columns",
    ),
    "reason.duplicate_id_file": (
        "Aktivitets-id:t finns redan i {place}, rad {first_row}",
        "Activity id already used in {place}, row {first_row}",
    ),
    "unreadable.not_found": ("Filen eller mappen finns inte", "No such file or folder"),
    "unreadable.csv_file": (
        "Ange mappen med CSV-filerna, inte en enskild fil",
        "Give the folder that holds the CSV files, not a single file",
    ),
    "unreadable.not_a_workbook": (
        "Filen är ingen Excel-arbetsbok (.xlsx) som går att läsa",
        "The file is not a readable Excel workbook (.xlsx)",
    ),
    "unreadable.empty_file": ("Filen {name} är tom", "The file {name} is empty"),
    "unreadable.os_error": ("Går inte att läsa: {detail}", "Cannot be read: {detail}"),
    "unreadable.encoding": (
        "{name} är varken UTF-8 eller Windows-1252",
        "{name} is neither UTF-8 nor Windows-1252 text",
    ),
    "unreadable.bad_csv": (
        "{name} går inte att läsa som CSV: {detail}",
        "{name} cannot be read as CSV: {detail}",
    ),
    "unreadable.no_activities_sheet": (
        "Arbetsboken har inget blad aktiviteter (eller activities)",
        "The workbook has no sheet named aktiviteter (or activities)",
    ),
    "unreadable.no_activities_file": (
        "Mappen har ingen fil aktiviteter.csv (eller activities.csv)",
        "The folder has no file aktiviteter.csv (or activities.csv)",
    ),
    "unreadable.missing_sheet": (
        "Arbetsboken saknar bladet för {table}",
        "The workbook has no sheet for {table}",
    ),
    "unreadable.missing_file": (
        "Mappen saknar CSV-filen för {table}",
        "The folder has no CSV file for {table}",
    ),
    "unreadable.ambiguous_sheet": (
        "Både bladet {a} och bladet {b} är {table}; ta bort eller byt namn på ett av dem",
        "Both sheet {a} and sheet {b} are {table}; remove or rename one of them",
    ),
    "unreadable.ambiguous_file": (
        "Både {a} och {b} är {table}; ta bort eller byt namn på en av dem",
        "Both {a} and {b} are {table}; remove or rename one of them",
    ),
    "unreadable.no_header": (
        "{source} är tomt; första raden ska ha kolumnrubrikerna",
        "{source} is empty; its first row should hold the column headers",
    ),
    "unreadable.no_known_columns": (
        "{source} har ingen av registrets kolumnrubriker på första raden",
        "{source} has none of the register's column headers in its first row",
    ),
    "unreadable.missing_columns": (
        "{source} saknar obligatoriska kolumner: {columns}",
        "{source} lacks required columns: {columns}",
    ),
    "unreadable.duplicate_column": (
        "{source} har två kolumner för {column}: {a} och {b}",
        "{source} has two columns meaning {column}: {a} and {b}",
    ),
    "unreadable.bad_sheet": (
        "Bladet {source} är skadat och går inte att läsa",
        "The sheet {source} is damaged and cannot be read",
    ),
    "summary.register": ("Register: {path}", "Register: {path}"),
    "summary.example": ("(fiktiva exempeldata)", "(example data, fictitious)"),
    "summary.table": (
        "{table}: {input:rad läst|rader lästa}, {accepted:godkänd|godkända}, "
        "{rejected:avvisad|avvisade}, {flagged:flaggad|flaggade}",
        "{table}: {input:row read|rows read}, {accepted} accepted, {rejected} rejected, "
        "{flagged} flagged",
    ),
    "summary.all_accepted": ("Alla rader godkändes.", "All rows were accepted."),
    "summary.rejected_heading": (
        "Avvisade rader (rätta dem i registret, de används inte):",
        "Rejected rows (fix them in the register; they are not used):",
    ),
    "summary.warnings_heading": (
        "Flaggade värden (raderna används ändå):",
        "Flagged values (the rows are still used):",
    ),
    "summary.sheet": ("blad {source}", "sheet {source}"),
    "summary.file": ("fil {source}", "file {source}"),
    "summary.book_sheet": ("arbetsbok {book}, blad {source}", "workbook {book}, sheet {source}"),
    "summary.issue": (
        '{where}, rad {row}, kolumn {column}, värde "{value}": {reason}',
        '{where}, row {row}, column {column}, value "{value}": {reason}',
    ),
    "summary.issue_line": (
        '{where}, rad {row}, raden "{value}": {reason}',
        '{where}, row {row}, the line "{value}": {reason}',
    ),
    "summary.issue_blank": (
        "{where}, rad {row}, kolumn {column}, tomt: {reason}",
        "{where}, row {row}, column {column}, empty: {reason}",
    ),
    "fixlist.title": ("Rättelser – {administration}", "Corrections – {administration}"),
    "fixlist.intro": (
        "Avvisade rader används inte förrän de rättats. Flaggade värden används, men "
        "kontrollera dem. Rätta i registret och skicka det tillbaka. Förslagen är bara "
        "förslag: ingenting har ändrats.",
        "Rejected rows are not used until they are fixed. Flagged values are used, but check "
        "them. Fix them in the register and send it back. Suggestions are only suggestions: "
        "nothing has been changed.",
    ),
    "fixlist.severity": ("Status", "Status"),
    "fixlist.source": ("Blad/fil", "Sheet/file"),
    "fixlist.row": ("Rad", "Row"),
    "fixlist.column": ("Kolumn", "Column"),
    "fixlist.value": ("Värde", "Value"),
    "fixlist.reason": ("Orsak", "Reason"),
    "fixlist.suggestion": ("Förslag", "Suggestion"),
    "fixlist.rejected": ("Avvisad", "Rejected"),
    "fixlist.flagged": ("Flaggad", "Flagged"),
    "fixlist.no_administration": ("Utan förvaltning", "No administration"),
    "fixlist.nothing_title": ("Inga rättelser", "No corrections"),
    "fixlist.nothing": (
        "Registret har inga avvisade rader och inga flaggade värden.",
        "The register has no rejected rows and no flagged values.",
    ),
    "kind.text": ("text", "text"),
    "kind.integer": ("heltal", "whole number"),
    "kind.number": ("tal", "number"),
    "kind.boolean": ("ja/nej", "yes/no"),
    "kind.date": ("datum (ÅÅÅÅ-MM-DD)", "date (YYYY-MM-DD)"),
    "kind.enum": ("ett av värdena", "one of the values"),
    "kind.list": ("ett eller flera av värdena", "one or more of the values"),
    "kind.int_list": ("ett eller flera heltal", "one or more whole numbers"),
    "kind.country": ("land (namn eller ISO-kod)", "country (name or ISO code)"),
    "template.title": (
        "Register över internationella aktiviteter – instruktioner",
        "Register of international activities – instructions",
    ),
    "template.intro": (
        "Så här fyller du i registret:\n"
        "1. Bladet aktiviteter: en rad per aktivitet och år. Bladet partner: en rad per "
        "partnerorganisation, med samma aktivitets-id som aktiviteten. Bladet undantag: "
        "Kommunstyrelsens undantagsbeslut.\n"
        "2. Välj förvaltning, nämnd, land, typ och status i listorna (pilen i cellen). När du "
        "markerar en cell visas en hjälptext för kolumnen.\n"
        "3. Ändra inte rubrikerna på rad 1 och sammanfoga inga celler; fyll i varje rad. Tomma "
        "rader hoppas över. Flera värden i en cell skiljs åt med semikolon (;). Datum skrivs "
        'ÅÅÅÅ-MM-DD. Belopp i kronor ("50 000" eller "50 tkr").\n'
        "4. Spara som Excel-arbetsbok (.xlsx) och skicka filen till samordnaren. Du får "
        "tillbaka en rättelselista om något behöver ändras; en rad med fel används inte "
        "förrän den är rättad.",
        "How to fill in the register:\n"
        "1. Sheet aktiviteter: one row per activity and year. Sheet partner: one row per "
        "partner organisation, with the activity's id. Sheet undantag: Kommunstyrelsen's "
        "exception decisions.\n"
        "2. Pick administration, committee, country, type and status from the lists (the "
        "arrow in the cell). Selecting a cell shows a help text for its column.\n"
        "3. Do not change the headers in row 1 and do not merge cells; fill in every row. "
        "Blank rows are skipped. Separate several values in one cell with a semicolon (;). "
        'Write dates as YYYY-MM-DD. Amounts in kronor ("50 000" or "50 tkr").\n'
        "4. Save as an Excel workbook (.xlsx) and send it to the coordinator. You get a "
        "correction list back if anything needs changing; a row with an error is not used "
        "until it is fixed.",
    ),
    "template.required_mark": ("(obligatorisk)", "(required)"),
    "template.unlisted_title": ("Finns inte i listan", "Not in the list"),
    "template.unlisted_name": (
        "Namnet finns inte i listan. Kontrollera stavningen; fortsätt bara om det är rätt.",
        "The name is not in the list. Check the spelling; continue only if it is right.",
    ),
    "template.sheet": ("Blad", "Sheet"),
    "template.column": ("Kolumn", "Column"),
    "template.type": ("Typ", "Type"),
    "template.required": ("Obligatorisk", "Required"),
    "template.allowed": ("Tillåtna värden", "Allowed values"),
    "template.description": ("Beskrivning", "Description"),
    "template.yes": ("ja", "yes"),
    "template.no": ("nej", "no"),
    "template.one_of": ("minst en av {columns}", "at least one of {columns}"),
    "template.list_prompt_title": ("Flera värden", "Several values"),
    "template.list_prompt": (
        "Skriv ett eller flera, skilda med semikolon: {values}",
        "Type one or more, separated by semicolons: {values}",
    ),
    "template.invalid_title": ("Ogiltigt värde", "Invalid value"),
    "template.invalid_list": (
        "Välj ett värde i listan.",
        "Pick a value from the list.",
    ),
    "template.invalid_range": (
        "Ange ett heltal {range}.",
        "Enter a whole number {range}.",
    ),
    "template.invalid_decimal": (
        "Ange ett tal som är 0 eller större.",
        "Enter a number of 0 or more.",
    ),
    "template.invalid_date": (
        "Ange ett datum (ÅÅÅÅ-MM-DD).",
        "Enter a date (YYYY-MM-DD).",
    ),
    # --- [screening] countries, indicators, verdicts -------------------------------------------
    "country.unknown": ("Okänt land", "Unknown country"),
    "basis.domestic": (
        "Svensk partner, omfattas inte av förutsättningen",
        "Domestic partner, outside the precondition",
    ),
    "basis.no_country": ("Landet känns inte igen", "Country not recognised"),
    "basis.no_data": (
        "inga data för {indicator} ({source}) {first}–{last}",
        "no data for {indicator} ({source}) {first}–{last}",
    ),
    "basis.exception": (
        "undantagsbeslut {decision_id} ({date})",
        "exception {decision_id} ({date})",
    ),
    "basis.sovereign": (
        "{territory} saknar egna data, data för {state}",
        "{territory} has no data of its own, data of {state}",
    ),
    "basis.regime_owid": (
        "Regimes of the World, OWID:s kodning av {edition}",
        "Regimes of the World, OWID's coding of {edition}",
    ),
    "source.vdem": ("V-Dem (Varieties of Democracy)", "V-Dem (Varieties of Democracy)"),
    "source.freedom_house": ("Freedom House", "Freedom House"),
    "source.wgi": (
        "Världsbankens Worldwide Governance Indicators",
        "World Bank Worldwide Governance Indicators",
    ),
    "source.owid": ("Our World in Data", "Our World in Data"),
    "indicator.regime_row_owid": (
        "Regimtyp, Regimes of the World i OWID:s kodning baserad på V-Dem"
        " (0 sluten autokrati – 3 liberal demokrati)",
        "Regime type, Regimes of the World as coded by OWID based on V-Dem"
        " (0 closed autocracy – 3 liberal democracy)",
    ),
    "indicator.v2x_regime": (
        "Regimtyp, V-Dem:s Regimes of the World (0 sluten autokrati – 3 liberal demokrati)",
        "Regime type, V-Dem's Regimes of the World (0 closed autocracy – 3 liberal democracy)",
    ),
    "indicator.v2x_freexp_altinf": (
        "Index för yttrandefrihet och alternativa informationskällor",
        "Freedom of expression and alternative sources of information index",
    ),
    "indicator.fh_pr_rating": (
        "Politiska rättigheter, betyg (1 mest fri – 7 minst fri)",
        "Political rights rating (1 most free – 7 least free)",
    ),
    "indicator.fh_cl_rating": (
        "Medborgerliga friheter, betyg (1 mest fri – 7 minst fri)",
        "Civil liberties rating (1 most free – 7 least free)",
    ),
    "indicator.fh_a": ("Valprocessen (0–12)", "Electoral process (0–12)"),
    "indicator.fh_b": (
        "Politisk pluralism och deltagande (0–16)",
        "Political pluralism and participation (0–16)",
    ),
    "indicator.fh_c": ("Regeringens funktionssätt (0–12)", "Functioning of government (0–12)"),
    "indicator.fh_d": (
        "Yttrande- och religionsfrihet (0–16)",
        "Freedom of expression and belief (0–16)",
    ),
    "indicator.fh_e": (
        "Förenings- och organisationsrätt (0–12)",
        "Associational and organizational rights (0–12)",
    ),
    "indicator.fh_g": (
        "Personlig autonomi och individuella rättigheter (0–16)",
        "Personal autonomy and individual rights (0–16)",
    ),
    "indicator.v2x_polyarchy": ("Index för elektoral demokrati", "Electoral democracy index"),
    "indicator.v2x_libdem": ("Index för liberal demokrati", "Liberal democracy index"),
    "indicator.v2x_civlib": ("Index för medborgerliga friheter", "Civil liberties index"),
    "indicator.v2x_rule": ("Index för rättsstatens principer", "Rule of law index"),
    "indicator.fh_status": (
        "Freedom House-status (2 fri, 1 delvis fri, 0 ej fri)",
        "Freedom House status (2 free, 1 partly free, 0 not free)",
    ),
    "indicator.fh_pr": ("Politiska rättigheter (0–40)", "Political rights (0–40)"),
    "indicator.fh_cl": ("Medborgerliga friheter (0–60)", "Civil liberties (0–60)"),
    "indicator.fh_f": ("Rättsstatens principer (0–16)", "Rule of law (0–16)"),
    "indicator.fh_total": ("Freedom House totalpoäng (0–100)", "Freedom House total score (0–100)"),
    "indicator.wgi_va": ("Insyn och ansvarsutkrävande", "Voice and accountability"),
    "indicator.wgi_pv": ("Politisk stabilitet", "Political stability"),
    "indicator.wgi_ge": ("Offentlig förvaltnings effektivitet", "Government effectiveness"),
    "indicator.wgi_rq": ("Regleringskvalitet", "Regulatory quality"),
    "indicator.wgi_rl": ("Rättsstatens principer", "Rule of law"),
    "indicator.wgi_cc": ("Kontroll av korruption", "Control of corruption"),
    # --- [indicators] `boras-intl indicators` list, check and show -------------------------------
    "indicators.drop.no_code": (
        "ingen landskod (aggregat eller region)",
        "no country code (an aggregate or region)",
    ),
    "indicators.drop.not_a_country": (
        "koden är inget ISO-land (region, historisk stat eller del av ett land)",
        "the code is no ISO country (a region, historical state or part of a country)",
    ),
    "indicators.drop.territory": (
        "ett territorium utan egen landskod (C/T = t), står aldrig för sitt land",
        "a territory without a country code of its own (C/T = t), never stands for its country",
    ),
    "indicators.drop.unknown_name": ("landets namn känns inte igen", "country name not recognised"),
    "indicators.drop.other_indicator": (
        "en indikator som verktyget inte använder",
        "an indicator the toolkit does not use",
    ),
    "indicators.drop.no_value": ("inget värde", "no value"),
    "indicators.list.title": ("Indikatorkällor enligt {params}", "Indicator sources in {params}"),
    "indicators.list.bundled": ("inbyggd data", "bundled data"),
    "indicators.list.file": ("fil", "file"),
    "indicators.list.publisher": ("utgivare", "publisher"),
    "indicators.list.years": ("år", "years"),
    "indicators.list.countries": ("länder", "countries"),
    "indicators.list.licence": ("licens", "licence"),
    "indicators.list.attribution": ("källhänvisning", "attribution"),
    "indicators.list.indicators": ("indikatorer", "indicators"),
    "indicators.list.none": (
        "Inga indikatorkällor: inbyggd data avstängd och inga filer angivna.",
        "No indicator sources: bundled data switched off and no files configured.",
    ),
    "indicators.list.rules": ("Regler", "Rules"),
    "indicators.list.rule_missing": (
        "ingen källa ger {indicator} ({source})",
        "no source provides {indicator} ({source})",
    ),
    "indicators.check.title": ("{path} ({format})", "{path} ({format})"),
    "indicators.check.rows": ("rader lästa: {n}", "rows read: {n}"),
    "indicators.check.values": ("värden: {n}", "values: {n}"),
    "indicators.check.countries": ("länder: {n}", "countries: {n}"),
    "indicators.check.years": ("år: {years}", "years: {years}"),
    "indicators.check.indicators": ("indikatorer: {names}", "indicators: {names}"),
    "indicators.check.editions": ("utgåvor: {names}", "editions: {names}"),
    "indicators.check.dropped": ("rader utelämnade: {n}", "rows left out: {n}"),
    "indicators.check.dropped_entity": (
        "{entity}: {reason} ({n} rader: {rows})",
        "{entity}: {reason} ({n} rows: {rows})",
    ),
    "indicators.show.title": (
        "{country} ({iso3}), data för {year}",
        "{country} ({iso3}), data for {year}",
    ),
    "indicators.show.no_data": ("inga data", "no data"),
    "indicators.show.status": ("Förutsättningen: {status}", "Precondition: {status}"),
    "indicators.show.status.met": ("uppfylld", "met"),
    "indicators.show.status.not_met": ("inte uppfylld", "not met"),
    "indicators.show.status.unknown": ("kan inte bedömas", "cannot be assessed"),
    "indicators.error.country": (
        "landet känns inte igen: {country!r} (ange ett namn eller en ISO-kod)",
        "country not recognised: {country!r} (give a name or an ISO code)",
    ),
    "indicators.error.format": (
        "okänt format {format!r}; välj ett av: {formats}",
        "unknown format {format!r}; choose one of: {formats}",
    ),
    # --- [indicators] scales, rule checks, files (issue 20, issue 19 item 6) ----------------------
    "scale.higher_is_better": ("högre är bättre", "higher is better"),
    "scale.lower_is_better": ("lägre är bättre", "lower is better"),
    "scale.fh_status.NF": ("inte fri", "not free"),
    "scale.fh_status.PF": ("delvis fri", "partly free"),
    "scale.fh_status.F": ("fri", "free"),
    "indicators.check.dropped_entity.one": (
        "{entity}: {reason} (1 rad: {rows})",
        "{entity}: {reason} (1 row: {rows})",
    ),
    "scale.value_off.one": (
        "kolumnen '{column}' läses som {indicator} men har värdet {value} ({country}, {year}),"
        " utanför skalan {scale}: är det en annan utgivares fil? Ange då 'source:' och"
        " 'indicator:' i parameterfilen",
        "column '{column}' is read as {indicator} but holds {value} ({country}, {year}),"
        " outside the scale {scale}: is it another publisher's file? Then give 'source:' and"
        " 'indicator:' in the parameters file",
    ),
    "scale.value_off": (
        "kolumnen '{column}' läses som {indicator} men har värdet {value} ({country}, {year};"
        " {n} värden utanför skalan), utanför skalan {scale}: är det en annan utgivares fil?"
        " Ange då 'source:' och 'indicator:' i parameterfilen",
        "column '{column}' is read as {indicator} but holds {value} ({country}, {year};"
        " {n} values off the scale), outside the scale {scale}: is it another publisher's"
        " file? Then give 'source:' and 'indicator:' in the parameters file",
    ),
    "indicators.list.editions": ("utgåvor", "editions"),
    "indicators.list.n_editions": ("{n} utgåvor", "{n} editions"),
    "indicators.list.off_scale": (
        "tröskelvärdet ligger utanför skalan {scale}",
        "the threshold lies outside the scale {scale}",
    ),
    "indicators.licence.freedom_house": (
        "Freedom Houses användarvillkor (källan ska anges)",
        "Freedom House terms of use (attribution required)",
    ),
    "indicators.licence.publisher": ("enligt utgivaren", "as stated by the publisher"),
    "indicators.format.owid": (
        "CSV från Our World in Data (Entity, Code, Year, <indikator>)",
        "Our World in Data grapher CSV (Entity, Code, Year, <indicator>)",
    ),
    "indicators.format.vdem": (
        "V-Dems Country-Year-CSV, Core eller Full (country_text_id, year, v2x_*)",
        "V-Dem Country-Year CSV, Core or Full (country_text_id, year, v2x_*)",
    ),
    "indicators.format.freedom_house": (
        "Freedom Houses All_data_FIW_2013-ÅÅÅÅ.xlsx (fliken FIW13-ÅÅ)",
        "Freedom House All_data_FIW_2013-YYYY.xlsx (sheet FIW13-YY)",
    ),
    "indicators.format.wgi": (
        "Världsbankens WGI i lång tabell, xlsx eller CSV (code, year, indicator, estimate,"
        " pctrank)",
        "World Bank WGI long table, xlsx or CSV (code, year, indicator, estimate, pctrank)",
    ),
    "indicators.format.long": (
        "enkel lång CSV (iso3, year, indicator, value, source[, edition])",
        "plain long CSV (iso3, year, indicator, value, source[, edition])",
    ),
    "indicators.format.wide": (
        "bred CSV, en kolumn per indikator (iso3, year, <indikator> …), som den inbyggda",
        "wide CSV, one column per indicator (iso3, year, <indicator> …), as bundled",
    ),
    "indicators.what.owid": ("CSV från Our World in Data", "OWID grapher CSV"),
    "indicators.what.vdem": ("Country-Year-CSV från V-Dem", "V-Dem country-year CSV"),
    "indicators.what.freedom_house": (
        "Freedom House-arbetsbok (FIW)",
        "Freedom House workbook (FIW)",
    ),
    "indicators.what.wgi": ("WGI-fil (lång tabell)", "WGI data file (long table)"),
    "indicators.what.long": (
        "lång indikator-CSV (iso3, year, indicator, value, source)",
        "long indicator CSV (iso3, year, indicator, value, source)",
    ),
    "indicators.what.wide": (
        "bred indikator-CSV (iso3, year, <indikator> …)",
        "wide indicator CSV (iso3, year, <indicator> …)",
    ),
    "indicators.data.not_found": ("filen finns inte", "file not found"),
    "indicators.data.folder": ("är en mapp, inte en fil", "is a folder, not a file"),
    "indicators.data.cannot_read": (
        "kan inte läsas som {what} ({detail})",
        "cannot be read as {what} ({detail})",
    ),
    "indicators.data.not_readable": (
        "går inte att läsa som {what} ({detail})",
        "not a readable {what} ({detail})",
    ),
    "indicators.data.empty": ("filen är tom", "the file is empty"),
    "indicators.data.missing_columns": (
        "är ingen {layout}: {n:!kolumnen|kolumnerna} {columns} saknas",
        "not the {layout} layout: the {n:!column|columns} {columns} {n:!is|are} missing",
    ),
    "indicators.data.not_a_number": (
        "kolumnen '{column}' har text som inte är ett tal: {value}",
        "column '{column}' holds text that is not a number: {value}",
    ),
    "indicators.data.fh_no_sheet": (
        "ingen flik med ett namn som 'FIW13-25' (flikar: {sheets})",
        "no sheet named like 'FIW13-25' (sheets: {sheets})",
    ),
    "indicators.data.fh_no_header": (
        "fliken {sheet}: ingen rubrikrad med 'Country/Territory'",
        "sheet {sheet}: no header row with 'Country/Territory'",
    ),
    "indicators.data.owid_daily": (
        "data per dag (en kolumn 'Day') stöds inte",
        "daily data (a 'Day' column) is not supported",
    ),
    "indicators.data.owid_no_value_column": (
        "ingen värdekolumn efter Entity, Code, Year",
        "no value column after Entity, Code, Year",
    ),
    "indicators.data.owid_several": (
        "flera värdekolumner ({columns}); alla kan inte heta '{indicator}'",
        "several value columns ({columns}); cannot name them all '{indicator}'",
    ),
    "indicators.data.owid_ambiguous": (
        "det går inte att avgöra vilken utgivares indikator kolumnen '{column}' innehåller"
        " (bara OWID:s exakta titlar på V-Dems index känns igen); ange 'source:' och"
        " 'indicator:' i parameterfilen, till exempel source: eiu, indicator:"
        " eiu_civil_liberties",
        "cannot tell which publisher's indicator column '{column}' holds (only exact OWID"
        " titles of V-Dem indices are recognised); name it with 'source:' and 'indicator:' in"
        " the parameters file, e.g. source: eiu, indicator: eiu_civil_liberties",
    ),
    "indicators.data.vdem_no_index": (
        "inte V-Dems layout: ingen av {names} finns",
        "not the V-Dem layout: none of {names} present",
    ),
    "indicators.data.wide_no_indicator": (
        "ingen indikatorkolumn efter iso3, year",
        "no indicator column after iso3, year",
    ),
    "indicators.data.wide_no_source": (
        "en bred fil namnger ingen källa: ange 'source:'",
        "a wide file names no source: give 'source:'",
    ),
    "basis.territory_own": (
        "egna värden för {territory}",
        "values of {territory} itself",
    ),
    "indicators.what.wjp": (
        "WJP:s historiska datafil (fliken Historical Data)",
        "WJP historical data file (sheet Historical Data)",
    ),
    "indicators.what.wgi_legacy": (
        "WGI-arbetsbok från före 2024 (en flik per dimension)",
        "WGI workbook from before 2024 (one sheet per dimension)",
    ),
    "indicators.format.wjp": (
        "World Justice Projects Rule of Law Index, historisk datafil (fliken Historical Data)",
        "World Justice Project Rule of Law Index historical data file (sheet Historical Data)",
    ),
    "indicators.format.wgi_legacy": (
        "Världsbankens WGI-arbetsbok från före 2024 (en flik per dimension, åren ovanför)",
        "World Bank WGI workbook before 2024 (one sheet per dimension, years above)",
    ),
    "indicators.data.indicator_not_owid": (
        "'indicator:' gäller bara filer i formatet owid; en fil i formatet {format} namnger"
        " sina indikatorer själv (ta bort raden, eller ange 'source:' för att byta källans namn)",
        "'indicator:' applies only to files of format owid; a {format} file names its"
        " indicators itself (remove the line, or give 'source:' to rename the source)",
    ),
    "indicators.data.wjp_no_sheet": (
        "ingen flik 'Historical Data' (flikar: {sheets})",
        "no sheet 'Historical Data' (sheets: {sheets})",
    ),
    "indicators.data.wjp_no_header": (
        "fliken {sheet}: ingen rubrikrad med 'Country Code'",
        "sheet {sheet}: no header row with 'Country Code'",
    ),
    "indicators.data.wgi_legacy_no_sheet": (
        "ingen flik per WGI-dimension, som 'RuleofLaw' (flikar: {sheets})",
        "no sheet per WGI dimension, such as 'RuleofLaw' (sheets: {sheets})",
    ),
    "indicators.data.wgi_legacy_no_header": (
        "fliken {sheet}: inga rubrikrader med år ovanför 'Country/Territory, Code, Estimate …'",
        "sheet {sheet}: no header rows with years above 'Country/Territory, Code, Estimate …'",
    ),
    "indicators.drop.no_year": ("året anger inget år", "the year names no year"),
    "indicators.licence.wjp": (
        "WJP:s användarvillkor (källan ska anges)",
        "WJP terms of use (attribution required)",
    ),
    "source.wjp": ("World Justice Project (WJP)", "World Justice Project (WJP)"),
    "source.eiu": ("Economist Intelligence Unit (EIU)", "Economist Intelligence Unit (EIU)"),
    "compare.no_data": ("inga data för {indicator}", "no data for {indicator}"),
    "compare.on_scale": ("på skalan {low}–{high}", "on the scale {low}–{high}"),
    "compare.decides": ("(avgör)", "(decides)"),
    "compare.data_of": ("data för {country}", "data of {country}"),
    "precondition.disagreement": (
        "Länder där källorna skiljer sig åt",
        "Countries where the sources disagree",
    ),
    "sheet.disagreement": ("Källor skiljer sig åt", "Sources disagree"),
    "col.condition_compared": ("Villkor", "Condition"),
    "col.sources_compared": ("Källornas bedömning", "The sources' verdicts"),
    "col.activities_concerned": ("Berörda aktiviteter", "Activities concerned"),
    "compare.title": (
        "Länder där de angivna källorna skiljer sig åt, data för {year}",
        "Countries where the configured sources disagree, data for {year}",
    ),
    "compare.none": (
        "Inga länder: källorna ger samma bedömning överallt där de har data.",
        "No countries: the sources agree wherever they have data.",
    ),
    "compare.single_source": (
        "Inget villkor har regler från mer än en källa; det finns inget att jämföra.",
        "No condition has rules from more than one source; there is nothing to compare.",
    ),
    "compare.primary_sentence": (
        "Bedömningen följer den primära källan, den första regeln för varje villkor; de andra"
        " källorna är jämförelser och ändrar den inte.",
        "The verdict follows the primary source, the first rule of each condition; the other"
        " sources are comparisons and do not change it.",
    ),
    "compare.combined_sentence": (
        "Bedömningen väger samman källorna som parametrarna anger (alla/någon/första med data).",
        "The verdict combines the sources as the parameters say (all/any/first with data).",
    ),
    "rules.error": ("parametrarnas regler: {problems}", "the parameters' rules: {problems}"),
    "rules.unknown": (
        "regeln för {condition} nämner {indicator} från källan {source},"
        " som ingen angiven indikatorfil ger",
        "the rule for {condition} names {indicator} from source {source},"
        " which no configured indicator file provides",
    ),
    "rules.did_you_mean": (" — menade du {guess}?", " — did you mean {guess}?"),
    "rules.provided": ("(filerna ger {listing}.)", "(the files provide {listing}.)"),
    "rules.off_scale": (
        "tröskelvärdet {threshold} i regeln för {condition} ({indicator}, {source}) ligger"
        " utanför indikatorns skala {scale}",
        "the threshold {threshold} in the rule for {condition} ({indicator}, {source}) lies"
        " outside the indicator's scale {scale}",
    ),
    # --- [scoring] rubric explanations and aggregation -------------------------------------------
    "why.cancelled": ("inställd", "cancelled"),
    "why.outcome.0": ("inget resultat registrerat", "no outcome recorded"),
    "why.outcome.1": ("kunskap inhämtad", "knowledge gained"),
    "why.outcome.2": ("förändring beslutad", "change decided"),
    "why.outcome.3": ("förändring genomförd", "change implemented"),
    "why.outcome.3_evaluated": (
        "förändring genomförd och utvärderad",
        "change implemented and evaluated",
    ),
    "why.outcome.3_not_evaluated": (
        "förändring genomförd men inte utvärderad",
        "change implemented but not evaluated",
    ),
    "why.partners_zero": ("ingen partnerorganisation", "no partner organisation"),
    "why.partners_one": ("1 partnerorganisation", "1 partner organisation"),
    "why.partners": (
        "{n:partnerorganisation|partnerorganisationer}",
        "{n:partner organisation|partner organisations}",
    ),
    "why.partners_needed": ("minst {min} krävs", "at least {min} needed"),
    "why.no_external": ("ingen extern finansiering", "no external funding"),
    "why.external_share": ("extern finansiering {pct} %", "external funding {pct}%"),
    "why.external_no_budget": (
        "extern finansiering, andel okänd (budget saknas)",
        "external funding, share unknown (no budget)",
    ),
    "why.exchange.none": (
        "inget utbyte registrerat (inga deltagare, inte en utbytesaktivitet)",
        "no exchange recorded (no participants, not an exchange-type activity)",
    ),
    "why.exchange.00": (
        "utbyte genomfört, lärdomar varken dokumenterade eller spridda",
        "exchange took place, learning neither documented nor spread",
    ),
    "why.exchange.10": (
        "lärdomar dokumenterade men inte spridda",
        "learning documented but not spread",
    ),
    "why.exchange.01": (
        "lärdomar spridda men inte dokumenterade",
        "learning spread but not documented",
    ),
    "why.exchange.11": (
        "lärdomar dokumenterade och spridda i organisationen",
        "learning documented and spread in the organisation",
    ),
    "why.targets_zero": ("inget profileringsmål", "no profiling target"),
    "why.targets_one": ("1 profileringsmål", "1 profiling target"),
    "why.targets": (
        "{n:profileringsmål|profileringsmål}",
        "{n:profiling target|profiling targets}",
    ),
    "why.dimensions_zero": ("ingen hållbarhetsdimension", "no sustainability dimension"),
    "why.dimensions_one": ("1 hållbarhetsdimension", "1 sustainability dimension"),
    "why.dimensions": (
        "{n:hållbarhetsdimension|hållbarhetsdimensioner}",
        "{n:sustainability dimension|sustainability dimensions}",
    ),
    "why.sdgs_zero": ("inget globalt mål", "no SDG"),
    "why.sdgs_one": ("1 globalt mål", "1 SDG"),
    "why.sdgs": (
        "{n:globalt mål|globala mål}",
        "{n:SDG|SDGs}",
    ),
    "why.democracy.0": ("ingen demokratikomponent registrerad", "no democracy component recorded"),
    "why.democracy.1": ("berör demokratiska värderingar", "touches on democratic values"),
    "why.democracy.2": ("uttalad demokratikomponent", "explicit democracy component"),
    "why.democracy.3": ("demokrati är huvudsyftet", "democracy is the core purpose"),
    "why.twin.none": ("ingen vänort bland partnerna", "no twin city among the partners"),
    "why.twin.city": ("vänorten {city}", "twin city {city}"),
    "trend.up": ("Ökning", "Up"),
    "trend.down": ("Minskning", "Down"),
    "trend.steady": ("Ingen förändring", "Steady"),
    "trend.cannot_assess": ("Kan inte bedömas", "Cannot be assessed"),
    "target.met": ("Målet uppnått", "Target met"),
    "target.not_met": ("Målet inte uppnått", "Target not met"),
    "target.cannot_assess": ("Kan inte bedömas", "Cannot be assessed"),
    "target_reason.no_target": ("Inget mål angivet", "No target set"),
    "target_reason.no_data": ("Underlag saknas", "No data"),
    "metric.coverage": (
        "Andel förvaltningar med internationellt arbete",
        "Share of administrations with international activities",
    ),
    "metric.clear_share": (
        "Andel aktiviteter med tydligt bidrag: {area}",
        "Share of activities with a clear contribution: {area}",
    ),
    "funding.unknown_source": ("Finansieringskälla ej angiven", "Funding source not given"),
    # --- [charts] axis words and text alternatives ------------------------------------------------
    "chart.activities": ("Antal aktiviteter", "Number of activities"),
    "chart.alt_empty": ("{title}: diagrammet saknar data.", "{title}: the chart has no data."),
    "chart.alt_levels": (
        "{title}: staplat stapeldiagram över {n} rader och antal aktiviteter per nivå 0–3. "
        "Högst andel tydligt eller starkt bidrag: {best} ({best_share}); lägst: {worst} "
        "({worst_share}). Siffrorna finns i tabellen intill.",
        "{title}: stacked bar chart of {n} rows and the number of activities at each level 0–3. "
        "Highest share with a clear or strong contribution: {best} ({best_share}); lowest: "
        "{worst} ({worst_share}). The numbers are in the table beside it.",
    ),
    "chart.alt_levels_empty": (
        "{title}: inga aktiviteter att visa.",
        "{title}: no activities to show.",
    ),
    "chart.alt_bars": (
        "{title}: stapeldiagram med {n:stapel|staplar}. Störst: {top}. Alla värden finns i tabellen.",
        "{title}: bar chart with {n:bar|bars}. Largest: {top}. All values are in the table.",
    ),
    "chart.alt_heatmap": (
        "{title}: värmekarta med {rows} rader och {cols} kolumner, varje ruta visar sitt värde. "
        "Högst: {hi} ({hi_value}); lägst: {lo} ({lo_value}).",
        "{title}: heatmap with {rows} rows and {cols} columns, each cell shows its value. "
        "Highest: {hi} ({hi_value}); lowest: {lo} ({lo_value}).",
    ),
    "chart.alt_lines": (
        "{title}: linjediagram {first}–{last}. {series}.",
        "{title}: line chart {first}–{last}. {series}.",
    ),
    # --- [sections] the report's sections, tables and sentences -----------------------------------
    "word.all_activities": ("Alla aktiviteter", "All activities"),
    "country_status.met": ("Uppfyller alla villkor", "Meets every condition"),
    "country_status.not_met": ("Uppfyller inte alla villkor", "Fails a condition"),
    "country_status.unknown": ("Kan inte bedömas", "Cannot be assessed"),
    "severity.error": ("Avvisad", "Rejected"),
    "severity.warning": ("Varning (raden används)", "Warning (row kept)"),
    "col.activity_id": ("Aktivitets-id", "Activity id"),
    "col.title": ("Titel", "Title"),
    "col.administration": ("Förvaltning", "Administration"),
    "col.committee": ("Nämnd", "Committee"),
    "col.partner": ("Partner", "Partner"),
    "col.country": ("Land", "Country"),
    "col.failed_conditions": ("Villkor som inte uppfylls", "Conditions not met"),
    "col.basis": ("Underlag", "Basis"),
    "col.decision_id": ("Diarienummer", "Decision id"),
    "col.decision_date": ("Beslutsdatum", "Decision date"),
    "col.exception_for": ("Undantag för", "Exception for"),
    "col.scope": ("Omfattning", "Scope"),
    "col.valid_from": ("Gäller från", "Valid from"),
    "col.valid_to": ("Gäller till", "Valid to"),
    "col.n_partners": ("Antal partner", "Partners"),
    "col.n_activities": ("Antal aktiviteter", "Activities"),
    "col.democracy": ("Demokrati", "Democracy"),
    "col.human_rights": ("Mänskliga rättigheter", "Human rights"),
    "col.rule_of_law": ("Rättsstatens principer", "Rule of law"),
    "col.status": ("Bedömning", "Assessment"),
    "col.verdict": ("Bedömning mot förutsättningen", "Precondition"),
    "col.share": ("Andel", "Share"),
    "col.area": ("Område", "Area"),
    "col.level_0": ("0 Inget", "0 None"),
    "col.level_1": ("1 Svagt", "1 Weak"),
    "col.level_2": ("2 Tydligt", "2 Clear"),
    "col.level_3": ("3 Starkt", "3 Strong"),
    "col.share_clear": ("Andel med tydligt bidrag", "Share clear contribution"),
    "col.n_clear": ("Antal med tydligt bidrag", "Clear contributions"),
    "col.n_cancelled": ("Inställda", "Cancelled"),
    "col.change": ("Förändring", "Change"),
    "col.share_previous_year": ("Andel föregående år", "Share previous year"),
    "col.target_status": ("Måluppfyllelse", "Against target"),
    "col.trend": ("Utveckling", "Trend"),
    "col.explanation": ("Motivering", "Why"),
    "col.has_international_work": ("Internationellt arbete", "International work"),
    "col.funding_source": ("Finansieringskälla", "Funding source"),
    "col.external_funding_sek": ("Extern finansiering (kr)", "External funding (SEK)"),
    "col.eu_funding_sek": ("EU-finansiering (kr)", "EU funding (SEK)"),
    "col.eu_share": ("EU-andel av extern finansiering", "EU share of external funding"),
    "col.eu": ("EU-medel", "EU funds"),
    "col.sdg": ("Globalt mål", "Global goal"),
    "col.year": ("År", "Year"),
    "col.n_with_activities": (
        "Förvaltningar med internationellt arbete",
        "Administrations with international work",
    ),
    "col.n_administrations": ("Förvaltningar", "Administrations"),
    "col.source": ("Blad eller fil", "Sheet or file"),
    "col.row": ("Rad", "Row"),
    "col.column": ("Kolumn", "Column"),
    "col.value": ("Värde", "Value"),
    "col.severity": ("Typ av anmärkning", "Kind"),
    "col.reason": ("Orsak", "Reason"),
    "col.measure": ("Mått", "Measure"),
    "col.parameter": ("Parameter", "Parameter"),
    "col.edition": ("Utgåva", "Edition"),
    "col.attribution": ("Källhänvisning", "Attribution"),
    "col.licence": ("Licens", "Licence"),
    "col.indicators": ("Indikatorer", "Indicators"),
    "col.years": ("År", "Years"),
    "fig.activities": ("Aktiviteter", "Activities"),
    "fig.cancelled": ("Inställda aktiviteter", "Cancelled activities"),
    "fig.administrations": (
        "Förvaltningar med internationellt arbete",
        "Administrations with international work",
    ),
    "fig.n_of_m": ("{n} av {m}", "{n} of {m}"),
    "fig.partners": ("Partnerorganisationer", "Partner organisations"),
    "fig.countries": ("Partnerländer", "Partner countries"),
    "fig.external_funding": ("Extern finansiering", "External funding"),
    "fig.eu_funding": ("varav EU-medel", "of which EU funds"),
    "fig.eu_share": ("EU-andel av extern finansiering", "EU share of external funding"),
    "sheet.key_figures": ("Nyckeltal", "Key figures"),
    "sheet.missing_exceptions": ("Saknade undantagsbeslut", "Missing exceptions"),
    "sheet.exceptions": ("Undantag", "Exceptions"),
    "sheet.countries_screening": ("Länderbedömning", "Country screening"),
    "sheet.precondition": ("Förutsättningen", "Precondition"),
    "sheet.areas": ("Områden", "Areas"),
    "sheet.coverage": ("Förvaltningar", "Administrations"),
    "sheet.matrix": ("Förvaltning x område", "Administration x area"),
    "sheet.funding": ("Finansiering", "Funding"),
    "sheet.countries": ("Partnerländer", "Partner countries"),
    "sheet.sdgs": ("Globala målen", "Global goals"),
    "sheet.area_trend": ("Områden över tid", "Areas over time"),
    "sheet.coverage_trend": ("Förvaltningar över tid", "Coverage over time"),
    "sheet.funding_trend": ("Finansiering över tid", "Funding over time"),
    "sheet.data_quality": ("Datakvalitet", "Data quality"),
    "sheet.parameters": ("Parametrar", "Parameters"),
    "sheet.sources": ("Källor", "Sources"),
    "sdg.1": ("Ingen fattigdom", "No poverty"),
    "sdg.2": ("Ingen hunger", "Zero hunger"),
    "sdg.3": ("Hälsa och välbefinnande", "Good health and well-being"),
    "sdg.4": ("God utbildning för alla", "Quality education"),
    "sdg.5": ("Jämställdhet", "Gender equality"),
    "sdg.6": ("Rent vatten och sanitet för alla", "Clean water and sanitation"),
    "sdg.7": ("Hållbar energi för alla", "Affordable and clean energy"),
    "sdg.8": ("Anständiga arbetsvillkor och ekonomisk tillväxt", "Decent work and economic growth"),
    "sdg.9": (
        "Hållbar industri, innovationer och infrastruktur",
        "Industry, innovation and infrastructure",
    ),
    "sdg.10": ("Minskad ojämlikhet", "Reduced inequalities"),
    "sdg.11": ("Hållbara städer och samhällen", "Sustainable cities and communities"),
    "sdg.12": ("Hållbar konsumtion och produktion", "Responsible consumption and production"),
    "sdg.13": ("Bekämpa klimatförändringarna", "Climate action"),
    "sdg.14": ("Hav och marina resurser", "Life below water"),
    "sdg.15": ("Ekosystem och biologisk mångfald", "Life on land"),
    "sdg.16": ("Fredliga och inkluderande samhällen", "Peace, justice and strong institutions"),
    "sdg.17": ("Genomförande och globalt partnerskap", "Partnerships for the goals"),
    "rubric.operational_development.1": ("Kunskap inhämtad", "Knowledge gained"),
    "rubric.operational_development.2": (
        "Förändring beslutad (eller genomförd men inte utvärderad)",
        "Change decided (or implemented but not evaluated)",
    ),
    "rubric.operational_development.3": (
        "Förändring genomförd och utvärderad",
        "Change implemented and evaluated",
    ),
    "rubric.project_collaboration.1": (
        "Minst {min_partners} partnerorganisationer",
        "At least {min_partners} partner organisations",
    ),
    "rubric.project_collaboration.2": ("… och extern finansiering", "… and external funding"),
    "rubric.project_collaboration.3": (
        "… och extern finansiering som motsvarar minst {share} av budgeten",
        "… and external funding at least {share} of the budget",
    ),
    "rubric.knowledge_exchange.1": (
        "Ett utbyte har genomförts (registrerade deltagare eller aktivitet av utbytestyp)",
        "An exchange took place (participants or exchange type)",
    ),
    "rubric.knowledge_exchange.2": (
        "… och lärdomarna är dokumenterade eller spridda",
        "… and what was learned is documented or spread",
    ),
    "rubric.knowledge_exchange.3": (
        "… och lärdomarna är både dokumenterade och spridda i organisationen",
        "… and both documented and spread in the organisation",
    ),
    "rubric.profiling.1": (
        "Minst {n:profileringsmål|profileringsmål}",
        "At least {n:profiling target|profiling targets}",
    ),
    "rubric.profiling.2": (
        "Minst {n:profileringsmål|profileringsmål}",
        "At least {n:profiling target|profiling targets}",
    ),
    "rubric.profiling.3": (
        "Minst {n:profileringsmål|profileringsmål}",
        "At least {n:profiling target|profiling targets}",
    ),
    "rubric.societal_impact.1": (
        "En hållbarhetsdimension eller ett globalt mål",
        "One sustainability dimension or one global goal",
    ),
    "rubric.societal_impact.2": (
        "Två hållbarhetsdimensioner, eller en dimension och minst {n:globalt mål|globala mål}",
        "Two sustainability dimensions, or one dimension and at least {n:global goal|global goals}",
    ),
    "rubric.societal_impact.3": (
        "Alla tre dimensionerna, eller två dimensioner och minst {n:globalt mål|globala mål}",
        "All three dimensions, or two dimensions and at least {n:global goal|global goals}",
    ),
    "rubric.democratic_values.1": (
        "Berör demokratiska värderingar",
        "Touches on democracy and human rights",
    ),
    "rubric.democratic_values.2": (
        "Demokrati är en uttalad del av aktiviteten",
        "An explicit component",
    ),
    "rubric.democratic_values.3": (
        "Demokrati är aktivitetens huvudsyfte",
        "The activity's core purpose",
    ),
    "rubric.twin_cities.1": ("En vänort deltar", "A twin city takes part"),
    "rubric.twin_cities.2": (
        "… och utbytet har lett till en beslutad förändring",
        "… and the exchange led to a decided change",
    ),
    "rubric.twin_cities.3": (
        "… och till en genomförd förändring",
        "… and to an implemented change",
    ),
    "report.title": (
        "Internationellt arbete i {scope} {year}",
        "International work in {scope} {year}",
    ),
    "report.example_banner": (
        "Fiktiva exempeldata: rapporten bygger på verktygets exempelregister, inte på Borås Stads verkliga register. Siffrorna beskriver ingen verklig verksamhet.",
        "Fictitious example data: this report is built from the toolkit's example register, not from Borås Stad's real register. The figures describe no real activity.",
    ),
    "report.intro": (
        "Rapporten följer upp hur stadens internationella arbete {year} bidrar till de sju områdena i Borås Stads internationella policy (2023) och om samarbetena uppfyller policyns förutsättning om mänskliga rättigheter, demokrati och rättsstatens principer.",
        "This report follows up how the city's international work in {year} contributes to the seven areas of Borås Stad's international policy (2023), and whether every partner meets the policy's precondition of human rights, democracy and the rule of law.",
    ),
    "section.summary": ("Året i siffror", "The year in figures"),
    "section.precondition": (
        "Förutsättningen: mänskliga rättigheter, demokrati och rättsstatens principer",
        "The precondition: human rights, democracy, rule of law",
    ),
    "section.areas": ("Bidrag till policyns sju områden", "Contribution to the seven areas"),
    "section.administrations": ("Förvaltningarna", "Administrations"),
    "section.funding": ("Finansiering", "Funding"),
    "section.partners": ("Partner och länder", "Partners and countries"),
    "section.sdgs": ("De globala målen", "The global goals"),
    "section.over_time": ("Utveckling över tid", "Over time"),
    "section.data_quality": ("Datakvalitet", "Data quality"),
    "section.method": ("Metod och källor", "Method and sources"),
    "summary.findings": ("De viktigaste iakttagelserna", "Main findings"),
    "precondition.intro": (
        "Enligt policyn är det en förutsättning för samarbete att partnerlandet respekterar mänskliga rättigheter, är en demokrati och upprätthåller rättsstatens principer. Annars måste Kommunstyrelsen besluta om undantag. Svenska partner omfattas inte av bedömningen.",
        "The policy requires the partner's country to respect human rights, be a democracy and uphold the rule of law. Otherwise the executive board must decide an exception. Swedish partners are outside the assessment.",
    ),
    "precondition.missing": (
        "Aktiviteter som saknar undantagsbeslut trots att det krävs",
        "Activities that need an exception decision and have none",
    ),
    "precondition.none_missing": (
        "Alla aktiviteter som kräver undantagsbeslut har ett giltigt beslut.",
        "No activity lacks a necessary exception decision.",
    ),
    "precondition.missing_text": (
        "I årets aktiviteter saknar {n:partner|partner} giltigt undantagsbeslut, trots att {n:!partnern finns i ett land|partnerna finns i länder} som inte uppfyller kraven.",
        "In this year's activities, {n:partner is in a country|partners are in countries} that {n:!does|do} not meet the precondition, without a valid exception decision.",
    ),
    "precondition.missing_text.one": (
        "I årets aktiviteter saknar {n:partner|partner} giltigt undantagsbeslut, trots att {n:!partnern finns i ett land|partnerna finns i länder} som inte uppfyller kraven.",
        "In this year's activities, {n:partner is in a country|partners are in countries} that {n:!does|do} not meet the precondition, without a valid exception decision.",
    ),
    "precondition.in_force": ("Undantagsbeslut som tillämpas i år", "Exception decisions in use"),
    "precondition.no_exceptions": (
        "Inga undantagsbeslut tillämpas i år.",
        "No exception decision is in use this year.",
    ),
    "precondition.summary": ("Aktiviteter per bedömning", "Activities per verdict"),
    "precondition.countries": (
        "Partnerländerna bedömda mot villkoren",
        "Partner countries and conditions",
    ),
    "precondition.countries_text": (
        "Varje villkor bedöms med en indikator, ett år och ett tröskelvärde (se Metod och källor). Värdena avrundas inte före jämförelsen.",
        "Each condition is assessed with an indicator, a year and a threshold (see Method and sources). Values are not rounded before they are compared.",
    ),
    "areas.intro": (
        "Varje aktivitet bedöms på en skala 0–3 inom varje område utifrån uppgifterna i registret, inte utifrån förvaltningens egen skattning. Nivå {clear} eller högre räknas som ett tydligt bidrag. Inställda aktiviteter räknas inte.",
        "Each activity is scored 0–3 in every area from the evidence in the register, not from a self-rating. Level {clear} or more counts as a clear contribution. Cancelled activities are not counted.",
    ),
    "areas.chart_title": ("Bidragsnivåer per område {year}", "Contribution levels per area {year}"),
    "areas.table": ("Områdena: nivåer, mål och utveckling", "Areas: levels, targets and trend"),
    "areas.area_text": (
        "Tydligt bidrag: {n_clear} av {n:aktivitet|aktiviteter} ({share}). Måluppfyllelse: {status}. Jämfört med föregående år: {trend}.",
        "Clear contribution: {n_clear} of {n:activity|activities} ({share}). Against target: {status}. Compared with the previous year: {trend}.",
    ),
    "areas.examples": ("Exempel: {area}", "Examples: {area}"),
    "administrations.intro": (
        "Enligt policyn ska det internationella arbetet vara en naturlig del i alla verksamheter. Tabellen visar vilka förvaltningar som har internationella aktiviteter i år.",
        "The policy says international work shall be a natural part of all operations. The table shows which administrations have international activities this year.",
    ),
    "administrations.coverage": (
        "Förvaltningar med och utan internationellt arbete",
        "Administrations with and without international work",
    ),
    "administrations.heatmap": (
        "Andel aktiviteter med tydligt bidrag per förvaltning och område",
        "Share of activities with a clear contribution per administration and area",
    ),
    "funding.none": (
        "Ingen extern finansiering är registrerad i år.",
        "No external funding is recorded this year.",
    ),
    "funding.chart_title": ("Extern finansiering per källa", "External funding by source"),
    "partners.none": ("Inga partner är registrerade i år.", "No partners are recorded this year."),
    "partners.chart_title": ("Aktiviteter per partnerland", "Activities per partner country"),
    "partners.chart_title_top": (
        "{title}, de {n} länder som har flest (av {total})",
        "{title}, the {n} countries with the most (of {total})",
    ),
    "sdgs.chart_title": ("Aktiviteter per globalt mål", "Activities per global goal"),
    "over_time.too_short": (
        "Registret har för få år för att visa utvecklingen över tid.",
        "The register has too few years to show a trend over time.",
    ),
    "over_time.areas": (
        "Andel aktiviteter med tydligt bidrag per år",
        "Share of activities with a clear contribution per year",
    ),
    "over_time.coverage": (
        "Förvaltningar med internationellt arbete per år",
        "Administrations with international work per year",
    ),
    "over_time.funding": ("Extern finansiering per år", "External funding per year"),
    "data_quality.none": (
        "Alla rader i registret godkändes utan anmärkning.",
        "Every row of the register was accepted without remark.",
    ),
    "data_quality.intro": (
        "Registret har {n:anmärkning|anmärkningar} för året. Avvisade rader ingår inte i bedömningen; rader med varning ingår. Radnumret är raden som den syns i Excel (rubrikraden är rad 1).",
        "The register has {n:remark|remarks} for the year. Rejected rows are not part of the evaluation; rows with a warning are. The row number is the row as seen in Excel (the header is row 1).",
    ),
    "method.intro": (
        "Bedömningen är regelbaserad: samma uppgifter ger alltid samma nivå. Nivåerna "
        "beskrivs nedan; tröskelvärdena är årets inställningar för rapporten (se Parametrar).",
        "The assessment is rule-based: the same evidence always gives the same level. The "
        "levels are described below; the thresholds are the year's settings for the report (see Parameters).",
    ),
    "method.rubric": ("Bedömningsmatris", "Rubric"),
    "method.parameters": ("Parametrar", "Parameters"),
    "method.sources": ("Indikatorkällor", "Indicator sources"),
    "method.reproducibility": (
        "Rapporten är framtagen med boras-intl {version}. Register: {register} (SHA-256 {register_hash}…), parameterfil SHA-256 {params_hash}…, skapad {generated}.",
        "Produced with boras-intl {version}. Register: {register} (SHA-256 {register_hash}…), parameters file SHA-256 {params_hash}…, generated {generated}.",
    ),
    "finding.no_activities": (
        "Registret har inga aktiviteter för {year}.",
        "The register has no activities for {year}.",
    ),
    "finding.needs_exception": (
        "Undantagsbeslut saknas för {n:aktivitet|aktiviteter} trots att det krävs.",
        "An exception decision is required but missing for {n:activity|activities}.",
    ),
    "finding.no_missing_exception": (
        "Alla aktiviteter uppfyller förutsättningen eller omfattas av ett undantagsbeslut.",
        "Every activity meets the precondition or is covered by an exception decision.",
    ),
    "finding.exception": (
        "Undantagsbeslut omfattar {n:aktivitet|aktiviteter}.",
        "Exception decisions cover {n:activity|activities}.",
    ),
    "finding.unknown": (
        "För {n:aktivitet|aktiviteter} kan förutsättningen inte bedömas: data om partnerlandet saknas (se Förutsättningen).",
        "For {n:activity|activities} the precondition cannot be assessed: data on the partner's country is missing (see The precondition).",
    ),
    "finding.coverage": (
        "Av {m:förvaltning|förvaltningar} har {n} ({share}) internationellt arbete.",
        "International work is reported by {n} of {m:administration|administrations} ({share}).",
    ),
    "finding.coverage_without": (
        "Utan internationellt arbete: {names}.",
        "Without international work: {names}.",
    ),
    "finding.areas": (
        "Störst andel aktiviteter med tydligt bidrag har {best:lower} ({best_share}), minst har {worst:lower} ({worst_share}).",
        "Largest share with a clear contribution: {best:lower} ({best_share}); smallest: {worst:lower} ({worst_share}).",
    ),
    "finding.no_external_funding": (
        "Ingen extern finansiering är registrerad.",
        "No external funding is recorded.",
    ),
    "finding.funding": (
        "Den externa finansieringen uppgår till {external}, varav EU-medel {eu} ({share}).",
        "External funding {external}, of which EU funds {eu} ({share}).",
    ),
    "finding.rejected_rows": (
        "Registret har {n:avvisad rad|avvisade rader} (se Datakvalitet).",
        "The register has {n:rejected row|rejected rows} (see Data quality).",
    ),
    "finding.warnings": (
        "Registret har {n:rad|rader} med varning (se Datakvalitet).",
        "The register has {n:row|rows} with a warning (see Data quality).",
    ),
    "finding.cancelled": (
        "Under året ställdes {n:aktivitet|aktiviteter} in; inställda aktiviteter räknas inte.",
        "During the year {n:activity was|activities were} cancelled; cancelled activities are not counted.",
    ),
    "report.index_title": (
        "Rapporter om internationellt arbete {year}",
        "Reports on international work {year}",
    ),
    "finding.needs_exception.one": (
        "Undantagsbeslut saknas för {n:aktivitet|aktiviteter} trots att det krävs.",
        "An exception decision is required but missing for {n:activity|activities}.",
    ),
    "finding.exception.one": (
        "Undantagsbeslut omfattar {n:aktivitet|aktiviteter}.",
        "Exception decisions cover {n:activity|activities}.",
    ),
    "finding.unknown.one": (
        "För {n:aktivitet|aktiviteter} kan förutsättningen inte bedömas: data om partnerlandet saknas (se Förutsättningen).",
        "For {n:activity|activities} the precondition cannot be assessed: data on the partner's country is missing (see The precondition).",
    ),
    "finding.rejected_rows.one": (
        "Registret har {n:avvisad rad|avvisade rader} (se Datakvalitet).",
        "The register has {n:rejected row|rejected rows} (see Data quality).",
    ),
    "finding.warnings.one": (
        "Registret har {n:rad|rader} med varning (se Datakvalitet).",
        "The register has {n:row|rows} with a warning (see Data quality).",
    ),
    "finding.cancelled.one": (
        "Under året ställdes {n:aktivitet|aktiviteter} in; inställda aktiviteter räknas inte.",
        "During the year {n:activity was|activities were} cancelled; cancelled activities are not counted.",
    ),
    "data_quality.intro.one": (
        "Registret har {n:anmärkning|anmärkningar} för året. Avvisade rader ingår inte i bedömningen; rader med varning ingår. Radnumret är raden som den syns i Excel (rubrikraden är rad 1).",
        "The register has {n:remark|remarks} for the year. Rejected rows are not part of the evaluation; rows with a warning are. The row number is the row as seen in Excel (the header is row 1).",
    ),
    "areas.level_bar": ("Fördelning på nivåer: {area}", "Distribution of levels: {area}"),
    "chart.alt_level_bar": (
        "{area}: stapel som delar årets aktiviteter på nivåerna 0–3. {counts}.",
        "{area}: bar dividing this year's activities into levels 0–3. {counts}.",
    ),
    "precondition.no_data": (
        "Indikatordata saknas (eller är för gamla) för: {countries}. Partner i dessa länder kan inte bedömas förrän data för året har lagts till (se Metod och källor).",
        "Indicator data is missing (or too old) for: {countries}. Partners in these countries cannot be assessed until data for the year has been added (see Method and sources).",
    ),
    "precondition.unrecognised": (
        "Följande landsangivelser känns inte igen: {countries}. Partner med dessa länder kan inte bedömas. Rätta registret (se Datakvalitet).",
        "These country entries are not recognised: {countries}. Partners with them cannot be assessed. Correct the register (see Data quality).",
    ),
    "col.indicator_source": ("Datakälla", "Data source"),
    "warning.unknown_country_decision": (
        "Landet känns inte igen; beslutet kan bara gälla partner som anges i beslutet",
        "Country not recognised; the decision can only cover partners it names",
    ),
    "reason.too_many_fields": (
        "Raden har fler fält än rubrikraden ({expected}); troligen ett kommatecken eller "
        "semikolon i en text utan citattecken",
        "The line has more fields than the header ({expected}); probably a comma or semicolon "
        "in a text without quotes",
    ),
    "areas.area_text.one": (
        "Tydligt bidrag: {n_clear} av {n:aktivitet|aktiviteter} ({share}). Måluppfyllelse: {status}. Jämfört med föregående år: {trend}.",
        "Clear contribution: {n_clear} of {n:activity|activities} ({share}). Against target: {status}. Compared with the previous year: {trend}.",
    ),
    "report.title_administration": (
        "Internationellt arbete inom {scope} {year}",
        "International work in {scope} {year}",
    ),
    "fig.overall_index": (
        "Samlat index (viktad andel tydligt bidrag)",
        "Overall index (weighted share with a clear contribution)",
    ),
    # --- [report] status-aware comparison, annex (tables.py) ---------------------------------
    "col.city_share": ("Hela staden", "Whole city"),
    "col.parameter_key": ("I parameterfilen", "In the parameters file"),
    "param.scoring.clear_level": (
        "Nivå som räknas som tydligt bidrag",
        "Level counted as a clear contribution",
    ),
    "param.scoring.min_partners": (
        "Minsta antal partnerorganisationer för projektsamverkan",
        "Fewest partner organisations for project collaboration",
    ),
    "param.scoring.strong_external_share": (
        "Extern finansiering (andel av budget) för starkt bidrag till projektsamverkan",
        "External funding (share of budget) for a strong project collaboration",
    ),
    "param.scoring.profiling_targets_for_level": (
        "Antal profileringsmål för nivå 1, 2 och 3",
        "Profiling targets for levels 1, 2 and 3",
    ),
    "param.scoring.sdgs_for_strong": (
        "Antal globala mål som stärker omvärldspåverkan",
        "Global goals that strengthen societal impact",
    ),
    "param.screening.max_data_age_years": (
        "Äldsta indikatordata som används (år före rapportåret)",
        "Oldest indicator data used (years before the report year)",
    ),
    "param.screening.missing_data": ("När indikatordata saknas", "When indicator data is missing"),
    "param.targets.coverage": (
        "Mål: andel förvaltningar med internationellt arbete",
        "Target: share of administrations with international work",
    ),
    "param.twin_cities": ("Vänorter", "Twin cities"),
    "param.weights": ("Vikter i det samlade indexet", "Weights of the overall index"),
    "param.condition": ("Villkor: {condition}", "Condition: {condition}"),
    "missing_data.unknown": ("partnern kan inte bedömas", "the partner cannot be assessed"),
    "missing_data.pass": ("villkoret räknas som uppfyllt", "the condition counts as met"),
    "missing_data.fail": ("villkoret räknas som inte uppfyllt", "the condition counts as not met"),
    "combine.all": ("och", "and"),
    "combine.any": ("eller", "or"),
    "combine.first_available": ("annars", "else"),
    "combine.primary": ("och som jämförelse", "and for comparison"),
    "col.participants": ("Deltagare", "Participants"),
    "col.budget_sek": ("Budget (kr)", "Budget (SEK)"),
    "col.own_funding_sek": ("Egen medfinansiering (kr)", "Own co-financing (SEK)"),
    "word.total": ("Totalt", "Total"),
    "sheet.resources": ("Deltagare och medfinansiering", "Participants and co-financing"),
    "sheet.twin_cities": ("Vänorter per år", "Twin cities per year"),
    "administrations.resources": (
        "Deltagare i alla aktiviteter och egen medfinansiering per förvaltning",
        "Participants in all activities and own co-financing per administration",
    ),
    "administrations.resources_text": (
        "Deltagare är summan av deltagarna i alla räknade aktiviteter av alla slag enligt registret, inte bara i kunskapsutbyten. Egen medfinansiering är budget minus extern finansiering för aktiviteter med angiven budget.",
        "Participants are the sum of the participants of all counted activities of every kind according to the register, not only knowledge exchanges. Own co-financing is budget minus external funding, for activities with a budget.",
    ),
    "over_time.twin_cities": (
        "Aktiviteter med varje vänort per år",
        "Activities with each twin city per year",
    ),
    "col.comparison": ("Jämfört med föregående år", "Compared with the previous year"),
    "comparison.all": ("{trend} ({this} mot {previous})", "{trend} ({this} against {previous})"),
    "comparison.completed": (
        "{trend} ({this} mot {previous} bland avslutade aktiviteter)",
        "{trend} ({this} against {previous} among completed activities)",
    ),
    "areas.counting": (
        "Räknade aktiviteter: {n}, varav {planned:planerad|planerade}, {ongoing} pågående och {completed:avslutad|avslutade}. Andelarna räknas på alla dessa. Jämförelsen med tidigare år görs på lika grupper: för {outcome_areas:lower}, som bygger på resultat, jämförs bara avslutade aktiviteter, eftersom planerade och pågående ännu inte kan ha resultat.",
        "Counted activities: {n}, of which {planned} planned, {ongoing} ongoing and {completed} completed. Shares are computed on all of them. Years are compared on like groups: for {outcome_areas:lower}, which rest on results, only completed activities are compared, since planned and ongoing ones cannot have results yet.",
    ),
    "areas.completed_text": (
        "Av de avslutade aktiviteterna ({n}) bidrar {n_clear} ({share}) tydligt.",
        "Of the completed activities ({n}), {n_clear} ({share}) {n_clear:!contributes|contribute} clearly.",
    ),
    "col.activity_status": ("Status", "Status"),
    "col.activity_type": ("Typ", "Type"),
    "col.countries": ("Länder", "Countries"),
    "col.area_short.operational_development": (
        "Verksamhets\u00adutveckling",
        "Operational development",
    ),
    "col.area_short.project_collaboration": ("Projekt\u00adsamverkan", "Project collaboration"),
    "col.area_short.knowledge_exchange": ("Kunskaps\u00adutbyten", "Knowledge exchange"),
    "col.area_short.profiling": ("Profilerings\u00adarbete", "Profiling"),
    "col.area_short.societal_impact": ("Omvärlds\u00adpåverkan", "Societal impact"),
    "col.area_short.democratic_values": (
        "Demo\u00adkratiska värde\u00adringar",
        "Democratic values",
    ),
    "col.area_short.twin_cities": ("Vänorts\u00adarbete", "Twin-city work"),
    "annex.not_counted": ("Inställd, räknas inte", "Cancelled, not counted"),
    "annex.heading": ("Bilaga: alla aktiviteter {year}", "Annex: all activities {year}"),
    "annex.summary": (
        "Visa alla aktiviteter ({n}): id, status, typ, länder, nivå per område, bedömning",
        "Show all activities ({n}): id, status, type, countries, level per area, verdict",
    ),
    "annex.intro": (
        "Tabellen gör varje siffra spårbar. Nivåerna 0–3 per område förklaras under Metod och källor. Samma tabell finns i arbetsboken.",
        "The table makes every figure traceable. Levels 0–3 per area are explained under Method and sources. The same table is in the workbook.",
    ),
    "sheet.annex": ("Alla aktiviteter", "All activities"),
    "sheet.about": ("Om arbetsboken", "About"),
    "col.as_shown": ("Som i rapporten", "As in the report"),
    "about.fictitious": ("Fiktiva exempeldata", "Fictitious example data"),
    "about.report": ("Rapport", "Report"),
    "about.year": ("År", "Year"),
    "about.register": ("Register (källa)", "Register (source)"),
    "about.register_hash": ("Registrets SHA-256", "Register SHA-256"),
    "about.params_hash": ("Parameterfilens SHA-256", "Parameters file SHA-256"),
    "about.version": ("boras-intl version", "boras-intl version"),
    "about.counting": ("Räkneregel", "Counting rule"),
    "about.counting_rule": (
        "Inställda aktiviteter och deras partner räknas inte i någon siffra (de räknas en gång, som inställda). En partner är samma partner när namnen är lika efter Unicode-normalisering (NFKC), skiftlägesokänsligt och med blanksteg sammanslagna. Parametrarna står på bladet Parametrar.",
        "Cancelled activities and their partners are left out of every figure (they are counted once, as cancelled). Two partner names are one partner when they are equal after Unicode normalisation (NFKC), ignoring case and runs of spaces. The parameters are on the sheet Parameters.",
    ),
    "document.reference": ("Diarienummer", "Reference number"),
    "document.officer": ("Handläggare", "Officer"),
    "document.date": ("Datum", "Date"),
    "sheet.country_values": ("Indikatorvärden", "Indicator values"),
    "data_quality.other_years": (
        "Ytterligare {n:anmärkning|anmärkningar} gäller rader för andra år och visas i de årens rapporter.",
        "A further {n:remark concerns|remarks concern} rows of other years and {n:!is|are} shown in those years' reports.",
    ),
    "data_quality.other_years.one": (
        "Ytterligare {n:anmärkning|anmärkningar} gäller rader för andra år och visas i de årens rapporter.",
        "A further {n:remark concerns|remarks concern} rows of other years and {n:!is|are} shown in those years' reports.",
    ),
    "over_time.like_groups": (
        "För {areas:lower} räknas varje år bara avslutade aktiviteter, så att åren jämförs på lika grupper; för övriga områden alla aktiviteter som inte ställts in.",
        "For {areas:lower} each year counts completed activities only, so that years are compared on like groups; for the other areas every activity that was not cancelled.",
    ),
    "section.annex": ("Bilaga: alla aktiviteter", "Annex: all activities"),
    "areas.no_targets": (
        "Inga mål är satta för områdena i årets inställningar, så rapporten bedömer inte måluppfyllelse.",
        "The year's settings set no targets for the areas, so the report does not assess them against targets.",
    ),
    "areas.area_text_no_target": (
        "Tydligt bidrag: {n_clear} av {n:aktivitet|aktiviteter} ({share}). Jämfört med föregående år: {trend}.",
        "Clear contribution: {n_clear} of {n:activity|activities} ({share}). Compared with the previous year: {trend}.",
    ),
    "areas.area_text_no_target.one": (
        "Tydligt bidrag: {n_clear} av {n:aktivitet|aktiviteter} ({share}). Jämfört med föregående år: {trend}.",
        "Clear contribution: {n_clear} of {n:activity|activities} ({share}). Compared with the previous year: {trend}.",
    ),
    "administrations.heatmap_text": (
        "Tabellen visar andelen av varje förvaltnings aktiviteter med tydligt bidrag per område; kolumnen Antal aktiviteter visar hur många andelen bygger på. Mörkare ruta betyder högre andel, och varje andel står utskriven.",
        "The table shows the share of each administration's activities with a clear contribution per area; the Activities column shows how many the share rests on. A darker cell means a higher share, and every share is written out.",
    ),
    "data_quality.none_this_year": (
        "Inga rader för {year} har anmärkningar.",
        "No rows for {year} have remarks.",
    ),
    "report.intro_administration": (
        "Rapporten följer upp hur det internationella arbetet {year} inom {{name}} bidrar till de sju områdena i Borås Stads internationella policy (2023) och om samarbetena uppfyller policyns förutsättning om mänskliga rättigheter, demokrati och rättsstatens principer. Förvaltningens andelar står bredvid hela stadens.",
        "This report follows up how the international work of {{name}} in {year} contributes to the seven areas of Borås Stad's international policy (2023), and whether its partners meet the policy's precondition of human rights, democracy and the rule of law. The administration's shares stand beside the whole city's.",
    ),
    "chart.region": ("Diagram: {title}", "Chart: {title}"),
    "chart.scroll_cue": (
        "Diagrammet är bredare än skärmen: svep i sidled för att se hela.",
        "The chart is wider than the screen: swipe sideways to see all of it.",
    ),
    # --- [report] thresholds and basis in words (report/thresholds.py) ------------------------
    "basis_indicator.v2x_regime": ("Regimes of the World", "Regimes of the World"),
    "basis_indicator.regime_row_owid": ("Regimes of the World", "Regimes of the World"),
    "basis_indicator.v2x_civlib": (
        "V-Dems index för medborgerliga fri- och rättigheter",
        "V-Dem civil liberties index",
    ),
    "basis_indicator.v2x_rule": ("V-Dems rättsstatsindex", "V-Dem rule of law index"),
    "regime.0": ("sluten autokrati", "closed autocracy"),
    "regime.1": ("valautokrati", "electoral autocracy"),
    "regime.2": ("valdemokrati", "electoral democracy"),
    "regime.3": ("liberal demokrati", "liberal democracy"),
    "op.>=": ("minst", "at least"),
    "op.>": ("mer än", "more than"),
    "op.<=": ("högst", "at most"),
    "op.<": ("mindre än", "less than"),
    "basis.sentence": (
        "{country}: {value} enligt {indicator}{year}; policyn kräver {requirement}",
        "{country}: {value} according to {indicator}{year}; the policy requires {requirement}",
    ),
    "threshold.heading": ("Trösklarna i ord", "The thresholds in words"),
    "threshold.rule": (
        "{condition} bedöms med {indicator}; policyn tolkas som att partnerlandet ska ha {requirement}.",
        "{condition} is assessed with {indicator}; the policy is read as requiring {requirement}.",
    ),
    "threshold.now": (
        "Med dagens trösklar har {n:aktivitet|aktiviteter} partner i länder som inte uppfyller alla villkor; {n:!den behöver|de behöver} undantagsbeslut. Så många vore det med ett steg strängare eller mildare krav för ett villkor i taget:",
        "With today's thresholds {n:activity has|activities have} partners in countries that fail a condition; {n:!it needs|they need} an exception decision. This many would with a requirement one step stricter or looser for one condition at a time:",
    ),
    "threshold.now.one": (
        "Med dagens trösklar har {n:aktivitet|aktiviteter} partner i länder som inte uppfyller alla villkor; {n:!den behöver|de behöver} undantagsbeslut. Så många vore det med ett steg strängare eller mildare krav för ett villkor i taget:",
        "With today's thresholds {n:activity has|activities have} partners in countries that fail a condition; {n:!it needs|they need} an exception decision. This many would with a requirement one step stricter or looser for one condition at a time:",
    ),
    "threshold.now_baseline": (
        "Med dagens trösklar har {n:aktivitet|aktiviteter} partner i länder som inte uppfyller alla villkor; med policyn i kraft hade {n:!den behövt|de behövt} undantagsbeslut. Så många vore det med ett steg strängare eller mildare krav för ett villkor i taget:",
        "With today's thresholds {n:activity has|activities have} partners in countries that fail a condition; with the policy in force {n:!it would have needed|they would have needed} an exception decision. This many would with a requirement one step stricter or looser for one condition at a time:",
    ),
    "threshold.sensitivity": (
        "Om kravet i stället vore {alternatives}.",
        "If the requirement were instead {alternatives}.",
    ),
    "threshold.at": (
        "{requirement}: {n:aktivitet|aktiviteter}",
        "{requirement}: {n:activity|activities}",
    ),
    "threshold.at.one": (
        "{requirement}: {n:aktivitet|aktiviteter}",
        "{requirement}: {n:activity|activities}",
    ),
    "precondition.domestic": (
        "Svenska partner omfattas inte av bedömningen och står inte i tabellen: {n:partner|partner} i {m:aktivitet|aktiviteter}.",
        "Swedish partners are outside the assessment and not in the table: {n:partner|partners} in {m:activity|activities}.",
    ),
    "precondition.domestic.one": (
        "Svenska partner omfattas inte av bedömningen och står inte i tabellen: {n:partner|partner} i {m:aktivitet|aktiviteter}.",
        "Swedish partners are outside the assessment and not in the table: {n:partner|partners} in {m:activity|activities}.",
    ),
    "precondition.none_missing_unknown": (
        "Ingen bedömd aktivitet saknar undantagsbeslut, men {n:aktivitet|aktiviteter} kan inte bedömas eftersom data om partnerlandet saknas.",
        "No assessed activity lacks an exception decision, but {n:activity|activities} cannot be assessed because data on the partner's country is missing.",
    ),
    "precondition.none_missing_unknown.one": (
        "Ingen bedömd aktivitet saknar undantagsbeslut, men {n:aktivitet|aktiviteter} kan inte bedömas eftersom data om partnerlandet saknas.",
        "No assessed activity lacks an exception decision, but {n:activity|activities} cannot be assessed because data on the partner's country is missing.",
    ),
    "precondition.values_source": (
        "Värdena kommer från {sources}. Koder och exakta värden står i arbetsboken och under Metod och källor.",
        "The values come from {sources}. Codes and exact values are in the workbook and under Method and sources.",
    ),
    # --- [report] the verdict block (findings.py) ---------------------------------------------
    "verdict.heading": ("Sammanfattning", "Summary"),
    "verdict.findings": ("Iakttagelser efter allvarlighet", "Findings by severity"),
    "verdict.none": ("Inga iakttagelser kräver åtgärd.", "No finding needs action."),
    "severity_level.action": ("Åtgärd krävs", "Action needed"),
    "severity_level.note": ("Att notera", "To note"),
    "severity_level.info": ("För kännedom", "For information"),
    "verdict.volume": (
        "Rapporten räknar {n:aktivitet|aktiviteter} {year}: {planned:planerad|planerade}, {ongoing} pågående och {completed:avslutad|avslutade}. Inställda aktiviteter räknas inte i någon siffra i rapporten.",
        "The report counts {n:activity|activities} in {year}: {planned} planned, {ongoing} ongoing and {completed} completed. Cancelled activities are left out of every figure in the report.",
    ),
    "verdict.unknown_also": (
        "Ytterligare {n:aktivitet|aktiviteter} kan inte bedömas eftersom data om partnerlandet saknas.",
        "A further {n:activity|activities} cannot be assessed because data on the partner's country is missing.",
    ),
    "verdict.unknown_also.one": (
        "Ytterligare {n:aktivitet|aktiviteter} kan inte bedömas eftersom data om partnerlandet saknas.",
        "A further {n:activity|activities} cannot be assessed because data on the partner's country is missing.",
    ),
    "verdict.precondition_unknown": (
        "Förutsättningen kan inte bekräftas för {n} av {total:aktivitet|aktiviteter}: data om partnerlandet saknas. Ingen bedömd aktivitet saknar undantagsbeslut.",
        "The precondition cannot be confirmed for {n} of {total:activity|activities}: data on the partner's country is missing. No assessed activity lacks an exception decision.",
    ),
    "verdict.precondition_unknown.one": (
        "Förutsättningen kan inte bekräftas för {n} av {total:aktivitet|aktiviteter}: data om partnerlandet saknas. Ingen bedömd aktivitet saknar undantagsbeslut.",
        "The precondition cannot be confirmed for {n} of {total:activity|activities}: data on the partner's country is missing. No assessed activity lacks an exception decision.",
    ),
    "verdict.own_administration": (
        "Rapporten gäller bara {name}; andelarna jämförs med hela stadens i avsnittet om områdena.",
        "This report covers {name} only; its shares are compared with the whole city's in the section on the areas.",
    ),
    "verdict.activity_item": (
        "{id} {title} ({administration}; {countries})",
        "{id} {title} ({administration}; {countries})",
    ),
    "verdict.country_without_data": (
        "{country}: data saknas",
        "{country}: no data",
    ),
    "verdict.countries_without_data": (
        "Data saknas för {n:land|länder}: {countries}",
        "No data for {n:country|countries}: {countries}",
    ),
    "verdict.country_unrecognised": (
        "{country}: landet känns inte igen (rätta registret)",
        "{country}: country not recognised (correct the register)",
    ),
    "verdict.decision_item": ("{id}, gäller till {date}", "{id}, valid until {date}"),
    "finding.expiring": (
        "Inom ett år efter årets slut upphör {n:undantagsbeslut|undantagsbeslut} medan aktiviteterna som {n:!beslutet|besluten} gäller fortsätter:",
        "Within a year of the year's end, {n:exception decision ends|exception decisions end} while the activities {n:!it covers go|they cover go} on:",
    ),
    "finding.expiring.one": (
        "Inom ett år efter årets slut upphör {n:undantagsbeslut|undantagsbeslut} medan aktiviteterna som {n:!beslutet|besluten} gäller fortsätter:",
        "Within a year of the year's end, {n:exception decision ends|exception decisions end} while the activities {n:!it covers go|they cover go} on:",
    ),
    "finding.open_ended": (
        "Av årets tillämpade undantagsbeslut saknar {n} slutdatum:",
        "Of the exception decisions in use, {n:has|have} no end date:",
    ),
    "finding.open_ended.one": (
        "Av årets tillämpade undantagsbeslut saknar {n} slutdatum:",
        "Of the exception decisions in use, {n:has|have} no end date:",
    ),
    "finding.without_work": (
        "I år saknar {n:förvaltning|förvaltningar} internationellt arbete:",
        "This year {n:administration has|administrations have} no international work:",
    ),
    "finding.without_work.one": (
        "I år saknar {n:förvaltning|förvaltningar} internationellt arbete:",
        "This year {n:administration has|administrations have} no international work:",
    ),
    # --- [safe-inputs] inputs are read-only (guard.py) ---------------------------------------
    "guard.is_register": (
        "{path} är registret som läses; ange en annan fil eller mapp att skriva till",
        "{path} is the register being read; give another file or folder to write to",
    ),
    "guard.is_params": (
        "{path} är parameterfilen som läses; ange en annan fil eller mapp att skriva till",
        "{path} is the parameters file being read; give another file or folder to write to",
    ),
    "guard.inside_register": (
        "{path} ligger i registermappen {register}; ange en mapp utanför registret",
        "{path} is inside the register folder {register}; give a folder outside the register",
    ),
    "guard.folder_holds_register": (
        "{path} innehåller ett register (aktiviteter.csv eller activities.csv); "
        "ange en annan mapp att skriva till",
        "{path} holds a register (activities.csv or aktiviteter.csv); "
        "give another folder to write to",
    ),
    "guard.file_is_register": (
        "{path} är eller ligger i ett register; ange en annan fil att skriva till",
        "{path} is or lies in a register; give another file to write to",
    ),
    "guard.exists": (
        "{path} finns redan och ersätts inte; ange ett nytt filnamn, eller --force för att "
        "ersätta en tom mall",
        "{path} already exists and is not replaced; give a new file name, or --force to "
        "replace an empty template",
    ),
    "guard.not_empty_template": (
        "{path} är ingen tom registermall och ersätts inte, inte ens med --force",
        "{path} is not an empty register template and is not replaced, not even with --force",
    ),
    # --- [report] report sections, sentences, charts ------------------------------------------
    # page furniture and value formats (report_pipeline.py, display.py, formatting.py)
    "page.skip_link": ("Hoppa till innehållet", "Skip to content"),
    "page.toc": ("Innehåll", "Contents"),
    "pdf.page": ("Sida {page} av {total}", "Page {page} of {total}"),
    "index.figures": ("Nyckeltal per rapport", "Key figures per report"),
    "page.reports": ("Rapporter", "Reports"),
    "format.yes": ("Ja", "Yes"),
    "format.no": ("Nej", "No"),
    "format.sek": ("{x}\u00a0kr", "SEK\u00a0{x}"),
    "format.sek_thousands": ("{x}\u00a0tkr", "SEK\u00a0{x}\u00a0thousand"),
    "format.sek_millions": ("{x}\u00a0mnkr", "SEK\u00a0{x}\u00a0million"),
    # --- [privacy-lang] issue 22 item 3, issue 19 items 3-5 -----------------------------------
    # a whole CSV line that is not shown (it holds every field, the contact person's too)
    "summary.issue_row": ("{where}, rad {row}: {reason}", "{where}, row {row}: {reason}"),
    # log lines of validate and score (-v), in the run's language (log_label)
    "log.register_read": ("Registret är läst: {counts}", "Register read: {counts}"),
    "log.screened": ("Partner granskade: {n} ({counts})", "Partners screened: {n} ({counts})"),
    "log.indicator_values": (
        "{path}: {n} indikatorvärden ({format})",
        "{path}: {n} indicator values ({format})",
    ),
    "log.rows_left_out": (
        "{path}: {n:rad utelämnad|rader utelämnade} ({why}); se `boras-intl indicators check`",
        "{path}: {n:row|rows} left out ({why}); see `boras-intl indicators check`",
    ),
    # the template's prompts (template.py): numbers as the reader takes them, no Excel rule
    "template.required_note": ("Obligatorisk.", "Required."),
    "template.amount_hint": (
        "Belopp {range} i kronor, t.ex. 50 000, 50 tkr, 1,5 mnkr eller ca 40 000.",
        "An amount {range} in kronor, e.g. 50 000, 50 tkr, 1,5 mnkr or ca 40 000.",
    ),
    "template.count_hint": (
        "Ett heltal {range}, t.ex. 12; ungefärligt går bra: ca 12.",
        "A whole number {range}, e.g. 12; approximate is fine: ca 12.",
    ),
    "template.whole_hint": ("Ett heltal {range}.", "A whole number {range}."),
    # a list cell with some items that are not allowed: the others are kept (parsing.py)
    "warning.items_left_out": (
        "Lämnas bort: {items} (inte ett tillåtet värde); cellens övriga värden används",
        "Left out: {items} (not an allowed value); the cell's other values are used",
    ),
    # --- [report] issue 17: every number true, every sentence informative --------------------
    "funding.no_source": ("Ingen källa angiven", "No source given"),
    "funding.own_source": (
        "Egen finansiering (ingen extern källa)",
        "Own funding (not an external source)",
    ),
    "funding.table_note": (
        "Tabellen tar upp alla {n} räknade aktiviteter, var och en på raden för sin finansieringskälla. Egen finansiering är stadens egna pengar och räknas aldrig som extern finansiering.",
        "The table covers all {n} counted activities, each on the row of its funding source. Own funding is the city's own money and never counts as external funding.",
    ),
    "funding.table_note.one": (
        "Tabellen tar upp den enda räknade aktiviteten, på raden för sin finansieringskälla. Egen finansiering är stadens egna pengar och räknas aldrig som extern finansiering.",
        "The table covers the one counted activity, on the row of its funding source. Own funding is the city's own money and never counts as external funding.",
    ),
    "rounding.rule": (
        "Belopp räknas i hela kronor: varje aktivitets belopp avrundas till hel krona innan något summeras, så varje summa är summan av raderna ovanför.",
        "Amounts are counted in whole kronor: each activity's amount is rounded to the nearest krona before anything is added up, so every total is the sum of the rows above it.",
    ),
    "trend.too_few": (
        "för få aktiviteter för att jämföra ({counts})",
        "too few activities to compare ({counts})",
    ),
    "trend.rule": (
        "Ökning eller minskning betyder att andelen har ändrats med mer än {points} procentenheter sedan föregående år; en ändring på högst {points} procentenheter räknas som ingen förändring. Ingen jämförelse görs när något av åren har färre än {min} aktiviteter i den jämförda gruppen.",
        "Up or down means that the share changed by more than {points} percentage points since the previous year; a change of at most {points} points counts as no change. No comparison is made when either year has fewer than {min} activities in the compared group.",
    ),
    "policy.baseline": (
        "Året {year} är ett basår. Internationell policy antogs den {adopted}, så rapporten visar utgångsläget: samma mått som senare år, men inga åtgärder krävs enligt regler som ännu inte gällde.",
        "The year {year} is a baseline year. The international policy was adopted on {adopted}, so the report shows the starting point: the same measures as later years, but no action is required by rules not yet in force.",
    ),
    "finding.needs_exception_baseline": (
        "Under året hade {n} aktiviteter en partner i ett land som inte uppfyller förutsättningen. Policyn gällde ännu inte, så inget undantagsbeslut krävdes.",
        "During the year, {n} activities had a partner in a country that does not meet the precondition. The policy was not yet in force, so no exception decision was required.",
    ),
    "finding.needs_exception_baseline.one": (
        "En aktivitet hade en partner i ett land som inte uppfyller förutsättningen. Policyn gällde ännu inte, så inget undantagsbeslut krävdes.",
        "One activity had a partner in a country that does not meet the precondition. The policy was not yet in force, so no exception decision was required.",
    ),
    "finding.no_activities_administration": (
        "{name} har inga aktiviteter i registret för {year}. Staden som helhet har {n} räknade aktiviteter det året.",
        "{name} has no activities in the register for {year}. The city as a whole has {n} counted activities that year.",
    ),
    "precondition.nothing_to_assess": (
        "Det finns inga aktiviteter att bedöma mot förutsättningen i år.",
        "There are no activities to assess against the precondition this year.",
    ),
    "verdict.activity_item_done": (
        "{id} {title} ({administration}; {countries}) – avslutad, har redan genomförts",
        "{id} {title} ({administration}; {countries}) – completed, has already taken place",
    ),
    "verdict.decision_item_activities": (
        "{id}, gäller till {date}; aktiviteter som fortsätter: {activities}",
        "{id}, valid until {date}; continuing activities: {activities}",
    ),
    "finding.expired": (
        "Senast vid årets slut upphör {n} undantagsbeslut medan aktiviteterna de gäller fortsätter efter det. Ett nytt beslut krävs:",
        "By the end of the year, {n} exception decisions end while the activities they cover go on after it. A new decision is needed:",
    ),
    "finding.expired.one": (
        "Ett undantagsbeslut upphör senast vid årets slut medan aktiviteterna det gäller fortsätter efter det. Ett nytt beslut krävs:",
        "One exception decision ends by the end of the year while the activities it covers go on after it. A new decision is needed:",
    ),
    "trend.no_previous": (
        "Inget föregående år i registret att jämföra med",
        "No previous year in the register to compare with",
    ),
    "section.nothing_this_year": (
        "Inga räknade aktiviteter för {year}, så det finns inget att visa i det här avsnittet.",
        "No counted activities for {year}, so there is nothing to show in this section.",
    ),
    "verdict.partner_unassessed": (
        "Partner {partner} ({country}): {reason}",
        "Partner {partner} ({country}): {reason}",
    ),
    "reason.country_unrecognised": (
        "landet känns inte igen (rätta registret)",
        "the country is not recognised (correct the register)",
    ),
    "reason.no_data_for": ("data saknas för {conditions}", "no data for {conditions}"),
    "verdict.activity_without_partners": (
        "{id} {title}: inga partner angivna, så förutsättningen kan inte bedömas",
        "{id} {title}: no partners given, so the precondition cannot be assessed",
    ),
    "summary.index_explained": (
        "Samlat index är medelvärdet av de sju områdenas andelar aktiviteter med tydligt bidrag (nivå {clear} eller högre), vägda med parameterfilens vikter; områden utan aktiviteter räknas inte. Det sammanfattar, men ersätter inte, andelarna per område.",
        "The overall index is the mean of the seven areas' shares of activities with a clear contribution (level {clear} or higher), weighted with the parameters file's weights; areas without activities are left out. It summarises the per-area shares, it does not replace them.",
    ),
    "precondition.missing_baseline": (
        "Partner i länder som inte uppfyller förutsättningen (basår: inget beslut krävdes)",
        "Partners in countries that do not meet the precondition (baseline: no decision required)",
    ),
    "precondition.missing_text_baseline": (
        "I årets aktiviteter finns {n} partner i länder som inte uppfyller förutsättningen. Policyn gällde ännu inte, så inget undantagsbeslut krävdes; med policyn i kraft hade ett beslut behövts.",
        "This year's activities have {n} partners in countries that do not meet the precondition. The policy was not yet in force, so no exception decision was required; with the policy in force a decision would have been needed.",
    ),
    "precondition.missing_text_baseline.one": (
        "En partner i årets aktiviteter finns i ett land som inte uppfyller förutsättningen. Policyn gällde ännu inte, så inget undantagsbeslut krävdes; med policyn i kraft hade ett beslut behövts.",
        "One partner of this year's activities is in a country that does not meet the precondition. The policy was not yet in force, so no exception decision was required; with the policy in force a decision would have been needed.",
    ),
    "trend.first_year": (
        "Registret har inga aktiviteter före {year}, så ingen jämförelse med föregående år görs.",
        "The register has no activities before {year}, so no comparison with the previous year is made.",
    ),
    "about.rounding": ("Avrundning", "Rounding"),
    # --- the case-document frame (report/casedoc.py, issue 18) ---
    "casedoc.matter": ("Ärendet", "The matter"),
    "casedoc.policy": (
        "Kommunfullmäktige antog Internationell policy den {adopted}. Policyn gäller för alla nämnder och förvaltningar till och med {valid_until}. Kommunstyrelsen ansvarar för uppföljningen och för att revidera policyn.",
        "The City Council (Kommunfullmäktige) adopted the International Policy on {adopted}. The policy applies to all committees and administrations up to and including {valid_until}. The Municipal Executive Board (Kommunstyrelsen) is responsible for following it up and for revising it.",
    ),
    "casedoc.policy_open": (
        "Kommunfullmäktige antog Internationell policy den {adopted}. Policyn gäller för alla nämnder och förvaltningar. Kommunstyrelsen ansvarar för uppföljningen och för att revidera policyn.",
        "The City Council (Kommunfullmäktige) adopted the International Policy on {adopted}. The policy applies to all committees and administrations. The Municipal Executive Board (Kommunstyrelsen) is responsible for following it up and for revising it.",
    ),
    "casedoc.policy_undated": (
        "Rapporten följer upp Internationell policy, som gäller för alla nämnder och förvaltningar. Kommunstyrelsen ansvarar för uppföljningen och för att revidera policyn.",
        "This report follows up the International Policy, which applies to all committees and administrations. The Municipal Executive Board (Kommunstyrelsen) is responsible for following it up and for revising it.",
    ),
    "casedoc.aims": (
        "Enligt policyn ska det internationella arbetet bidra till ett konkurrenskraftigt, attraktivt Borås och till en hållbar tillväxt för kommunen, näringslivet och medborgarna. Det ska vara en naturlig del i alla verksamheter och ett verktyg för hållbar utveckling och förbättring.",
        "According to the policy, international work shall contribute to a competitive, attractive Borås and to sustainable growth for the municipality, business and the city's residents. It shall be a natural part of all operations and a tool for sustainable development and improvement.",
    ),
    "casedoc.data": (
        "Uppföljningen avser {year} och bygger på registret över internationella aktiviteter ({register}): {activities} från {administrations}.",
        "The follow-up covers {year} and rests on the register of international activities ({register}): {activities} from {administrations}.",
    ),
    "casedoc.data_example": (
        "Uppföljningen avser {year} och bygger på verktygets exempelregister ({register}): {activities} från {administrations}.",
        "The follow-up covers {year} and rests on the toolkit's example register ({register}): {activities} from {administrations}.",
    ),
    "casedoc.data_administration": (
        "Uppföljningen avser {name} {year} och bygger på registret över internationella aktiviteter ({register}): {activities}.",
        "The follow-up covers {name} in {year} and rests on the register of international activities ({register}): {activities}.",
    ),
    "casedoc.data_example_administration": (
        "Uppföljningen avser {name} {year} och bygger på verktygets exempelregister ({register}): {activities}.",
        "The follow-up covers {name} in {year} and rests on the toolkit's example register ({register}): {activities}.",
    ),
    "casedoc.register_unnamed": ("utan filnamn", "without a file name"),
    "casedoc.n_of_m": ("{n} av {of}", "{n} of {of}"),
    "casedoc.reported": (
        "Förvaltningar som har rapporterat aktiviteter: {names}.",
        "Administrations that reported activities: {names}.",
    ),
    "casedoc.not_reported": (
        "Förvaltningar utan rapporterade aktiviteter: {names}.",
        "Administrations without reported activities: {names}.",
    ),
    "casedoc.assessment": ("Bedömning", "Assessment"),
    "casedoc.assessment_intro": (
        "Bedömningen mot policyns förutsättning och dess sju områden, som rapporten beräknar den. Underlaget finns i kapitlen nedan.",
        "The assessment against the policy's precondition and its seven areas, as the report computes it. The basis is in the chapters below.",
    ),
    "casedoc.precondition_item": ("Förutsättningen: {sentence}", "The precondition: {sentence}"),
    "casedoc.area_item": (
        "{area}: {share} av aktiviteterna bidrar tydligt ({n_clear} av {of}).",
        "{area}: {share} of the activities contribute clearly ({n_clear} of {of}).",
    ),
    "casedoc.area_item_target": (
        "{area}: {share} av aktiviteterna bidrar tydligt ({n_clear} av {of}); målet: {status}.",
        "{area}: {share} of the activities contribute clearly ({n_clear} of {of}); target: {status}.",
    ),
    "casedoc.aim.profiling": (
        "Policyns syfte med profileringsarbetet är att visa vad Borås Stad står för och vilka möjligheter som finns för utbildning, etablering, tillväxt, kunskap och ett gott liv, och att utveckla besöksnäringen, som ger fler arbetstillfällen.",
        "The policy's aim for profiling is to show what the City of Borås stands for and what it offers in education, establishment, growth, knowledge and a good life, and to develop the visitor industry, which creates jobs.",
    ),
    "casedoc.aim.societal_impact": (
        "Policyns syfte med omvärldspåverkan är att stadens verksamhet bidrar till samhällsutveckling och sociala investeringar och verkar för ekologisk, social och ekonomisk hållbar utveckling.",
        "The policy's aim for societal impact is that the city's work contributes to societal development and social investment and works for ecological, social and economic sustainability.",
    ),
    "casedoc.officer_assessment": ("Förvaltningens bedömning", "The administration's assessment"),
    "casedoc.proposed_decision": ("Förslag till beslut", "Proposed decision"),
    "casedoc.basis": ("Beslutsunderlag", "Basis for the decision"),
    "casedoc.basis_report": (
        "Denna rapport: uppföljning av Internationell policy {year}",
        "This report: follow-up of the International Policy, {year}",
    ),
    "casedoc.basis_workbook": (
        "Rapportens arbetsbok (Excel) med samma tabeller",
        "The report's workbook (Excel) with the same tables",
    ),
    "casedoc.basis_register": (
        "Registret över internationella aktiviteter: {register} (SHA-256 {sha} …)",
        "The register of international activities: {register} (SHA-256 {sha} …)",
    ),
    "casedoc.basis_parameters": (
        "Parametrar för {year} (SHA-256 {sha} …), boras-intl {version}",
        "Parameters for {year} (SHA-256 {sha} …), boras-intl {version}",
    ),
    "casedoc.basis_policy": (
        "Internationell policy, antagen av Kommunfullmäktige {adopted}",
        "The International Policy, adopted by the City Council (Kommunfullmäktige) on {adopted}",
    ),
    "noun.activity": ("aktivitet|aktiviteter", "activity|activities"),
    "noun.administration": ("förvaltning|förvaltningar", "administration|administrations"),
    # --- programme names in the report's language (formatting.programme_name, issue 18) ---
    "programme.horizon_europe": ("Horisont Europa", "Horizon Europe"),
    "programme.horizon_2020": ("Horisont 2020", "Horizon 2020"),
    "programme.creative_europe": ("Kreativa Europa", "Creative Europe"),
    "programme.digital_europe": ("Ett digitalt Europa", "Digital Europe"),
    "programme.esf": ("Europeiska socialfonden", "European Social Fund"),
    "programme.erdf": (
        "Europeiska regionala utvecklingsfonden",
        "European Regional Development Fund",
    ),
    "programme.eu": ("Europeiska unionen", "European Union"),
    "programme.own_funding": ("egen finansiering", "own funding"),
    "programme.swedish_institute": ("Svenska institutet", "Swedish Institute"),
    "programme.arts_council": ("Statens kulturråd", "Swedish Arts Council"),
    # --- [reader-limits] issue 22 item 2: what one register file may cost ---------------------
    # (register/sheetscan.py, register/reading.py; settings' register_limits)
    "limit.sheet_size": (
        "Bladet {source} är över {limit} MB okomprimerat och läses inte "
        "(gränsen register_limits: sheet_mb i parameterfilen)",
        "The sheet {source} is over {limit} MB uncompressed and is not read "
        "(the limit register_limits: sheet_mb in the parameters file)",
    ),
    "limit.part_size": (
        "Arbetsbokens del {part} är {size} MB okomprimerad, över gränsen {limit} MB, "
        "och arbetsboken läses inte (register_limits: sheet_mb i parameterfilen)",
        "The workbook's part {part} is {size} MB uncompressed, over the limit of {limit} MB, "
        "and the workbook is not read (register_limits: sheet_mb in the parameters file)",
    ),
    "limit.text": (
        "{source} har en text på över {limit} kB och läses inte; en Excel-cell rymmer högst "
        "32\u00a0767 tecken (gränsen register_limits: text_kb i parameterfilen)",
        "{source} holds a text of over {limit} kB and is not read; an Excel cell holds at most "
        "32,767 characters (the limit register_limits: text_kb in the parameters file)",
    ),
    "limit.cells": (
        "Bladet {source} har rader som spänner över mer än {limit} celler och läses inte "
        "(gränsen register_limits: cells i parameterfilen)",
        "The sheet {source} has rows spanning more than {limit} cells and is not read "
        "(the limit register_limits: cells in the parameters file)",
    ),
    "limit.outside_grid": (
        "Bladet {source} har en cell utanför Excels största blad (rad 1\u00a0048\u00a0576, "
        "kolumn XFD) och läses inte",
        "The sheet {source} has a cell outside Excel's largest sheet (row 1,048,576, "
        "column XFD) and is not read",
    ),
    "limit.csv_size": (
        "{name} är {size} MB, över gränsen {limit} MB, och läses inte "
        "(register_limits: csv_mb i parameterfilen)",
        "{name} is {size} MB, over the limit of {limit} MB, and is not read "
        "(register_limits: csv_mb in the parameters file)",
    ),
    # --- [reader-limits] issue 22 item 2: indicators check lists at most 20 names -------------
    "indicators.check.more": ("… och {n} till", "… and {n} more"),
    # --- [reader-limits] issue 19 item 2: every sheet and every row accounted for ------------
    "summary.unread_heading": ("Lästes inte som rader:", "Not read as rows:"),
    "unread.sheet": (
        "{where}: inget registerblad (bara aktiviteter, partner och undantag läses)",
        "{where}: not a register sheet (only activities, partners and exceptions are read)",
    ),
    "unread.continuation": (
        "{where}: namnet säger att bladet fortsätter en tabell, men det lästes inte: {value}",
        "{where}: its name says it continues a table, but it was not read: {value}",
    ),
    "unread.note": (
        '{where}, rad {row}: "{value}" står ensam under tabellen och lästes som en '
        "anteckning, inte som en rad",
        '{where}, row {row}: "{value}" stands alone below the table and was read as a note, '
        "not as a row",
    ),
    "unread.column": (
        '{where}: kolumnen "{value}" hör inte till registrets format och lästes inte',
        '{where}: the column "{value}" is not part of the register\'s format and was not read',
    ),
    # --- [csv-files] every file of a register folder read or named, and why -----------------
    "summary.folder": ("mapp {source}", "folder {source}"),
    "unread.file_csv": (
        "{where}: varken filnamnet eller kolumnrubrikerna på första raden är en "
        "registertabells (aktiviteter, partner, undantag)",
        "{where}: neither its name nor the headers in its first line are a register "
        "table's (activities, partners, exceptions)",
    ),
    "unread.file_not_csv": (
        "{where}: ingen CSV-fil; i en mapp med CSV-filer läses bara filer som slutar på .csv",
        "{where}: not a CSV file; in a folder of CSV files only files ending in .csv are read",
    ),
    "unread.file_not_xlsx": (
        "{where}: ingen Excel-arbetsbok; i en mapp med arbetsböcker läses bara filer som "
        "slutar på .xlsx",
        "{where}: not an Excel workbook; in a folder of workbooks only files ending in .xlsx "
        "are read",
    ),
    "unread.file_lock": (
        "{where}: Excels låsfil för en öppen fil, inga registeruppgifter",
        "{where}: Excel's lock file for an open file, no register data",
    ),
    "unread.file_hidden": (
        "{where}: en dold fil (namnet börjar med en punkt), till exempel en som macOS lägger "
        "bredvid kopierade filer; inga registeruppgifter",
        "{where}: a hidden file (its name begins with a dot), such as macOS leaves beside "
        "copied files; no register data",
    ),
    "unread.file_continuation": (
        "{where}: namnet säger att filen fortsätter en tabell, men den lästes inte: {value}",
        "{where}: its name says it continues a table, but it was not read: {value}",
    ),
    "unread.file_continuation_headers": (
        "{where}: kolumnrubrikerna säger att filen fortsätter en tabell, men den lästes inte: "
        "{value}",
        "{where}: its headers say it continues a table, but it was not read: {value}",
    ),
    "unread.file_no_table": (
        "{where}: fortsätter tabellen {value}, men mappen har ingen fil {value}.csv att "
        "fortsätta; byt namn på filen till {value}.csv",
        "{where}: continues the table {value}, but the folder has no file {value}.csv to "
        "continue; rename the file {value}.csv",
    ),
    "unread.folder": (
        "{where}: mappar i registrets mapp läses inte",
        "{where}: folders inside the register's folder are not read",
    ),
    "summary.empty_register": (
        "Registret har inga aktiviteter: det finns inget att bedöma.",
        "The register holds no activities: there is nothing to assess.",
    ),
    # --- [reader-limits] issue 22 item 7: a report refuses a year it cannot show in minutes --
    "limit.report_activities": (
        "år {year} har {n} aktiviteter, fler än en rapport hinner visa inom några minuter "
        "(gränsen register_limits: report_activities = {limit} i parameterfilen); "
        "boras-intl score räknar ut resultatet för hela registret",
        "the year {year} has {n} activities, more than a report can show within a few minutes "
        "(the limit register_limits: report_activities = {limit} in the parameters file); "
        "boras-intl score computes the results for the whole register",
    ),
    # --- the analysts' what-if: the change in words, counts, chart (scenarios.py) -----------
    "whatif.change.rule": (
        "{condition}: kravet {new} i stället för {old}",
        "{condition}: the requirement {new} instead of {old}",
    ),
    "whatif.change.clear_level": (
        "Tydligt bidrag från nivå {new} i stället för nivå {old}",
        "A clear contribution from level {new} instead of level {old}",
    ),
    "whatif.change.other": (
        "Inställningen {setting} ändrad till {new}",
        "Setting {setting} changed to {new}",
    ),
    "whatif.count.what": ("Vad", "What"),
    "whatif.count.n": ("Antal", "Number"),
    "whatif.count.activities": ("Räknade aktiviteter", "Activities counted"),
    "whatif.count.levels_changed": (
        "Aktiviteter med ändrad nivå",
        "Activities whose level changes",
    ),
    "whatif.count.preconditions_changed": (
        "Aktiviteter med ändrad bedömning av förutsättningen",
        "Activities whose precondition changes",
    ),
    "whatif.count.partners_changed": (
        "Partner med ändrad bedömning",
        "Partners whose verdict changes",
    ),
    "whatif.axis_verdicts": (
        "Räknade aktiviteter per bedömning av förutsättningen",
        "Activities counted per precondition verdict",
    ),
    "whatif.alt_verdicts": (
        "Aktiviteter per bedömning av förutsättningen: {verdicts}.",
        "Activities per precondition verdict: {verdicts}.",
    ),
    "whatif.alt_verdict": (
        "{verdict} {before} före, {after} efter",
        "{verdict} {before} before, {after} after",
    ),
    "whatif.alt_change": ("Ändringen: {change}.", "The change: {change}."),
    # --- the exploration notebook (notebooks/explore.ipynb) ----------------------------------
    "explore.register": (
        "Register {name} (exempeldata: {example})",
        "Register {name} (example data: {example})",
    ),
    "explore.yes": ("ja", "yes"),
    "explore.no": ("nej", "no"),
    "explore.accepted": (
        "Godkända: {activities} aktivitetsrader, {partners} partner, {exceptions} undantagsbeslut",
        "Accepted: {activities} activity rows, {partners} partners, {exceptions} exception decisions",
    ),
    "explore.rejected": ("Avvisade aktivitetsrader: {n}", "Rejected activity rows: {n}"),
    "explore.activities": (
        "Aktiviteter {year}: {n}, varav {active} inte inställda",
        "Activities in {year}: {n}, of which {active} not cancelled",
    ),
    "explore.administration": (
        "{administration}, aktiviteter {year}: {n}",
        "{administration}, activities in {year}: {n}",
    ),
    "explore.area_clear": (
        "{area}: tydligt bidrag från {n} av {total} aktiviteter",
        "{area}: a clear contribution from {n} of {total} activities",
    ),
    "explore.refused": (
        "Avvisas: {setting} kan inte vara {value} i en parameterfil",
        "Refused: {setting} cannot be {value} in a parameters file",
    ),
    "explore.change": ("Ändringen: {change}", "The change: {change}"),
    "explore.partners_changed": (
        "Partner med ändrad bedömning: {n}",
        "Partners whose verdict changes: {n}",
    ),
    # --- [indicators] the bundled data's credit in the report's language (plugin-registry) ---
    "indicators.attribution.bundled": (
        "V-Dem Institute, V-Dem Dataset v16 (2026), bearbetat av Our World in Data;"
        " regime_row_owid är Our World in Datas kodning av Regimes of the World, byggd på"
        " V-Dem v16. CC BY 4.0",
        "V-Dem Institute, V-Dem Dataset v16 (2026), processed by Our World in Data;"
        " regime_row_owid is OWID's Regimes of the World coding based on V-Dem v16. CC BY 4.0",
    ),
    # --- [error-words] the command line's error lines: parameters files, the system --------
    "cli.error": ("fel", "error"),
    "params.or_list": ("{items} eller {last}", "{items} or {last}"),
    "params.and_list": ("{items} och {last}", "{items} and {last}"),
    "params.at.value": ("värdet", "the value"),
    "params.at.key": ("nyckeln '{name}'", "the key '{name}'"),
    "params.at.key_in_item": (
        "nyckeln '{name}' i post {n} av '{list}'",
        "the key '{name}' in item {n} of '{list}'",
    ),
    "params.at.item": ("post {n} av '{list}'", "item {n} of '{list}'"),
    "params.bare.key": ("'{name}'", "'{name}'"),
    "params.bare.key_in_item": (
        "'{name}' i post {n} av '{list}'",
        "'{name}' in item {n} of '{list}'",
    ),
    "params.at_problem": ("{where}: {problem}", "{where}: {problem}"),
    "params.unknown_key": ("okänd nyckel {where}", "unknown key {where}"),
    "params.unknown_key_choices": (
        "okänd nyckel {where}; välj en av {choices}",
        "unknown key {where}; choose one of {choices}",
    ),
    "params.missing": ("{where} saknas och måste anges", "{where} is missing and is required"),
    "params.choice": (
        "{where} ska vara {choices}, inte {value}",
        "{where} must be {choices}, not {value}",
    ),
    "params.at_least": (
        "{where} ska vara minst {limit}, inte {value}",
        "{where} must be at least {limit}, not {value}",
    ),
    "params.more_than": (
        "{where} ska vara större än {limit}, inte {value}",
        "{where} must be more than {limit}, not {value}",
    ),
    "params.at_most": (
        "{where} får vara högst {limit}, inte {value}",
        "{where} must be at most {limit}, not {value}",
    ),
    "params.less_than": (
        "{where} ska vara mindre än {limit}, inte {value}",
        "{where} must be less than {limit}, not {value}",
    ),
    "params.type": (
        "{where} ska vara {expected}, inte {value}",
        "{where} must be {expected}, not {value}",
    ),
    "params.type_empty": ("{where} är tom; ange {expected}", "{where} is empty; give {expected}"),
    "params.expect.int": ("ett heltal", "a whole number"),
    "params.expect.number": (
        "ett tal (med punkt som decimaltecken, t.ex. 0.5)",
        "a number (e.g. 0.5)",
    ),
    "params.expect.text": ("text", "text"),
    "params.expect.bool": ("true eller false", "true or false"),
    "params.expect.list": ("en lista (rader som börjar med -)", "a list (lines starting with -)"),
    "params.expect.keys": (
        "en grupp nycklar (på egna, indragna rader)",
        "a group of keys (on indented lines of their own)",
    ),
    "params.expect.date": ("ett datum (ÅÅÅÅ-MM-DD)", "a date (YYYY-MM-DD)"),
    "params.expect.path": ("en sökväg till en fil", "a path to a file"),
    "params.too_few": (
        "{where} ska ha minst {n:post|poster} (har {actual})",
        "{where} must have at least {n:item|items} (has {actual})",
    ),
    "params.too_many": (
        "{where} får ha högst {n:post|poster} (har {actual})",
        "{where} may have at most {n:item|items} (has {actual})",
    ),
    "params.empty_text": ("{where} får inte vara tom", "{where} must not be empty"),
    "params.country": (
        "{where} ska vara en landskod på tre bokstäver enligt ISO 3166 (t.ex. SWE, FIN), "
        "inte {value}",
        "{where} must be a three-letter ISO 3166 country code (e.g. SWE, FIN), not {value}",
    ),
    "params.bad_value": (
        "{where} kan inte ha värdet {value}",
        "{where} cannot have the value {value}",
    ),
    "params.control_character": (
        "{where} innehåller ett osynligt styrtecken (U+{code}) på plats {position}; ta bort det",
        "{where} contains an invisible control character (U+{code}) at position {position}; "
        "remove it",
    ),
    "params.missing_conditions": (
        "{where} saknar {n:!villkoret|villkoren} {names}",
        "{where} lacks the {n:!condition|conditions} {names}",
    ),
    "params.increasing": (
        "{where} ska vara tre tal i stigande ordning mellan 1 och 6, inte {value}",
        "{where} must be three increasing numbers between 1 and 6, not {value}",
    ),
    "params.activity_types": (
        "{where} har {n:!en okänd aktivitetstyp|okända aktivitetstyper}: {types}",
        "{where} has {n:!an unknown activity type|unknown activity types}: {types}",
    ),
    "params.blank_entry": (
        "{where} har en tom post; ta bort den",
        "{where} has an empty entry; remove it",
    ),
    "params.listed_twice": (
        "{where} nämner {n:!förvaltningen|förvaltningarna} {names} två gånger",
        "{where} lists the {n:!administration|administrations} {names} twice",
    ),
    "params.time_zone": (
        "{where} är ingen känd tidszon: {value} (ange ett IANA-namn som Europe/Stockholm)",
        "{where} is not a known time zone: {value} (give an IANA name such as Europe/Stockholm)",
    ),
    "params.not_found": ("filen finns inte", "the file does not exist"),
    "params.is_folder": (
        "det är en mapp, inte en parameterfil",
        "it is a folder, not a parameters file",
    ),
    "params.cannot_read": (
        "filen går inte att läsa: {reason}",
        "the file cannot be read: {reason}",
    ),
    "params.not_utf8": (
        "filen är inte UTF-8-text (rad {line}; sparad som Windows-1252?); spara den som UTF-8",
        "the file is not UTF-8 text (line {line}; saved as Windows-1252?); save it as UTF-8",
    ),
    "params.duplicate_key": (
        "{where} står två gånger (rad {first} och {second}); behåll en av dem",
        "{where} is given twice (lines {first} and {second}); keep one of them",
    ),
    "params.yaml": (
        "filen är inte giltig YAML på rad {line}, kolumn {column}: {hint}",
        "the file is not valid YAML at line {line}, column {column}: {hint}",
    ),
    "params.yaml_nowhere": (
        "filen är inte giltig YAML: {hint}",
        "the file is not valid YAML: {hint}",
    ),
    "params.yaml.colon": (
        "ett kolon står där inget får stå (saknas ett mellanslag efter ett kolon, eller är "
        "indraget fel?)",
        "a colon where none may stand (a missing space after a colon, or wrong indentation?)",
    ),
    "params.yaml.no_colon": ("ett kolon saknas efter en nyckel", "a colon is missing after a key"),
    "params.yaml.tab": (
        "ett tabbtecken; dra in raderna med mellanslag",
        "a tab character; indent the lines with spaces",
    ),
    "params.yaml.indent": (
        "indraget stämmer inte med raderna ovanför",
        "the indentation does not match the lines above",
    ),
    "params.yaml.unclosed": (
        "ett citattecken eller en parentes stängs aldrig",
        "a quotation mark or bracket is never closed",
    ),
    "params.yaml.alias": (
        "en hänvisning (*namn) till ett ankare (&namn) som inte finns",
        "a reference (*name) to an anchor (&name) that does not exist",
    ),
    "params.yaml.other": (
        "kontrollera indrag, kolon och citattecken där",
        "check the indentation, colons and quotation marks there",
    ),
    "params.not_mapping": (
        "filen ska ha nycklar som 'year:' och 'administrations:' på översta nivån",
        "the file should hold keys such as 'year:' and 'administrations:' at the top level",
    ),
    "params.empty_section": (
        "{where} är tom: ange dess nycklar eller ta bort raden",
        "{where} is empty: give its keys or remove the line",
    ),
    "params.none_found": (
        "det finns ingen parameterfil; ange en med --params FIL",
        "there is no parameters file; give one with --params FILE",
    ),
    "params.wrong_year": (
        "filen gäller {year}, men rapporten gäller {years}; ange det årets parameterfil eller "
        "utelämna --params",
        "the file is for {year} but the report is for {years}; give that year's parameters "
        "file or leave --params out",
    ),
    "os.ENOENT": ("filen eller mappen finns inte", "no such file or folder"),
    "os.EACCES": ("åtkomst nekas", "permission denied"),
    "os.EPERM": ("åtgärden är inte tillåten", "operation not permitted"),
    "os.EISDIR": ("det är en mapp", "it is a folder"),
    "os.ENOTDIR": ("en del av sökvägen är inte en mapp", "part of the path is not a folder"),
    "os.ENOSPC": ("disken är full", "the disk is full"),
    "os.EROFS": ("filsystemet är skrivskyddat", "the file system is read-only"),
    "os.EEXIST": ("finns redan", "already exists"),
    "os.other": ("systemfel {code}", "system error {code}"),
    "os.no_code": ("oväntat fel ({detail})", "unexpected error ({detail})"),
    "detail.unclosed_quote": (
        "ett citattecken som öppnas på rad {row} stängs aldrig",
        "a quotation mark opened on row {row} never closes",
    ),
    "detail.fields": (
        "rad {line} har {found} fält men rubrikraden {expected}",
        "line {line} has {found} fields but the header {expected}",
    ),
    "detail.not_zip": (
        "filen är ingen giltig .xlsx-arbetsbok",
        "the file is not a valid .xlsx workbook",
    ),
    "detail.no_columns": ("filen har inga kolumner", "the file has no columns"),
    "detail.encoding": ("texten är inte UTF-8", "the text is not UTF-8"),
    "detail.quotes": ("citattecknen går inte ihop", "its quotation marks do not pair up"),
    "detail.named": ("{name}: {reason}", "{name}: {reason}"),
    "write.cannot": ("går inte att skriva: {reason}", "cannot be written: {reason}"),
    "write.cannot_folder": (
        "går inte att skriva i mappen: {reason}",
        "cannot write into the folder: {reason}",
    ),
    "write.not_xlsx": (
        "{what} är en Excel-arbetsbok; ge filen ändelsen .xlsx",
        "{what} is an Excel workbook; name it *.xlsx",
    ),
    "write.not_folder": (
        "finns redan och är ingen mapp; ange en ny eller befintlig mapp",
        "exists and is not a folder; give a new or existing folder",
    ),
    "write.no_parameters": (
        "paketet har ingen parameterfil att utgå från; installera om boras-intl",
        "the package ships no parameters file to start from; reinstall boras-intl",
    ),
    "write.what.fix_list": ("rättelselistan", "the correction list"),
    "write.what.template": ("mallen", "the template"),
    "cli.args.line": (
        "{prog}: fel: {message} (se {prog} --help)",
        "{prog}: error: {message} (see {prog} --help)",
    ),
    "cli.args.required": (
        "de här argumenten måste anges: {names}",
        "the following arguments are required: {names}",
    ),
    "cli.args.one_of": (
        "ett av argumenten {names} måste anges",
        "one of the arguments {names} is required",
    ),
    "cli.args.unrecognized": ("okända argument: {names}", "unrecognized arguments: {names}"),
    "cli.args.choice": (
        "argumentet {arg}: {value} finns inte att välja (välj ett av {choices})",
        "argument {arg}: invalid choice: {value} (choose from {choices})",
    ),
    "cli.args.expected_one": (
        "argumentet {arg} behöver ett värde",
        "argument {arg}: expected one argument",
    ),
    "cli.args.not_with": (
        "argumentet {arg} kan inte ges tillsammans med {other}",
        "argument {arg}: not allowed with argument {other}",
    ),
    "cli.args.not_whole_arg": (
        "argumentet {arg}: inte ett heltal: {value}",
        "argument {arg}: not a whole number: {value}",
    ),
    "cli.args.argument": ("argumentet {arg}: {detail}", "argument {arg}: {detail}"),
    "cli.args.not_years": (
        "inte ett år eller en följd av år: {value}",
        "not a year or range of years: {value}",
    ),
    "cli.args.not_whole": ("inte ett heltal: {value}", "not a whole number: {value}"),
    "cli.args.at_least_one": (
        "ska vara 1 eller mer, inte {value}",
        "must be 1 or more, not {value}",
    ),
    # --- [run] what `report` says while it runs, when a report fails and when it is stopped
    "cli.interrupted": ("avbruten", "interrupted"),
    "run.progress": (
        "rapport {done} av {total} skriven: {path} ({seconds} s)",
        "report {done}/{total} written: {path} ({seconds} s)",
    ),
    "run.bar": ("rapporter", "reports"),
    "run.bar_unit": ("rapport", "report"),
    "run.bar_failed": ("misslyckades: {name}", "failed: {name}"),
    "run.report_failed": ("rapporten {name}: {error}", "report {name}: {error}"),
    "run.waiting": (
        "väntar på att en annan körning av boras-intl som skriver till {out} ska bli klar",
        "waiting for another boras-intl run writing to {out} to finish",
    ),
    "run.stopped": ("stoppad av {signal}: {parts}", "stopped by {signal}: {parts}"),
    "run.stopped_written": (
        "{written} av {total:rapport skriven|rapporter skrivna}",
        "{written} of {total:report|reports} written",
    ),
    "run.stopped_failed": ("misslyckades: {names}", "failed: {names}"),
    "run.stopped_missing": ("inte skrivna: {names}", "not written: {names}"),
    "run.no_activity": (
        "registret har ingen aktivitet {year}: {kept}",
        "the register has no activity in {year}: {kept}",
    ),
    "run.earlier_kept": ("den tidigare rapporten finns kvar", "the earlier report is kept"),
    "run.nothing_written": ("inget skrevs", "nothing was written"),
    "run.err.out_folder": (
        "kan inte använda utdatamappen {folder}: {reason}",
        "cannot use the output folder {folder}: {reason}",
    ),
    "run.err.create_folder": (
        "kan inte skapa utdatamappen {folder}: {reason}",
        "cannot create the output folder {folder}: {reason}",
    ),
    "run.err.write_folder": (
        "kan inte skriva i utdatamappen {folder}: {reason}",
        "cannot write to the output folder {folder}: {reason}",
    ),
    "run.err.is_folder": (
        "kan inte skriva {path}: det är en mapp",
        "cannot write {path}: it is a folder",
    ),
    "run.err.write": ("kan inte skriva {path}: {reason}", "cannot write {path}: {reason}"),
    "run.err.no_notebook": (
        "rapportens notebook finns inte: {path}",
        "report notebook not found: {path}",
    ),
    "run.err.no_output": (
        "rapportens notebook skrev inte sin utdata '{key}'",
        "the report notebook did not write its output '{key}'",
    ),
    # after "rapporten 2026 sv: " (run.report_failed): the report is already named
    "run.err.cancelled": ("avbröts", "cancelled"),
    "run.err.failed": ("misslyckades: {what}{kept}", "failed: {what}{kept}"),
    "run.err.failed_at": (
        "misslyckades {where}: {what}{kept}",
        "failed {where}: {what}{kept}",
    ),
    "run.err.kept": (
        " (den körda notebooken sparas som {path})",
        " (the executed notebook is kept as {path})",
    ),
    "run.where.section": ("i avsnittet '{section}' ({cell})", "in section '{section}' ({cell})"),
    "run.where.step": ("i steget '{step}' ({cell})", "in step '{step}' ({cell})"),
    "run.where.cell": ("i {cell}", "in {cell}"),
    "run.cell.count": ("cell In [{n}]", "cell In [{n}]"),
    "run.cell.index": ("cell {n}", "cell {n}"),
    "run.what.timeout": (
        "en cell körde längre än tidsgränsen på {timeout} s",
        "a cell ran longer than the time limit of {timeout} s",
    ),
    "run.what.dead_kernel": (
        "notebookens kernel stannade oväntat (slut på minne?)",
        "the notebook's kernel stopped unexpectedly (out of memory?)",
    ),
    "run.what.no_kernel": (
        "det finns ingen Jupyter-kernel som heter {name}",
        "no Jupyter kernel named {name}",
    ),
    "run.pdf.no_chromium": (
        "kan inte skriva PDF:en: Chromium finns inte på {path} (installera det med "
        "`apt-get install chromium` eller ange {env})",
        "cannot write the PDF: Chromium was not found at {path} (install it with "
        "`apt-get install chromium`, or set {env})",
    ),
    "run.pdf.no_package": (
        "kan inte skriva PDF:en: Python-paketet {package} saknas (installera det med "
        "`pip install 'boras-intl[pdf]'`{never})",
        "cannot write the PDF: the Python package {package} is missing (install it with "
        "`pip install 'boras-intl[pdf]'`{never})",
    ),
    "run.pdf.never_install": (
        "; aldrig `playwright install`",
        "; never `playwright install`",
    ),
    "run.pdf.chromium_failed": (
        "kan inte skriva PDF:en: Chromium misslyckades: {detail}",
        "cannot write the PDF: Chromium failed: {detail}",
    ),
}


def label(key: str, lang: Lang = "sv", **values: object) -> str:
    """The words for ``key`` in ``lang``, with ``{placeholders}`` filled from ``values``.

    When ``n == 1`` and a singular form ``<key>.one`` exists, that form is used
    ("1 aktivitet saknar …" rather than "1 aktiviteter saknar …").
    """
    if values.get("n") == 1 and f"{key}.one" in LABELS:
        key = f"{key}.one"
    sv, en = LABELS[key]
    text = sv if lang == "sv" else en
    if not values:
        return text
    if "|" in text or ":lower}" in text:
        return _CountFormatter(lang).format(text, **values)
    return text.format(**values)


class _CountFormatter(string.Formatter):
    """``str.format`` that also writes counted things and names mid-sentence:

    - ``{n:aktivitet|aktiviteter}`` → ``1 aktivitet`` / ``21 aktiviteter`` by CLDR's plural
      rules (``formatting.count_phrase``), so every label phrases a count the same way and
      agrees in number; ``{n:!den|de}`` gives only the agreeing word (no number);
    - ``{area:lower}`` → the value with a small first letter (of each item of a list joined
      by ", "): a label such as an area name used inside a sentence.
    """

    def __init__(self, lang: Lang) -> None:
        self.lang = lang

    def format_field(self, value: object, format_spec: str) -> str:
        if "|" in format_spec:
            from .formatting import count_phrase, plural_category

            n = int(value)  # type: ignore[call-overload]
            if format_spec.startswith("!"):
                one, _, other = format_spec[1:].partition("|")
                return one if plural_category(n, self.lang) == "one" else other
            return count_phrase(n, format_spec, self.lang)
        if format_spec == "lower":
            return ", ".join(item[:1].lower() + item[1:] for item in str(value).split(", "))
        return super().format_field(value, format_spec)


def labels_for(prefix: str, lang: Lang = "sv") -> dict[str, str]:
    """All labels under ``prefix`` (e.g. ``"area."``), keyed by what follows the prefix."""
    idx = 0 if lang == "sv" else 1
    return {k[len(prefix) :]: v[idx] for k, v in LABELS.items() if k.startswith(prefix)}


def report_title(lang: Lang, city: str, year: int, administration: str | None = None) -> str:
    """The report's title: the city's, or one administration's. No invisible bidi controls
    (U+2068/U+2069): they travel into the PDF's header, the browser tab and copied text
    (issue 18); the HTML isolates register text with markup where it is rendered."""
    if administration:
        return label("report.title_administration", lang, scope=administration, year=year)
    return label("report.title", lang, scope=city, year=year)


# The language of the log lines of a run (``-v``): the command sets it (its ``--lang``, else
# the register's); code that logs for people words its line with :func:`log_label`.
_LOG_LANGUAGE: ContextVar[Lang | None] = ContextVar("log_language", default=None)


def set_log_language(lang: Lang | None) -> None:
    """Log lines from now on in ``lang`` (None: each line's own default, else Swedish)."""
    _LOG_LANGUAGE.set(lang)


def log_language(default: Lang = "sv") -> Lang:
    """The run's log language (``default`` where the run has set none)."""
    return _LOG_LANGUAGE.get() or default


def log_label(key: str, default: Lang = "sv", **values: object) -> str:
    """:func:`label` in the run's log language (``default`` where the run has set none)."""
    return label(key, log_language(default), **values)
