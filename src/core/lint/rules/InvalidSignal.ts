import { unquotePair } from '../../dockerfile/quotes';
import { closest } from '../../dockerfile/spelling';
import { defineInstructionRule, fix, replace, shipshapeDocs } from '../define';

// Linux signal names as Docker's signal.ParseSignal knows them (without the SIG prefix).
const SIGNALS = [
  'ABRT', 'ALRM', 'BUS', 'CHLD', 'CLD', 'CONT', 'FPE', 'HUP', 'ILL', 'INT', 'IO', 'IOT', 'KILL', 'PIPE', 'POLL', 'PROF', 'PWR',
  'QUIT', 'SEGV', 'STKFLT', 'STOP', 'SYS', 'TERM', 'TRAP', 'TSTP', 'TTIN', 'TTOU', 'UNUSED', 'URG', 'USR1', 'USR2', 'VTALRM',
  'WINCH', 'XCPU', 'XFSZ', 'RTMIN', 'RTMAX',
];
const SIGNAL_SET = new Set(SIGNALS);
const REALTIME = /^RTMIN\+([1-9]|1[0-5])$|^RTMAX-([1-9]|1[0-4])$/;
const NUMBER = /^\d+$/;

export default defineInstructionRule(
  {
    id: 'InvalidSignal',
    source: 'syntax',
    severity: 'error',
    description: 'STOPSIGNAL that is not a signal',
    rationale:
      'STOPSIGNAL takes a signal name such as SIGTERM or SIGQUIT (the SIG prefix is optional) or a signal number. An unknown name fails the build, and a typo in the stop signal means `docker stop` would never deliver the signal the program waits for.',
    examples: { bad: 'FROM nginx:1.27\nSTOPSIGNAL SIGQUITE\n', good: 'FROM nginx:1.27\nSTOPSIGNAL SIGQUIT\n' },
    docs: shipshapeDocs('InvalidSignal'),
    fixable: true,
  },
  'STOPSIGNAL',
  (instruction, ctx) => {
    if (instruction.args.length !== 1) return;
    const word = instruction.args[0]!;
    const value = unquotePair(word.value);
    // A variable may come from the base image's environment: only the build knows its value.
    if (value.includes('$')) return;
    if (NUMBER.test(value)) {
      if (Number(value) === 0) ctx.report({ range: word.range, message: 'Invalid signal `0`: signal numbers start at 1' });
      return;
    }
    const name = value.toUpperCase().replace(/^SIG/, '');
    if (SIGNAL_SET.has(name) || REALTIME.test(name)) return;
    const suggestion = closest(name, SIGNALS.map((s) => s.toLowerCase()));
    const fixed = suggestion ? `SIG${suggestion.toUpperCase()}` : undefined;
    ctx.report({
      range: word.range,
      message: `Invalid signal \`${value}\`${fixed ? `: did you mean ${fixed}?` : ': use a name such as SIGTERM, SIGINT or SIGQUIT, or a number'}`,
      fixes: fixed ? [fix(`Change to ${fixed}`, replace(word.range, fixed))] : [],
    });
  },
);
