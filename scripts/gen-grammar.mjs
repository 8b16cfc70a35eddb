// Writes syntaxes/dockerfile.tmLanguage.json. The grammar is generated because every instruction rule
// exists twice: once with `\` as the continuation character and once with `` ` `` (after `# escape=``).
import { writeFileSync } from 'node:fs';
import { ARGS, ARGS_GROUPS, COMMAND, COMMAND_GROUPS, DOUBLE_QUOTED, SHELL, SHELL_BT, SHELL_END, argsCaps, commandCaps, continuationName, continued, firstCommand, laterCommand, shellGates } from './grammar-shell.mjs';

// `(?=[A-Za-z])` changes no match: it makes oniguruma look for a letter before trying the regex, where
// otherwise it would first search the whole line for the keyword without regard to case (the top-level
// scanner holds a dozen and a half of these, each tried on every line; about 30 % cheaper).
const KW = (k) => `^\\s*(?:(?i:(ONBUILD))\\s+)?(?=[A-Za-z])(?i:(${k}))(?=\\s|$)`;
const kwCaps = { 1: { name: 'keyword.control.onbuild.dockerfile' }, 2: { name: 'keyword.other.special-method.dockerfile' } };
// An instruction ends after the last non-blank character of a line that is not continued. Every line
// vscode-textmate tokenizes ends in `\n`; a regex that starts with a lookbehind gives oniguruma nothing to
// search for, so it is tried at every position (`(?<=\S)(?=[ \t]*$)` was), whereas each branch here is
// found by looking for its `\n` (the trailing-blank branch only when there are trailing blanks).
const END = '(?<=\\S)(?=\\n)|(?<=\\S)(?=[ \\t]+\\n)';
const HD = '[A-Za-z_][\\w]*';
const COMP = '(?:[\\w.-]|\\$\\{[^}\\s]*\\}|\\$[A-Za-z_]\\w*)+';

const variable = [
  { match: '(\\$)(\\{)([A-Za-z_]\\w*)(?:(:?[-+?]|##?|%%?)([^}]*))?(\\})', name: 'meta.interpolation.variable.dockerfile',
    captures: { 1: { name: 'punctuation.definition.variable.dockerfile' }, 2: { name: 'punctuation.section.variable.begin.dockerfile' },
      3: { name: 'variable.other.dockerfile' }, 4: { name: 'keyword.operator.expansion.dockerfile' },
      5: { name: 'string.unquoted.expansion.dockerfile', patterns: [{ include: '#variable' }] }, 6: { name: 'punctuation.section.variable.end.dockerfile' } } },
  { match: '(\\$)([A-Za-z_]\\w*)', name: 'variable.other.dockerfile', captures: { 1: { name: 'punctuation.definition.variable.dockerfile' } } },
];

function flagValue(name) {
  if (name === 'mount') return { patterns: [
    { match: '([\\w-]+)(?:(=)((?:"[^"]*"|[^,\\s])*))?', captures: { 1: { name: 'entity.other.attribute-name.mount.dockerfile' },
      2: { name: 'keyword.operator.assignment.dockerfile' }, 3: { name: 'string.unquoted.mount-value.dockerfile', patterns: [{ include: '#variable' }] } } },
    { match: ',', name: 'punctuation.separator.comma.dockerfile' }] };
  return null;
}

const flag = { patterns: [
  { match: '(?<=\\s|^)(--)(mount)(=)(\\S*)', captures: { 1: { name: 'punctuation.definition.flag.dockerfile' }, 2: { name: 'constant.other.option.flag.dockerfile' },
    3: { name: 'keyword.operator.assignment.dockerfile' }, 4: { name: 'meta.mount.dockerfile', ...flagValue('mount') } } },
  { match: '(?<=\\s|^)(--)(from)(=)([\\w.-]+)(?=\\s|$)', captures: { 1: { name: 'punctuation.definition.flag.dockerfile' }, 2: { name: 'constant.other.option.flag.dockerfile' },
    3: { name: 'keyword.operator.assignment.dockerfile' }, 4: { name: 'entity.name.type.stage.dockerfile' } } },
  // A value without a variable or a quote first: its capture needs no patterns, which cost a scanner call.
  { match: '(?<=\\s|^)(--)([a-zA-Z][\\w-]*)(?:(=)([^\\s"$]*))?(?=\\s|$)', captures: { 1: { name: 'punctuation.definition.flag.dockerfile' }, 2: { name: 'constant.other.option.flag.dockerfile' },
    3: { name: 'keyword.operator.assignment.dockerfile' }, 4: { name: 'string.unquoted.flag-value.dockerfile' } } },
  { match: '(?<=\\s|^)(--)([a-zA-Z][\\w-]*)(?:(=)((?:"[^"]*"|\\S)*))?', captures: { 1: { name: 'punctuation.definition.flag.dockerfile' }, 2: { name: 'constant.other.option.flag.dockerfile' },
    3: { name: 'keyword.operator.assignment.dockerfile' }, 4: { name: 'string.unquoted.flag-value.dockerfile', patterns: [{ include: '#image-ref-or-value' }] } } },
] };

