"""scipy's linear_sum_assignment as a worker for tests/bench/matching.ts.

Started once by the bench; it answers one JSON line per request line on stdin, so the bench can alternate runs of
both solvers under the same machine load:
  load MATRIX ROWS COLS   MATRIX: float64 little-endian, row-major, ROWS x COLS scores (maximised) -> {"ok": true}
  solve OUT               solves the loaded matrix, writes the assignment to OUT as int32 little-endian (for each
                          row its column, or -1) -> {"ms": solver time only, no file I/O}
On start it prints {"ready": true}; without numpy or scipy it prints what is missing on stderr and exits with code 3.
"""
import json
import sys
import time

try:
    import numpy as np
    from scipy.optimize import linear_sum_assignment
except ImportError as error:
    print(f"missing: {error} (apt-get install -y python3-scipy)", file=sys.stderr)
    sys.exit(3)


def reply(message: dict) -> None:
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def main() -> None:
    scores = None
    reply({"ready": True})
    for line in sys.stdin:
        # Paths may contain spaces: the command is the first word, the numbers the last ones.
        command, _, rest = line.strip().partition(" ")
        if command == "load":
            path, rows, cols = rest.rsplit(" ", 2)
            scores = np.fromfile(path, dtype="<f8").reshape(int(rows), int(cols))
            reply({"ok": True})
        elif command == "solve" and scores is not None:
            started = time.perf_counter()
            row_ind, col_ind = linear_sum_assignment(scores, maximize=True)
            ms = (time.perf_counter() - started) * 1000
            assignment = np.full(scores.shape[0], -1, dtype="<i4")
            assignment[row_ind] = col_ind
            assignment.tofile(rest)
            reply({"ms": ms})
        else:
            reply({"error": f"unknown or out-of-order command: {line.strip()}"})


if __name__ == "__main__":
    main()
