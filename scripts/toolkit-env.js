// Run by the Microsoft 365 Agents Toolkit (a `script` step in m365agents.yml and m365agents.local.yml): derives the
// values the Teams app manifest and the Bicep need from what the toolkit already knows, and makes the secrets the
// program needs once. Each value goes back to the toolkit as a `::set-teamsfx-env NAME=value` line, which it writes
// into env/.env.<environment> (names starting with SECRET_ into env/.env.<environment>.user, which git ignores).
// Plain CommonJS so the toolkit runs it without compiling anything.
'use strict';

const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

/** The values to set, given the toolkit's environment. Values already set are kept (a secret must never change). */
function derivedValues(env, packageVersion) {
  const out = { APP_VERSION: packageVersion };
  const missing = (name) => !env[name] || env[name].trim() === '';
  // No Teams app of its own is registered for a deployment: its id is the bot's, as `npm run package` makes it.
  if (missing('TEAMS_APP_ID') && !missing('BOT_ID')) out.TEAMS_APP_ID = env.BOT_ID;
  if (missing('PUBLIC_HOST') && !missing('PUBLIC_URL')) out.PUBLIC_HOST = new URL(env.PUBLIC_URL).host;
  const host = out.PUBLIC_HOST || env.PUBLIC_HOST;
  if (missing('AAD_APP_ID_URI') && host && !missing('AAD_APP_CLIENT_ID')) out.AAD_APP_ID_URI = `api://${host}/${env.AAD_APP_CLIENT_ID}`;
  if (missing('RESOURCE_SUFFIX')) out.RESOURCE_SUFFIX = crypto.randomBytes(3).toString('hex');
  if (missing('SECRET_SURVEY_PSEUDONYM_SECRET')) out.SECRET_SURVEY_PSEUDONYM_SECRET = crypto.randomBytes(36).toString('base64url');
  return out;
}

function main() {
  const packageJson = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', 'package.json'), 'utf8'));
  for (const [name, value] of Object.entries(derivedValues(process.env, packageJson.version))) {
    process.stdout.write(`::set-teamsfx-env ${name}=${value}\n`);
  }
}

if (require.main === module) main();

module.exports = { derivedValues };
