import rule from '../../../../src/core/lint/rules/DL3062';
import { ruleTester } from '../rule-tester';

const run = (s: string) => `FROM golang:1.22\nRUN ${s}\n`;

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    run('go install example.com/pkg@v1.2.3'),
    run('go install /go/app/foobar'),
    run('go install ./app/foobar'),
    run('go install .'),
    run('go get -d -v ./...'),
    run('go install tool foobar@v1.2.3'),
    run('go get -tool foobar@v1.2.3'),
    run('go run example.com/pkg@v1.2.3 --foo bar'),
    run('go run . serve'),
    run('go build -o /out/app ./cmd/app'),
    { name: 'flag values are not packages', code: run('go install -tags netgo -ldflags "-s -w" example.com/pkg@v1.0.0') },
    { name: 'a computed package', code: run('go install $TOOL') },
  ],
  invalid: [
    { code: rule.meta.examples.bad, errors: [{ line: 2, column: 16, message: /^Pin versions in go install: `golang\.org\/x\/tools\/gopls@latest` is not a fixed version/ }] },
    { code: run('go install example.com/pkg'), errors: [{ line: 2, column: 16, endColumn: 31, message: /`example\.com\/pkg` has no version; use `example\.com\/pkg@<version>`/ }] },
    { code: run('go get example.com/pkg@none'), errors: [{ line: 2 }] },
    { code: run('go install tool foobar'), errors: [{ line: 2, column: 21 }] },
    { code: run('go get -tool foobar@latest'), errors: [{ line: 2 }] },
    { name: 'go run: only the package is checked', code: run('go run example.com/pkg arg1 arg2'), errors: [{ line: 2, column: 12, message: /^Pin versions in go run/ }] },
    { name: 'several packages', code: run('go install a.com/x@v1.0.0 b.com/y'), errors: [{ line: 2, column: 31 }] },
    { name: 'in ONBUILD', code: 'FROM golang:1.22\nONBUILD RUN go install example.com/pkg\n', errors: [{ line: 2 }] },
  ],
});
