"""The key hints: Textual's Footer, drawn with the first frame and restyled once."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

Shown = tuple[tuple[str, str, bool, str], ...]
"""Each hint the footer draws: key, description, enabled, tooltip."""


class KeyFooter(Footer):
    """Textual's Footer, minus three costs the reader paid before its first paint.

    Textual's composes no key until the screen first publishes its bindings, then
    rebuilds every key each time they are published (at each focus change); and each key,
    made compact then bound to the footer's (not compact), is restyled twice on mount. The
    reader's hints appeared two frames and three rebuilds after its screen (about 50 ms).
    This one composes them at once, each as it will stay (the keys never compact, the
    palette's as Textual draws it), and rebuilds them only when what it shows would change.
    """

    def __init__(self) -> None:
        super().__init__()
        self.set_reactive(Footer._bindings_ready, True)
        self._shown: Shown | None = None

    def compose(self) -> ComposeResult:
        screen = self.screen
        self._shown = self._hints(screen)
        active = screen.active_bindings
        if self.compact or any(b.group is not None for _, b, _, _ in active.values()):
            yield from super().compose()  # Not the reader's: Textual's own way.
            return
        actions: set[str] = set()
        for _, binding, enabled, tooltip in active.values():
            if not binding.show or binding.action in actions:
                continue
            actions.add(binding.action)
            yield self._key(binding, enabled, tooltip)
        palette = active.get(self.app.COMMAND_PALETTE_BINDING)
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE and palette:
            _, binding, enabled, tooltip = palette
            tip = binding.tooltip or binding.description
            # Not bound to the footer's compact (Textual's draws it compact): as there.
            yield self._key(binding, enabled, tip, "-command-palette", compact=True)

    def _key(
        self,
        binding: Binding,
        enabled: bool,
        tooltip: str,
        classes: str = "",
        compact: bool = False,
    ) -> FooterKey:
        if compact:
            classes = f"{classes} -compact"  # What FooterKey's watcher would add, restyling.
        widget = FooterKey(
            binding.key,
            self.app.get_key_display(binding),
            binding.description,
            binding.action,
            disabled=not enabled,
            tooltip=tooltip,
            classes=classes,
        )
        widget.set_reactive(FooterKey.compact, compact)
        return widget

    def bindings_changed(self, screen: Screen[object]) -> None:
        if self._shown is not None and self._hints(screen) == self._shown:
            return
        super().bindings_changed(screen)

    def _hints(self, screen: Screen[object]) -> Shown:
        palette = self.app.COMMAND_PALETTE_BINDING
        return tuple(
            (binding.key, binding.description, enabled, tooltip or "")
            for key, (_, binding, enabled, tooltip) in screen.active_bindings.items()
            if binding.show or key == palette
        )
