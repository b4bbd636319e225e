#!/usr/bin/env bash
# National SchoolRisk benchmark: import every open-data file (all LAs) into a fresh SQLite
# database, then assess every school as of a date. Prints the import/assess report and the
# process's peak RSS (GNU time). Usage: bench/schoolrisk/run.sh [path/to/shared/data]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
data=${1:-${EHUB_SHARED_DATA:-$repo/../shared/data}}
export EHUB_BUILD_SLOT=${EHUB_BUILD_SLOT:-schoolrisk-bench}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet build "$repo/services/SchoolRisk" -c Release -v quiet -nologo >/dev/null
dll=/tmp/ehub-build/$EHUB_BUILD_SLOT/EducationHub.SchoolRisk/bin/Release/net10.0/EducationHub.SchoolRisk.dll

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "data: $data/open-schools-data"
# Reference, same run: the same files loaded as plain text rows by Python's csv + sqlite3.
/usr/bin/time -f "%e" -o "$work/reference.wall" python3 "$here/reference_load.py" "$data/open-schools-data"
Persistence__DataDirectory="$work" /usr/bin/time -f "wall %e s, user %U s, sys %S s, peak RSS %M KB" -o "$work/import.time" \
  dotnet "$dll" import --data "$data/open-schools-data" --assess-as-of 2017-12-31
cat "$work/import.time"
import_wall=$(sed -E 's/^wall ([0-9.]+) s.*/\1/' "$work/import.time")
echo "import (incl. assess-all) / reference load: $(python3 -c "print(f'{$import_wall / $(cat "$work/reference.wall"):.2f}x')") (reference wall $(cat "$work/reference.wall") s)"
echo "database size: $(du -h "$work"/schoolrisk.db | cut -f1)"
echo
echo "backtest:"
/usr/bin/time -f "wall %e s, user %U s, sys %S s, peak RSS %M KB" dotnet "$dll" backtest --as-of 2016-12-31 --data "$data"
