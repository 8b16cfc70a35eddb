// The embedded shell of scripts/gen-grammar.mjs: which rules of VS Code's shell grammar a RUN/CMD body or a
// heredoc includes, the gates they sit behind, and the command-name rules matched here instead of its own.
// Which rules of the shell grammar are embedded. Its statement rules (commands with their arguments,
// assignments, options, paths) cost about three times the rest of the grammar together, so they are left
// out and command names are matched here; everything else (strings, variables, $(…), keywords, loops,
// case, tests, pipes, redirections, comments) is the shell grammar's own. SHELL_PARTS=all embeds it whole.
const SHELL_PARTS = (process.env.SHELL_PARTS ?? 'comment,pipeline,normal_statement_seperator,logical_expression_double,logical_expression_single,case_statement,for_statement,loop,line_continuation,arithmetic_double,misc_ranges,variable,interpolation,herestring,redirection,floating_keyword,string,support').split(',').filter(Boolean);
export const SHELL = SHELL_PARTS[0] === 'all' ? { include: 'source.shell' } : { patterns: SHELL_PARTS.map((p) => ({ include: `source.shell#${p}` })) };
// The shell grammar starts a command only after a line start or a separator; the first command of an
// instruction starts mid-line (after `RUN `), so its name is matched here, and so are later ones since
// the statement rules are left out. (The shell grammar's statement rule would also take `<<EOF` away
// from the heredoc rules below.)
// In a file whose escape character is `` ` ``, a `\\` at the end of a line is a path, not a continuation.
export const SHELL_BT = SHELL.patterns ? { patterns: SHELL.patterns.filter((p) => p.include !== 'source.shell#line_continuation') } : SHELL;
const SHELL_WORDS = '(?:if|then|else|elif|fi|for|while|until|do|done|case|esac|function|select|in|time|coproc)';
// The shell grammar names a command `entity.name.function.call.shell entity.name.command.shell`. A capture
// named with a space is split by vscode-textmate on every match (two new strings, hashed afresh by each of
// its lookups); two nested groups, one for each scope, give the same scopes for less (as for `$` below).
export const COMMAND = `(?!${SHELL_WORDS}(?:\\s|;|$))(([^\\s;&|<>()'"\\\\$\`=]+))(?=\\s|;|&|\\||$)`;
export const COMMAND_GROUPS = 2;
export const commandCaps = (n) => ({ [n]: { name: 'entity.name.function.call.shell' }, [n + 1]: { name: 'entity.name.command.shell' } });
// A command takes the plain words after it (none can begin a shell rule or a gate below: no quote, `$`,
// operator, keyword, `for`/`case`; digits not before `<`/`>`) and, in a body, a line continuation right
// after them: one match instead of a scanner call for each, and the scanner does not try every regex at
// each of their characters.
// A word is not `for` or `case` (the gate below opens only where a command can begin, and no character of a
// plain word is one it takes to be such a place, so a word's start is the only place to test), and the runs of
// characters are possessive (nothing after a word can make it shorter): the same matches, a little cheaper.
const KEYWORD = '(?:time|while|until|select|if|then|elif|else|done|end|do|fi|:|\\.)(?:[\\s;&]|$)';
const PLAIN_WORD = `(?!${KEYWORD.replace('[\\s;&]', '[\\s;&)]')})(?!(?:for|case)\\b)(?:[^\\s$'"\`\\\\<>\\[;&|!(){#\\d]++|\\d++(?![<>]))+`;
// Blanks after the words go with them when something follows (so the tokens stay as they were), but not
// before a comment or a keyword, whose rules want the blank, nor at the end of the line.
// Among them one variable (`$name`, not `$_` or a special one) or one string that closes on the line with
// nothing in it that the shell grammar would scope, named as its rules name them: the gate, its rule and
// the gate's end cost three scanner calls.
const ARG_ITEM = `(?:((\\$))([A-Za-z]\\w*|_\\w+)|((")[^"\\\\$\`]*("))|((')[^']*(')))(?=[ \\t]|$)`;
export const ARGS = `(?:[ \\t]+${PLAIN_WORD})*(?:[ \\t]+${ARG_ITEM}(?:[ \\t]+${PLAIN_WORD})*)?(?:[ \\t]+(?=[^\\s#])(?!${KEYWORD}))?`;
export const ARGS_GROUPS = 9;
export const argsCaps = (n) => Object.fromEntries(['punctuation.definition.variable.shell', 'variable.other.normal.shell', 'variable.other.normal.shell',
  'string.quoted.double.shell', 'punctuation.definition.string.begin.shell', 'punctuation.definition.string.end.shell',
  'string.quoted.single.shell', 'punctuation.definition.string.begin.shell', 'punctuation.definition.string.end.shell'].map((name, i) => [n + i, { name }]));
