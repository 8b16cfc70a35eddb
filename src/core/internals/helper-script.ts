// The helper container's fixed script and the reading of what it prints. The script is built once
// from the same file lists the local reader uses; its only arguments are integers, checked twice:
// before the container is created and again by the script itself.
import { CGROUP_V1_FILES, CGROUP_V2_FILES } from './cgroup';
import { parseNamespaceLink } from './namespaces';
import { NAMESPACE_TYPES, NamespaceType, ProcessSnapshot } from './model';

/** Where the helper sees the host's cgroup hierarchy (mounted read-only there). */
export const HELPER_CGROUP_ROOT = '/sys/fs/cgroup';

// No single quotes inside, so the `docker run` line shows it single-quoted as is. The two roots can be
// moved by environment (the helper sets neither) so tests can run the script over fixture trees.
export const HELPER_SCRIPT = [
  'set -u',
  `root=\${SHIPSHAPE_CGROUP_ROOT:-${HELPER_CGROUP_ROOT}}; proc=\${SHIPSHAPE_PROC_ROOT:-/proc}`,
  'full=$1; shift',
  'for pid in "$@"; do case $pid in ""|*[!0-9]*) echo "not a PID: $pid" >&2; exit 2;; esac; done',
  `ns() { for t in ${NAMESPACE_TYPES.join(' ')}; do printf "@@ns %s %s\\n" "$t" "$(readlink "$proc/$1/ns/$t" 2>/dev/null)"; done; }`,
  'dump() { if [ -r "$2" ] && content=$(cat "$2" 2>/dev/null); then printf "@@file %s\\n%s\\n@@end\\n" "$1" "$content"; fi; }',
  'printf "@@self\\n"; ns self',
  'printf "@@init\\n"; ns 1',
  'n=0',
  'for pid in "$@"; do',
  '  n=$((n + 1)); printf "@@pid %s\\n" "$pid"',
  '  if [ ! -r "$proc/$pid/cgroup" ]; then printf "@@gone\\n"; continue; fi',
  '  dump cgroup "$proc/$pid/cgroup"; ns "$pid"',
  '  [ "$n" -le "$full" ] || continue',
  '  dump status "$proc/$pid/status"; dump attr "$proc/$pid/attr/current"',
  '  ppid=$(sed -n "s/^PPid:[[:space:]]*//p" "$proc/$pid/status")',
  '  printf "@@parent %s\\n" "$ppid"; [ -n "$ppid" ] && ns "$ppid"',
  '  v1=0; grep -q -v -e "^0::" -e ":name=" "$proc/$pid/cgroup" && v1=1',
  '  while IFS=: read -r hierarchy controllers path; do',
  `    if [ -z "$controllers" ]; then [ "$v1" = 1 ] || for f in ${CGROUP_V2_FILES.join(' ')}; do dump "$f" "$root$path/$f"; done; continue; fi`,
  '    for c in $(echo "$controllers" | tr , " "); do',
  '      case $c in',
  ...Object.entries(CGROUP_V1_FILES).map(([controller, files]) => `        ${controller}) files="${files.join(' ')}";;`),
  '        *) continue;;',
  '      esac',
  '      dir="$root/$controllers$path"; [ -d "$dir" ] || dir="$root/$c$path"',
  '      for f in $files; do dump "$f" "$dir/$f"; done',
  '    done',
  '  done < "$proc/$pid/cgroup"',
  'done',
].join('\n');

/** The script's arguments: how many PIDs to read in full, then the PIDs (the rest are read for namespaces only). */
export function helperArguments(fullPids: readonly number[], namespaceOnlyPids: readonly number[]): string[] {
  for (const pid of [...fullPids, ...namespaceOnlyPids]) {
    if (!Number.isSafeInteger(pid) || pid <= 0) throw new Error(`the internals helper takes process IDs only; got ${String(pid)}`);
  }
  return [String(fullPids.length), ...fullPids.map(String), ...namespaceOnlyPids.map(String)];
}

export interface HelperReading {
  /** The helper's own namespaces (it runs with --pid=host and --cgroupns=host). */
  self: Partial<Record<NamespaceType, number>>;
  /** PID 1's, where readable. */
  init: Partial<Record<NamespaceType, number>>;
  snapshots: Map<number, ProcessSnapshot>;
  /** Namespaces of each fully read process's parent: the runtime shim, which runs in the daemon's namespaces. */
  parents: Map<number, Partial<Record<NamespaceType, number>>>;
  /** PIDs that had exited before the helper looked. */
  gone: number[];
}

export function parseHelperOutput(text: string): HelperReading {
  const reading: HelperReading = { self: {}, init: {}, snapshots: new Map(), parents: new Map(), gone: [] };
  let namespaces: Partial<Record<NamespaceType, number>> = reading.self;
  let snapshot: ProcessSnapshot | undefined;
  let file: { name: string; lines: string[] } | undefined;
  for (const line of text.split('\n')) {
    if (file) {
      if (line === '@@end') {
        const content = file.lines.join('\n');
        if (!snapshot) continue;
        if (file.name === 'cgroup') snapshot.procCgroup = content;
        else if (file.name === 'status') snapshot.status = content;
        else if (file.name === 'attr') snapshot.lsmLabel = content.replace(/\0/g, '').trim() || null;
        else snapshot.cgroupFiles[file.name] = content;
        file = undefined;
      } else {
        file.lines.push(line);
      }
      continue;
    }
    const [marker, ...rest] = line.split(' ');
    switch (marker) {
      case '@@self':
        namespaces = reading.self;
        break;
      case '@@init':
        namespaces = reading.init;
        break;
      case '@@pid': {
        const pid = Number(rest[0]);
        snapshot = { pid, procCgroup: null, status: null, namespaces: {}, lsmLabel: null, cgroupFiles: {} };
        reading.snapshots.set(pid, snapshot);
        namespaces = snapshot.namespaces;
        break;
      }
      case '@@gone':
        if (snapshot) {
          reading.snapshots.delete(snapshot.pid);
          reading.gone.push(snapshot.pid);
          snapshot = undefined;
        }
        break;
      case '@@parent':
        namespaces = {};
        if (snapshot) reading.parents.set(snapshot.pid, namespaces);
        break;
      case '@@ns': {
        const inode = rest[1] ? parseNamespaceLink(rest[1]) : null;
        if (inode !== null && (NAMESPACE_TYPES as readonly string[]).includes(rest[0]!)) namespaces[rest[0] as NamespaceType] = inode;
        break;
      }
      case '@@file':
        file = { name: rest.join(' '), lines: [] };
        break;
      default:
        break;
    }
  }
  return reading;
}
