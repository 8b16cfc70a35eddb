import assert from 'node:assert/strict';
import type { EventEffect } from '../../../src/core/containers/events';
import type { Progress, ProgressStore } from '../../../src/core/labs/progress';
import { LabRunner, LockedStepError, type RunnerChange } from '../../../src/core/labs/runner';
import type { DaemonEvents } from '../../../src/core/labs/watch';
import { environment, kindsOf, lab, pack, spec, step, worldKind } from '../../support/lab-pack';

class FakeEvents implements DaemonEvents {
  listeners = new Set<(e: EventEffect | { kind: 'swarm' }, subjects?: readonly string[]) => void>();
  onEffect(listener: (e: EventEffect | { kind: 'swarm' }, subjects?: readonly string[]) => void) {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }
  emit(effect: EventEffect | { kind: 'swarm' }, subjects?: readonly string[]) {
    for (const l of this.listeners) l(effect, subjects);
  }
}

class MemoryStore implements ProgressStore {
  saved: Progress[] = [];
  async load(packId: string, version: string) {
    const last = this.saved.at(-1);
    return last && last.packId === packId && last.version === version ? JSON.parse(JSON.stringify(last)) : undefined;
  }
  async save(p: Progress) {
    this.saved.push(JSON.parse(JSON.stringify(p)));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const containerEffect: EventEffect = { kind: 'container', id: 'abc', removed: false };

describe('core/labs/runner: a student working through a pack (fake kinds and events)', () => {
  let runners: LabRunner[] = [];
  const open = (options: Omit<ConstructorParameters<typeof LabRunner>[0], 'environment' | 'trusted'> & { trusted?: boolean }) => {
    const runner = new LabRunner({ environment: environment(), trusted: true, coalesceMs: 20, ...options });
    runners.push(runner);
    return runner;
  };
  afterEach(() => {
    runners.forEach((r) => r.dispose());
    runners = [];
  });

  it('check() passes a step whose checks hold and fails one whose checks do not, with the observation', async () => {
    const world = { web: 'running', db: 'exited' };
    const { kind } = worldKind('w', world, ['container']);
    const p = pack([lab('one', [step('a', [spec('w', { key: 'web', want: 'running' })]), step('b', [spec('w', { key: 'db', want: 'running' })])])]);
    const runner = open({ pack: p, kinds: kindsOf(kind) });
    assert.equal((await runner.check('one', 'a')).status, 'passed');
    const b = await runner.check('one', 'b');
    assert.equal(b.status, 'failed');
    assert.equal(b.results[0]!.observations[0]!.actual, 'exited');
    assert.ok(b.checkedAt && !b.passedAt);
  });

  it('a watched step re-runs on a relevant event, and a passed step un-passes with when and why', async () => {
    const world = { web: 'running' };
    const { kind, counter } = worldKind('w', world, ['container']);
    const events = new FakeEvents();
    const runner = open({ pack: pack([lab('one', [step('a', [spec('w', { key: 'web', want: 'running' })])])]), kinds: kindsOf(kind), events, clock: () => new Date('2026-12-01T10:00:00Z') });
    assert.equal((await runner.check('one', 'a')).status, 'passed');
    const changes: RunnerChange[] = [];
    runner.onDidChange((c) => changes.push(c));
    runner.watch('one', 'a');
    world.web = 'exited';
    events.emit(containerEffect);
    await sleep(80);
    const state = runner.state('one', 'a');
    assert.equal(state.status, 'failed');
    assert.equal(counter.runs, 2);
    assert.deepEqual(state.unpassed, { at: '2026-12-01T10:00:00.000Z', reason: 'web is running: web is exited, expected running: set web to running' });
    assert.ok(changes.some((c) => c.kind === 'step' && c.lab === 'one' && c.step === 'a'));
    world.web = 'running';
    events.emit(containerEffect);
    await sleep(80);
    assert.equal(runner.state('one', 'a').status, 'passed');
    assert.equal(runner.state('one', 'a').unpassed, undefined, 'passing again clears the un-pass');
  });

  it('an event about other objects than a check names does not re-run it (a kind that declares concerns); one about its object does', async () => {
    const world = { web: 'running' };
    const concerned = worldKind('c', world, ['container']);
    concerned.kind.concerns = (f) => [String(f.key)];
    const p = pack([lab('one', [step('a', [spec('c', { key: 'web', want: 'running' })])])]);
    const events = new FakeEvents();
    const runner = open({ pack: p, kinds: kindsOf(concerned.kind), events });
    runner.watch('one', 'a');
    for (let i = 0; i < 5; i++) events.emit(containerEffect, ['0123456789ab', 'someone-elses-container']);
    await sleep(60);
    assert.equal(concerned.counter.runs, 0, 'five events about another container');
    events.emit(containerEffect, ['fedcba987654', 'web']);
    await sleep(60);
    assert.equal(concerned.counter.runs, 1);
    events.emit(containerEffect);
    await sleep(60);
    assert.equal(concerned.counter.runs, 2, 'an event whose subject is not known re-runs it');
  });

  it('an event re-runs only the checks whose kind lists its effect among its triggers', async () => {
    const world = { c: 'x', v: 'y' };
    const containers = worldKind('c', world, ['container']);
    const volumes = worldKind('v', world, ['volumes']);
    const p = pack([lab('one', [step('a', [spec('c', { key: 'c', want: 'x' }), spec('v', { key: 'v', want: 'y' })])])]);
    const events = new FakeEvents();
    const runner = open({ pack: p, kinds: kindsOf(containers.kind, volumes.kind), events });
    runner.watch('one', 'a');
    events.emit({ kind: 'volumes' });
    await sleep(60);
    assert.deepEqual([containers.counter.runs, volumes.counter.runs], [0, 1]);
    events.emit({ kind: 'images' });
    events.emit({ kind: 'none' });
    await sleep(60);
    assert.deepEqual([containers.counter.runs, volumes.counter.runs], [0, 1], 'effects no kind lists run nothing');
    events.emit(containerEffect);
    await sleep(60);
    assert.deepEqual([containers.counter.runs, volumes.counter.runs], [1, 1]);
    assert.equal(runner.state('one', 'a').status, 'passed', 'both checks have now run and hold');
  });

  it('a burst of events is coalesced into one run', async () => {
    const { kind, counter } = worldKind('w', { web: 'running' }, ['container']);
    const events = new FakeEvents();
    const runner = open({ pack: pack([lab('one', [step('a', [spec('w', { key: 'web', want: 'running' })])])]), kinds: kindsOf(kind), events });
    runner.watch('one', 'a');
    for (let i = 0; i < 10; i++) events.emit(containerEffect);
    await sleep(80);
    assert.equal(counter.runs, 1);
  });

  it('with nothing changing no check runs; kinds without triggers are polled only when watched with poll', async () => {
    const world = { page: 'ok', web: 'running' };
    const http = worldKind('http', world, []);
    const container = worldKind('w', world, ['container']);
    const p = pack([lab('one', [step('a', [spec('http', { key: 'page', want: 'ok' }, { intervalMs: 30 }), spec('w', { key: 'web', want: 'running' })])])]);
    const events = new FakeEvents();
    const runner = open({ pack: p, kinds: kindsOf(http.kind, container.kind), events });
    runner.watch('one', 'a');
    await sleep(200);
    assert.deepEqual([http.counter.runs, container.counter.runs], [0, 0], 'idle: no runs');
    events.emit(containerEffect);
    await sleep(60);
    assert.equal(http.counter.runs, 0, 'a container event does not run an http check');
    runner.watch('one', 'a', { poll: true });
    await sleep(200);
    assert.ok(http.counter.runs >= 3 && http.counter.runs <= 8, `polled at its 30 ms interval (${http.counter.runs} runs in 200 ms)`);
    assert.equal(container.counter.runs, 1, 'event-driven kinds are not polled');
    runner.unwatch('one', 'a');
    const after = http.counter.runs;
    await sleep(120);
    assert.equal(http.counter.runs, after, 'unwatched: polling stops');
    assert.equal(events.listeners.size, 0, 'and the runner no longer listens to events');
  });

  it('needs gate steps: locked until passed, check() refuses a locked step unless ignoreNeeds, next() follows', async () => {
    const world = { a: 'yes', b: 'yes', c: 'no' };
    const { kind } = worldKind('w', world, []);
    const p = pack([
      lab('one', [step('a', [spec('w', { key: 'a', want: 'yes' })]), step('b', [spec('w', { key: 'b', want: 'yes' })], { needs: ['a'] })]),
      lab('two', [step('c', [spec('w', { key: 'c', want: 'yes' })], { needs: ['one/b'] })]),
    ]);
    const runner = open({ pack: p, kinds: kindsOf(kind) });
    assert.equal(runner.state('one', 'b').status, 'locked');
    assert.equal(runner.state('two', 'c').status, 'locked');
    assert.deepEqual(runner.next(), { lab: 'one', step: 'a' });
    await assert.rejects(runner.check('one', 'b'), (e: Error) => e instanceof LockedStepError && e.message === 'step one/b is locked: pass one/a first');
    await runner.check('one', 'a');
    assert.equal(runner.state('one', 'b').status, 'ready');
    assert.deepEqual(runner.next(), { lab: 'one', step: 'b' });
    await runner.check('one', 'b');
    assert.deepEqual(runner.next(), { lab: 'two', step: 'c' });
    assert.equal((await runner.check('two', 'c')).status, 'failed');
    assert.deepEqual(runner.next(), { lab: 'two', step: 'c' }, 'a failed step is still the next one');
    world.c = 'yes';
    await runner.check('two', 'c');
    assert.equal(runner.next(), undefined);
    const gated = open({ pack: p, kinds: kindsOf(kind) });
    assert.equal((await gated.check('two', 'c', { ignoreNeeds: true })).status, 'passed', 'grading checks every step');
  });

  it('points: the step split over checks (10 over 3 is 4+3+3), own points kept, partial credit, solved earns 0', async () => {
    const world = { x: 'ok', y: 'ok', z: 'no' };
    const { kind } = worldKind('w', world, []);
    const p = pack([
      lab('one', [
        step('a', [spec('w', { key: 'x', want: 'ok' }), spec('w', { key: 'y', want: 'ok' }), spec('w', { key: 'z', want: 'ok' })]),
        step('b', [spec('w', { key: 'x', want: 'ok' }, { points: 7 }), spec('w', { key: 'z', want: 'ok' })], { points: 10 }),
      ]),
    ]);
    const runner = open({ pack: p, kinds: kindsOf(kind) });
    assert.deepEqual(runner.points(), { earned: 0, available: 20 });
    await runner.check('one', 'a');
    assert.deepEqual(runner.points('one', 'a'), { earned: 7, available: 10 }, 'x and y passed: 4 + 3');
    await runner.check('one', 'b', { ignoreNeeds: true });
    assert.deepEqual(runner.points('one', 'b'), { earned: 7, available: 10 });
    assert.deepEqual(runner.points('one'), { earned: 14, available: 20 });
    world.z = 'ok';
    runner.markSolved('one', 'b');
    const b = await runner.check('one', 'b');
    assert.equal(b.status, 'solved');
    assert.deepEqual(runner.points('one', 'b'), { earned: 0, available: 10 });
  });

  it('hints come tier by tier, then none', () => {
    const hints = [
      { tier: 'nudge' as const, text: 'n' },
      { tier: 'hint' as const, text: 'h' },
      { tier: 'solution' as const, text: 's' },
    ];
    const runner = open({ pack: pack([lab('one', [step('a', [], { hints })])]), kinds: kindsOf() });
    assert.deepEqual([runner.hint('one', 'a'), runner.hint('one', 'a'), runner.hint('one', 'a'), runner.hint('one', 'a')], [...hints, undefined]);
    assert.equal(runner.state('one', 'a').hintsShown, 3);
  });

  it('a quiz answer reaches its check through ctx.answer(ctx.checkId)', async () => {
    const quiz = {
      meta: { kind: 'quiz', description: '', fields: {}, triggers: [], examples: [] },
      title: () => 'quiz',
      run: async (_f: Record<string, unknown>, ctx: { answer(id: string): string | undefined; checkId: string }) => [
        { field: 'answer', ok: ctx.answer(ctx.checkId) === '42', expected: 'the right answer', actual: ctx.answer(ctx.checkId) ?? 'no answer' },
      ],
    };
    const runner = open({ pack: pack([lab('one', [step('q', [spec('quiz')])])]), kinds: kindsOf(quiz) });
    assert.equal((await runner.check('one', 'q')).results[0]!.observations[0]!.actual, 'no answer');
    runner.answer('one/q/0', '42');
    assert.equal((await runner.check('one', 'q')).status, 'passed');
    assert.throws(() => runner.answer('one/q/3', 'x'), /"one\/q\/3" names no check: a check id is <lab>\/<step>\/<index>, and one\/q has 1 checks/);
  });

  it('saves after each change and a new runner restores statuses, hints, answers and points; removed steps are dropped', async () => {
    const { kind } = worldKind('w', { x: 'ok' }, []);
    const store = new MemoryStore();
    const p = pack([lab('one', [step('a', [spec('w', { key: 'x', want: 'ok' })], { hints: [{ tier: 'nudge', text: 'n' }] }), step('gone', [])])]);
    const first = await LabRunner.open({ pack: p, environment: environment(), trusted: true, kinds: kindsOf(kind), store });
    runners.push(first);
    await first.check('one', 'a');
    first.hint('one', 'a');
    first.answer('one/a/0', 'an answer');
    await first.flush();
    assert.ok(store.saved.length >= 3, 'one save per change');
    const edited = pack([lab('one', [step('a', [spec('w', { key: 'x', want: 'ok' })]), step('new', [])])]);
    const second = await LabRunner.open({ pack: edited, environment: environment(), trusted: true, kinds: kindsOf(kind), store });
    runners.push(second);
    const a = second.state('one', 'a');
    assert.equal(a.status, 'passed');
    assert.equal(a.hintsShown, 1);
    assert.ok(a.passedAt);
    assert.deepEqual(second.points('one', 'a'), { earned: 10, available: 10 }, 'points survive a reload before any re-check');
    assert.equal(second.state('one', 'new').status, 'ready');
    await second.flush();
    second.reset({ lab: 'one', step: 'new' });
    await second.flush();
    assert.deepEqual(Object.keys(store.saved.at(-1)!.steps), ['one/a', 'one/new'], 'the step the pack lost is gone from what is saved');
    assert.equal(store.saved.at(-1)!.steps['one/a']!.answers['0'], 'an answer');
  });

  it('reset forgets a step, a lab or the pack', async () => {
    const { kind } = worldKind('w', { x: 'ok' }, []);
    const p = pack([lab('one', [step('a', [spec('w', { key: 'x', want: 'ok' })]), step('b', [spec('w', { key: 'x', want: 'ok' })])]), lab('two', [step('c', [spec('w', { key: 'x', want: 'ok' })])])]);
    const runner = open({ pack: p, kinds: kindsOf(kind) });
    for (const [l, s] of [['one', 'a'], ['one', 'b'], ['two', 'c']] as const) await runner.check(l, s);
    runner.reset({ lab: 'one', step: 'b' });
    assert.deepEqual(['one/a', 'one/b', 'two/c'].map((k) => runner.state(k.split('/')[0]!, k.split('/')[1]!).status), ['passed', 'ready', 'passed']);
    runner.reset({ lab: 'two' });
    assert.equal(runner.state('two', 'c').status, 'ready');
    runner.reset({ pack: true });
    assert.equal(runner.state('one', 'a').status, 'ready');
    assert.throws(() => runner.reset({ lab: 'three' }), /pack sample has no lab "three"; its labs are one, two/);
  });

  it('untrusted: a needsTrust kind is held back and the step says so; trust granted later, it runs', async () => {
    let trusted = false;
    const { kind, counter } = worldKind('script', { x: 'ok' }, [], { needsTrust: true });
    const runner = new LabRunner({ pack: pack([lab('one', [step('a', [spec('script', { key: 'x', want: 'ok' })])])]), environment: environment(), trusted: () => trusted, kinds: kindsOf(kind) });
    runners.push(runner);
    const held = await runner.check('one', 'a');
    assert.equal(held.status, 'errored');
    assert.match(held.results[0]!.error!, /^held back: a script check runs only in a trusted workspace/);
    assert.equal(counter.runs, 0);
    trusted = true;
    assert.equal((await runner.check('one', 'a')).status, 'passed');
  });
});

describe('core/labs/watch eventConcerns', () => {
  it('matches a name, a name with the leading slash the API gives, and an id written short (12+ hex)', async () => {
    const { eventConcerns } = await import('../../../src/core/labs/watch');
    assert.equal(eventConcerns(['web'], ['a1b2c3', 'web']), true);
    assert.equal(eventConcerns(['web'], ['/web']), true);
    assert.equal(eventConcerns(['a1b2c3d4e5f6'], ['a1b2c3d4e5f60000000000']), true);
    assert.equal(eventConcerns(['web'], ['webserver', 'xweb']), false);
    assert.equal(eventConcerns(['abc'], ['abcdef']), false, 'a short name is not an id prefix');
  });
});
