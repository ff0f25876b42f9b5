"""The plain-Python core of kursk-reader: no Textual import anywhere below here."""
