import assert from 'node:assert/strict';
import { defineCheck, observe } from '../../src/core/labs/check';
import { LabRunner } from '../../src/core/labs/runner';
import { labEventsOf } from '../../src/docker/lab-events';
import { daemonForLabs } from '../../src/docker/labs';
import { DockerModel } from '../../src/docker/model';
import { removeContainer, runBusybox, testClient, uniqueName } from '../support/daemon';
import { environment, kindsOf, lab, pack, spec, step } from '../support/lab-pack';
import { waitFor } from '../support/wait';

/** "container X is running", written here over LabDaemon so the test does not depend on the real kind. */
const containerRunning = defineCheck({
  meta: { kind: 'container-running', description: 'a container is running', fields: {}, triggers: ['container'], examples: [] },
  title: (f) => `container ${String(f.container)} is running`,
  async run(f, ctx) {
    const c = await ctx.daemon.container(String(f.container));
    const actual = c ? c.State.Status : 'missing';
    return [observe('state', actual === 'running', 'running', actual, `docker run -d --name ${String(f.container)} busybox sleep 300`)];
  },
});

describe('docker/lab-events: a watched step follows the daemon\'s events (real daemon)', () => {
  const client = testClient();
  let model: DockerModel;
  let runner: LabRunner | undefined;
  const created: string[] = [];

  beforeEach(async () => {
    model = new DockerModel(client);
    await model.start();
    assert.equal(model.connection.kind, 'connected');
  });
  afterEach(async () => {
    runner?.dispose();
    model.dispose();
    while (created.length) await removeContainer(client, created.pop()!);
  });

  it('says what each event is about: a container event carries the container\'s id and name', async () => {
    const subjects: (readonly string[])[] = [];
    const sub = labEventsOf(model).onEffect((effect, about) => effect.kind === 'container' && about && subjects.push(about));
    const name = uniqueName('subject');
    const id = await runBusybox(client, name);
    created.push(id);
    try {
      await waitFor(() => subjects.some((s) => s.includes(id) && s.includes(name)), `an event about ${name} with its id and name`, 5000);
    } finally {
      sub.dispose();
    }
  });

  it('a watched step whose check names a container is not re-run by another container\'s events (the real container kind)', async () => {
    const { CHECK_KIND_BY_NAME } = await import('../../src/core/labs/checks');
    const mine = uniqueName('mine');
    const p = pack([lab('one', [step('a', [spec('container', { container: mine, state: 'running' })])])]);
    let runs = 0;
    const real = CHECK_KIND_BY_NAME.get('container')!;
    const counted = { ...real, run: (f: Record<string, unknown>, c: Parameters<typeof real.run>[1]) => (runs++, real.run(f, c)) };
    runner = new LabRunner({ pack: p, environment: { ...environment(), daemon: daemonForLabs(() => client) }, trusted: true, kinds: kindsOf(counted), events: labEventsOf(model) });
    runner.watch('one', 'a');
    const other = await runBusybox(client, uniqueName('other'));
    created.push(other);
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(runs, 0, 'create and start of another container re-ran nothing');
    created.push(await runBusybox(client, mine));
    await waitFor(() => runner!.state('one', 'a').status === 'passed', `${mine} passed from its own events`, 5000);
  });

  it('the model hands each live event and its effect to onDaemonEvent', async () => {
    const seen: string[] = [];
    model.onDaemonEvent((effect, event) => effect.kind === 'container' && seen.push(`${event.Action} ${effect.id}`));
    const id = await runBusybox(client, uniqueName('hook'));
    created.push(id);
    await waitFor(() => seen.includes(`start ${id}`), 'the start event reaches the listener', 5000);
    assert.ok(seen.includes(`create ${id}`));
  });

  it('passes after docker run and un-passes after docker rm, driven by events alone', async () => {
    const name = uniqueName('watch');
    const sample = pack([lab('one', [step('run', [spec('container-running', { container: name })])])]);
    runner = new LabRunner({
      pack: sample,
      environment: { ...environment(), daemon: daemonForLabs(() => client) },
      trusted: false,
      kinds: kindsOf(containerRunning),
      events: labEventsOf(model),
    });
    const events: { action: string; at: number }[] = [];
    model.onDaemonEvent((effect, event) => effect.kind === 'container' && event.Actor?.Attributes?.name === name && events.push({ action: String(event.Action), at: Date.now() }));
    const statuses: { status: string; at: number }[] = [];
    runner.onDidChange(() => statuses.push({ status: runner!.state('one', 'run').status, at: Date.now() }));
    runner.watch('one', 'run');

    const id = await runBusybox(client, name);
    created.push(id);
    await waitFor(() => runner!.state('one', 'run').status === 'passed', 'the step passes after docker run', 5000);
    const start = events.find((e) => e.action === 'start')!;
    const passed = statuses.find((s) => s.status === 'passed')!;
    console.log(`      event (container create) → passed ${passed.at - events[0]!.at} ms; (container start) → passed ${passed.at - start.at} ms (a negative or small figure: the run the create event began already saw it running)`);
    const before = events.length;

    await removeContainer(client, id);
    await waitFor(() => runner!.state('one', 'run').status === 'failed', 'the step un-passes after docker rm', 5000);
    const state = runner.state('one', 'run');
    assert.ok(state.unpassed, 'the state says it un-passed');
    assert.match(state.unpassed.reason, new RegExp(`^container ${name} is running: state is (missing|removing|exited), expected running`));
    const removal = events[before]!;
    const failed = statuses.find((s) => s.status === 'failed')!;
    console.log(`      first event of docker rm (container ${removal.action}) → step un-passed: ${failed.at - removal.at} ms`);
  });
});
