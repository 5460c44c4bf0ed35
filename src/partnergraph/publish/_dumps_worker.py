"""The process of `dumps.write_dumps_in_process`: python -m partnergraph.publish._dumps_worker FOLDER
writes every dump but FOLDER/partnergraph.nq from it, into FOLDER."""

import gc
import sys
from pathlib import Path

from .dumps import DUMP_NAME, write_other_dumps

if __name__ == "__main__":
    gc.disable()  # millions of objects, no cycles, and the process ends with the dumps: no collections
    folder = Path(sys.argv[1])
    write_other_dumps((folder / f"{DUMP_NAME}.nq").read_bytes(), folder)
