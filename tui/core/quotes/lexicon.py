"""Word lists for quote attribution: speech cues, titles, roles, organisations, places, names.

Data only, so that the rules in :mod:`tui.core.quotes.speakers` and :mod:`tui.core.quotes.attribution`
stay short. All lower case, except :data:`ABBREVIATIONS`, which match as written.
"""

from __future__ import annotations

_SAY = {"say": "says said saying", "tell": "tells told telling", "write": "writes wrote writing"}

_REGULAR = (
    "add state urge claim vow explain note declare announce insist argue warn ask reply respond "
    "answer acknowledge admit concede conclude describe call label term dub brand suggest accuse "
    "criticize criticise praise commend slam blast complain recall remark observe emphasize "
    "emphasise stress assert allege maintain contend confirm deny predict promise pledge threaten "
    "voice echo quip joke scoff shout exclaim repeat reiterate testify report demand plead lament "
    "boast tout caution counter retort agree decry condemn denounce characterize characterise hail "
    "laud affirm tweet post mock chide scold lash blame charge muse recount signal underscore "
    "highlight continue implore proclaim whisper yell mutter concur speculate express deem cite "
    "bark fume beam boom snap gush crack rage wonder marvel sigh groan grumble thunder "
    "bellow rail scream cry interject interrupt opine posit reveal summarize summarise "
    "acknowledge gripe vent insist shrug caution assure reassure brag"
).split()


def _inflect(base: str) -> set[str]:
    """Regular verb forms, generously: a wrong extra form costs nothing here."""
    stem = base[:-1] if base.endswith("e") else base
    ies = base[:-1] + "ie" if base.endswith("y") and base[-2] not in "aeiou" else base
    forms = {base, ies + "s", ies + "d" if ies != base else stem + "ed", stem + "ing"}
    forms |= {base + "es", base + base[-1] + "ed", base + base[-1] + "ing"}
    return forms


CUE_VERBS = frozenset(
    {w for base in _REGULAR for w in _inflect(base)}
    | {w for base, forms in _SAY.items() for w in (base, *forms.split())}
    | {"pressed", "remembered", "emailed", "emails"}
)
"""Lower-case verb forms that introduce or close a quote."""

CUE_NOUNS = frozenset(
    "statement statements remarks remark comment comments response reply answer words tweet "
    "post message retort".split()
)
"""Nouns that introduce a quote after a possessive (``His response: "..."``)."""

DOCUMENTS = frozenset(
    "letter statement memo memorandum report email e-mail complaint indictment lawsuit filing "
    "ruling opinion order release resolution document affidavit motion brief".split()
)
"""Texts that "say" what they hold ("says the letter"): a source that is no person."""

PREPOSITIONS = frozenset(
    "of for to by with from on about against at in into toward towards over under than like "
    "including after before between during among within without upon onto behind".split()
)
"""Words after which a name is an object, never the speaker (``said of Trump``)."""

OBJECT_MARKERS = frozenset("that whether if whom".split()) | CUE_VERBS
"""Words after which a name is the object of a cue or a clause, not its subject."""

ORG_WORDS = frozenset(
    "ministry committee council kremlin police department agency office army forces force "
    "news times post journal party government court university institute commission service "
    "services center centre house senate congress parliament administration association "
    "union bureau command staff guard navy corps embassy campaign network press reuters "
    "bank company corporation inc group foundation organization organisation fbi cia nato "
    "pentagon hospital school college board authority authorities cabinet duma federation "
    "command media tribune herald gazette weekly daily globe courier chronicle examiner "
    "observer inquirer magazine radio television channel newspaper cnn msnbc nbc abc cbs npr "
    "bbc politico".split()
)
"""Words that make a capitalised span an organisation (``Kursk Regional Council``)."""

PLACE_ENDINGS = frozenset("island islands county beach".split())
"""A "First Last" name ending in one of these is a place (Parris Island, Palm Beach),
never a person's surname (unlike Park, Lake or Hills)."""
STREET_ENDINGS = frozenset("street avenue road boulevard".split())
"""A name ending in one of these is a street where the text places something on it ("on
Independence Street", "at 24 Independent Street", "the Independent Street apartment");
elsewhere it may be a person (Mayor John Street, Huston Street)."""
GEOGRAPHY = PLACE_ENDINGS | frozenset(
    "gulf sea ocean river strait peninsula coast valley desert canal mountains".split()
)
"""Last words of a place's name, never a surname (the Persian Gulf, the Red Sea)."""

