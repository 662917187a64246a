// The Agents Playground's mock users must stay people of the sample org, or `npm run playground` signs in someone the
// service has never heard of.
import { z } from 'zod';
import { sampleOrg } from '../../bot/directory/sampleOrg';
import { SAMPLE_TENANT_ID, samplePersonas } from '../../bot/directory/samplePersonas';
import { findFreePort, startPlayground, type RunningPlayground } from './playground';

/** The Playground's own reading of .m365agentsplayground.yml, as its page fetches it. */
const playgroundUser = z.object({
  id: z.string(),
  name: z.string(),
  aadObjectId: z.string(),
  userPrincipleName: z.string(),
  email: z.string(),
  givenName: z.string(),
  surname: z.string(),
});
const playgroundConfig = z.object({ config: z.object({ tenantId: z.string(), currentUser: playgroundUser, users: z.array(playgroundUser) }) });

// Asking the Playground (rather than parsing the YAML here) also proves it accepts the file: it refuses to start on a
// file its schema rejects (for example, not exactly five `users`).
let playground: RunningPlayground;
let config: z.infer<typeof playgroundConfig>['config'];

beforeAll(async () => {
  // The Playground only calls the bot once its page is opened; nothing needs to listen there.
  playground = await startPlayground({ botEndpoint: `http://127.0.0.1:${await findFreePort()}/api/messages` });
  const response = await fetch(new URL('/_internal/v1/testConfig', playground.url), { signal: AbortSignal.timeout(10_000) });
  expect(response.status).toBe(200);
  config = playgroundConfig.parse(await response.json()).config;
});

afterAll(async () => {
  await playground?.stop();
});

it('signs in as Jordan Lee, the sample front-line employee, in the sample tenant', () => {
  expect(config.tenantId).toBe(SAMPLE_TENANT_ID);
  expect(config.currentUser).toMatchObject({ aadObjectId: samplePersonas.employee.id, name: samplePersonas.employee.name });
});

it('offers the executive, the manager and the taskforce personas as the other users', () => {
  const others = config.users.map((user) => ({ aadObjectId: user.aadObjectId, name: user.name }));
  for (const persona of [samplePersonas.executive, samplePersonas.manager, samplePersonas.taskforce]) {
    expect(others).toContainEqual({ aadObjectId: persona.id, name: persona.name });
  }
});

it('holds only people of the sample org, with their names and mail', () => {
  const org = new Map(sampleOrg().map((person) => [person.id, person]));
  for (const user of [config.currentUser, ...config.users]) {
    const person = org.get(user.aadObjectId);
    expect({ user: user.name, inSampleOrg: person !== undefined }).toEqual({ user: user.name, inSampleOrg: true });
    expect(user).toMatchObject({ name: person?.name, email: person?.mail, userPrincipleName: person?.mail, id: `29:${user.aadObjectId}` });
    expect(`${user.givenName} ${user.surname}`).toBe(user.name);
  }
});
