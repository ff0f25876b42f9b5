"""The news register's vocabulary: words that say nothing, and words that say the same.

Reports of one event rotate through synonyms (evacuated / fled / displaced, talks /
negotiations, captives / prisoners); matching folds each family to one concept. The
families are general news wording, not the vocabulary of one story.
"""

from __future__ import annotations

STOP_WORDS = frozenset(
    "a an the and or but nor so yet of to in on at by for from with without into onto over "
    "under about above below between through during before after since until than then "
    "as if while because though although whether this that these those there here it its "
    "he him his she her hers they them their theirs we us our you your i me my mine who whom "
    "whose which what when where why how all any both each few more most other some such "
    "no not only own same too very can could will would shall should may might must do does "
    "did done be is am are was were been being have has had having also just now even still "
    "again further once up down out off around across along against among within upon per "
    "via its it's s t new one's said says say told tell according reportedly report reports "
    "reported mr mrs ms however meanwhile yesterday today week youre dont its im were theyre "
    "cant wont isnt didnt doesnt wasnt arent ive weve thats theres hes shes whats lets "
    "youve theyve ill hed shed wed id".split()
)
"""Function words and reporting verbs: they say nothing about which fact a sentence holds."""

FILLER_WORDS = frozenset(
    "significant significantly ongoing situation dynamics shift shifted shifting implications "
    "highlighting highlight highlights marking mark marks indicating indicate indicates remains "
    "remain remained notably further various potential potentially recent recently including "
    "amid continue continues continued continuing particularly largely especially additionally "
    "furthermore moreover overall broader substantial considerable current currently "
    "increasingly sharply seems seem appears appear suggesting suggest suggests like well "
    "described describe describing noted note underscored emphasized emphasizing stating "
    "stated explained explaining claimed claims claim added adding making make makes made "
    "taking take takes come comes came get gets got become becomes became way ways thing things "
    "part parts lot kind sort many much several certain scale persist persisted persists indicated indicating alleged "
    "asserted insisted announced".split()
)
"""Words news prose (and rewritten news) sprinkles everywhere: no evidence of a shared fact."""
IGNORED = STOP_WORDS | FILLER_WORDS
"""Function words and reporting verbs: they say nothing about which fact a sentence holds."""

IRREGULAR = {
    "fled": "flee", "fleeing": "flee", "flees": "flee", "caught": "catch", "catching": "catch",
    "took": "take", "taken": "take", "seized": "seize", "began": "begin", "begun": "begin",
    "beginning": "begin", "killed": "kill", "dead": "kill", "died": "kill", "death": "kill",
    "deaths": "kill", "children": "child", "men": "man", "women": "woman", "people": "civilian",
    "biggest": "large", "largest": "large", "bigger": "large", "larger": "large",
    "struck": "strike", "hit": "strike", "shot": "shoot", "sent": "send", "led": "lead",
    "won": "win", "lost": "lose", "held": "hold", "fought": "fight", "chose": "choose",
    "spoke": "speak", "spoken": "speak", "wrote": "write", "written": "write", "rose": "rise",
    "fell": "fall", "fallen": "fall", "gave": "give", "given": "give", "made": "make",
    "kiev": "kyiv", "km": "kilometer", "kms": "kilometer", "kilometre": "kilometer",
    "kilometres": "kilometer", "sq": "square", "mi": "mile", "captive": "prisoner",
    "captives": "prisoner", "us": "usa", "america": "usa", "american": "usa",
    "russians": "russia", "russian": "russia", "ukrainians": "ukraine", "ukrainian": "ukraine",
    "withdrew": "withdraw", "withdrawn": "withdraw", "sought": "seek", "bought": "buy",
    "brought": "bring", "threw": "throw", "thrown": "throw", "swore": "swear", "sworn": "swear",
    "stood": "stand", "met": "meet", "paid": "pay", "beaten": "beat", "hid": "hide",
    "hidden": "hide", "froze": "freeze", "frozen": "freeze", "forbade": "forbid",
    "aerial": "air", "airstrike": "air", "airstrikes": "air", "pow": "prisoner", "pows": "prisoner",
    "apprehension": "arrest", "apprehensions": "arrest",
}  # fmt: skip

