// /proc/<pid>/status: the security-relevant lines (proc(5)).

export interface ProcessStatus {
  /** CapEff as printed, 16 hex digits. */
  capEff: string | null;
  noNewPrivs: boolean | null;
  seccomp: 0 | 1 | 2 | null;
  /** The parent process: for a container's main process, the runtime shim (containerd-shim, conmon). */
  ppid: number | null;
}

export function parseProcessStatus(text: string): ProcessStatus {
  const fields = new Map<string, string>();
  for (const line of text.split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) fields.set(line.slice(0, colon), line.slice(colon + 1).trim());
  }
  const number = (key: string) => (fields.has(key) && /^\d+$/.test(fields.get(key)!) ? Number(fields.get(key)) : null);
  const capEff = fields.get('CapEff');
  const seccomp = number('Seccomp');
  const noNewPrivs = number('NoNewPrivs');
  return {
    capEff: capEff && /^[0-9a-f]+$/i.test(capEff) ? capEff : null,
    noNewPrivs: noNewPrivs === null ? null : noNewPrivs === 1,
    seccomp: seccomp === 0 || seccomp === 1 || seccomp === 2 ? seccomp : null,
    ppid: number('PPid'),
  };
}
