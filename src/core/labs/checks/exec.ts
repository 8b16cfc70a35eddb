// exec: a command run in a running container (no shell unless the argv is one) exits with a code and
// prints what the step asks for. Events cannot tell when its answer changes: it runs on Check and at its interval.
import { defineCheck, observe, type Observation } from '../check';
import { matchText, type TextMatch } from '../fields';
import { CONTAINER_FIELD, argvOf, commandLine, findTarget, printed, shown, wantedText } from './target';

type Fields = { container: string; command: string[]; user?: string; exitCode?: number; stdout?: TextMatch; stderr?: TextMatch; commandTimeout?: number };

const DEFAULT_COMMAND_TIMEOUT_MS = 10_000;

export default defineCheck({
  meta: {
    kind: 'exec',
    description:
      'A command run in a running container exits with a code (0 unless given) and prints what is expected on stdout and stderr. It runs as an argument list, without a shell unless the list is one (`[sh, -c, "…"]`); the image must have the command.',
    fields: {
      container: CONTAINER_FIELD,
      command: { type: 'string[]', required: true, description: 'The command as an argument list; one string is split into words as a shell would (no shell runs it).' },
      user: { type: 'string', description: 'The user to run it as (docker exec --user): "1000", "nobody", "1000:1000".' },
      exitCode: { type: 'integer', description: 'The exit code expected; 0 unless given.' },
      stdout: { type: 'text', description: 'What it must print on stdout: a string (equal, blanks around it ignored) or { contains | matches | equals }.' },
      stderr: { type: 'text', description: 'What it must print on stderr, as stdout.' },
      commandTimeout: { type: 'duration', unit: 'duration (500ms, 5s)', description: 'How long one run may take before the check is errored; 10s unless given.' },
    },
    triggers: [],
    examples: [
      { title: 'A file the student wrote says hello', yaml: 'kind: exec\ncontainer: sample-web\ncommand: cat /srv/index.html\nstdout: { contains: hello }' },
      { title: 'Name resolution on a user-defined network, through a shell', yaml: 'kind: exec\ncontainer: sample-client\ncommand: [sh, -c, "nslookup sample-web"]\nstdout: { matches: "Address: 172\\\\." }' },
      { title: 'Not allowed to write as an unprivileged user', yaml: 'kind: exec\ncontainer: sample-web\nuser: "1000"\ncommand: touch /etc/x\nexitCode: 1\nstderr: { contains: Permission denied }' },
    ],
  },
  title(fields) {
    const f = fields as Fields;
    return `\`${commandLine(argvOf(f.command))}\` in ${f.container} exits with ${f.exitCode ?? 0}`;
  },
  async run(fields, ctx) {
    const f = fields as Fields;
    const target = await findTarget(ctx, f.container, { running: true });
    if (!target.container) return target.failed;
    const argv = argvOf(f.command);
    const cmd = commandLine(argv);
    const result = await ctx.daemon.exec(f.container, argv, { ...(f.user ? { user: f.user } : {}), timeoutMs: f.commandTimeout ?? DEFAULT_COMMAND_TIMEOUT_MS });
    const want = f.exitCode ?? 0;
    const said = result.stderr.trim() || result.stdout.trim();
    const out: Observation[] = [
      observe('exitCode', result.exitCode === want, String(want), String(result.exitCode), `\`${cmd}\` exited with ${result.exitCode}${said ? `, saying: ${shown(said.split('\n')[0]!)}` : ''}; it must exit with ${want}`),
    ];
    for (const stream of ['stdout', 'stderr'] as const) {
      const match = f[stream];
      if (!match) continue;
      const { ok, expected } = matchText(match, result[stream]);
      out.push(observe(stream, ok, expected, printed(result[stream]), `\`${cmd}\` in ${f.container} must print ${wantedText(match)} on ${stream}`));
    }
    return out;
  },
});
