import { Formatter, oneBased } from './types';

// GitHub Actions workflow commands: https://docs.github.com/actions/reference/workflow-commands-for-github-actions
const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const property = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export const github: Formatter = ({ results }) =>
  results
    .flatMap(({ file, findings }) =>
      findings.map((f) => {
        const p = oneBased(f);
        const level = f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'notice';
        const props = [`file=${property(file)}`, `line=${p.line}`, `col=${p.column}`, `endLine=${p.endLine}`, `endColumn=${p.endColumn}`, `title=${property(f.code)}`];
        return `::${level} ${props.join(',')}::${data(`${f.code} ${f.message}`)}\n`;
      }),
    )
    .join('');
