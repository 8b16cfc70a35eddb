// A small table of check kinds for loader tests (the registry is filled elsewhere): fields of several types.
import { defineCheck, type CheckKind } from '../../../src/core/labs/check';

const noRun = async () => [];

export const TEST_KINDS: readonly CheckKind[] = [
  defineCheck({
    meta: {
      kind: 'container',
      description: 'a container exists and is in a state',
      fields: {
        container: { type: 'string', description: 'the container name', required: true },
        state: { type: 'enum', values: ['running', 'exited'], description: 'its state' },
        memory: { type: 'bytes', description: 'memory limit', unit: 'bytes' },
        image: { type: 'string', description: 'the image it runs', refersTo: 'image' },
        env: { type: 'map', description: 'environment variables it has' },
      },
      triggers: ['container'],
      examples: [],
    },
    title: (f) => `container ${String(f.container)}`,
    run: noRun,
  }),
  defineCheck({
    meta: {
      kind: 'resources',
      description: 'cgroup limits',
      fields: {
        container: { type: 'string', description: 'the container name', required: true },
        cpus: { type: 'cpus', description: 'CPU limit' },
        pidsLimit: { type: 'integer', description: 'pids limit' },
        grace: { type: 'duration', description: 'how long' },
      },
      triggers: ['container'],
      examples: [],
    },
    title: (f) => `resources of ${String(f.container)}`,
    run: noRun,
  }),
  defineCheck({
    meta: {
      kind: 'exec',
      description: 'a command in a container',
      fields: {
        container: { type: 'string', description: 'the container name', required: true },
        command: { type: 'string[]', description: 'argv', required: true },
        stdout: { type: 'text', description: 'what it prints' },
        published: { type: 'port', description: 'a port' },
      },
      triggers: [],
      examples: [],
    },
    title: (f) => `exec in ${String(f.container)}`,
    run: noRun,
  }),
];