export const continued = (e) => (e ? `(?:[ \\t]*(${e})[ \\t]*$\\n?)?` : '');
export const continuationName = { name: 'constant.character.escape.line-continuation.dockerfile' };
export const firstCommand = (lead) => ({ match: `${lead}${COMMAND}${ARGS}`, captures: { ...commandCaps(1), ...argsCaps(1 + COMMAND_GROUPS) } });
// After `;`, `&&`, `||` or `|`; the separator is matched too (a leading literal lets the regex engine skip
// ahead, where a lookbehind would be tried at every position) and named here, as the shell grammar names it.
// In a body, a separator that ends its line (`; \`, `&& ( \`: the `(` of a subshell is not scoped) is taken
// with the continuation: one call where the operators' gate, its rule, its end and the continuation were four.
const LATER_CONTINUED = 6 + COMMAND_GROUPS + ARGS_GROUPS;
export const laterCommand = (e) => ({ match: `(?:(&&)|(\\|\\|)|(;)|(\\|))(?:([ \\t]*)${COMMAND}${ARGS}${continued(e)}${e ? `|(?:[ \\t]*\\()?[ \\t]*(${e})[ \\t]*$\\n?` : ''})`, captures: {
  1: { name: 'punctuation.separator.statement.and.shell' }, 2: { name: 'punctuation.separator.statement.or.shell' },
  3: { name: 'punctuation.terminator.statement.semicolon.shell' }, 4: { name: 'keyword.operator.pipe.shell' }, ...commandCaps(6), ...argsCaps(6 + COMMAND_GROUPS),
  ...(e ? { [LATER_CONTINUED]: continuationName, [LATER_CONTINUED + 1]: continuationName } : {}) } });
// After `then`, `do` or `else`: behind the shell gate below, which has already checked what precedes the word.
const keywordCommand = { match: `(?:(then)|(do)|(else))([ \\t]+)${COMMAND}`, captures: {
  1: { name: 'keyword.control.then.shell' }, 2: { name: 'keyword.control.do.shell' }, 3: { name: 'keyword.control.else.shell' }, ...commandCaps(5) } };
// The embedded shell rules sit behind a few gates: cheap regexes that find where some of them can begin (a
// quote, `$`, an operator, a keyword as a word, ...), so the scanner does not try forty regexes at every
// position. Inside a gate only the shell rules that can begin there are tried, at that position only: it
// ends at the next one (`(?!\G)`). Separate gates, because one regex with all the alternatives defeats the
// regex engine's search for a first character. A keyword gate takes the blank before the word (found by
// its first character); `^` stands for it at a line's start, `\G` at the body's or a heredoc line's start.
// A keyword ahead, its first letter tested first: a little cheaper in a replay of the corpus' scanner calls.
const KEYWORD_AHEAD = `(?=[tweusidf:.])(?=${KEYWORD})`;
const WORD_RULES = ['comment', 'pipeline', 'loop', 'floating_keyword', 'support'];
// [name, begin, shell rules, whether a keyword can follow at once]: after `;`, `&`, `|` (`;then`, `&&if`) the
// operator gate stays open for a keyword right after it, with the keyword rules. Every gate is a regex each
// call of the body's scanner tries: a rare construct goes behind a gate whose first characters are rare too
// (a `{` group behind the operators' gate; in a RUN or CMD body a heredoc too, see shellGates).
const SHELL_GATES = [
  ['quote', '(?=[$\'"`\\\\])', ['misc_ranges', 'line_continuation', 'variable', 'interpolation', 'string']],
  ['operator', '(?=[<>\\[;&|!]|\\(\\(|(?<![^ \\t])\\{(?![\\w$]))', ['pipeline', 'normal_statement_seperator', 'logical_expression_double', 'logical_expression_single',
    'loop', 'arithmetic_double', 'misc_ranges', 'herestring', 'redirection', 'floating_keyword', 'support'], true],
  ['digits', '(?=\\d+[<>])', ['redirection']],
  ['word', `(?=[ \\t]+#)|[ \\t]${KEYWORD_AHEAD}|^${KEYWORD_AHEAD}`, WORD_RULES, true],
  ['word-start', `\\G(?=${KEYWORD}|#)`, WORD_RULES, true],
  // `for`/`case` where a command can begin (the shell grammar's rules would take them anywhere at a word
  // boundary: `--for-real`, `a/case`), which spares a plain word the test at each of its characters.
  ['for-case', '(?=(?:for|case)\\b)(?<=^|[\\s;&|(){!`])', ['case_statement', 'for_statement', 'loop']]];
// `${name}` in one match, with the scopes the shell grammar's rules give it in three calls (its begin `${`,
// the name inside, its end `}`); before the shell grammar's own variable rule, in its double-quoted string
// (copied here, the same rule but for that) and in the quote gate. Any other `${…}` is left to the shell grammar.
const BRACED = { match: '(\\$)((\\{))(([A-Za-z_][A-Za-z_0-9-]*))((\\}))', captures: {
  1: { name: 'punctuation.definition.variable.shell' }, 2: { name: 'punctuation.section.bracket.curly.variable.begin.shell' },
  3: { name: 'punctuation.definition.variable.shell' }, 4: { name: 'meta.parameter-expansion' }, 5: { name: 'variable.other.normal.shell' },
  6: { name: 'punctuation.section.bracket.curly.variable.end.shell' }, 7: { name: 'punctuation.definition.variable.shell' } } };
export const DOUBLE_QUOTED = { begin: '\\$?"', end: '"', name: 'string.quoted.double.shell',
  beginCaptures: { 0: { name: 'punctuation.definition.string.begin.shell' } }, endCaptures: { 0: { name: 'punctuation.definition.string.end.shell' } },
  patterns: [{ match: '\\\\[\\$\\n`"\\\\]', name: 'constant.character.escape.shell' }, BRACED, { include: 'source.shell#variable' }, { include: 'source.shell#interpolation' }] };
const OWN_RULES = { quote: [DOUBLE_QUOTED, BRACED] };
// The shell rules of `shell` (its order kept) that a gate lets through, after the rules of ours above; `first`
// adds rules of the caller's before them in the named gates (a heredoc begins with `<`: the operators' gate).
export const shellGates = (shell, first = {}) => SHELL_GATES.map(([name, begin, parts, keywords]) => ({ begin, end: keywords ? `(?!\\G)(?!${KEYWORD})` : '(?!\\G)', patterns: [
  ...(first[name] ?? []), ...(OWN_RULES[name] ?? []), ...(keywords ? [keywordCommand] : []), ...shell.patterns.filter((p) => parts.includes(p.include.replace('source.shell#', '')))] }))
  .filter((gate) => gate.patterns.length > 0);
// The end of a shell body: after its last non-blank character (vscode-textmate gives each line its `\n`);
// written to start with a lookahead the regex engine can search for, unlike END's lookbehind.
export const SHELL_END = '(?=[ \\t\\n])(?<=\\S)(?=[ \\t]*\\n)';
