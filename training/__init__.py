"""Scripts that measure the paragraph classifier (``training.compare``, ``training.first_look``,
``training.cue_examples``), build gold rows (``training.make_gold``), check that an installed
wheel trains (check_wheel_train.sh), and the generator of real reports' tables in the forms
users have (``training.forms``, for the table reader's invariance tests). Not installed with
the package: the training code ``nianbao train`` runs is nlp/training.py."""
