"""The distributed mode: shards cover every input line once; a local Dask cluster of 2 workers
(one Frog each, kept alive by the worker plugin) gives the single-process result."""
from __future__ import annotations

import json

import pytest

from kroniek.records import Article, InputError
from kroniek.scale.stats import RunStats

from .webfixtures import DUTCH, html_page

pytest.importorskip("distributed")


def test_byte_range_shards_read_every_line_once_with_its_number(tmp_path, monkeypatch):
    from kroniek.scale import cluster
    recs = [{"id": f"a{i}", "date": "2025-03-01", "text": f"Artikel nummer {i} " + "x" * (i * 7)} for i in range(40)]
    lines = [json.dumps(r) for r in recs]
    lines[17] = "{kapot"
    src = tmp_path / "big.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    shards = list(cluster.make_shards([str(src)], shard_bytes=300))
    assert len(shards) > 5 and all(isinstance(s, cluster.Shard) for s in shards)
    items = [i for s in shards for i in cluster.read_shard(s)]
    assert [i.id for i in items if isinstance(i, Article)] == [r["id"] for k, r in enumerate(recs) if k != 17]
    assert [i.line for i in items if isinstance(i, Article)] == [k + 1 for k in range(40) if k != 17]
    [err] = [i for i in items if isinstance(i, InputError)]
    assert err.line == 18
    assert len({s.id for s in shards}) == len(shards)


def _key(items):
    out = []
    for i in items:
        if isinstance(i, InputError):
            out.append(("error", i.file.rsplit("/", 1)[-1], i.line))
        else:
            out.append((i.id, [(t.text, t.lemma, t.pos, t.ner, t.head, t.rel) for t in i.tokens],
                        [e.to_json(i.id) for e in i.events], [t.to_json(i.id) for t in i.timexes],
                        [q.to_json(i.id) for q in i.quotes], [m.to_json(i.id) for m in i.actors]))
    return out


@pytest.mark.frog
@pytest.mark.slow
def test_local_dask_cluster_equals_one_process(tmp_path, frog_analyzer):
    """Costs two more Frogs at once (~4 GB): three short articles in two shards, the analysis
    stage only (the later stages are plain Python, compared across processes in test_runner)."""
    from kroniek.reading.sources import iter_articles
    from kroniek.scale.runner import Admission, process_inputs
    (tmp_path / "a.jsonl").write_text(
        "\n".join(json.dumps({"id": f"j{i}", "date": d, "title": t, "text": t + "\n\n" + "\n\n".join(p)},
                             ensure_ascii=False) for i, (t, d, p) in enumerate(DUTCH)) + "\n{kapot\n",
        encoding="utf-8")
    (tmp_path / "b.html").write_text(html_page("Rusland valt Oekraïense havenstad aan", "2025-01-20",
                                               ["Het Russische leger heeft maandag de havenstad Odesa aangevallen "
                                                "met drones en raketten. President Zelensky veroordeelde de aanval "
                                                "en riep de Europese Unie op om meer luchtafweer te sturen."]),
                                     encoding="utf-8")
    # one process: the session's Frog over the same admitted articles
    single = [i if isinstance(i, InputError) else frog_analyzer(i)
              for i in Admission(RunStats()).filter(iter_articles([str(tmp_path)]))]
    cluster_stats = RunStats()
    distributed = list(process_inputs([str(tmp_path)], ["frog"], cluster="local:2", stats=cluster_stats))
    assert _key(distributed) == _key(single)
    assert sum(isinstance(i, Article) for i in single) == 3
    assert cluster_stats.done == 3 and cluster_stats.failed == 1
    assert cluster_stats.tokens == sum(len(i.tokens) for i in single if isinstance(i, Article))
    # one Frog per worker, kept alive by the plugin, reported with its memory
    assert cluster_stats.workers and all(m["frogs"] == 1 and m["frog_mb"] > 500
                                         for m in cluster_stats.workers.values())


def test_a_range_that_starts_right_after_a_newline(tmp_path):
    from kroniek.scale.cluster import Shard, read_shard
    lines = [json.dumps({"id": f"a{i}", "date": "2025-03-01", "text": f"Tekst {i}."}) for i in range(4)]
    src = tmp_path / "x.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    cut = len(lines[0]) + 1 + len(lines[1]) + 1          # the first byte of line 3
    size = src.stat().st_size
    first = list(read_shard(Shard(str(src), 0, cut)))
    second = list(read_shard(Shard(str(src), cut, size)))
    assert [(a.id, a.line) for a in first] == [("a0", 1), ("a1", 2)]
    assert [(a.id, a.line) for a in second] == [("a2", 3), ("a3", 4)]


def test_cluster_workers_write_the_parquet_dataset(tmp_path):
    """No Frog: the plug-in test component on a local cluster of 2 workers; each task writes its
    shard's part, and the dataset equals the one this process writes alone."""
    from kroniek.scale.parquet import iter_dataset_articles
    from kroniek.scale.runner import write_dataset

    from . import fakecomp  # noqa: F401
    src = tmp_path / "in"
    src.mkdir()
    for k in range(3):
        (src / f"part{k}.jsonl").write_text("\n".join(json.dumps(
            {"id": f"a{k}-{i}", "date": f"2025-0{1 + i % 2}-10", "text": f"Artikel {k}.{i}.\n\nMeer tekst {i}."})
            for i in range(4)) + ("\n{kapot" if k == 1 else ""), encoding="utf-8")
    (src / "part2.jsonl").open("a", encoding="utf-8").write(
        "\n" + json.dumps({"id": "kopie", "date": "2025-01-10", "text": "Artikel 0.0.\n\nMeer tekst 0."}))
    stats = RunStats()
    errors = list(write_dataset([str(src)], str(tmp_path / "cl"), ["fake"], cluster="local:2", stats=stats))
    list(write_dataset([str(src)], str(tmp_path / "one"), ["fake"]))
    assert [e.line for e in errors] == [5]
    parts = {p.name.split("-")[1] for p in (tmp_path / "cl" / "articles").rglob("*.parquet")}
    assert parts == {"part0.jsonl", "part1.jsonl", "part2.jsonl"}        # written by the shards' tasks
    load = lambda d: sorted((a.id, [e.to_json(a.id) for e in a.events]) for a in iter_dataset_articles(d))
    assert load(tmp_path / "cl") == load(tmp_path / "one")
    assert stats.done == 13 and stats.failed == 1 and len(stats.workers) >= 1
