import { OPEN_PR_NOTE, defineBuildCacheRule, openPullRequests } from '../build-cache';

export default defineBuildCacheRule(
  {
    id: 'DL3068',
    source: 'hadolint',
    severity: 'info',
    description: 'Use BuildKit cache mount for npm',
    rationale: `\`npm install\` (\`npm i\`), \`npm ci\` and \`npm install-ci-test\` (\`npm it\`) keep every downloaded package in ~/.npm. Without a cache mount that folder is written into the layer, where it only adds size, and the next build downloads everything again. A \`--mount=type=cache\` (or tmpfs) whose target contains \`.npm\` (\`/root/.npm\`, \`/home/node/.npm\`) keeps it outside the image and shares it between builds. ${OPEN_PR_NOTE}`,
    examples: {
      bad: 'FROM node:20\nCOPY package*.json ./\nRUN npm ci\n',
      good: 'FROM node:20\nCOPY package*.json ./\nRUN --mount=type=cache,target=/root/.npm npm ci\n',
    },
    docs: openPullRequests('DL3068'),
    fixable: false,
    offByDefault: true,
  },
  { command: 'npm', filling: ['install', 'i', 'ci', 'install-ci-test', 'it'], cachePaths: ['.npm'], suggestion: '--mount=type=cache,target=/root/.npm' },
);
