import { describeConfig, loadConfig } from '../../bot/config';
import { sampleOrg, sampleRoles } from '../../bot/directory/sampleOrg';
import { samplePersonas } from '../../bot/directory/samplePersonas';
import { DEMO_COHORT_ID } from '../../bot/program/demo/demoData';
import type { Proposal } from '../../bot/program/matching/api';
import type { CohortSurveys } from '../../bot/program/surveys/api';
import { SECRET_MISSING } from '../../bot/program/surveys/surveyService';
import { SURVEYS_OFF_WARNING } from '../../bot/program/surveys/surveyStage';
import type { ParkedJobsResponse } from '../../bot/scheduler/api';
import { EntraDouble } from '../support/entraDouble';
import { startTestService, type TestService } from '../support/service';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const CLIENT_ID = '0d3c1f7e-5b3a-4a7f-9d1e-6f2b8c9a0e11';
const priya = samplePersonas.taskforce;
const production = {
  BOT_ID: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  BOT_PASSWORD: 'not-a-real-secret',
  AAD_APP_CLIENT_ID: CLIENT_ID,
  AAD_APP_TENANT_ID: TENANT,
  PUBLIC_URL: 'https://mentoring-up.example.org',
  TASKFORCE_IDS: priya.id,
  // Production takes the executives from configuration (or Graph groups); these are the sample org's.
  EXECUTIVE_IDS: sampleRoles(sampleOrg()).executives.join(','),
};

/**
 * Production without SURVEY_PSEUDONYM_SECRET: the service starts (nothing else needs the secret) with surveys off, and
 * says so everywhere someone would look: the start's log, the Outcomes page's data, the answer refused, the parked job.
 * Local mode has a development secret, so only production can be without one.
 */
describe('production mode without SURVEY_PSEUDONYM_SECRET: the service starts with surveys off, and says so', () => {
  it('loads the configuration without the secret in production (no ConfigError) and logs it as absent', () => {
    const config = loadConfig(production);
    expect(config.mode).toBe('production');
    expect(config.surveyPseudonymSecret).toBeUndefined();
    expect(describeConfig(config).surveyPseudonymSecret).toBe('(none)');
  });

  describe('through the real service', () => {
    let entra: EntraDouble;
    let service: TestService;
    const tokens = new Map<string, string>();
    const api = async (method: string, path: string, who: { id: string; name: string }, options: { body?: unknown; ifMatch?: string } = {}) => {
      const token = tokens.get(who.id) ?? (await entra.token(who, { audience: CLIENT_ID }));
      tokens.set(who.id, token);
      const response = await fetch(`${service.baseUrl}${path}`, {
        method: method.toUpperCase(),
        headers: {
          authorization: `Bearer ${token}`,
          ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(options.ifMatch ? { 'if-match': options.ifMatch } : {}),
        },
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
      });
      return { status: response.status, body: await response.json() };
    };
    const runDueJobs = async () => {
      for (let full = true; full;) full = (await service.app.scheduler.runDue()).full;
    };

    beforeAll(async () => {
      entra = await new EntraDouble(TENANT).start();
      // One failed run parks a job, so the test sees what the taskforce sees after the retries.
      service = await startTestService({ env: { ...production, AAD_APP_OAUTH_AUTHORITY_HOST: entra.authorityHost }, scheduler: { maxAttempts: 1 } });
    }, 60_000);
    afterAll(async () => {
      await service?.stop();
      await entra?.stop();
    });

    it('starts and logs one warning naming the variable', () => {
      const warnings = service.logs.map((line) => JSON.parse(line) as { level: string; message: string }).filter((line) => line.level === 'warn');
      expect(warnings.filter((line) => line.message.includes('SURVEY_PSEUDONYM_SECRET')).map((line) => line.message)).toEqual([SURVEYS_OFF_WARNING]);
    });

    it('opens no survey when pairs are confirmed: the job is parked with its reason; the page says surveys are off; answers are refused', async () => {
      // The demo cohort (applicants at every stage), as `npm run demo:reset` creates it; then matching as the taskforce does it.
      await service.app.resetDemo();
      const matching = `/api/cohorts/${DEMO_COHORT_ID}/matching`;
      const current = (await api('get', matching, priya)).body as { proposal: Proposal };
      const run = await api('post', `${matching}/run`, priya, { body: {}, ifMatch: current.proposal.etag });
      expect(run.status).toBe(200);
      const { proposal } = run.body as { proposal: Proposal };
      const confirmed = await api('post', `${matching}/confirm`, priya, { body: {}, ifMatch: proposal.etag });
      expect(confirmed.status).toBe(200);
      // The first poll runs the pairsConfirmed event (the rounds are planned); the next runs the opening job it scheduled.
      await runDueJobs();
      await runDueJobs();
      await service.app.batches.idle();

      const parked = (await api('get', '/api/scheduler/parked', priya)).body as ParkedJobsResponse;
      const opening = parked.jobs.filter((job) => job.kind === 'survey.open');
      expect(opening).toHaveLength(1);
      expect(opening[0].lastError).toContain('SURVEY_PSEUDONYM_SECRET');

      const surveys = (await api('get', `/api/cohorts/${DEMO_COHORT_ID}/surveys`, priya)).body as CohortSurveys;
      expect(surveys.secretMissing).toBe(true);
      expect(surveys.rounds.find((r) => r.round === 'pre')?.invited).toEqual({ executive: 0, mentor: 0 });

      const mentor = proposal.pairs[0].mentor;
      const refused = await api('put', `/api/me/surveys/${DEMO_COHORT_ID}/pre`, mentor, { body: { answers: { q1: 4 } }, ifMatch: 'new' });
      expect(refused.status).toBe(409);
      expect(refused.body).toEqual({ error: { code: 'Conflict', message: SECRET_MISSING } });
    }, 60_000);
  });
});
