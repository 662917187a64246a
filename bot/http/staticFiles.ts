import fs from 'node:fs';
import path from 'node:path';
import type { Request, Response } from 'restify';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

/**
 * Serves the built tab (dist/tab) under a URL prefix. Paths are resolved inside the folder only; unknown paths get the
 * app's index.html so deep links work; index.html is never cached, hashed assets may be.
 */
export function staticFiles(root: string, prefix: string) {
  const absoluteRoot = path.resolve(root);
  return async (req: Request, res: Response): Promise<void> => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const relative = pathname.slice(prefix.length).replace(/^\/+/, '') || 'index.html';
    let file = path.resolve(absoluteRoot, relative);
    if (!file.startsWith(absoluteRoot + path.sep)) {
      res.send(404, { error: { code: 'NotFound', message: 'There is no such page.' } });
      return;
    }
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) file = path.join(absoluteRoot, 'index.html');
    if (!fs.existsSync(file)) {
      res.send(503, { error: { code: 'Internal', message: 'The tab has not been built yet. Run "npm run build".' } });
      return;
    }
    const type = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
    res.setHeader('content-type', type);
    res.setHeader('cache-control', file.endsWith('index.html') ? 'no-store' : 'public, max-age=300');
    res.sendRaw(200, await fs.promises.readFile(file));
  };
}
