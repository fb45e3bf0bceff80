"""Named errors of the corpus stage."""


class SourceError(Exception):
    """A source file that cannot be read as text (empty, binary, undecodable)."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
