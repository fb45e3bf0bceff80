"""Assistant stage: retrieval, cited answers, chat UI and CLI."""
