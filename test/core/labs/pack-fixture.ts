// Packs written into temporary folders for loader tests: a good manifest and the files it names.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const GOOD_MANIFEST = `schemaVersion: 1
id: sample
title: Sample pack
version: 1.0.0
minShipshapeVersion: 0.1.0
description: What the pack teaches.
requires: { apiVersion: "1.41", os: linux, cgroup: v1, swarm: false, rootful: true }
images:
  - name: web
    build: images/web
    tag: shipshape-sample/web:1
  - name: base
    pull: busybox:latest
resources:
  containers: [sample-web]
  prefixes: [sample-]
labs:
  - id: first
    title: First lab
    intro: labs/first/intro.md
    recap: labs/first/recap.md
    steps:
      - id: pull-image
        title: Pull the image
        body: labs/first/pull.md
        points: 5
        checks:
          - kind: exec
            container: sample-web
            command: [cat, /etc/hostname]
            stdout: { matches: "^[a-f0-9]+$" }
      - id: run-web
        title: Run the web container
        body: labs/first/run-web.md
        points: 10
        needs: [pull-image]
        hints:
          - nudge: Containers start with docker run.
          - hint: Use -d and --name.
          - solution: docker run -d --name sample-web busybox sleep 3600
        setup:
          - docker rm -f sample-web
          - [docker, pull, busybox:latest]
        solve:
          timeout: 30s
          run:
            - docker run -d --name sample-web --label io.shipshape.pack=sample busybox sleep 3600
            - script: |
                docker network inspect sample-net >/dev/null 2>&1 || docker network create sample-net
        cleanup:
          - docker rm -f sample-web
        checks:
          - kind: container
            container: sample-web
            state: running
            memory: 256m
            image: web
            timeout: 5s
            interval: 500ms
            stableFor: 1s
            points: 4
          - kind: resources
            name: limits
            container: sample-web
            cpus: 0.5
            pidsLimit: 50
`;

export const GOOD_FILES: Record<string, string> = {
  'labs/first/intro.md': '# First lab\n',
  'labs/first/recap.md': 'You ran a container.\n',
  'labs/first/pull.md': 'Pull busybox.\n',
  'labs/first/run-web.md': 'Run `sample-web`.\n',
  'images/web/Dockerfile': 'FROM busybox\n',
};

const made: string[] = [];

/** A temporary folder holding `files`; removed by removePacks(). */
export function tempDir(prefix = 'shipshape-pack-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function writeFiles(dir: string, files: Record<string, string | Buffer>): string {
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

/** A pack folder: the manifest text and the good files (or `files` instead). */
export function writePack(manifest: string, files: Record<string, string> = GOOD_FILES): string {
  return writeFiles(tempDir(), { 'shipshape-pack.yaml': manifest, ...files });
}

export function removePacks(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}
