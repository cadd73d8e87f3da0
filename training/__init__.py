"""Training and evaluation of the paragraph classifier (not installed with the package;
``nianbao train`` uses it from a clone of the repository)."""
