"""An analysis function for the deadline tests of the web app (run in the analysis process):
"SLOW" articles never finish, "DIE" articles kill the process, "BOOM" articles raise; the others
are analysed by the real pipeline."""
from __future__ import annotations

import os
import time

from claims import pipeline


def analyse(doc, aliases=None):
    if "SLOW" in doc.text:
        time.sleep(3600)
    if "DIE" in doc.text:
        os._exit(3)
    if "BOOM" in doc.text:
        raise ValueError("bad offsets in /srv/claims/secret/analysis.py")
    return pipeline.analyse_document(doc, aliases=aliases)
