"""Charts and the HTML workshop report for alignsim results files (docs/plots.md).

Only Debian's python3-h5py, python3-numpy and python3-matplotlib are used, so run with
/usr/bin/python3 (the first `python3` on some PATHs lacks them).
"""
