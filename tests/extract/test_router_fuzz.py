"""Fuzz target for the page router and the page stage: damaged bytes never escape as tracebacks.

Hypothesis flips, deletes and inserts bytes in a real fixture; whatever happens, extraction either
returns per-page results (pages it cannot read are reported failed) or raises ExtractError with a
one-line message. Run longer with `SCOREKIT_FUZZ_EXAMPLES=2000 pytest tests/extract/test_router_fuzz.py`.
"""

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scorekit.extract.pipeline import ExtractError, Options, iter_extract

from ..conftest import pdf

SEED = pdf("framework-2014-15-q2").read_bytes()
EXAMPLES = int(os.environ.get("SCOREKIT_FUZZ_EXAMPLES", "15"))

edits = st.lists(
    st.tuples(
        st.sampled_from(["flip", "delete", "insert"]), st.integers(0, len(SEED) - 1), st.binary(min_size=1, max_size=16)
    ),
    min_size=1,
    max_size=8,
)


def mutate(data: bytes, ops) -> bytes:
    buf = bytearray(data)
    for op, pos, blob in ops:
        pos %= max(1, len(buf))
        if op == "flip":
            buf[pos : pos + len(blob)] = blob
        elif op == "delete":
            del buf[pos : pos + len(blob) * 64]
        else:
            buf[pos:pos] = blob
    return bytes(buf)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits)
def test_mutated_pdfs_never_raise_anything_but_extracterror(tmp_path, ops):
    path = tmp_path / "fuzz.pdf"
    path.write_bytes(mutate(SEED, ops))
    try:
        outputs = list(iter_extract(path, Options(pages="1-2", isolate=False, page_timeout=60)))
    except ExtractError as exc:
        assert "\n" not in str(exc)
        return
    for out in outputs:
        assert out.report.status in ("read", "skipped", "failed")
        assert "\n" not in out.report.reason
