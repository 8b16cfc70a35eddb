// A small lab pack written into a temp folder for the extension-host tests: its own id and object
// names (other engineers' tests share the daemon), a step whose checks a test makes pass and fail
// with a container it creates, and a step whose solve and script check write marker files (the
// trust tests assert on them). Returns where everything is.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { uniqueName } from './daemon';

export interface TrialPack {
  dir: string;
  manifest: string;
  id: string;
  /** The container the run step checks (the test creates and removes it). */
  container: string;
  port: number;
  /** Written by the marker step's solve (argv form, no shell). */
  solveMarker: string;
  /** Written by the marker step's script check. */
  scriptMarker: string;
}

export function writeTrialPack(port: number): TrialPack {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-trial-pack-'));
  const container = uniqueName('lab');
  const id = `trial-${path.basename(dir).slice(-6).toLowerCase().replace(/[^a-z0-9]/g, 'x')}`;
  const solveMarker = path.join(dir, 'solve-ran');
  const scriptMarker = path.join(dir, 'script-ran');
  const manifest = path.join(dir, 'shipshape-pack.yaml');
  const files: Record<string, string> = {
    'shipshape-pack.yaml': `schemaVersion: 1
id: ${id}
title: Trial pack ${id}
version: 1.0.0
description: Written by the extension tests.
resources:
  prefixes: [${container}]
labs:
  - id: web
    title: A web container
    intro: intro.md
    recap: recap.md
    steps:
      - id: run
        title: Run and publish
        body: run.md
        points: 10
        checks:
          - kind: container
            container: ${container}
            state: running
          - kind: ports
            container: ${container}
            published: ["${port}:80/tcp"]
      - id: marker
        title: Write the markers
        body: marker.md
        points: 5
        solve:
          - [touch, ${JSON.stringify(solveMarker)}]
        checks:
          - kind: script
            name: the script wrote its marker
            script: touch ${JSON.stringify(scriptMarker)} && echo ok
            stdout: ok
`,
    'intro.md': '# A web container\n',
    'recap.md': '# Done\n',
    'run.md': `# Run and publish\n\nRun \`${container}\` publishing port 80 on ${port}.\n\n\`\`\`sh\ndocker run -d --name ${container} -p 127.0.0.1:${port}:80 busybox httpd -f\n\`\`\`\n`,
    'marker.md': '# Write the markers\n\nPress Solve.\n',
  };
  for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, file), text);
  return { dir, manifest, id, container, port, solveMarker, scriptMarker };
}

/** A pack with a mistake on a known line: an unknown check kind on line 16 (column 19). */
export function writeBrokenPack(): { dir: string; manifest: string; line: number } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-broken-pack-'));
  const manifest = path.join(dir, 'shipshape-pack.yaml');
  fs.writeFileSync(
    manifest,
    `schemaVersion: 1
id: broken
title: Broken pack
version: 1.0.0
description: An unknown check kind.
labs:
  - id: one
    title: One
    intro: intro.md
    recap: recap.md
    steps:
      - id: first
        title: First
        body: intro.md
        checks:
          - kind: containr
            container: x
`,
  );
  fs.writeFileSync(path.join(dir, 'intro.md'), '# One\n');
  fs.writeFileSync(path.join(dir, 'recap.md'), '# Done\n');
  return { dir, manifest, line: 16 };
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}
