// Local mode has no authentication (anyone who reaches it can "sign in as" the taskforce), so it must not be reachable
// from the network unless HOST says so.
import { startTestService, type TestService } from '../support/service';

async function listeningAddress(env: Record<string, string>): Promise<string> {
  let service: TestService | undefined;
  try {
    service = await startTestService({ env });
    return service.app.server.address().address;
  } finally {
    await service?.stop();
  }
}

describe('the address the service listens on', () => {
  it('is loopback only in local mode', async () => {
    expect(await listeningAddress({})).toBe('127.0.0.1');
  });

  it('is what HOST says when it is set', async () => {
    expect(await listeningAddress({ HOST: '0.0.0.0' })).toBe('0.0.0.0');
  });
});