SYNONYMS: dict[str, tuple[str, ...]] = {
    "evacuate": ("evacu", "flee", "displac", "exodu", "refuge", "escap", "uproot"),
    "incursion": (
        "incursion",
        "invas",
        "invad",
        "offens",
        "assault",
        "raid",
        "counterpunch",
        "attack",
    ),
    "civilian": ("civilian", "resid", "resident", "inhabit", "inhabitant", "citizen", "person"),
    "troop": ("troop", "troops", "soldier", "soldiers", "servicemen", "fighters", "forces"),
    "town": ("town", "towns", "village", "villages", "hamlet", "localities"),
    "child": ("child", "boy", "girl", "son", "daughter", "kid", "toddler"),
    "begin": ("begin", "launch", "start", "commenc"),
    "capture": ("captur", "seiz", "overran", "overrun"),
    "surprise": ("surpris", "nap", "unawar", "guard", "unprepar", "stun", "astonish"),
    "confirm": ("confirm", "acknowledg", "admit", "verifi", "verify"),
    "advance": ("advanc", "gain", "progress", "push"),
    "missile": ("missil", "rocket"),
    "drone": ("drone", "drones", "uav", "uavs"),
    "large": ("large", "big", "huge", "massive", "major"),
    "prisoner": ("prison", "captiv", "pow", "pows", "hostag"),
    "negotiate": ("negoti", "talk", "talks", "ceasefir", "truce", "diplomac", "peace", "armistice"),
    "kill": ("kill", "slain", "slay"),
    "relocate": ("relocate", "relocated", "diverted", "redeployed", "transferred", "reassigned"),
    "reserve": ("reserv", "reservist", "reinforc"),
    "kilometer": ("kilomet",),
    "condemn": ("condemn", "denounc", "decri", "slam"),
    "accuse": ("accus", "charg", "alleg", "blam"),
    "vow": ("vow", "pledg", "promis"),
    "criticize": ("critic", "criticis", "criticiz", "rebuk"),
    "resign": ("resign", "resigned", "quit"),
    "elect": ("elect", "elected", "vote", "voted", "votes", "ballot"),
    "law": ("law", "legisl", "bill", "statut"),
    "lie": ("lie", "lied", "lies", "misled", "misrepresented", "falsely"),
    "apologize": ("apolog", "sorri", "regret"),
    "intercept": ("intercept", "intercepted", "downed"),
    "participate": ("participat", "participate"),
    "attend": ("attend",),
    "cancel": ("cancel", "cancelled", "canceled", "scrap", "scrapped", "abandon"),
    "postpone": ("postpon", "postpone", "delay", "delayed"),
    "conduct": ("conduct", "execut", "perform"),
    "withdraw": ("withdraw", "pullout", "retreat", "pullback"),
    "occupy": ("occupi", "occupy", "occupation", "annex", "annexation"),
    "strengthen": ("strengthen", "bolster", "heighten", "boost", "bolstering"),
    "leverage": ("leverag", "bargain", "bargaining"),
    "parent": ("father", "mother", "parent", "parents", "dad", "mom"),
    "verify": ("independent", "independently", "unverified", "substantiat"),
    "ambassador": ("ambassador", "envoy", "emissary"),
    "wound": ("wound", "wounded", "injur", "injured", "injuring", "injuries", "hurt"),
    "destroy": ("destroy", "destroyed", "demolish", "raze", "razed", "flatten"),
    "shell": ("shell", "shelling", "bombard", "bombardment", "bomb", "bombing", "bombed"),
    "protest": ("protest", "demonstrat", "rally", "rallies"),
    "arrest": ("arrest", "detain", "detained", "detention", "custody", "apprehend"),
    "indict": ("indict", "indicted", "indictment", "prosecut"),
    "dismiss": ("dismiss", "dismissed", "oust", "ousted", "sack", "sacked"),
    "ban": ("ban", "banned", "prohibit", "prohibited", "outlaw", "barred"),
    "poll": ("poll", "polls", "survey", "surveyed"),
    "economy": ("econom", "economy", "economic"),
    "immigrant": ("immigrant", "migrant", "migrants", "immigrants", "asylum"),
    "lawmaker": ("lawmaker", "legislator", "congressman", "congresswoman", "congressmen"),
    "gun": ("gun", "guns", "firearm", "firearms", "weapon", "weapons"),
    "hospital": ("hospital", "hospitalized"),
    "fund": ("fund", "funding", "funds", "financing"),
    "debate": ("debat", "debate", "faceoff"),
}
"""Stems that news reports use interchangeably for one fact, keyed by a concept name."""

PHRASES: dict[tuple[str, str], str] = {
    ("pull", "out"): "withdraw", ("bow", "out"): "withdraw", ("drop", "out"): "withdraw",
    ("back", "out"): "withdraw", ("step", "down"): "resign", ("step", "aside"): "resign",
    ("shoot", "down"): "intercept", ("shot", "down"): "intercept",
    ("take", "part"): "participate", ("turn", "up"): "attend", ("show", "up"): "attend",
    ("call", "off"): "cancel", ("put", "off"): "postpone", ("hand", "over"): "transfer",
    ("sign", "up"): "enlist", ("set", "up"): "establish", ("carry", "out"): "conduct",
}  # fmt: skip
"""Phrasal verbs (stem of the verb, particle) that mean what one word means."""
