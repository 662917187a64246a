import { samplePersonas } from '../../bot/directory/samplePersonas';
import { AppError } from '../../bot/errors';
import type { ParkedJobsResponse } from '../../bot/scheduler/api';
import { apiAnswerAs, tokenFor } from '../support/devApi';
import { startTestService, type TestService } from '../support/service';
import { TestClock } from '../support/testClock';

const priya = samplePersonas.taskforce;
const jordan = samplePersonas.employee;

/** The taskforce's parked jobs through the real service: who may see them, and retry and drop. */
describe('parked jobs in the tab API', () => {
  let service: TestService;
  const clock = new TestClock();
  let healthy = false;
  const ran: string[] = [];

  beforeAll(async () => {
    service = await startTestService({ clock: clock.now, scheduler: { maxAttempts: 2 } });
    const scheduler = service.app.scheduler;
    scheduler.register(
      'test.notify',
      async (job) => {
        if (!healthy) throw new AppError('Unreachable', 'The person could not be reached in Teams.', 'conversation 404 for 29:abc');
        ran.push(job.key);
      },
      { describe: (job) => `A note to ${String(job.payload.to)}` },
    );
    for (const key of ['kept', 'dropped']) {
      await scheduler.schedule('test.notify', key, clock.now(), { to: key === 'kept' ? 'Sam Okafor' : 'Angela Brooks' });
    }
    await scheduler.runDue();
    await scheduler.runDue(clock.advance(24 * 60 * 60 * 1000));
  });
  afterAll(async () => {
    await service.stop();
  });

  const parked = () => apiAnswerAs<ParkedJobsResponse>(service.baseUrl, priya.id, '/api/scheduler/parked');

  it('answers 401 without a token and 403 to anyone but the taskforce, on every route', async () => {
    const id = (await parked()).body.jobs[0].id;
    const employee = await tokenFor(service.baseUrl, jordan.id);
    const routes: [string, string][] = [
      ['GET', '/api/scheduler/parked'],
      ['POST', `/api/scheduler/parked/${id}/retry`],
      ['DELETE', `/api/scheduler/parked/${id}`],
    ];
    for (const [method, path] of routes) {
      const call = (token?: string) => fetch(`${service.baseUrl}${path}`, { method, headers: token ? { authorization: `Bearer ${token}` } : {} });
      const anonymous = await call();
      expect([method, path, anonymous.status]).toEqual([method, path, 401]);
      expect(await anonymous.json()).toEqual({ error: { code: 'Unauthorized', message: expect.any(String) } });
      const forbidden = await call(employee);
      expect([method, path, forbidden.status]).toEqual([method, path, 403]);
      expect(await forbidden.json()).toEqual({ error: { code: 'Forbidden', message: 'This part of Mentoring Up is only for the program taskforce.' } });
    }
    expect((await parked()).body.jobs).toHaveLength(2); // nothing changed
  });

  it('shows the taskforce what is parked, since when, after how many attempts, with the sentence and no details', async () => {
    const answer = await parked();
    expect(answer.status).toBe(200);
    expect(answer.body.more).toBe(false);
    expect(answer.body.jobs.map((job) => job.title).sort()).toEqual(['A note to Angela Brooks', 'A note to Sam Okafor']);
    for (const job of answer.body.jobs) {
      expect(job).toEqual({
        id: expect.stringMatching(/^[A-Za-z0-9_-]+$/),
        kind: 'test.notify',
        title: expect.any(String),
        parkedAt: clock.now().toISOString(),
        attempts: 2,
        lastError: 'The person could not be reached in Teams.',
      });
    }
    expect(JSON.stringify(answer.body)).not.toContain('29:abc');
  });

  it('retries a parked job, which then runs at the next pass; a second retry finds it gone', async () => {
    const job = (await parked()).body.jobs.find((j) => j.title.includes('Sam'))!;
    healthy = true;
    const retried = await apiAnswerAs(service.baseUrl, priya.id, `/api/scheduler/parked/${job.id}/retry`, { method: 'POST' });
    expect(retried).toEqual({ status: 200, body: { retried: job.id } });
    expect(await service.app.scheduler.get('test.notify', 'kept')).toMatchObject({ state: 'waiting', attempts: 0 });
    const again = await apiAnswerAs(service.baseUrl, priya.id, `/api/scheduler/parked/${job.id}/retry`, { method: 'POST' });
    expect(again).toEqual({ status: 404, body: { error: { code: 'NotFound', message: expect.stringContaining('no longer parked') } } });

    await service.app.scheduler.runDue();
    expect(ran).toEqual(['kept']);
    expect(await service.app.scheduler.get('test.notify', 'kept')).toBeUndefined();
  });

  it('drops a parked job for good; a second drop and a made-up id find nothing', async () => {
    const job = (await parked()).body.jobs.find((j) => j.title.includes('Angela'))!;
    const dropped = await apiAnswerAs(service.baseUrl, priya.id, `/api/scheduler/parked/${job.id}`, { method: 'DELETE' });
    expect(dropped).toEqual({ status: 200, body: { dropped: job.id } });
    expect((await parked()).body).toEqual({ jobs: [], more: false });
    expect((await apiAnswerAs(service.baseUrl, priya.id, `/api/scheduler/parked/${job.id}`, { method: 'DELETE' })).status).toBe(404);
    expect((await apiAnswerAs(service.baseUrl, priya.id, '/api/scheduler/parked/not-a-job/retry', { method: 'POST' })).status).toBe(404);

    await service.app.scheduler.runDue(clock.advance(24 * 60 * 60 * 1000));
    expect(ran).toEqual(['kept']);
  });
});
