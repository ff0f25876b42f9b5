"""The Textual reader: everything that imports Textual lives below here."""
