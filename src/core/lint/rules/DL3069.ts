import { OPEN_PR_NOTE, defineBuildCacheRule, openPullRequests } from '../build-cache';

export default defineBuildCacheRule(
  {
    id: 'DL3069',
    source: 'hadolint',
    severity: 'info',
    description: 'Use BuildKit cache mount for cargo',
    rationale: `\`cargo build\`, \`install\`, \`fetch\`, \`test\`, \`check\` and \`clippy\` download crates and git dependencies into ~/.cargo/registry and ~/.cargo/git. Without a cache mount those folders are written into the layer and every build fetches them again. A \`--mount=type=cache\` (or tmpfs) whose target contains \`.cargo\` (\`/root/.cargo\`, or both \`/root/.cargo/registry\` and \`/root/.cargo/git\`) keeps them outside the image and shares them between builds. ${OPEN_PR_NOTE}`,
    examples: {
      bad: 'FROM rust:1.80\nCOPY . .\nRUN cargo build --release\n',
      good: 'FROM rust:1.80\nCOPY . .\nRUN --mount=type=cache,target=/root/.cargo/registry --mount=type=cache,target=/root/.cargo/git cargo build --release\n',
    },
    docs: openPullRequests('DL3069'),
    fixable: false,
    offByDefault: true,
  },
  {
    command: 'cargo',
    filling: ['build', 'install', 'fetch', 'test', 'check', 'clippy'],
    cachePaths: ['.cargo'],
    suggestion: '--mount=type=cache,target=/root/.cargo/registry --mount=type=cache,target=/root/.cargo/git',
  },
);
