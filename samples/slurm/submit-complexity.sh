#!/bin/bash
# Submits the sample-complexity array and its merge, which waits for every task: SHARDS=8 ./submit-complexity.sh
# Prints the two job ids. The environment (LOWROT, OUT, COMPLEXITY_ARGS, SHARDS) reaches both jobs.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
export SHARDS=${SHARDS:-8}
array=$(sbatch --parsable --array=0-$((SHARDS - 1)) "$here/complexity-array.sbatch")
merge=$(sbatch --parsable --dependency=afterany:"${array%%;*}" "$here/complexity-merge.sbatch")
echo "array ${array%%;*} merge ${merge%%;*}"
