// bench/grammar: highlighting cost of our Dockerfile grammar against VS Code's built-in one.
//   npm run bench:grammar [-- FOLDER] [-- --rounds N]     (default: the corpus, ../shared/corpus/dockerfiles; 9 rounds)
// Tokenizes every file of the folder line by line, carrying the rule stack, with tokenizeLine2 (the binary
// tokens VS Code's editor asks for) and its 500 ms line limit: (a) with VS Code's built-in docker grammar,
// (b) with ours (syntaxes/dockerfile.tmLanguage.json, embedding VS Code's shell grammar, with Shipshape's injections). Both in this one process, after
// a first pass each (shown: it compiles the regexes); the rounds interleave them, alternating which goes
// first, and the median round of each is compared. Goal: (b) / (a) <= 1.5. Then the same pair is timed the same
// way with VS Code's Dark Modern theme set (each scope's colour looked up, as the editor has it).
import path from 'node:path';
import type { IGrammar, StateStack } from 'vscode-textmate';
import { INITIAL } from 'vscode-textmate';
import { builtinTheme, grammarFiles, LINE_TIME_LIMIT_MS, linesOf, loadBuiltinDockerGrammar, loadOurGrammar } from '../test/support/grammars';
import { dockerfileFolder, median, readDockerfiles } from './support';

const GOAL = 1.5;

let sink = 0; // keeps the token arrays from being optimised away

function tokenizeAll(grammar: IGrammar, files: string[][]): number {
  const start = process.hrtime.bigint();
  for (const lines of files) {
    let stack: StateStack = INITIAL;
    for (const line of lines) {
      const result = grammar.tokenizeLine2(line, stack, LINE_TIME_LIMIT_MS);
      sink += result.tokens.length;
      stack = result.ruleStack;
    }
  }
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** A first pass of each (it compiles the regexes), then `rounds` rounds alternating which goes first: the medians. */
function compare(builtinGrammar: IGrammar, oursGrammar: IGrammar, files: string[][], rounds: number) {
  const firstBuiltin = tokenizeAll(builtinGrammar, files);
  const firstOurs = tokenizeAll(oursGrammar, files);
  const times = { builtin: [] as number[], ours: [] as number[] };
  for (let round = 0; round < rounds; round++) {
    const order: (keyof typeof times)[] = round % 2 === 0 ? ['builtin', 'ours'] : ['ours', 'builtin'];
    for (const name of order) times[name].push(tokenizeAll(name === 'builtin' ? builtinGrammar : oursGrammar, files));
  }
  return { builtin: median(times.builtin), ours: median(times.ours), firstBuiltin, firstOurs };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const roundsAt = args.indexOf('--rounds');
  const rounds = roundsAt >= 0 ? Number(args[roundsAt + 1]) : 9;
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--rounds takes a whole number of rounds, at least 1');
  const positional = args.filter((a, k) => a !== '--rounds' && (roundsAt < 0 || k !== roundsAt + 1));
  const folder = dockerfileFolder(positional[0]);
  const files = readDockerfiles(folder).map((d) => linesOf(d.text));
  const grammarPaths = grammarFiles();
  const plain = compare(await loadBuiltinDockerGrammar(grammarPaths), await loadOurGrammar(grammarPaths), files, rounds);
  const theme = builtinTheme(grammarPaths, 'dark_modern.json');
  const themed = compare(await loadBuiltinDockerGrammar(grammarPaths, { theme }), await loadOurGrammar(grammarPaths, { theme }), files, rounds);
  // Scanner calls, in a pass of their own (the count is not timed): one per search for a line's next token.
  const calls = { builtin: { count: 0 }, ours: { count: 0 } };
  tokenizeAll(await loadBuiltinDockerGrammar(grammarPaths, { calls: calls.builtin }), files);
  tokenizeAll(await loadOurGrammar(grammarPaths, { calls: calls.ours }), files);
  const [builtin, ours] = [plain.builtin, plain.ours];
  const ratio = ours / builtin;
  const lines = files.reduce((n, f) => n + f.length, 0);
  const rel = (p: string) => path.relative(process.cwd(), p) || p;
  console.log(`bench/grammar over ${files.length} Dockerfiles (${lines} lines) in ${rel(folder)}`);
  console.log(`median of ${rounds} interleaved rounds after a first pass each; tokenizeLine2, ${LINE_TIME_LIMIT_MS} ms line limit`);
  console.log(`(a) the built-in docker grammar of ${grammarPaths.vscodeVersion}`);
  console.log(`      ${builtin.toFixed(1).padStart(8)} ms   (first pass ${plain.firstBuiltin.toFixed(1)} ms)`);
  console.log(`(b) ours, ${rel(grammarPaths.ours)}, embedding its source.shell`);
  console.log(`      ${ours.toFixed(1).padStart(8)} ms   (first pass ${plain.firstOurs.toFixed(1)} ms)`);
  console.log(`(b) / (a) = ${ratio.toFixed(2)}x (goal <= ${GOAL}x): ${ratio <= GOAL ? 'met' : 'NOT met'}${sink < 0 ? ' ' : ''}`);
  console.log(`scanner calls over the corpus: (a) ${calls.builtin.count}, (b) ${calls.ours.count}`);
  console.log(`with VS Code's Dark Modern theme set: (a) ${themed.builtin.toFixed(1)} ms, (b) ${themed.ours.toFixed(1)} ms, (b) / (a) = ${(themed.ours / themed.builtin).toFixed(2)}x`);
}

main().catch((error: unknown) => {
  console.error(`bench/grammar: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
