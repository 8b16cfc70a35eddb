import assert from 'node:assert/strict';
import type { ActionOutcome, ActionRunner } from '../../../src/core/labs/actions';
import type { OwnedObject, Ownership } from '../../../src/core/labs/ownership';
import type { Action } from '../../../src/core/labs/pack';
import { selfTest } from '../../../src/core/labs/self-test';
import { AT, environment, kindsOf, lab, pack, spec, step, worldKind } from '../../support/lab-pack';

/** Actions over a world object: each argv is `set KEY VALUE` (or `fail`); the log says what ran. */
function worldActions(world: Record<string, string>, log: string[]): ActionRunner {
  return {
    async run(action, what): Promise<ActionOutcome> {
      log.push(what);
      for (const c of action.commands) {
        if (c.kind !== 'argv') continue;
        if (c.argv[0] === 'fail') return { ok: false, commands: [{ command: 'fail', exitCode: 1, output: '', ms: 0, problem: 'exited with code 1' }] };
        world[c.argv[1]!] = c.argv[2]!;
      }
      return { ok: true, commands: [] };
    },
  };
}
const set = (...pairs: [string, string][]): Action => ({ commands: pairs.map(([k, v]) => ({ kind: 'argv' as const, argv: ['set', k, v], at: AT })), timeoutMs: 1000, at: AT });

function worldOwnership(world: Record<string, string>): Ownership & { removed: string[] } {
  const removed: string[] = [];
  return {
    removed,
    async list() {
      return Object.entries(world)
        .filter(([k, v]) => k.startsWith('sample-') && v !== 'gone')
        .map(([k]): OwnedObject => ({ kind: 'container', name: k, id: k, because: 'prefix sample-' }));
    },
    async remove(objects) {
      for (const o of objects) (world[o.name] = 'gone'), removed.push(o.name);
      return { removed: objects, failed: [] };
    },
  };
}

describe('core/labs/self-test: setup → every check fails, solve → every check passes, cleanup → nothing left', () => {
  it('a well-made pack passes, each step in order with its checks\' statuses', async () => {
    const world: Record<string, string> = {};
    const log: string[] = [];
    const { kind } = worldKind('w', world, ['container']);
    const quiz = worldKind('quiz', world, [], { answeredByStudent: true }).kind;
    const p = pack([
      lab('one', [
        step('run', [spec('w', { key: 'sample-web', want: 'running' }), spec('quiz', { key: 'q', want: 'a' })], {
          setup: set(['sample-web', 'gone']),
          solve: set(['sample-web', 'running']),
          cleanup: set(['sample-web', 'gone']),
        }),
        step('image', [spec('w', { key: 'image', want: 'built' }, { expectBeforeSolve: 'errored' })], { setup: set(['image', 'THROW']), solve: set(['image', 'built']) }),
      ]),
    ]);
    const report = await selfTest(p, { actions: worldActions(world, log), ownership: worldOwnership(world), environment: environment(), kinds: kindsOf(kind, quiz) });
    assert.equal(report.passed, true, JSON.stringify(report));
    assert.deepEqual(
      report.labs[0]!.steps.map(({ id, beforeSolve, afterSolve, message }) => ({ id, beforeSolve, afterSolve, message })),
      [
        { id: 'run', beforeSolve: ['failed', 'skipped'], afterSolve: ['passed', 'skipped'], message: 'ok' },
        { id: 'image', beforeSolve: ['errored'], afterSolve: ['passed'], message: 'ok' },
      ],
    );
    assert.deepEqual(log, ['the setup of one/run', 'the solve of one/run', 'the cleanup of one/run', 'the setup of one/image', 'the solve of one/image']);
    assert.deepEqual(report.leftovers, []);
  });

  it('reports a check that passes before the solve, one that fails after it, a missing solve, a failed setup, and leftovers', async () => {
    const world: Record<string, string> = { always: 'yes' };
    const { kind } = worldKind('w', world, []);
    const ownership = worldOwnership(world);
    const p = pack([
      lab('one', [
        step('early', [spec('w', { key: 'always', want: 'yes' })], { solve: set(['x', 'y']) }),
        step('never', [spec('w', { key: 'sample-db', want: 'running' })], { solve: set(['sample-db', 'exited']) }),
        step('unsolved', [spec('w', { key: 'z', want: 'yes' })]),
        step('setup', [spec('w', { key: 'z', want: 'yes' })], { setup: { commands: [{ kind: 'argv', argv: ['fail'], at: AT }], timeoutMs: 1000, at: AT } }),
      ]),
    ]);
    const report = await selfTest(p, { actions: worldActions(world, []), ownership, environment: environment(), kinds: kindsOf(kind) });
    assert.equal(report.passed, false);
    assert.deepEqual(report.labs[0]!.steps.map((s) => s.message), [
      'before the solve, failed was expected of always is yes: passed',
      'after the solve, sample-db is running: sample-db is exited, expected running: set sample-db to running',
      'it has no solve, so nothing shows its checks can pass: add a solve action',
      'setup failed: fail exited with code 1',
    ]);
    assert.deepEqual(report.leftovers, ['container sample-db (prefix sample-)'], 'cleanup left the container');
    assert.deepEqual(ownership.removed, ['sample-db'], 'and the self-test removed it afterwards');
  });

  it('--lab runs only that lab', async () => {
    const world: Record<string, string> = {};
    const { kind } = worldKind('w', world, []);
    const p = pack([lab('one', [step('a', [], {})]), lab('two', [step('b', [])])]);
    const report = await selfTest(p, { actions: worldActions(world, []), ownership: worldOwnership(world), environment: environment(), kinds: kindsOf(kind), lab: 'two' });
    assert.deepEqual(report.labs.map((l) => l.id), ['two']);
  });
});
