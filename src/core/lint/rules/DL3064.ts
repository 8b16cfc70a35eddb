import { defineInstructionRule, hadolintDocs } from '../define';

// hadolint's lists: well-known secret variable names, and words that suggest one anywhere in a name.
const KNOWN = new Set(
  `ACCESS_TOKEN APPLICATION_KEY APP_SECRET AUTH_TOKEN AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY BITTREX_API_KEY BITTREX_API_SECRET
CF_PASSWORD CF_USERNAME CIRCLE_TOKEN CI_DEPLOY_PASSWORD CI_DEPLOY_USER DOCKERHUB_PASSWORD DOCKER_EMAIL DOCKER_PASSWORD DOCKER_USERNAME
FACEBOOK_ACCESS_TOKEN FACEBOOK_APP_ID FACEBOOK_APP_SECRET FIREBASE_API_TOKEN FIREBASE_TOKEN FOSSA_API_KEY GH_ENTERPRISE_TOKEN GH_TOKEN
GITHUB_ENTERPRISE_TOKEN GITHUB_TOKEN HEROKU_API_KEY HEROKU_API_USER NPM_AUTH_TOKEN NPM_TOKEN OKTA_AUTHN_GROUPID OKTA_CLIENT_ORGURL
OKTA_CLIENT_TOKEN OKTA_OAUTH2_CLIENTID OKTA_OAUTH2_CLIENTSECRET OPENAI_API_KEY OS_PASSWORD OS_USERNAME POSTGRES_PASSWORD SLACK_TOKEN
STRIPE_API_KEY STRIPE_DEVICE_NAME TRAVIS_OS_NAME TRAVIS_SECURE_ENV_VARS TRAVIS_SUDO VAULT_CLIENT_KEY VAULT_TOKEN`.split(/\s+/),
);
const SUSPICIOUS = ['api_key', 'client_key', 'password', 'private', 'secret', 'token', 'username'];

const isSensitive = (name: string) => KNOWN.has(name.toUpperCase()) || SUSPICIOUS.some((s) => name.toLowerCase().includes(s));

export default defineInstructionRule(
  {
    id: 'DL3064',
    source: 'hadolint',
    severity: 'warning',
    description: 'Potentially sensitive data should not be used in the `ARG` or `ENV` commands',
    rationale:
      'ENV values are stored in the image configuration and ARG values in its build history, where anyone who can pull the image reads them with `docker inspect` or `docker history`. Pass secrets with `RUN --mount=type=secret` (or at run time) instead.',
    examples: {
      bad: 'FROM node:20\nARG NPM_TOKEN\nRUN npm ci\n',
      good: 'FROM node:20\nRUN --mount=type=secret,id=npm_token NPM_TOKEN="$(cat /run/secrets/npm_token)" npm ci\n',
    },
    docs: hadolintDocs('DL3064'),
    fixable: false,
    sameFindingAs: 'SecretsUsedInArgOrEnv',
  },
  ['ARG', 'ENV'],
  (instruction, ctx) => {
    const names = instruction.properties.length > 0 ? instruction.properties.map((kv) => ({ name: kv.key, range: kv.keyRange })) : [];
    if (names.length === 0 && instruction.keyword === 'ARG' && instruction.args[0]) {
      const word = instruction.args[0];
      names.push({ name: word.value.split('=')[0]!, range: word.range });
    }
    for (const { name, range } of names) {
      if (!isSensitive(name)) continue;
      ctx.report({
        range,
        message: `\`${name}\` looks like sensitive data: ${instruction.keyword} values stay readable in the image (history or config); pass secrets with \`RUN --mount=type=secret\` instead`,
      });
    }
  },
);
