"""Test configuration shared by every test folder.

Qt needs a platform before QApplication exists; with no display it aborts (exit 134), so
the offscreen platform is set here, before pytest-qt creates the application.
"""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Never let a test read or write the user's real settings or data.
os.environ.setdefault("BPVIZ_TESTING", "1")
