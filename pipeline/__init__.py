"""presstables: news articles in, a validated data package of quotes, figures and entities out."""

__version__ = "0.1.0"
