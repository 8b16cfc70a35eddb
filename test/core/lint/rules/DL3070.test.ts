import rule from '../../../../src/core/lint/rules/DL3070';
import { ruleTester } from '../rule-tester';

// Cases after the open hadolint pull request that defines DL3070 (its spec), plus Shipshape's own.
ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    { name: 'a command that is not go', code: 'FROM golang:1.22\nRUN echo hello\n' },
    { name: 'a cache mount at /root/.cache/go-build', code: 'FROM golang:1.22\nRUN --mount=type=cache,target=/root/.cache/go-build go build ./...\n' },
    { name: 'a cache mount at /go/pkg/mod (either cache is enough)', code: 'FROM golang:1.22\nRUN --mount=type=cache,target=/go/pkg/mod go build ./...\n' },
    { name: 'a tmpfs mount at /root/.cache/go-build', code: 'FROM golang:1.22\nRUN --mount=type=tmpfs,target=/root/.cache/go-build go build ./...\n' },
    { name: 'go commands that build nothing', code: 'FROM golang:1.22\nRUN go version && go env GOPATH\n' },
  ],
  invalid: [
    { code: rule.meta.examples.bad, errors: [{ line: 3, column: 5, message: /^Use BuildKit cache mount for Go: `go build` writes/ }], noFix: true },
    { name: 'go get without a cache mount', code: 'FROM golang:1.22\nRUN go get github.com/foo/bar\n', errors: [{ line: 2, message: /`go get`/ }] },
    { name: 'go mod download without a cache mount', code: 'FROM golang:1.22\nRUN go mod download\n', errors: [{ line: 2, message: /`go mod`/ }] },
    { name: 'go build in an ONBUILD RUN', code: 'FROM golang:1.22\nONBUILD RUN go build ./...\n', errors: [{ line: 2 }] },
    { name: 'a cache mount at another path', code: 'FROM golang:1.22\nRUN --mount=type=cache,target=/wrong/path go build ./...\n', errors: [{ line: 2 }] },
    { name: 'go install and go test', code: 'FROM golang:1.22\nRUN go install ./cmd/x && go test ./...\n', errors: [{ line: 2, column: 5 }] },
  ],
});
