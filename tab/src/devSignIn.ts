import type { DevToken } from '../../bot/http/sessionApi';

/**
 * Local mode keeps the chosen person's dev token for this browser tab only (sessionStorage), so a reload keeps the
 * person and a new tab asks again.
 */
const storageKey = 'mentoringUp.devToken';

export function readDevToken(now: Date = new Date()): DevToken | undefined {
  const raw = window.sessionStorage.getItem(storageKey);
  if (!raw) return undefined;
  try {
    const stored = JSON.parse(raw) as Partial<DevToken>;
    if (typeof stored.token !== 'string' || typeof stored.expiresAt !== 'string') return undefined;
    if (Date.parse(stored.expiresAt) <= now.getTime()) return undefined;
    return { token: stored.token, expiresAt: stored.expiresAt };
  } catch {
    return undefined;
  }
}

export function saveDevToken(token: DevToken): void {
  window.sessionStorage.setItem(storageKey, JSON.stringify(token));
}

export function forgetDevToken(): void {
  window.sessionStorage.removeItem(storageKey);
}
