import type { ShellWord } from '../../dockerfile/shell';
import { commandsNamed } from '../../dockerfile/shell';
import { defineInstructionRule, hadolintDocs } from '../define';

// go build flags that take a separate value (`-tags netgo`), so the value is not a package.
const VALUED = new Set(
  'C p o asmflags buildmode compiler gccgoflags gcflags installsuffix ldflags mod modfile overlay pgo pkgdir tags toolexec exec covermode coverpkg'.split(' '),
);
const SUBCOMMANDS = new Set(['install', 'get', 'run']);
const GO_WORD = /\bgo\s/;

/** Positional words of a go command after the subcommand. */
function goPositionals(args: ShellWord[]): ShellWord[] {
  const out: ShellWord[] = [];
  for (let i = 1; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.value.startsWith('-')) {
      out.push(arg);
      continue;
    }
    const name = arg.value.replace(/^--?/, '');
    if (VALUED.has(name)) i++;
  }
  return out;
}

export default defineInstructionRule(
  {
    id: 'DL3062',
    source: 'hadolint',
    severity: 'warning',
    description: 'Pin versions in go install. Instead of `go install <package>` use `go install <package>@<version>`',
    rationale:
      'Without a version, `go install`, `go get` and `go run` fetch whatever the module proxy serves today (and `@latest` says so explicitly), so two builds of one Dockerfile can install different tools. `pkg@v1.2.3` makes the build repeatable.',
    examples: {
      bad: 'FROM golang:1.22\nRUN go install golang.org/x/tools/gopls@latest\n',
      good: 'FROM golang:1.22\nRUN go install golang.org/x/tools/gopls@v0.16.1\n',
    },
    docs: hadolintDocs('DL3062'),
    fixable: false,
  },
  'RUN',
  (instruction, ctx) => {
    if (instruction.heredocs.length === 0 && !GO_WORD.test(instruction.argsText)) return; // no parse for RUNs without go
    const script = ctx.shell(instruction);
    if (!script) return;
    for (const command of commandsNamed(script, 'go')) {
      const sub = command.args[0]?.value;
      if (!sub || !SUBCOMMANDS.has(sub)) continue;
      let packages = goPositionals(command.args);
      // `go run pkg args…`: what follows the package belongs to the program.
      if (sub === 'run') packages = packages.slice(0, 1);
      else packages = packages.filter((p) => p.value !== 'tool');
      for (const pkg of packages) {
        const name = pkg.value;
        // Local paths are the build's own code; computed names cannot be judged.
        if (pkg.dynamic || name === '.' || name.startsWith('.') || name.startsWith('/')) continue;
        const at = name.lastIndexOf('@');
        const version = at >= 0 ? name.slice(at + 1) : '';
        if (version && version !== 'latest' && version !== 'none') continue;
        const bare = at >= 0 ? name.slice(0, at) : name;
        const what = version ? `\`${name}\` is not a fixed version` : `\`${name}\` has no version`;
        ctx.report({ range: pkg.range, message: `Pin versions in go ${sub}: ${what}; use \`${bare}@<version>\` (e.g. \`${bare}@v1.2.3\`)` });
      }
    }
  },
);
