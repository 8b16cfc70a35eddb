import { OPEN_PR_NOTE, defineBuildCacheRule, openPullRequests } from '../build-cache';

export default defineBuildCacheRule(
  {
    id: 'DL3070',
    source: 'hadolint',
    severity: 'info',
    description: 'Use BuildKit cache mount for Go',
    rationale: `\`go build\`, \`get\`, \`install\`, \`test\` and \`mod\` fill the build cache (~/.cache/go-build) and the module cache (/go/pkg/mod). Without a cache mount both are written into the layer and every build compiles and downloads from scratch. A \`--mount=type=cache\` (or tmpfs) whose target contains \`.cache/go-build\` or \`go/pkg/mod\` keeps them outside the image and shares them between builds. ${OPEN_PR_NOTE}`,
    examples: {
      bad: 'FROM golang:1.22\nCOPY . .\nRUN go build -o /app ./cmd/app\n',
      good: 'FROM golang:1.22\nCOPY . .\nRUN --mount=type=cache,target=/root/.cache/go-build --mount=type=cache,target=/go/pkg/mod go build -o /app ./cmd/app\n',
    },
    docs: openPullRequests('DL3070'),
    fixable: false,
    offByDefault: true,
  },
  {
    command: 'go',
    filling: ['build', 'get', 'install', 'test', 'mod'],
    cachePaths: ['.cache/go-build', 'go/pkg/mod'],
    suggestion: '--mount=type=cache,target=/root/.cache/go-build --mount=type=cache,target=/go/pkg/mod',
  },
);
