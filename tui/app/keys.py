"""The reader's keys: one list, shown in the Footer, the help and the palette.

Keys that open a view are priority bindings, run as the key arrives (not after it bubbled
up from the focused pane), so the keys typed next reach the view.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

READER_BINDINGS: list[BindingType] = [
    Binding("j,down", "next_fact", "Next fact", key_display="j", tooltip="Next aligned fact"),
    Binding("k,up", "previous_fact", "Previous fact", show=False, tooltip="Previous aligned fact"),
    Binding("n", "next_discrepancy", "Next ≠", tooltip="Next fact where sources disagree"),
    Binding(
        "N",
        "previous_discrepancy",
        "Previous ≠",
        show=False,
        tooltip="Previous fact where sources disagree",
    ),
    Binding("tab", "focus_pane(1)", "Next pane", show=False, tooltip="Focus the next pane"),
    Binding(
        "shift+tab",
        "focus_pane(-1)",
        "Previous pane",
        show=False,
        tooltip="Focus the previous pane",
    ),
    Binding(
        "left_square_bracket",
        "cycle_article(-1)",
        "Previous article",
        show=False,
        tooltip="Show the previous article in the focused pane",
    ),
    Binding(
        "right_square_bracket",
        "cycle_article(1)",
        "Next article",
        show=False,
        tooltip="Show the next article in the focused pane",
    ),
    Binding(
        "a",
        "pick_article",
        "Choose article",
        show=False,
        tooltip="Choose the focused pane's article by outlet, title or file name",
        priority=True,
    ),
    Binding(
        "R",
        "rename_source",
        "Rename source",
        show=False,
        tooltip="Give the focused pane's source a name (kept for this corpus)",
        priority=True,
    ),
    Binding(
        "p",
        "pin",
        "Pin pane",
        show=False,
        tooltip="Keep the focused pane's article when facts change",
    ),
    Binding(
        "plus,equals_sign",
        "add_pane",
        "Add pane",
        show=False,
        tooltip="Add a pane with the next article not shown",
    ),
    Binding("minus", "remove_pane", "Remove pane", show=False, tooltip="Remove the focused pane"),
    # Keys that open a view are priority bindings: run as the key arrives, so the keys
    # typed next reach the view, not the pane they were already on their way to.
    Binding(
        "w",
        "quotes",
        "Quotes",
        tooltip="Who said what: every quote, by speaker",
        priority=True,
    ),
    Binding(
        "d",
        "discrepancies",
        "Discrepancies",
        tooltip="Every discrepancy with each source's value",
        priority=True,
    ),
    Binding(
        "slash",
        "search",
        "Search",
        key_display="/",
        tooltip="Search the text of every article",
        priority=True,
    ),
    Binding(
        "v",
        "compare",
        "Compare",
        tooltip="The current fact (or quote) from every source, word-diffed",
        priority=True,
    ),
    Binding(
        "o",
        "only_here",
        "Only here",
        show=False,
        tooltip="What only one source reports, and who is silent on each fact",
        priority=True,
    ),
    Binding(
        "x",
        "dismiss_discrepancy",
        "Dismiss ≠",
        show=False,
        tooltip="The current discrepancy is not a disagreement (with a note; n skips it)",
        priority=True,
    ),
    Binding(
        "y",
        "check_discrepancy",
        "Checked",
        show=False,
        tooltip="Checked: the focused pane's value is the right one (with a note)",
        priority=True,
    ),
    Binding(
        "m",
        "matches",
        "Possible matches",
        show=False,
        tooltip="The likeliest sentences of the other articles for the focused pane's "
        "sentence; enter links one to the fact",
        priority=True,
    ),
    Binding(
        "u",
        "unlink",
        "Unlink",
        show=False,
        tooltip="Take the focused pane's sentence out of the current fact",
    ),
    Binding(
        "c",
        "copy",
        "Copy",
        show=False,
        tooltip="Copy the sentence (or quote) with its citation",
    ),
    Binding(
        "s",
        "toggle_lock",
        "Lock",
        show=False,  # The status line shows the lock; the Footer keeps to the main keys.
        tooltip="Scroll lock: the panes scroll together, level",
    ),
    Binding(
        "b",
        "bookmark",
        "Bookmark",
        show=False,
        tooltip="Bookmark the current fact, discrepancy or quote",
        priority=True,
    ),
    Binding(
        "E",
        "export_memo",
        "Export memo",
        show=False,
        tooltip="Write the fact-check memo of these articles' bookmarks and corrections",
    ),
    Binding(
        "B",
        "bookmarks",
        "Bookmarks",
        show=False,
        tooltip="List, filter and jump to bookmarks",
        priority=True,
    ),
    Binding("f", "toggle_facts", "Facts list", show=False, tooltip="Hide or show the facts list"),
    Binding(
        "F",
        "filter_facts",
        "Filter facts",
        show=False,
        tooltip="Filter the facts list: words, an outlet, ≠ (disagree), ★ (bookmarked)",
        priority=True,
    ),
    Binding(
        "t",
        "stories",
        "Stories",
        show=False,
        tooltip="The stories of the corpus",
        priority=True,
    ),
    Binding(
        "question_mark",
        "help",
        "Help",
        key_display="?",
        tooltip="This help",
        priority=True,
    ),
    Binding("q", "app.quit", "Quit", show=False, tooltip="Quit"),
]
