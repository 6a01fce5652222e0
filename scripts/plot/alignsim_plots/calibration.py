"""What a calibration pinned down (issue 14 item 5): each factor's prior range against its
plausible range over the ensemble, read from the calibration.h5 `alignsim calibrate` writes.

The share of the prior kept is the ensemble's 5th-to-95th percentile span in the prior's own
coordinates (log for a log-uniform range) over the prior's 5th-to-95th span (0.9): 1 when the
data said nothing about the factor, small when they pinned it down.
"""
from dataclasses import dataclass

import h5py
import numpy as np

from .results import ResultsError

PINNED, NARROWED = 0.5, 0.8  # shares of the prior kept below which a factor counts as pinned down / narrowed


@dataclass(frozen=True)
class FactorRange:
    key: str
    prior_low: float
    prior_high: float
    plausible_low: float   # 5th percentile over the ensemble
    plausible_high: float  # 95th
    share_kept: float

    @property
    def verdict(self):
        if self.share_kept < PINNED:
            return "pinned down"
        return "narrowed" if self.share_kept < NARROWED else "not informed by the data"


def load_calibration(path):
    """The factors of a calibration file, most narrowed first, and the ensemble's size."""
    try:
        with h5py.File(path, "r") as f:
            kind = f.attrs.get("kind", b"")
            kind = kind.decode() if isinstance(kind, bytes) else str(kind)
            if kind != "alignsim calibration":
                raise ResultsError("%s: not an alignsim calibration file (calibration.h5 of alignsim calibrate)" % path)
            keys = [k.decode() if isinstance(k, bytes) else str(k) for k in f["factors/key"][...]]
            low, high = f["factors/low"][...], f["factors/high"][...]
            unit = f["ensemble/unit_points"][...] if "ensemble/unit_points" in f else np.zeros((0, len(keys)))
            values = f["ensemble/values"][...] if "ensemble/values" in f else np.zeros((0, len(keys)))
    except OSError as error:
        raise ResultsError("%s: cannot be read as HDF5 (%s)" % (path, error)) from error
    if unit.shape[0] == 0:
        return [], 0
    factors = []
    for j, key in enumerate(keys):
        span = float(np.quantile(unit[:, j], 0.95) - np.quantile(unit[:, j], 0.05))
        factors.append(FactorRange(key, float(low[j]), float(high[j]), float(np.quantile(values[:, j], 0.05)),
                                   float(np.quantile(values[:, j], 0.95)), span / 0.9))
    factors.sort(key=lambda r: r.share_kept)
    return factors, int(unit.shape[0])
