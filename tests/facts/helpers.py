"""Facts of a piece of text as plain tuples, for table-driven tests."""
from nlp.facts import SPANS_KEY, annotate


def facts_of(text: str, kind: str = None) -> list:
    """(kind, channel, value, qualifier) of every fact of ``text`` (one narrative section)."""
    doc = annotate(text, ())
    out = []
    for span in doc.spans[SPANS_KEY]:
        f = span._.fact
        if kind is None or f.kind == kind:
            out.append((f.kind, f.channel, f.value, f.qualifier))
    return out


def values_of(text: str, kind: str) -> list:
    """(channel, value, qualifier) of the facts of one kind."""
    return [(c, v, q) for k, c, v, q in facts_of(text, kind)]
