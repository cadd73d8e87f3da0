"""How a -j N run cuts its inputs into chunks: every input once, in order, large chunks
first and single inputs at the end, so that no worker is left alone with a large last chunk."""
from __future__ import annotations

import pytest

from nlp.batch import MAX_CHUNK, chunk_sizes


@pytest.mark.parametrize("tasks, workers", [(1, 2), (5, 2), (20, 2), (100, 2), (1424, 2), (1424, 4), (100_000, 8)])
def test_chunks_cover_every_input_shrinking_to_single_inputs(tasks, workers):
    sizes = chunk_sizes(tasks, workers)
    assert sum(sizes) == tasks and all(1 <= s <= MAX_CHUNK for s in sizes)
    assert sizes == sorted(sizes, reverse=True)
    assert sizes[-min(workers, tasks):] == [1] * min(workers, tasks)


@pytest.mark.parametrize("tasks, workers, first", [(1424, 2, MAX_CHUNK), (100, 2, 6), (20, 2, 1), (0, 2, None)])
def test_the_first_chunks_are_an_eighth_of_a_workers_share_at_most_max_chunk(tasks, workers, first):
    sizes = chunk_sizes(tasks, workers)
    assert (sizes[0] if sizes else None) == first


def test_a_run_of_many_chunks_writes_every_record_in_input_order(make_reports, tmp_path):
    from nlp.cli import main

    reports = make_reports(40)  # 40 inputs, 2 workers: 35 chunks of 1-2 inputs
    one, two = tmp_path / "j1.jsonl", tmp_path / "j2.jsonl"
    main(["annotate", str(reports), "-o", str(one), "-j", "1", "-q"])
    main(["annotate", str(reports), "-o", str(two), "-j", "2", "-q"])
    assert two.read_bytes() == one.read_bytes() and len(one.read_bytes().splitlines()) == 40
