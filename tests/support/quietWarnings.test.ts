import { execFile } from 'node:child_process';
import { EventEmitter } from 'node:events';
import path from 'node:path';
import { promisify } from 'node:util';
import { quietHarmlessWarnings } from '../../bot/processWarnings';

function warning(code: string): Error & { code: string } {
  return Object.assign(new Error(`warning ${code}`), { name: 'DeprecationWarning', code });
}

describe('harmless warnings', () => {
  it('drops DEP0111 only; every other warning still reaches the listeners that were there', () => {
    const emitter = new EventEmitter();
    const printed: string[] = [];
    emitter.on('warning', (w: Error & { code?: string }) => printed.push(w.code ?? w.message));
    quietHarmlessWarnings(emitter);
    quietHarmlessWarnings(emitter);

    emitter.emit('warning', warning('DEP0111'));
    emitter.emit('warning', warning('DEP0005'));
    emitter.emit('warning', new Error('an experimental feature'));
    expect(printed).toEqual(['DEP0005', 'an experimental feature']);
  });

  it('keeps a jest run that loads restify free of DEP0111, and still passing', async () => {
    const root = path.resolve(__dirname, '..', '..');
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [
        path.join(root, 'node_modules', 'jest', 'bin', 'jest.js'),
        '--runInBand',
        '--globalSetup',
        '',
        '--testMatch',
        '**/tests/fixtures/loadsRestify.fixture.ts',
        '--reporters',
        'default',
      ],
      { cwd: root, env: { ...process.env, FORCE_COLOR: '0' } },
    );
    const output = stdout + stderr;
    expect(output).toContain('1 passed');
    expect(output).not.toContain('DEP0111');
  });
});
