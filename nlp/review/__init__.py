"""Tools for reviewers and annotators: records read for review, Label Studio tasks out,
corrected labels (Label Studio or doccano exports) back in as labelled training data.

    records.py       a records file read whole, with a one-line error for any bad input
    labelstudio.py   records → Label Studio tasks with pre-annotations; its exports → rows
    doccano.py       a doccano JSONL export → rows
    labelled.py      rows of data/labelled (text, labels, source, section, how, checked), merged
"""
