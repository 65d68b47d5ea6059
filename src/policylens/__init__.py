"""policylens: industrial-policy documents in, cited facts, tracked targets and briefs out."""
__version__ = "0.1.0"
