import type { Request, Response, Server } from 'restify';

/** A dependency the service needs to do its work; resolves true when it answers. */
export type ReadinessCheck = () => Promise<boolean>;

/** How long one check may take before it counts as unreachable (storage clients retry for far longer). */
const CHECK_TIMEOUT_MS = 3_000;

/**
 * GET /healthz: liveness, the process answers (App Service's health check; no dependency, so an outage elsewhere never
 * gets healthy instances replaced). GET /readyz: readiness, every dependency answers and the service is not stopping;
 * 503 with the failing checks named otherwise.
 */
export function mountHealthRoutes(server: Server, checks: Readonly<Record<string, ReadinessCheck>>, stopping: () => boolean): void {
  server.get('/healthz', async (_req: Request, res: Response) => {
    res.send(200, { status: 'ok' });
  });

  server.get('/readyz', async (_req: Request, res: Response) => {
    if (stopping()) {
      res.send(503, { status: 'stopping' });
      return;
    }
    const names = Object.keys(checks);
    const results = await Promise.all(names.map((name) => withinTimeout(checks[name])));
    const report = Object.fromEntries(names.map((name, i) => [name, results[i] ? 'ok' : 'unreachable']));
    const ready = results.every(Boolean);
    res.send(ready ? 200 : 503, { status: ready ? 'ready' : 'not-ready', checks: report });
  });
}

async function withinTimeout(check: ReadinessCheck): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), CHECK_TIMEOUT_MS);
    timer.unref();
  });
  try {
    return await Promise.race([check().catch(() => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
