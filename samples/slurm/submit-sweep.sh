#!/bin/bash
# Submits the sweep's array and its merge, which waits for every task: CONFIG=my.json SHARDS=8 ./submit-sweep.sh
# Prints the two job ids. The environment (LOWROT, CONFIG, OUT, SWEEP_ARGS, SET_ARGS, SHARDS) reaches both jobs.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
export SHARDS=${SHARDS:-8}
array=$(sbatch --parsable --array=0-$((SHARDS - 1)) "$here/sweep-array.sbatch")
merge=$(sbatch --parsable --dependency=afterany:"${array%%;*}" "$here/sweep-merge.sbatch")
echo "array ${array%%;*} merge ${merge%%;*}"