PLACES = frozenset(
    "russia ukraine kyiv kiev moscow kursk belgorod america washington china iran israel gaza "
    "europe britain england france germany poland belarus syria iraq afghanistan libya mexico "
    "canada japan korea india pakistan turkey texas ohio florida california york jersey utah "
    "virginia maine delaware iowa illinois georgia alabama arizona nevada missouri kentucky "
    "louisiana pennsylvania michigan wisconsin minnesota colorado oregon carolina tennessee "
    "massachusetts maryland connecticut hawaii alaska kenya ferguson orlando donbass donetsk "
    "sudzha crimea odesa kharkiv lviv states kingdom union africa asia hampshire vermont "
    "dakota montana idaho wyoming nebraska kansas oklahoma arkansas mississippi indiana "
    "tennessee rhode carolina philadelphia chicago boston atlanta miami cleveland detroit "
    "houston dallas phoenix baltimore milwaukee pittsburgh denver seattle brooklyn manhattan "
    "iraq scotland ireland wales australia".split()
)
"""Places that make a span a place, or open a title before a name (``Kyiv Mayor``)."""

COUNTRIES = frozenset(
    "america russia ukraine china iran israel europe britain france germany poland belarus "
    "syria iraq afghanistan libya mexico canada japan korea india pakistan kenya australia "
    "africa asia".split()
)
"""Countries and continents among :data:`PLACES` that no one bears as a surname: a name
that ends in one is a body or a slogan ("Secure America", "Team Europe"), not a person."""

COUNTRY_CODES = frozenset("us usa u.s u.s.a uk u.k".split())
"""Upper-case country names (``US``), places rather than organisations."""

ROLE_NOUNS = tuple(
    (
        "senator president congressman congresswoman lawmaker minister spokesman spokeswoman "
        "spokesperson official leader mayor governor secretary ambassador commander adviser aide "
        "general candidate nominee chairman chairwoman speaker representative whip diplomat "
        "chancellor premier ruler judge justice officer analyst lawyer attorney counsel director "
        "professor head prosecutor expert legislator manager strategist consultant pollster "
        "operative pastor founder host anchor moderator correspondent editor columnist "
        "historian economist scientist researcher executive rep publicist"
    ).split()
)
"""Heads of role phrases (``the Republican senator``); their order is the regex's."""

ROLE_ALIASES: dict[str, frozenset[str]] = {
    "senator": frozenset({"sen", "senator"}),
    "representative": frozenset({"rep", "representative", "congressman", "congresswoman"}),
    "congressman": frozenset({"rep", "representative", "congressman"}),
    "congresswoman": frozenset({"rep", "representative", "congresswoman"}),
    "governor": frozenset({"gov", "governor"}),
    "general": frozenset({"general", "gen"}),
}
"""Titles a role phrase matches in a name (``the senator`` is ``Sen. Paul``)."""

PERSON_TITLES = frozenset(
    "president mr mrs ms dr sen senator rep representative gov governor mayor ambassador "
    "secretary minister speaker leader whip commander chief capt captain rev reverend judge "
    "justice general gen attorney chairman chairwoman lt col sgt adm pope prince king queen "
    "chancellor premier spokesman spokeswoman prosecutor del delegate".split()
)
"""Titles that make a span a person; ``mr``/``mrs``/``ms`` also tell the gender."""

NAME_PREFIXES = PERSON_TITLES | frozenset(
    "former vice deputy house senate majority minority republican democratic gop us u.s. "
    "first lady foreign defense defence state federal acting interim the late "
    "commander-in-chief assistant associate security diplomatic intelligence national homeland "
    "affairs special agent inspector then-deputy host anchor correspondent reporter columnist "
    "publisher founder ceo activist author analyst economist commentator publicist professor "
    "lawyer attorney spokesman spokeswoman aide adviser advisor strategist pollster".split()
)
"""Words that stand before a name without being part of it (``Former Deputy``)."""

WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
"""Never the end of a name (``Chairman Michael Steele Sunday to explain``)."""
DAYS = WEEKDAYS | frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec god".split()
)
"""Capitalised dates (and ``God``) that are never speakers."""

GEO_WORDS = frozenset(
    "valley river county city street avenue hill island mountain lake park square bridge beach "
    "bay station airport road highway turnpike freeway region oblast province district "
    "village town".split()
)
"""Words that make a span a place (``Florissant Valley``, ``Kursk Oblast``)."""

OPENING_WORDS = frozenset(
    "a an the this that these those he she it they we i you his her its their our but and or so "
    "yet in on at for from after before when while if as since there here what who why how where "
    "some many most all both each no not meanwhile however still also then now today yesterday "
    "last according despite although though even just one two three asked updated earlier later "
    "likewise another fellow rather than with without by like during under over through until "
    "unlike among once of to at into about against upon plus whether".split()
)
"""Capitalised only because they open a sentence; cut from the front of name spans."""

FEMALE_NAMES = frozenset(
    "mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty "
    "margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa deborah "
    "stephanie rebecca sharon laura cynthia kathleen amy angela shirley anna brenda pamela emma "
    "nicole helen samantha katherine christine debra rachel carolyn janet catherine maria heather "
    "diane ruth julie olivia joyce virginia victoria kelly lauren christina joan evelyn judith "
    "megan andrea cheryl hannah jacqueline martha gloria teresa ann sara madison frances kathryn "
    "janice jean abigail alice judy sophia grace denise amber doris marilyn danielle beverly "
    "isabella theresa diana natalie brittany charlotte marie kayla alexis lori hillary meredith "
    "kristen kirsten dana charlene yvette dominique angela condoleezza kamala elena sonia "
    "michele nikki kellyanne sarah huckabee sheila maxine rashida ilhan alexandria ayanna "
    "liz lindsey chelsea melania ivanka tulsi elise marsha debbie tammy kirstjen loretta "
    "valerie samantha nadia olena yulia iryna oksana natalia svetlana tatiana olga galina "
    "maria zakharova ursula angela theresa bridget".split()
)
"""First names taken as female, so that ``he`` is not ``Meredith Vieira``."""

MALE_NAMES = frozenset(
    "james john robert michael william david richard joseph thomas charles christopher daniel "
    "matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy "
    "ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin "
    "scott brandon benjamin samuel gregory frank alexander raymond patrick jack dennis jerry "
    "tyler aaron jose adam henry nathan douglas zachary peter kyle walter ethan jeremy harold "
    "keith christian roger noah gerald carl terry sean austin arthur lawrence jesse dylan bryan "
    "joe jordan billy bruce albert willie gabriel logan alan juan wayne roy ralph randy eugene "
    "vincent russell elijah louis bobby philip johnny barack mitch chuck bernie mike mitt ted "
    "newt rand marco jeb rick ben bill hakeem adam devin jim lindsey steny kevin steve bob "
    "chris dave brad tom vladimir volodymyr dmitry dmitri sergei sergey andriy oleksandr "
    "oleksander vitaliy vitali ivan alexei alexey yuri igor viktor boris mikhail nikolai "
    "aitan rudy rod mick ron".split()
)
"""First names taken as male, so that ``she`` is not ``Donald Trump``."""

ABBREVIATIONS = tuple(
    "Mr Mrs Ms Dr Rev Sen Sens Rep Reps Gov Capt Gen Lt Col Sgt St Jr Sr Adm Amb Pres Supt Atty "
    "Maj Cpl Pvt Brig Cmdr Hon Del".split()
)
"""Title abbreviations written with a period inside a name (``Rep. Brad Wenstrup``, ``Jr.``)."""

LABEL_HEADINGS = frozenset(
    "breaking update updated watch note editor's editors exclusive correction live video "
    "photos photo read more related warning alert urgent developing q a question answer "
    "transcript announcer unidentified unknown crowd audience".split()
)
"""Upper-case words that open a quoted line as a heading, not as a speaker's label."""
