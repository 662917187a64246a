import fs from 'node:fs';
import path from 'node:path';

/**
 * The repository root: the nearest folder above `fromDir` holding package.json and the manifest
 * template. tsc does not copy the PNG icons into dist/, so the packaging code finds them (and
 * package.json) from here whether it runs from source or from dist/manifest.
 */
export function findProjectRoot(fromDir: string = __dirname): string {
  let dir = path.resolve(fromDir);
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'manifest', 'manifest.template.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No project root (package.json with manifest/manifest.template.json) above ${fromDir}.`);
    dir = parent;
  }
}