// A top-level instruction ends where END matches, by a zero-width match rule first among its patterns, not by
// its end: vscode-textmate stops a line at a match rule that does not advance and pops the rule around it (its
// guard against endless loops). Where the end is found at the position the scanner starts from (a begin took
// the rest of the line), instruction and line are done in that call, without the top-level scanner called to
// find nothing; found further on, the rule matches there and again at once, as many calls as before. The same
// tokens. Only for rules at the top (it pops one level): the rare gate ends so, not the instructions in it. The
// end a rule must have never matches and costs next to nothing: the search for a long literal skips along by
// its length (`(?!)` would be tried at every position, a one-character literal looked for at each).
const NEVER = 'NoDockerfileLineEndsHere(?!)';
function endsTheLine(rule) {
  rule.patterns = [{ match: END }, ...rule.patterns];
  if (rule.end === END) rule.end = NEVER;
  else if (rule.end.endsWith(`|${END}`)) rule.end = rule.end.slice(0, -END.length - 1);
  else throw new Error(`unexpected end ${rule.end}`);
}

function grammarFor(esc) {
  const s = esc === '\\' ? '' : '-bt';
  const e = esc === '\\' ? '\\\\' : '`';
  const r = {};
  const shell = esc === '\\' ? SHELL : SHELL_BT;
  // Kept once in the repository (the grammar has many shell bodies and heredocs): the gates, and a command
  // after a separator inside a heredoc (no Dockerfile continuation there).
  r[`shell-gates${s}`] = { patterns: shell.patterns ? shellGates(shell) : [shell] };
  r[`shell-command${s}`] = laterCommand();
  const inc = (n) => ({ include: `#${n}${s}` });
  const SH = [inc('shell-gates')];
  // A RUN or CMD body's gates: a heredoc after a command (`cat <<EOF`) too, behind the operators' gate.
  r[`shell-gates-heredoc${s}`] = { patterns: shell.patterns ? shellGates(shell, { operator: [inc('heredoc-data')] }) : [inc('heredoc-data'), shell] };
  r[`continuation${s}`] = { match: `(${e})[ \\t]*$\\n?`, captures: { 1: { name: 'constant.character.escape.line-continuation.dockerfile' } } };
  // Comment lines and blank lines inside a continued instruction are dropped by BuildKit: they do not end it.
  const base = [inc('continuation'), { include: '#comment-line' }];
  const jsonString = { begin: '"', end: `"|(?=${e}[ \\t]*$)|$`, name: 'string.quoted.double.dockerfile',
    beginCaptures: { 0: { name: 'punctuation.definition.string.begin.dockerfile' } }, endCaptures: { 0: { name: 'punctuation.definition.string.end.dockerfile' } },
    patterns: [{ match: '\\\\(?:["\\\\/bfnrt]|u[0-9a-fA-F]{4})', name: 'constant.character.escape.dockerfile' }] };
  const arrayPatterns = [...base, plainString('"', '\\\\'), jsonString, { match: ',', name: 'punctuation.separator.array.dockerfile' },
    { match: "'[^']*'?", name: 'invalid.illegal.single-quoted.dockerfile' }];
  r[`exec-form${s}`] = { patterns: [
    { begin: '\\[(?=\\s*(?:"|\\]|' + e + '[ \\t]*$))', end: `\\]|${END}`, name: 'meta.structure.array.exec-form.dockerfile',
      beginCaptures: { 0: { name: 'punctuation.definition.array.begin.dockerfile' } }, endCaptures: { 0: { name: 'punctuation.definition.array.end.dockerfile' } },
      patterns: arrayPatterns },
    { comment: "Not JSON (single quotes): BuildKit runs it as a shell command; shown as invalid", begin: "\\[(?=\\s*')", end: END, name: 'meta.exec-form.not-json.dockerfile',
      patterns: [...base, { match: "'[^']*'?", name: 'invalid.illegal.single-quoted.dockerfile' }] },
  ] };
  // In a shell body only comment lines need #comment-line: a blank line cannot end the body anyway, and
  // the regex's blank-line branch (`\n`, found on every line) costs a try at every position.
  const commentLine = { begin: '^(?=[ \\t]*#)', end: '(?!\\G)', patterns: [{ include: '#comment-line' }] };
  // The body's begin takes its first command (with its plain words and a continuation after them), one
  // scanner call fewer per instruction; its captures carry the body's scopes, being outside its content,
  // in two nested groups (see COMMAND in grammar-shell.mjs).
  const embedded = 'meta.embedded.block.shell source.shell';
  const bodyCaps = (n) => ({ [n]: { name: 'meta.embedded.block.shell' }, [n + 1]: { name: 'source.shell' }, ...commandCaps(n + 2),
    ...argsCaps(n + 2 + COMMAND_GROUPS), [n + 2 + COMMAND_GROUPS + ARGS_GROUPS]: continuationName });
  // A double-quoted string is the most frequent thing behind the quote gate (which costs two scanner calls,
  // its begin and its end): in a body it is looked for directly (`$"…"` is still the gate's).
  const shellBody = (heredocs) => ({ begin: `(?=\\S)((${COMMAND}${ARGS}${continued(e)}))?`, end: SHELL_END, contentName: embedded,
    beginCaptures: bodyCaps(1),
    patterns: [inc('continuation'), commentLine, laterCommand(e), { ...DOUBLE_QUOTED, begin: '"' }, heredocs ? inc('shell-gates-heredoc') : SH[0]] });
  // Heredocs: `<<` / `<<-` then a word, bare or quoted. Several on one line: the outer rule runs to the last
  // delimiter, the inner one to the first; bodies in between share the outer one.
  const hdEndCaps = { 0: { name: 'entity.name.tag.heredoc.delimiter.dockerfile' } };
  // `<<` or `<<-`, an opening quote, the delimiter, the closing quote: the captures of every heredoc's opening.
  const hdOpenCaps = { 1: { name: 'keyword.operator.heredoc.dockerfile' }, 2: { name: 'punctuation.definition.string.heredoc.quote.dockerfile' },
    3: hdEndCaps[0], 4: { name: 'punctuation.definition.string.heredoc.quote.dockerfile' } };
  const hdOp = { match: `(?=<<)(?<=\\s)(<<-?)(["']?)(${HD})(\\2)`, captures: hdOpenCaps };
  // The rest of the line after the first delimiter: a command for RUN, destination paths for COPY/ADD.
  const headerFor = (k) => ({ begin: '\\G(?=.)', end: '$', name: 'meta.heredoc.header.dockerfile',
    patterns: k === 'shell' ? [hdOp, firstCommand('\\G[ \\t]+'), inc('shell-command'), ...SH] : [hdOp, { include: '#variable' }] });
  const bodyKinds = {
    shell: { contentName: 'meta.embedded.block.shell source.shell', patterns: [inc('shell-command'), ...SH] },
    text: { contentName: 'string.unquoted.heredoc.dockerfile', patterns: [{ include: '#variable' }] },
    rawtext: { contentName: 'string.unquoted.heredoc.dockerfile', patterns: [] },
  };
  const heredocRules = (kind, lead, headerKind) => {
    const out = [];
    const kinds = kind === 'text' ? [['text', `(?=<<-?${HD})`], ['rawtext', `(?=<<-?["'])`]] : [[kind, '']];
    for (const [k, guard] of kinds) {
      const body = bodyKinds[k];
      const bodyLines = { begin: '^', end: '$', name: body.contentName, patterns: body.patterns };
      // A script's line begins with a command, unless the line before ended with `\`: the newline after
      // one opens a rule whose lines take no command first. It closes at the next newline, or at a line
      // that may be the delimiter (a rule open across lines hides the heredoc's end) to let the heredoc see it.
      const lines = k === 'shell' ? [{ begin: '(?<=\\\\)\\n', end: `^(?=\\t*${HD}$)|(?=\\n)`, patterns: [bodyLines] },
        { ...bodyLines, patterns: [firstCommand('\\G[ \\t]*(?!#)'), ...body.patterns] }] : [bodyLines];
      const single = (dash, anchor) => ({ begin: `${anchor}(<<${dash ? '-' : ''})(["']?)(${HD})\\2`, end: dash ? '^\\t*(\\3)$' : '^(\\3)$',
        beginCaptures: hdOpenCaps,
        endCaptures: { 1: hdEndCaps[0] }, name: 'meta.heredoc.dockerfile', patterns: [headerFor(headerKind), ...lines] });
      // Several heredocs on the line: the outer rule looks ahead for the last delimiter and ends there.
      out.push({ begin: `${lead}${guard}(?=<<-?["']?${HD}["']?.*?\\s<<-?(["']?)(${HD})\\1(?:(?!\\s<<).)*$)`,
        end: '^\\t*(\\2)$', endCaptures: { 1: hdEndCaps[0] }, name: 'meta.heredoc.multiple.dockerfile',
        patterns: [single(true, '\\G'), single(false, '\\G'), ...lines] });
      out.push(single(true, lead + guard), single(false, lead + guard));
    }
    return out;
  };
  // Each heredoc family sits behind one cheap gate, so the scanner tries one regex per position, not six.
  const gate = (patterns) => ({ begin: `(?=<<-?["']?${HD})`, end: '$', patterns });
  r[`heredoc-script${s}`] = gate(heredocRules('shell', '\\G', 'shell'));
  // `<<` first, the blank before it checked after: a regex led by a lookbehind is tried at every position.
  r[`heredoc-data${s}`] = { ...gate(heredocRules('text', '\\G', 'shell')), begin: `(?=<<-?["']?${HD})(?<=\\s)` };
  r[`heredoc-copy${s}`] = { ...gate(heredocRules('text', '\\G', 'text')), begin: `(?=<<-?["']?${HD})(?<=\\s)` };
  const args = [{ include: '#variable' }, { include: '#quoted' }, { match: `\\\\.`, name: 'constant.character.escape.dockerfile' }];
  const instr = (k, patterns, extra = {}) => ({ begin: KW(k), end: END, beginCaptures: kwCaps, name: `meta.instruction.${k.toLowerCase().split('|')[0]}.dockerfile`, patterns: [...base, ...patterns], ...extra });
  const stage = { 1: { name: 'keyword.other.special-method.dockerfile' }, 2: { name: 'entity.name.type.stage.dockerfile' } };
  r[`from${s}`] = instr('FROM', [{ include: '#flag' }, { match: '(?<=\\s)(?i:(AS))\\s+([^\\s$]+)', captures: stage },
    { include: '#image-ref' }, ...args]);
  // The begin also takes what the rules would match next when it is a plain image reference and perhaps
  // `AS name` (the same tokens: one or two scanner calls fewer for most FROM lines).
  const ref = imageRefParts('[\\w.-]+', false, 4);
  r[`from${s}`].begin += `(?:[ \\t]+(?!(?i:AS)\\s)(${ref.src})(?:\\s+(?i:(AS))\\s+([^\\s$]+))?)?`;
  r[`from${s}`].beginCaptures = { ...kwCaps, 3: { name: 'meta.image-reference.dockerfile' }, ...ref.captures, 11: stage[1], 12: stage[2] };
  r[`run${s}`] = instr('RUN', [{ include: '#flag' }, inc('exec-form'), inc('heredoc-script'), shellBody(true)]);
  r[`cmd${s}`] = instr('CMD|ENTRYPOINT', [inc('exec-form'), shellBody(true)]);
  // The common case, a shell command right after the keyword: one rule that is the instruction and the shell
  // body at once, the same tokens as the two rules above for two scanner calls fewer (a push and a pop).
  // Anything else after the keyword (a flag, `[`, a heredoc, a continuation) takes the rules above.
  // Its begin also takes what the body's begin would: the command name, its plain words and a continuation
  // after them (the same regexes and scopes), so a one-line command's end is found where the next call starts.
  const shellInstr = (k, not) => ({ ...shellBody(true), ...instr(k, []), begin: `${KW(k)}[ \\t]+(?![${not}])(?=\\S)((${COMMAND}${ARGS}${continued(e)}))?`,
    beginCaptures: { ...kwCaps, ...bodyCaps(3) }, patterns: shellBody(true).patterns });
  r[`run-shell${s}`] = shellInstr('RUN', `-\\[<\\\\${e === '`' ? '`' : ''}`);
  r[`cmd-shell${s}`] = { ...shellInstr('CMD|ENTRYPOINT', `\\[\\\\${e === '`' ? '`' : ''}`), name: 'meta.instruction.cmd.dockerfile' };
  // Likewise an exec form that closes at the end of the keyword's line (strings and plain characters up to
  // a last `]`; no single quote): the instruction and its array in one rule, two scanner calls fewer.
  const ARRAY_ON_LINE = `(?=[ \\t]*(?:"|\\]))(?:[^\\]"'\\n]|"(?:[^"\\\\\\n]|\\\\.)*")*\\][ \\t]*\\n`;
  // Its begin also takes up to six leading plain strings and their commas, with the scopes the array's rules
  // would give them (the enclosing group gives the array's scope to the blanks between them), and the `]`
  // when they are all there is: then the end is found where the next call starts, which ends the line too.
  const ARRAY_STRINGS = 6;
  const chain = (i) => `((")[^"\\\\]*("))${i < ARRAY_STRINGS ? `(?:[ \\t]*(,)[ \\t]*${chain(i + 1)})?` : ''}`;
  const arrayCaps = { 3: { name: 'meta.structure.array.exec-form.dockerfile' }, 4: { name: 'punctuation.definition.array.begin.dockerfile' } };
  for (let i = 0; i < ARRAY_STRINGS; i++) {
    const n = 5 + 4 * i;
    Object.assign(arrayCaps, { [n]: { name: 'string.quoted.double.dockerfile' }, [n + 1]: { name: 'punctuation.definition.string.begin.dockerfile' },
      [n + 2]: { name: 'punctuation.definition.string.end.dockerfile' } }, i < ARRAY_STRINGS - 1 ? { [n + 3]: { name: 'punctuation.separator.array.dockerfile' } } : {});
  }
  const execInstr = (k, name) => ({ ...instr(k, []), name: `meta.instruction.${name}.dockerfile`,
    begin: `${KW(k)}[ \\t]+((\\[)(?=${ARRAY_ON_LINE})[ \\t]*(?:${chain(1)})?(?:[ \\t]*(\\]))?)`,
    beginCaptures: { ...kwCaps, ...arrayCaps, [4 + 4 * ARRAY_STRINGS]: { name: 'punctuation.definition.array.end.dockerfile' } },
    end: `\\]|${END}`, endCaptures: { 0: { name: 'meta.structure.array.exec-form.dockerfile punctuation.definition.array.end.dockerfile' } },
    contentName: 'meta.structure.array.exec-form.dockerfile', patterns: arrayPatterns });
  r[`cmd-exec${s}`] = execInstr('CMD|ENTRYPOINT', 'cmd');
  r[`healthcheck${s}`] = instr('HEALTHCHECK', [{ include: '#flag' },
    { match: '(?<=\\s)(?i:NONE)\\b', name: 'constant.language.none.dockerfile' },
    { begin: '(?<=\\s)(?i:(CMD))(?=\\s|$)', end: END, beginCaptures: { 1: { name: 'keyword.other.special-method.dockerfile' } },
      patterns: [...base, inc('exec-form'), shellBody(false)] }]);
  r[`copy${s}`] = instr('COPY|ADD', [{ include: '#flag' }, inc('exec-form'), inc('heredoc-copy'), ...args]);
  // The begins of COPY/ADD and of `other` also take the plain words after the keyword (and a first `--from=`
  // stage for COPY, with the flag rule's scopes): words no rule of theirs would match a part of (no quote,
  // `$`, `\`, escape character; for COPY/ADD no `[`, none that starts with `-` or `<`), so the end is found
  // where the next call starts. The blanks after the last word only before a character that can begin a
  // match (the tokens stay as they were); the end is found before trailing blanks.
  const bt = e === '`' ? '`' : '';
  const words = (w, next) => `(?:[ \\t]+${w})*(?:[ \\t]+(?=[${next}]))?`;
  r[`copy${s}`].begin += `(?:[ \\t]+(--)(from)(=)([\\w.-]+)(?=\\s|$))?${words(`[^\\s"'$\\\\${bt}\\[<-][^\\s"'$\\\\${bt}\\[]*`, `"'$\\\\${bt}\\[<-`)}`;
  r[`copy${s}`].beginCaptures = { ...kwCaps, 3: { name: 'punctuation.definition.flag.dockerfile' }, 4: { name: 'constant.other.option.flag.dockerfile' },
    5: { name: 'keyword.operator.assignment.dockerfile' }, 6: { name: 'entity.name.type.stage.dockerfile' } };
  r[`shell${s}`] = instr('SHELL', [inc('exec-form'), ...args]);
  r[`volume${s}`] = instr('VOLUME', [inc('exec-form'), ...args]);
  const kv = (keyScope, bareScope) => [
    // A key without a variable or a quote first, as the flag value above.
    { match: '(?<=\\s|^)([^\\s=\\\\"\'$]+)(=)', captures: { 1: { name: keyScope }, 2: { name: 'keyword.operator.assignment.dockerfile' } } },
    { match: '(?<=\\s|^)("(?:[^"\\\\]|\\\\.)*"|[^\\s=\\\\"\']+)(=)', captures: { 1: { name: keyScope, patterns: [{ include: '#variable' }] }, 2: { name: 'keyword.operator.assignment.dockerfile' } } },
    { include: '#quoted' }, { include: '#variable' }, { match: `\\\\.`, name: 'constant.character.escape.dockerfile' },
    { match: '(?<==)(?:[^\\s"\'\\\\$]|\\\\.)+|(?<=[^\\s=])[^\\s"\'\\\\$]+', name: 'string.unquoted.value.dockerfile' },
    { match: `(?<=\\s)${bare}`, name: bareScope }];
  // The begins of ARG, ENV and LABEL also take a first `key=value` (a plain key; a plain value or a string that
  // closes on the line) as the rules above would match it, and ENV a legacy `KEY value`'s key and first word:
  // the same tokens for two or three scanner calls fewer.
  const op = { name: 'keyword.operator.assignment.dockerfile' };
  const quotedCaps = (n) => ({ [n]: { name: 'string.quoted.double.dockerfile' }, [n + 1]: { name: 'punctuation.definition.string.begin.dockerfile' },
    [n + 2]: { name: 'punctuation.definition.string.end.dockerfile' } });
  const firstPair = (keyScope, n) => ({ src: `[ \\t]+([^\\s=\\\\"'$]+)(=)(?:([^\\s"'\\\\$](?:[^\\s"'\\\\$]|\\\\.)*)|((")[^"\\\\$]*(")))?`,
    captures: { [n]: { name: keyScope }, [n + 1]: op, [n + 2]: { name: 'string.unquoted.value.dockerfile' }, ...quotedCaps(n + 3) } });
  const bare = `[^\\s"'\\\\$=${e === '`' ? '`' : ''}]+`;
  const kvInstr = (k, keyScope, bareScope, legacy, legacyCaps = { 10: { name: bareScope } }) => {
    const pair = firstPair(keyScope, 3);
    const rule = instr(k, kv(keyScope, bareScope));
    rule.begin += `(?:${pair.src}${legacy ? `|${legacy}` : ''})?`;
    rule.beginCaptures = { ...kwCaps, ...pair.captures, ...(legacy ? { 9: { name: keyScope }, ...legacyCaps } : {}) };
    return rule;
  };
  r[`arg${s}`] = kvInstr('ARG', 'variable.other.assignment.dockerfile', 'variable.other.assignment.dockerfile');
  // Legacy `ENV KEY value`: only right after the keyword, so only in the begin. Its first word as the rules
  // would match it: plain, plain then a `$NAME` (`/x/bin:$PATH`), or a string that closes on the line (not a
  // `"key"=`).
  r[`env${s}`] = kvInstr('ENV', 'variable.other.assignment.dockerfile', 'string.unquoted.value.dockerfile',
    `[ \\t]+([A-Za-z_][\\w.-]*)(?=[ \\t]+[^\\s=]+(?:[ \\t]|$)|[ \\t]+\\S*[ \\t])(?![^\\s]*=)` +
    `(?:[ \\t]+(?:(${bare})(?=\\s|$)|(${bare})?((\\$)[A-Za-z_]\\w*)(?=\\s|$)|((")[^"\\\\$]*("))(?!=)))?`,
    { 10: { name: 'string.unquoted.value.dockerfile' }, 11: { name: 'string.unquoted.value.dockerfile' }, 12: { name: 'variable.other.dockerfile' },
      13: { name: 'punctuation.definition.variable.dockerfile' }, ...quotedCaps(14) });
  // Legacy `LABEL key "value"` (or `key value`): the key and its value.
  r[`label${s}`] = kvInstr('LABEL', 'entity.other.attribute-name.label.dockerfile', 'entity.other.attribute-name.label.dockerfile',
    `[ \\t]+(${bare})(?=\\s|$)(?:[ \\t]+(?:((")[^"\\\\$]*("))|(${bare})(?=\\s|$)))?`,
    { ...quotedCaps(10), 13: { name: 'entity.other.attribute-name.label.dockerfile' } });
  r[`expose${s}`] = instr('EXPOSE', [
    { match: '(?<=\\s)(\\d+)(?:(-)(\\d+))?(?:(/)((?i:tcp|udp|sctp)))?(?=\\s|$)', captures: { 1: { name: 'constant.numeric.port.dockerfile' }, 2: { name: 'keyword.operator.range.dockerfile' },
      3: { name: 'constant.numeric.port.dockerfile' }, 4: { name: 'punctuation.separator.protocol.dockerfile' }, 5: { name: 'constant.language.protocol.dockerfile' } } },
    { match: '(?<=[}\\w])(/)((?i:tcp|udp|sctp))(?=\\s|$)', captures: { 1: { name: 'punctuation.separator.protocol.dockerfile' }, 2: { name: 'constant.language.protocol.dockerfile' } } },
    ...args]);
  r[`stopsignal${s}`] = instr('STOPSIGNAL', [{ match: '(?<=\\s)(?:SIG[A-Z0-9+-]+|\\d+)(?=\\s|$)', name: 'constant.language.signal.dockerfile' }, ...args]);
  r[`other${s}`] = instr('WORKDIR|USER|MAINTAINER|ONBUILD', [...args]);
  r[`other${s}`].begin += words(`[^\\s"'$\\\\${bt}]+`, `"'$\\\\${bt}`);
  // Most frequent first: oniguruma tries the regexes at the line start in this order and stops at the first
  // that matches. A shell-form or one-line exec-form rule before the general one of its keyword; `other`
  // (whose keywords include ONBUILD) last, after every rule that takes an `ONBUILD ` prefix.
  // The rare ones sit behind one gate (a begin that looks ahead for their keywords and an end that fires
  // where theirs does): two scanner calls more on their lines, eight regexes fewer tried on every line. Rare
  // too: a RUN, CMD or ENTRYPOINT that the rules for a command or a one-line array after the keyword do not
  // take (a flag, a heredoc, an array over several lines, a continuation right after the keyword).
  const rare = { run: 'RUN', 'cmd-shell': 'CMD|ENTRYPOINT', cmd: 'CMD|ENTRYPOINT', expose: 'EXPOSE', volume: 'VOLUME', shell: 'SHELL', arg: 'ARG',
    stopsignal: 'STOPSIGNAL', healthcheck: 'HEALTHCHECK' };
  const rareKeywords = [...new Set(Object.values(rare))].join('|');
  r[`rare-instructions${s}`] = { begin: `^(?=${KW(rareKeywords).slice(1)})`, end: END, patterns: Object.keys(rare).map(inc) };
  const top = ['run-shell', 'from', 'cmd-exec', 'env', 'label', 'copy', 'rare-instructions', 'other'];
  r[`instructions${s}`] = { patterns: top.map(inc) };
  for (const n of top) endsTheLine(r[`${n}${s}`]);
  return r;
}

// A string that closes on its line and holds nothing with a scope of its own (`not`: what would have one):
// one match instead of a begin and an end, the same tokens.
function plainString(q, not) {
  const kind = q === '"' ? 'double' : 'single';
  return { match: `(${q})[^${q}${not}]*(${q})`, name: `string.quoted.${kind}.dockerfile`,
    captures: { 1: { name: 'punctuation.definition.string.begin.dockerfile' }, 2: { name: 'punctuation.definition.string.end.dockerfile' } } };
}

// An image reference: its regex and its captures, numbered from `first` (the whole reference is a group of
// its own in the FROM begin, the match itself in the image-ref rule).
function imageRefParts(comp, vars, first) {
  const v = vars ? { patterns: [{ include: '#variable' }] } : {};
  const names = ['entity.name.namespace.registry.dockerfile', 'punctuation.separator.path.dockerfile', 'entity.name.image.dockerfile',
    'punctuation.separator.tag.dockerfile', 'constant.other.tag.dockerfile', 'punctuation.separator.digest.dockerfile', 'constant.other.digest.dockerfile'];
  const captures = Object.fromEntries(names.map((name, i) => [first + i, { name, ...(i === 2 || i === 4 ? v : {}) }]));
  return { src: `(?!-)(?:((?:[\\w-]+(?:\\.[\\w-]+)+|localhost)(?::\\d+)?)(/))?(${comp}(?:/${comp})*)(?:(:)(${comp}))?(?:(@)([\\w+.-]+:[0-9a-fA-F]+))?(?=\\s|$)`, captures };
}

function imageRef(comp, vars) {
  const { src, captures } = imageRefParts(comp, vars, 1);
  return { match: `(?<=\\s)${src}`, name: 'meta.image-reference.dockerfile', captures };
}

const repository = {
  ...grammarFor('\\'), ...grammarFor('`'),
  variable: { patterns: variable },
  quoted: { patterns: [plainString('"', '\\\\$'), plainString("'", ''),
    { begin: '"', end: '"', name: 'string.quoted.double.dockerfile', beginCaptures: { 0: { name: 'punctuation.definition.string.begin.dockerfile' } },
      endCaptures: { 0: { name: 'punctuation.definition.string.end.dockerfile' } }, patterns: [{ match: '\\\\.', name: 'constant.character.escape.dockerfile' }, { include: '#variable' }] },
    { begin: "'", end: "'", name: 'string.quoted.single.dockerfile', beginCaptures: { 0: { name: 'punctuation.definition.string.begin.dockerfile' } },
      endCaptures: { 0: { name: 'punctuation.definition.string.end.dockerfile' } } }] },
  flag,
  // Twice: without variables first, whose captures need no patterns (each capture with patterns costs the
  // tokenizer one more scanner call), then with them.
  'image-ref': { patterns: [imageRef('[\\w.-]+', false), imageRef(COMP, true)] },
  'image-ref-or-value': { patterns: [{ include: '#variable' }] },
  // One regex for every comment line (a plain comment, a `# hadolint` pragma, a `# check=` comment). Blank
  // lines need none: inside a continued instruction they are dropped as comment lines are, and no end
  // pattern can match on them. (Matching them too cost oniguruma a try at every position of every line:
  // with the `#` alone it searches for that character.) The rest of the line is `(?m:.*)`, a dot that takes
  // the newline too: the same match as `.*$\n?` on a line (each ends in its one `\n`), and cheaper to run.
  'comment-line': { match: '^([ \\t]*)((#)[ \\t]*(?:(hadolint)[ \\t]+(global[ \\t]+)?(ignore|shell)(=)(\\S+)|((?i:syntax|escape|check))[ \\t]*(=)[ \\t]*(.*?)[ \\t]*$)?(?m:.*))',
    captures: { 1: { name: 'punctuation.whitespace.comment.leading.dockerfile' }, 2: { name: 'comment.line.number-sign.dockerfile' }, 3: { name: 'punctuation.definition.comment.dockerfile' },
      4: { name: 'keyword.control.directive.hadolint.dockerfile' }, 5: { name: 'storage.modifier.hadolint.dockerfile' }, 6: { name: 'keyword.other.directive.hadolint.dockerfile' },
      7: { name: 'keyword.operator.assignment.dockerfile' }, 8: { name: 'constant.other.rule-id.dockerfile' }, 9: { name: 'keyword.control.directive.dockerfile' },
      10: { name: 'keyword.operator.assignment.dockerfile' }, 11: { name: 'string.unquoted.directive-value.dockerfile', patterns: [{ include: '#directive-value' }] } } },
  'directive-value': { patterns: [
    { match: '\\b(skip|error|experimental)(=)', captures: { 1: { name: 'variable.parameter.check-option.dockerfile' }, 2: { name: 'keyword.operator.assignment.dockerfile' } } },
    { match: '[;,]', name: 'punctuation.separator.dockerfile' }] },
  directive: { match: '^[ \\t]*((#)[ \\t]*((?i:syntax|escape|check))[ \\t]*(=)[ \\t]*(.*?)[ \\t]*$\\n?)', captures: {
    1: { name: 'comment.line.number-sign.directive.dockerfile' }, 2: { name: 'punctuation.definition.comment.dockerfile' }, 3: { name: 'keyword.control.directive.dockerfile' },
    4: { name: 'keyword.operator.assignment.dockerfile' }, 5: { name: 'string.unquoted.directive-value.dockerfile', patterns: [
      { match: '\\b(skip|error|experimental)(=)', captures: { 1: { name: 'variable.parameter.check-option.dockerfile' }, 2: { name: 'keyword.operator.assignment.dockerfile' } } },
      { match: '[;,]', name: 'punctuation.separator.dockerfile' }] } } },
};

const grammar = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'Dockerfile (Shipshape)',
  scopeName: 'source.dockerfile',
  comment: [
    'Generated by scripts/gen-grammar.mjs; edit that and run it.',
    'Continuation character: TextMate keeps no state but its stack of begin/end regions, so the only way a `# escape=`` directive can',
    'switch it is a region that opens at that directive and runs to the end of the file, holding a second copy of every instruction rule',
    'written with `` ` ``. It is entered only from a run of parser directives starting on the first line (a blank line, another comment or',
    'an instruction ends the run, as in BuildKit); an escape line anywhere else is a comment. What it cannot do: switch back, or follow an',
    'escape directive whose value is neither `\\` nor `` ` `` (BuildKit rejects those anyway).',
    'Embedded shell: rules of source.shell are included inside an instruction or heredoc, so a shell construct left open (an unbalanced',
    'quote, an `if` without `fi`) holds the embedding open past the end of the instruction or the heredoc delimiter, because an outer end',
    'pattern is not tried while an inner rule is open. The shell statement rules are left out for speed and command names matched here,',
    'so arguments and options carry no shell scope. A heredoc opened after a `&&`/`;` inside a nested shell block is the shell grammar\'s.',
    'Heredocs: a heredoc as the command (`RUN <<EOF`, `RUN <<EOF bash`) is shell; after a command (`cat <<EOF`, `python3 <<EOF`) it is',
    'that command\'s input, plain text; COPY/ADD bodies are text, with variables marked only when the delimiter is unquoted. With three or',
    'more heredocs on one line the bodies between the first and the last are shown as one. A shell heredoc\'s line begins with a command',
    'name unless the line before ended with `\\`; after such a line a lone word at the start of a line (it may be the delimiter, which a',
    'rule held open would hide) is shown as a command too.'
  ].join(' '),
  patterns: [{ include: '#prologue' }, { include: '#comment-line' }, { include: '#instructions' }],
  repository: {
    ...repository,
    prologue: { begin: '\\A(?=[ \\t]*#[ \\t]*(?i:syntax|escape|check)[ \\t]*=)', end: '^(?![ \\t]*#[ \\t]*(?i:syntax|escape|check)[ \\t]*=)', patterns: [
      { begin: '^[ \\t]*((#)[ \\t]*((?i:escape))[ \\t]*(=)[ \\t]*(`)[ \\t]*$\\n?)', end: '(?!)', captures: { 1: { name: 'comment.line.number-sign.directive.dockerfile' },
        2: { name: 'punctuation.definition.comment.dockerfile' }, 3: { name: 'keyword.control.directive.dockerfile' }, 4: { name: 'keyword.operator.assignment.dockerfile' },
        5: { name: 'string.unquoted.directive-value.dockerfile' } }, name: 'meta.escape-backtick.dockerfile',
        patterns: [{ include: '#comment-line' }, { include: '#instructions-bt' }] },
      { include: '#directive' }] },
  },
};
writeFileSync(new URL('../syntaxes/dockerfile.tmLanguage.json', import.meta.url), JSON.stringify(grammar, null, 2) + '\n');
