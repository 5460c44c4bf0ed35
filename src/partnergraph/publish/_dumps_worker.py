"""The processes of `dumps.write_dumps(..., in_process=True)`: python -m partnergraph.publish._dumps_worker
FOLDER GROUP writes the dumps of DUMP_WRITERS[GROUP] from FOLDER/partnergraph.nq, into FOLDER."""

import gc
import sys
from pathlib import Path

from .dumps import DUMP_WRITERS

if __name__ == "__main__":
    gc.disable()  # millions of objects, no cycles, and the process ends with the dumps: no collections
    folder, group = Path(sys.argv[1]), sys.argv[2]
    DUMP_WRITERS[group](folder)
