// A dockerd of the test's own, for tests that stop or restart a daemon: its own socket, data-root,
// exec-root, pidfile, config file, bridge and cgroup parent, started and stopped by the test, so the
// machine's daemon (and the user's containers on it) are never touched. It needs root and dockerd
// (CI has both); when it cannot run, start() throws with the reason and the test fails.
// Recipe and traps: RECIPES.md "A second, private dockerd" (its own bridge: --bridge=none deletes
// the machine's docker0; a short folder: unix socket paths are limited to ~100 bytes).
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { DockerClient, createDockerClient } from '../../src/docker/client';
import { testClient } from './daemon';
import { waitFor } from './wait';

const DOCKERD = '/usr/sbin/dockerd';

function run(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${(r.stderr || r.error?.message || `exit ${r.status}`).trim()}`);
  return r.stdout;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** A /24 on 10.231.x.0 that no interface of this machine uses yet. */
function freeSubnet(): string {
  const used = run('ip', ['-4', '-o', 'addr']);
  for (let tries = 0; tries < 50; tries++) {
    const x = 1 + Math.floor(Math.random() * 254);
    if (!used.includes(` 10.231.${x}.`)) return `10.231.${x}`;
  }
  throw new Error('no free 10.231.x.0/24 subnet for the private bridge');
}

export class PrivateDockerd {
  readonly socket: string;
  readonly host: string;
  readonly bridge: string;
  /** Containers go under /sys/fs/cgroup/<controller>/<cgroupParent>/, not the machine daemon's docker/. */
  readonly cgroupParent: string;
  private child: ChildProcess | undefined;
  private exit: Promise<void> | undefined;
  private bridgeMade = false;

  private constructor(readonly dir: string) {
    const tag = path.basename(dir).replace(/[^a-z0-9]/gi, '').slice(-6).toLowerCase();
    this.socket = path.join(dir, 'd.sock');
    this.host = `unix://${this.socket}`;
    this.bridge = `shipd${tag}`;
    this.cgroupParent = `shipshape-test-${tag}`;
  }

  /** A new private daemon (its folder and bridge made, dockerd answering), with busybox:latest
   * copied into its own image store from the machine's daemon (read only there). */
  static async start(): Promise<PrivateDockerd> {
    if (process.getuid?.() !== 0) throw new Error('a private dockerd needs root (CI runs as root)');
    if (!fs.existsSync(DOCKERD)) throw new Error(`no ${DOCKERD}: install docker.io (scripts/docker-up does)`);
    const d = new PrivateDockerd(fs.mkdtempSync('/tmp/shd-'));
    try {
      const subnet = freeSubnet();
      run('ip', ['link', 'add', d.bridge, 'type', 'bridge']);
      d.bridgeMade = true;
      run('ip', ['addr', 'add', `${subnet}.1/24`, 'dev', d.bridge]);
      run('ip', ['link', 'set', d.bridge, 'up']);
      fs.writeFileSync(path.join(d.dir, 'daemon.json'), '{}\n'); // not /etc/docker/daemon.json
      await d.restart();
      await d.loadBusybox();
      return d;
    } catch (error) {
      await d.dispose();
      throw error;
    }
  }

  client(): DockerClient {
    return createDockerClient({ host: this.host });
  }

  get pid(): number | undefined {
    return this.child?.exitCode === null && this.child.signalCode === null ? this.child.pid : undefined;
  }

  /** Starts dockerd (again) on the same folders and waits until it answers. */
  async restart(timeoutMs = 30_000): Promise<void> {
    if (this.pid) throw new Error('the private dockerd is already running');
    const log = fs.openSync(path.join(this.dir, 'dockerd.log'), 'a');
    const d = this.dir;
    const child = spawn(DOCKERD, [
      '--config-file', path.join(d, 'daemon.json'), '--data-root', path.join(d, 'data'), '--exec-root', path.join(d, 'exec'),
      '--pidfile', path.join(d, 'docker.pid'), '-H', this.host, '--bridge', this.bridge, '--cgroup-parent', `/${this.cgroupParent}`,
      '--iptables=false', '--ip-masq=false', '--ip-forward=false',
    ], { stdio: ['ignore', log, log] });
    fs.closeSync(log);
    this.child = child;
    // Should this process end before dispose() (mocha --exit after a timeout), the daemon still stops.
    const orphaned = () => child.exitCode === null && child.signalCode === null && child.kill('SIGTERM');
    process.once('exit', orphaned);
    this.exit = new Promise((resolve) => child.once('exit', () => (process.off('exit', orphaned), resolve())));
    const client = this.client();
    try {
      await waitFor(async () => {
        if (!this.pid) throw new Error(`the private dockerd exited at start-up:\n${this.logTail()}`);
        return client.api.ping().then(() => true, () => false);
      }, 'the private dockerd answering', timeoutMs);
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${this.logTail()}`);
    }
  }

  /** SIGTERM, then waits until dockerd has exited (it stops its containers first); resolves with the ms it took. */
  async stop(timeoutMs = 90_000): Promise<number> {
    const began = Date.now();
    const child = this.child;
    if (!child || !this.pid) return 0;
    child.kill('SIGTERM');
    const timer = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), timeoutMs).unref());
    if ((await Promise.race([this.exit, timer])) === 'timeout') throw new Error(`the private dockerd did not exit within ${timeoutMs} ms`);
    return Date.now() - began;
  }

  /** Always safe to call: stops dockerd (killing it and whatever it left if it will not stop), then
   * removes its cgroups, mounts, bridge and folder. */
  async dispose(): Promise<void> {
    try {
      await this.stop(60_000);
    } catch {
      this.child?.kill('SIGKILL');
      await this.exit;
    }
    // What a killed dockerd can leave: its containerd, the shims and the containers' processes.
    // Each is found by this daemon's own folder or cgroup parent, so nothing else is touched.
    const leftovers = this.leftoverPids();
    for (const pid of leftovers) if (alive(pid)) process.kill(pid, 'SIGKILL');
    // A killed process leaves its cgroup when it has exited, which takes a moment.
    await waitFor(() => this.leftoverPids().length === 0, 'the private dockerd\'s processes gone', 10_000).catch(() => undefined);
    for (const controller of fs.existsSync('/sys/fs/cgroup') ? fs.readdirSync('/sys/fs/cgroup') : []) removeTree(path.join('/sys/fs/cgroup', controller, this.cgroupParent));
    const mounts = fs.readFileSync('/proc/self/mountinfo', 'utf8').split('\n').map((l) => l.split(' ')[4] ?? '').filter((m) => m.startsWith(`${this.dir}/`));
    for (const m of mounts.sort((a, b) => b.length - a.length)) spawnSync('umount', ['-l', m]);
    if (this.bridgeMade) spawnSync('ip', ['link', 'del', this.bridge]);
    this.bridgeMade = false;
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  private leftoverPids(): number[] {
    const pids = new Set<number>();
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        if (fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(`${this.dir}/`)) pids.add(Number(entry));
      } catch {
        // gone meanwhile
      }
    }
    const procs = (dir: string): void => {
      if (!fs.existsSync(dir)) return;
      for (const line of fs.readFileSync(path.join(dir, 'cgroup.procs'), 'utf8').split('\n')) if (line) pids.add(Number(line));
      for (const sub of fs.readdirSync(dir, { withFileTypes: true })) if (sub.isDirectory()) procs(path.join(dir, sub.name));
    };
    procs(path.join('/sys/fs/cgroup/pids', this.cgroupParent));
    pids.delete(process.pid);
    return [...pids];
  }

  private async loadBusybox(): Promise<void> {
    const image = await testClient().api.getImage('busybox:latest').get().catch((error: Error) => {
      throw new Error(`busybox:latest is not on the machine's daemon to copy from (scripts/docker-up builds it): ${error.message}`);
    });
    const client = this.client();
    const output = await client.api.loadImage(image);
    await new Promise((resolve, reject) => client.api.modem.followProgress(output, (error: Error | null) => (error ? reject(error) : resolve(undefined))));
  }

  logTail(lines = 20): string {
    try {
      return fs.readFileSync(path.join(this.dir, 'dockerd.log'), 'utf8').trim().split('\n').slice(-lines).join('\n');
    } catch {
      return '(no log)';
    }
  }
}

/** rmdir of a cgroup folder, its children first (cgroup folders hold only virtual files). */
function removeTree(dir: string): void {
  if (!fs.existsSync(dir)) return;
  for (const sub of fs.readdirSync(dir, { withFileTypes: true })) if (sub.isDirectory()) removeTree(path.join(dir, sub.name));
  try {
    fs.rmdirSync(dir);
  } catch {
    // still busy: a process the kill above could not end
  }
}
