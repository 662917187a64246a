import { samplePersonas } from '../../../bot/directory/samplePersonas';
import type { Proposal } from '../../../bot/program/matching/api';
import { apiAs } from '../../support/devApi';
import { startTestService, type TestService } from '../../support/service';

describe('the matching score follows configuration', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService({ env: { MATCH_POINTS_PER_SHARED_TOPIC: '7', MATCH_CROSS_DEPARTMENT_BONUS: '0' } });
  });
  afterAll(async () => service.stop());

  it('scores the demo cohort with the configured points and says so in the formula', async () => {
    const taskforce = samplePersonas.taskforce.id;
    const before = await apiAs<{ proposal: Proposal }>(service.baseUrl, taskforce, '/api/cohorts/demo/matching');
    const { proposal } = await apiAs<{ proposal: Proposal }>(service.baseUrl, taskforce, '/api/cohorts/demo/matching/run', {
      method: 'POST',
      body: {},
      ifMatch: before.proposal.etag,
    });
    expect(proposal.formula).toMatchObject({ perSharedTopic: 7, differentDepartmentBonus: 0 });
    expect(proposal.formula.text).toContain('7 points for each topic both chose');
    expect(proposal.pairs.length).toBeGreaterThan(0);
    for (const pair of proposal.pairs) expect(pair.score).toBe(7 * pair.sharedTopics.length);
  });
});
