import { RateLimiter, TEAMS_PUBLISHED_LIMITS, TEAMS_SEND_LIMITS } from '../../bot/messaging/rateLimiter';

/** Largest number of bookings in any window of the given length (windows are (end - length, end]). */
function busiest(times: number[], lengthMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; j < sorted.length; j++) {
    while (sorted[i] <= sorted[j] - lengthMs) i++;
    most = Math.max(most, j - i + 1);
  }
  return most;
}

describe('RateLimiter (Teams send limits)', () => {
  it('keeps one conversation within 7 per second and 60 per 30 seconds', () => {
    const limiter = new RateLimiter(TEAMS_PUBLISHED_LIMITS);
    const times = Array.from({ length: 200 }, () => limiter.reserve('a', 0));
    expect(busiest(times, 1000)).toBeLessThanOrEqual(7);
    expect(busiest(times, 30_000)).toBeLessThanOrEqual(60);
    expect(times[0]).toBe(0);
    // 200 sends need at least three full 30-second windows after the first 60.
    expect(Math.max(...times)).toBeGreaterThanOrEqual(90_000);
  });

  it('keeps the app within 50 per second across conversations, without holding up a free conversation longer than needed', () => {
    const limiter = new RateLimiter(TEAMS_SEND_LIMITS);
    const times = Array.from({ length: 500 }, (_, i) => limiter.reserve(`c${i}`, 0));
    expect(busiest(times, 1000)).toBeLessThanOrEqual(TEAMS_SEND_LIMITS.perAppPerSecond);
    expect(TEAMS_SEND_LIMITS.perAppPerSecond).toBeLessThanOrEqual(TEAMS_PUBLISHED_LIMITS.perAppPerSecond);
    // As fast as the limit allows: 500 sends at 40 per second take 12.5 seconds, not more.
    expect(Math.max(...times)).toBeLessThanOrEqual((500 / TEAMS_SEND_LIMITS.perAppPerSecond) * 1000);
  });

  it('books later sends at the right moments as time passes, and sends at once when there is room', () => {
    const limiter = new RateLimiter();
    expect(limiter.reserve('a', 1000)).toBe(1000);
    expect(limiter.reserve('b', 1000)).toBe(1000);
    const times = [1000];
    for (let now = 1000; times.length < 30; now += 50) times.push(limiter.reserve('a', now));
    expect(busiest(times, 1000)).toBeLessThanOrEqual(7);
  });

  it('honours random interleavings (property check)', () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const limiter = new RateLimiter();
    const byConversation = new Map<string, number[]>();
    const all: number[] = [];
    let now = 0;
    for (let i = 0; i < 3000; i++) {
      now += Math.floor(random() * 20);
      const id = `c${Math.floor(random() * 5)}`;
      const at = limiter.reserve(id, now);
      expect(at).toBeGreaterThanOrEqual(now);
      all.push(at);
      byConversation.set(id, [...(byConversation.get(id) ?? []), at]);
    }
    expect(busiest(all, 1000)).toBeLessThanOrEqual(TEAMS_SEND_LIMITS.perAppPerSecond);
    for (const times of byConversation.values()) {
      expect(busiest(times, 1000)).toBeLessThanOrEqual(TEAMS_SEND_LIMITS.perConversationPerSecond);
      expect(busiest(times, 30_000)).toBeLessThanOrEqual(TEAMS_SEND_LIMITS.perConversationPer30Seconds);
    }
  });
});
