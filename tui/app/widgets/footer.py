"""The key hints: one line, one widget, drawn with the first frame.

Textual's Footer is a container of one widget per key (eight here), each styled, laid out
and drawn on its own, with two stylesheets of its own to parse: about 10 ms of the
reader's first paint (a bare Textual app paints in 170-200 ms). This widget draws the
same hints, styled as Textual's keys are (``$footer-*`` theme colours, the palette's key
on the right), as one line of text; a hint is clicked, hovered and has its tooltip as
there. It redraws only when what it shows would change.
"""

from __future__ import annotations

from typing import ClassVar, NamedTuple

from rich.style import Style
from rich.text import Text
from textual import events
from textual.screen import Screen
from textual.widget import Widget


class Hint(NamedTuple):
    """One key as the footer shows it."""

    key: str
    """The key pressed when the hint is clicked."""
    shown: str
    """How the key is written (``j``, ``^p``)."""
    description: str
    """What the key does, as the binding says."""
    enabled: bool
    """Whether it acts now (a disabled hint is dim, and its click rings the bell)."""
    tooltip: str
    """Shown when the pointer rests on the hint."""


class Hints(NamedTuple):
    """What the footer shows: the screen's keys from the left, the palette's on the right."""

    keys: tuple[Hint, ...]
    """One per action, in the order of the screen's bindings."""
    palette: Hint | None
    """The command palette's key, docked right (None when the palette is off)."""


class KeyFooter(Widget, can_focus=False):
    """The screen's shown bindings (one hint per action), and the command palette's."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "key-footer--item",
        "key-footer--hover",
        "key-footer--key",
        "key-footer--description",
        "key-footer--border",
    }

    def __init__(self) -> None:
        super().__init__()
        self._hints = Hints((), None)
        self._spans: list[tuple[int, int, Hint]] = []
        """Cells each hint takes on the line (start, end), for clicks and tooltips."""
        self._hover_key: str | None = None
        """The key of the hint under the pointer (by key: the hints are rebuilt)."""

    @property
    def hints(self) -> Hints:
        """The hints drawn (rebuilt only when the screen's bindings change what they say)."""
        return self._hints

    def on_mount(self) -> None:
        screen = self.screen
        self._hints = self._hints_of(screen)
        screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        hints = self._hints_of(screen)
        if hints != self._hints:
            self._hints = hints
            self._hover_on(self._hint_keyed(self._hover_key))  # Its tooltip may be new.
            self.refresh()

    def _hints_of(self, screen: Screen[object]) -> Hints:
        """The hints the screen's active bindings show: one per action, and the palette's."""
        keys: list[Hint] = []
        actions: set[str] = set()
        palette_key = self.app.COMMAND_PALETTE_BINDING
        palette: Hint | None = None
        for key, (_, binding, enabled, tooltip) in screen.active_bindings.items():
            shown = self.app.get_key_display(binding)
            if key == palette_key and self.app.ENABLE_COMMAND_PALETTE:
                tip = binding.tooltip or binding.description
                palette = Hint(binding.key, shown, binding.description, enabled, tip)
            elif binding.show and binding.action not in actions:
                actions.add(binding.action)
                keys.append(Hint(binding.key, shown, binding.description, enabled, tooltip))
        return Hints(tuple(keys), palette)

    def render(self) -> Text:
        """The hints on one line, cut short before the palette's; records where each is
        drawn (``_spans``) for the clicks and the tooltips."""
        width = self.size.width
        item = self.get_component_rich_style("key-footer--item")
        hover = self.get_component_rich_style("key-footer--hover")
        key_style = self.get_component_rich_style("key-footer--key")
        description = self.get_component_rich_style("key-footer--description")
        palette = self._hints.palette
        right = Text(end="")
        if palette is not None:
            # As Textual draws it: docked right, compact, a thin border on its left and
            # one cell after it; the keys are cut short to leave it room.
            right = Text.assemble(
                ("▏", self.get_component_rich_style("key-footer--border")),
                (palette.shown, key_style),
                (f" {palette.description}", description),
                " ",
            )
            self._paint(right, palette, item, hover)
        room = max(width - right.cell_len, 0)
        line = Text(no_wrap=True, end="")
        spans: list[tuple[int, int, Hint]] = []
        for hint in self._hints.keys:
            start = line.cell_len
            if start >= room:
                break
            text = Text.assemble(
                (f" {hint.shown} ", key_style), (f"{hint.description} ", description)
            )
            self._paint(text, hint, item, hover)
            line.append_text(text)
            spans.append((start, min(line.cell_len, room), hint))
        line.truncate(room, pad=True)
        if palette is not None:
            spans.append((room, room + right.cell_len, palette))
            line.append_text(right)
        self._spans = spans
        return line

    def _paint(self, text: Text, hint: Hint, item: Style, hover: Style) -> None:
        """A hint's colours: the item's under its key and description (dim when the key
        does nothing now), and the hover's background under the pointer, over all."""
        text.stylize_before(item + Style(dim=True) if not hint.enabled else item)
        if hint.key == self._hover_key:
            text.stylize(Style(bgcolor=hover.bgcolor))

    def _hint_at(self, x: int) -> Hint | None:
        """The hint drawn at column ``x``, if any."""
        return next((hint for start, end, hint in self._spans if start <= x < end), None)

    def _hint_keyed(self, key: str | None) -> Hint | None:
        """The hint of that key, as the footer shows it now."""
        hints = (*self._hints.keys, self._hints.palette)
        return next((hint for hint in hints if hint is not None and hint.key == key), None)

    def _hover_on(self, hint: Hint | None) -> None:
        self._hover_key = hint.key if hint is not None else None
        self.tooltip = hint.tooltip if hint is not None and hint.tooltip else None

    def on_mouse_move(self, event: events.MouseMove) -> None:
        hint = self._hint_at(event.x)
        if (hint.key if hint is not None else None) != self._hover_key:
            self._hover_on(hint)
            self.refresh()

    def on_leave(self, event: events.Leave) -> None:
        if self._hover_key is not None:
            self._hover_on(None)
            self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        hint = self._hint_at(event.x)
        if hint is None:
            return
        if hint.enabled:
            self.app.simulate_key(hint.key)
        else:
            self.app.bell()
