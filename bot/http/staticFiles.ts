import fs from 'node:fs';
import path from 'node:path';
import type { Request, Response } from 'restify';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

/** The compressed copies scripts/build-tab.js writes beside each file, best first. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

export interface StaticFilesOptions {
  /** Source maps show the tab's source: served in local mode only, 404 otherwise. */
  sourceMaps: boolean;
}

/**
 * Serves the built tab (dist/tab) under a URL prefix. Paths are resolved inside the folder only; a path without a file
 * extension gets the app's index.html so deep links work, a missing file 404. Each file goes out as the brotli or gzip
 * copy built beside it when the browser accepts one (with Vary: Accept-Encoding). index.html is never cached, the
 * hashed chunks are cached for good, the rest for a few minutes.
 */
export function staticFiles(root: string, prefix: string, options: StaticFilesOptions) {
  const absoluteRoot = path.resolve(root);
  const notFound = (res: Response): void => {
    // restify warns about a value returned from an async handler: answer, return nothing.
    res.send(404, { error: { code: 'NotFound', message: 'There is no such page.' } });
  };
  return async (req: Request, res: Response): Promise<void> => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      notFound(res);
      return;
    }
    const relative = pathname.slice(prefix.length).replace(/^\/+/, '') || 'index.html';
    let file = path.resolve(absoluteRoot, relative);
    if (!file.startsWith(absoluteRoot + path.sep) || (file.endsWith('.map') && !options.sourceMaps)) {
      notFound(res);
      return;
    }
    if (!isFile(file)) {
      if (path.extname(relative) !== '') {
        notFound(res);
        return;
      }
      file = path.join(absoluteRoot, 'index.html');
    }
    if (!isFile(file)) {
      res.send(503, { error: { code: 'Internal', message: 'The tab has not been built yet. Run "npm run build".' } });
      return;
    }
    const encoding = ENCODINGS.find((e) => accepts(req.header('accept-encoding'), e.name) && isFile(file + e.suffix));
    res.setHeader('content-type', CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream');
    res.setHeader('cache-control', cacheControl(path.relative(absoluteRoot, file)));
    res.setHeader('vary', 'Accept-Encoding');
    if (encoding) res.setHeader('content-encoding', encoding.name);
    res.sendRaw(200, await fs.promises.readFile(encoding ? file + encoding.suffix : file));
  };
}

function cacheControl(relative: string): string {
  if (relative === 'index.html') return 'no-store';
  if (relative.startsWith(`chunks${path.sep}`)) return 'public, max-age=31536000, immutable';
  return 'public, max-age=300';
}

/** Whether an Accept-Encoding header accepts `name` (q=0 refuses it; `*` stands for any other). */
export function accepts(header: string | undefined, name: string): boolean {
  let wildcard: boolean | undefined;
  for (const part of (header ?? '').split(',')) {
    const [coding = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    const acceptable = q === undefined || Number(q) > 0;
    if (coding.trim() === name) return acceptable;
    if (coding.trim() === '*') wildcard = acceptable;
  }
  return wildcard ?? false;
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
