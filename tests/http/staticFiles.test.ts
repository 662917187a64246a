// The tab's static files: compressed by Accept-Encoding (brotli or gzip copies built beside each file), with Vary and
// the file's own content type; source maps only in local mode; a missing file 404, a deep link the app's page.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { findProjectRoot } from '../../bot/projectRoot';
import { startTestService, type TestService } from '../support/service';

const TAB_DIR = path.join(findProjectRoot(__dirname), 'dist', 'tab');

interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A GET with exactly the headers given (fetch would add its own Accept-Encoding and decode the body). */
function getRaw(url: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

const production = {
  BOT_ID: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  BOT_PASSWORD: 'not-a-real-secret',
  AAD_APP_CLIENT_ID: '0d3c1f7e-5b3a-4a7f-9d1e-6f2b8c9a0e11',
  AAD_APP_TENANT_ID: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  PUBLIC_URL: 'https://mentoring-up.example.org',
};

describe('the tab static files', () => {
  let local: TestService;
  let prod: TestService;
  const mainJs = fs.readFileSync(path.join(TAB_DIR, 'main.js'));

  beforeAll(async () => {
    local = await startTestService();
    prod = await startTestService({ azurite: local.azurite, env: production });
  });
  afterAll(async () => {
    await prod?.stop();
    await local?.stop();
  });

  it.each([
    ['gzip', 'gzip', (body: Buffer) => zlib.gunzipSync(body)],
    ['gzip, deflate, br', 'br', (body: Buffer) => zlib.brotliDecompressSync(body)],
    ['br;q=0, gzip;q=0.5', 'gzip', (body: Buffer) => zlib.gunzipSync(body)],
  ])('answers Accept-Encoding "%s" with %s, the JavaScript type and Vary', async (acceptEncoding, encoding, decode) => {
    const answer = await getRaw(`${prod.baseUrl}/tab/main.js`, { 'accept-encoding': acceptEncoding });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe(encoding);
    expect(answer.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(answer.headers.vary).toMatch(/Accept-Encoding/i);
    expect(answer.body.length).toBeLessThan(mainJs.length);
    expect(decode(answer.body).equals(mainJs)).toBe(true);
  });

  it('sends the file as it is to a client that accepts no compression', async () => {
    for (const headers of [{} as Record<string, string>, { 'accept-encoding': 'identity' }, { 'accept-encoding': 'gzip;q=0, br;q=0' }]) {
      const answer = await getRaw(`${prod.baseUrl}/tab/main.js`, headers);
      expect(answer.headers['content-encoding']).toBeUndefined();
      expect(answer.body.equals(mainJs)).toBe(true);
    }
  });

  it('compresses the page itself and never caches it; caches the hashed chunks for good', async () => {
    const page = await getRaw(`${prod.baseUrl}/tab/`, { 'accept-encoding': 'gzip' });
    expect([page.status, page.headers['content-encoding'], page.headers['cache-control']]).toEqual([200, 'gzip', 'no-store']);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    const chunk = fs.readdirSync(path.join(TAB_DIR, 'chunks')).find((name) => name.endsWith('.js'))!;
    const answer = await getRaw(`${prod.baseUrl}/tab/chunks/${chunk}`, { 'accept-encoding': 'br' });
    expect([answer.status, answer.headers['content-encoding']]).toEqual([200, 'br']);
    expect(answer.headers['cache-control']).toContain('immutable');
  });

  it('serves source maps in local mode only', async () => {
    const inLocal = await getRaw(`${local.baseUrl}/tab/main.js.map`);
    expect(inLocal.status).toBe(200);
    expect(JSON.parse(inLocal.body.toString('utf8'))).toHaveProperty('mappings');
    for (const file of ['main.js.map', `chunks/${fs.readdirSync(path.join(TAB_DIR, 'chunks')).find((name) => name.endsWith('.js.map'))}`]) {
      expect([file, (await getRaw(`${prod.baseUrl}/tab/${file}`, { 'accept-encoding': 'gzip, br' })).status]).toEqual([file, 404]);
    }
  });

  it('answers 404 for a missing file and the app page for a deep link', async () => {
    expect((await getRaw(`${prod.baseUrl}/tab/chunks/missing-ABC.js`)).status).toBe(404);
    const deepLink = await getRaw(`${prod.baseUrl}/tab/cohorts/demo`);
    expect(deepLink.status).toBe(200);
    expect(deepLink.body.toString('utf8')).toContain('<div id="root">');
  });
});
