import rule from '../../../../src/core/lint/rules/DL3069';
import { ruleTester } from '../rule-tester';

// Cases after the open hadolint pull request that defines DL3069 (its spec), plus Shipshape's own.
ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    { name: 'a command that is not cargo', code: 'FROM rust:1.80\nRUN echo hello\n' },
    { name: 'a cache mount at /root/.cargo', code: 'FROM rust:1.80\nRUN --mount=type=cache,target=/root/.cargo cargo build\n' },
    { name: 'a tmpfs mount at /root/.cargo', code: 'FROM rust:1.80\nRUN --mount=type=tmpfs,target=/root/.cargo cargo build\n' },
    { name: 'cargo commands that fetch nothing', code: 'FROM rust:1.80\nRUN cargo --version && cargo fmt --check\n' },
  ],
  invalid: [
    { code: rule.meta.examples.bad, errors: [{ line: 3, column: 5, message: /^Use BuildKit cache mount for cargo: `cargo build` writes/ }], noFix: true },
    { name: 'cargo install without a cache mount', code: 'FROM rust:1.80\nRUN cargo install ripgrep\n', errors: [{ line: 2, message: /`cargo install`/ }] },
    { name: 'cargo build in an ONBUILD RUN', code: 'FROM rust:1.80\nONBUILD RUN cargo build\n', errors: [{ line: 2 }] },
    { name: 'a cache mount at another path', code: 'FROM rust:1.80\nRUN --mount=type=cache,target=/wrong/path cargo build\n', errors: [{ line: 2 }] },
    {
      name: 'fetch, test, check and clippy fill the cache too',
      code: 'FROM rust:1.80\nRUN cargo fetch\nRUN cargo test\nRUN cargo check\nRUN cargo clippy\n',
      errors: [{ line: 2 }, { line: 3 }, { line: 4 }, { line: 5 }],
    },
  ],
});
