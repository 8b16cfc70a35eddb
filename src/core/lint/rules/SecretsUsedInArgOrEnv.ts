import { buildkitDocs, defineRule } from '../define';

// BuildKit's lists: a secret-like word as the whole name or as its first/last `_`-separated part…
const SECRET_TOKENS = ['apikey', 'auth', 'credential', 'credentials', 'key', 'password', 'pword', 'passwd', 'secret', 'token'];
const SECRET = new RegExp(`(?:_|^)(?:${SECRET_TOKENS.join('|')})(?:_|$)`, 'i');
// …unless the name also says it is public, a file path or a version.
const ALLOWED = /(?:_|^)(?:public|file|version)(?:_|$)/i;

export default defineRule(
  {
    id: 'SecretsUsedInArgOrEnv',
    source: 'buildkit',
    severity: 'warning',
    description: 'Sensitive data should not be used in the ARG or ENV commands',
    rationale:
      'ARG and ENV values end up in the image: ENV in its configuration, ARG in the build history of every RUN that sees it (`docker history` shows them). Anyone who can pull the image can read the secret. Pass secrets with `RUN --mount=type=secret` instead.',
    examples: {
      bad: 'FROM node:20-alpine\nARG NPM_TOKEN\nRUN echo "//registry.npmjs.org/:_authToken=$NPM_TOKEN" > .npmrc && npm ci\n',
      good: 'FROM node:20-alpine\nRUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci\n',
    },
    docs: buildkitDocs('SecretsUsedInArgOrEnv'),
    fixable: false,
  },
  (ctx) => {
    for (const stage of ctx.model.stages) {
      for (const instruction of stage.instructions) {
        if (instruction.keyword !== 'ARG' && instruction.keyword !== 'ENV') continue;
        for (const { key, keyRange } of instruction.properties) {
          if (!SECRET.test(key) || ALLOWED.test(key)) continue;
          ctx.report({
            range: keyRange,
            message: `Do not use ARG or ENV instructions for sensitive data (${instruction.keyword} "${key}"): pass it with RUN --mount=type=secret instead`,
          });
        }
      }
    }
  },
);
