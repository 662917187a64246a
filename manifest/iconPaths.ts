import path from 'node:path';

/** Where the committed icons live. */
export function iconPaths(projectRoot: string): { color: string; outline: string } {
  return {
    color: path.join(projectRoot, 'manifest', 'color.png'),
    outline: path.join(projectRoot, 'manifest', 'outline.png'),
  };
}
