// `npm start`: the main job. Builds, brings up the Docker daemon, and opens Shipshape in a real
// VS Code with the sample workspace: desktop VS Code when there is one, otherwise the VS Code
// server on 127.0.0.1 (prints the URL to open; Ctrl-C stops it).
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startVSCodeServer } from './vscode-session.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const workspace = path.join(root, 'test', 'fixtures', 'sample-workspace');

function must(title, cmd, args) {
  console.log(`== ${title}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`start: ${title} failed`);
    process.exit(1);
  }
}

must('build', process.execPath, [path.join(root, 'scripts', 'build.mjs')]);
must('Docker daemon', 'bash', [path.join(root, 'scripts', 'docker-up')]);

const desktop = (process.env.DISPLAY || process.env.WAYLAND_DISPLAY || process.platform !== 'linux') && spawnSync('code', ['--version']).status === 0;
if (desktop && process.env.SHIPSHAPE_VSCODE !== 'server') {
  console.log('== opening desktop VS Code with the extension under development');
  spawn('code', ['--extensionDevelopmentPath', root, workspace], { stdio: 'inherit', detached: true }).unref();
} else {
  const port = Number(process.env.SHIPSHAPE_PORT ?? 8088);
  console.log(`== starting the VS Code server on 127.0.0.1:${port}`);
  const server = await startVSCodeServer({ port });
  const url = server.url(workspace, [['extensionDevelopmentPath', server.remote(root)]]);
  console.log(`\nShipshape is running in VS Code. Open this URL in a browser on this machine:\n\n  ${url}\n\n(server log: ${server.logFile}; Ctrl-C to stop)`);
  const stop = async () => {
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
