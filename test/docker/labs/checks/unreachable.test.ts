// An unreachable daemon makes every daemon-reading kind of this family errored (it throws DaemonError),
// never failed: nothing listens on the socket the context is given.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import image from '../../../../src/core/labs/checks/image';
import network from '../../../../src/core/labs/checks/network';
import swarm from '../../../../src/core/labs/checks/swarm';
import volume from '../../../../src/core/labs/checks/volume';
import { DaemonError } from '../../../../src/core/labs/daemon';
import { createDockerClient } from '../../../../src/docker/client';
import { daemonForLabs } from '../../../../src/docker/labs';
import { judge, labContext } from '../../../support/lab-checks';

describe('labs checks: an unreachable daemon is errored, not failed', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-nodaemon-'));
  const ctx = () => labContext({}, { daemon: daemonForLabs(() => createDockerClient({ host: `unix://${path.join(dir, 'none.sock')}` })) });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const cases = [
    { kind: network, fields: { network: 'web-net' } },
    { kind: volume, fields: { volume: 'web-data' } },
    { kind: image, fields: { image: 'web:1' } },
    { kind: swarm, fields: { active: true } },
  ];
  for (const { kind, fields } of cases)
    it(`${kind.meta.kind} throws DaemonError`, async () => {
      await assert.rejects(judge(kind, fields, ctx()), (e: unknown) => e instanceof DaemonError && /none\.sock|ENOENT|connect/i.test((e as Error).message));
    });
});
