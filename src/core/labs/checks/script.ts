// A pack's own shell script, for what no typed kind covers: its exit code and output. It runs only in
// a trusted workspace (the runner refuses it otherwise), through ctx.runScript.
import { defineCheck, observe } from '../check';
import { matchText, type TextMatch } from '../fields';

const SCRIPT_TIMEOUT_MS = 60_000;

const lastLines = (s: string) => {
  const lines = s.trimEnd().split('\n');
  return (lines.length > 5 ? ['…', ...lines.slice(-5)] : lines).join('\n');
};

export default defineCheck({
  meta: {
    kind: 'script',
    description: `A shell script of the pack's (run with /bin/sh -c, Docker's endpoint in its environment, for at most ${SCRIPT_TIMEOUT_MS / 1000} s), for what no typed kind covers: its exit code and standard output. Trusted workspaces only.`,
    fields: {
      script: { type: 'string', required: true, description: 'The script\'s text.' },
      exitCode: { type: 'integer', description: 'The exit status expected (default 0).' },
      stdout: { type: 'text', description: 'Its standard output: equals (a string, compared trimmed), or { contains | matches }.' },
    },
    triggers: [],
    needsTrust: true,
    examples: [
      { title: 'Two containers on the same network can talk', yaml: 'kind: script\nscript: docker exec shop-web wget -qO- http://shop-db:8080/ping\nstdout: {contains: pong}' },
    ],
  },
  title: (f) => `script: ${String(f.script).trim().split('\n')[0]!.slice(0, 60)}`,
  async run(f, ctx) {
    const r = await ctx.runScript(f.script as string, SCRIPT_TIMEOUT_MS);
    const exitCode = (f.exitCode as number | undefined) ?? 0;
    const out = [observe('exitCode', r.exitCode === exitCode, `exit status ${exitCode}`, `exit status ${r.exitCode}${r.stderr.trim() ? `: ${lastLines(r.stderr)}` : ''}`, 'do what the step asks; the script\'s error output says what it found')];
    if (f.stdout !== undefined) {
      const m = matchText(f.stdout as TextMatch, r.stdout);
      out.push(observe('stdout', m.ok, `output ${m.expected}`, `output ${JSON.stringify(lastLines(r.stdout))}`, 'do what the step asks, then check again'));
    }
    return out;
  },
});
