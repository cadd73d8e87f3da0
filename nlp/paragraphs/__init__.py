"""Narrative paragraphs: found in the sections, then labelled by the classifier."""
from __future__ import annotations


def load_classifier(model_path=None):
    return None


def annotate_paragraphs(text: str, sections, classifier) -> list:
    return []
