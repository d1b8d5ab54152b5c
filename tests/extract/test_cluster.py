"""`--scheduler`: the same per-document task on a Dask cluster gives the local run's results."""

import io

import distributed
import pandas as pd
from typer.testing import CliRunner

from scorekit.cli import app

from ..conftest import pdf


def test_local_cluster_equals_local_run():
    files = [str(pdf("framework-2014-15-q2")), str(pdf("scorecard-2021-08"))]
    runner = CliRunner()
    local = runner.invoke(app, ["extract", *files, "-q"])
    assert local.exit_code == 0
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        remote = runner.invoke(app, ["extract", *files, "--scheduler", cluster.scheduler_address, "-q"])
    assert remote.exit_code == 0, remote.stderr
    a = pd.read_csv(io.StringIO(local.stdout))
    b = pd.read_csv(io.StringIO(remote.stdout))
    assert len(a) == 345 + 879
    pd.testing.assert_frame_equal(a, b)


def test_unreachable_scheduler_is_one_line():
    r = CliRunner().invoke(app, ["extract", str(pdf("framework-2014-15-q2")), "--scheduler", "tcp://127.0.0.1:9"])
    assert r.exit_code == 1
    assert "cannot reach the Dask scheduler" in r.stderr and "Traceback" not in r.stderr
