"""All born-digital fixtures, extracted once (root `extracted` fixture), matched and reconciled once."""

from __future__ import annotations

import pandas as pd
import pytest

from tests.conftest import BORN_DIGITAL, pdf


@pytest.fixture(scope="session")
def matched_all(extracted) -> pd.DataFrame:
    from scorekit.reconcile.inputs import match_frame, matcher, sha256

    m = matcher()
    frames = []
    for name in BORN_DIGITAL:
        df = match_frame(extracted(name).observations, m)
        df["path"] = str(pdf(name))
        df["sha256"] = sha256(pdf(name))
        frames.append(df)
    return pd.concat(frames, ignore_index=True)


@pytest.fixture(scope="session")
def result_all(matched_all):
    from scorekit.reconcile.engine import reconcile

    return reconcile(matched_all)
