"""Training and evaluation of the paragraph classifier (not installed with the package;
``nianbao train`` uses it from a clone of the repository), and the generator of real reports'
tables in the forms users have (``training.forms``, for the table reader's invariance tests)."""
