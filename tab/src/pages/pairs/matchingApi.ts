import { request, type TokenSource } from '../../api';
import type { AuditEntry, ConfirmAnswer, ConfirmedPairs, MyPair, PairCheck, Proposal } from './matchingTypes';

/** The matching calls (bot/program/matching/API.md). Changes carry the proposal's etag: a stale one answers 409. */

const matchingPath = (cohortId: string): string => `cohorts/${encodeURIComponent(cohortId)}/matching`;

type ProposalAnswer = { proposal: Proposal };

export async function getProposal(token: TokenSource, cohortId: string, signal?: AbortSignal): Promise<Proposal> {
  return (await request<ProposalAnswer>(matchingPath(cohortId), { token, signal })).proposal;
}

/** Runs or re-runs matching; locked pairs and bans are kept. */
export async function runMatching(token: TokenSource, cohortId: string, etag: string | undefined): Promise<Proposal> {
  return (await request<ProposalAnswer>(`${matchingPath(cohortId)}/run`, { method: 'POST', body: { etag }, token })).proposal;
}

export function checkPair(token: TokenSource, cohortId: string, executiveId: string, mentorId: string, signal?: AbortSignal): Promise<PairCheck> {
  const query = new URLSearchParams({ executiveId, mentorId }).toString();
  return request<PairCheck>(`${matchingPath(cohortId)}/check?${query}`, { token, signal });
}

export async function setLocked(token: TokenSource, cohortId: string, executiveId: string, locked: boolean, etag: string): Promise<Proposal> {
  return (await request<ProposalAnswer>(`${matchingPath(cohortId)}/lock`, { method: 'PUT', body: { executiveId, locked, etag }, token })).proposal;
}

export async function banPair(
  token: TokenSource,
  cohortId: string,
  pair: { executiveId: string; mentorId: string },
  reason: string,
  etag: string,
): Promise<Proposal> {
  const body = { ...pair, reason: reason.length > 0 ? reason : undefined, etag };
  return (await request<ProposalAnswer>(`${matchingPath(cohortId)}/bans`, { method: 'POST', body, token })).proposal;
}

export async function unbanPair(token: TokenSource, cohortId: string, pair: { executiveId: string; mentorId: string }, etag: string): Promise<Proposal> {
  const path = `${matchingPath(cohortId)}/bans/${encodeURIComponent(pair.executiveId)}/${encodeURIComponent(pair.mentorId)}`;
  return (await request<ProposalAnswer>(`${path}?${new URLSearchParams({ etag }).toString()}`, { method: 'DELETE', token })).proposal;
}

/** Places a mentor by hand (the pair is then locked). A pair that breaks a rule needs `overrideReason` (10–500 characters). */
export async function assignMentor(
  token: TokenSource,
  cohortId: string,
  executiveId: string,
  mentorId: string,
  overrideReason: string | undefined,
  etag: string,
): Promise<Proposal> {
  const path = `${matchingPath(cohortId)}/assignments/${encodeURIComponent(executiveId)}`;
  return (await request<ProposalAnswer>(path, { method: 'PUT', body: { mentorId, overrideReason, etag }, token })).proposal;
}

/** Confirming twice, or two people at once, gives one set of pairs (`alreadyConfirmed` on the second). */
export function confirmPairs(token: TokenSource, cohortId: string, etag: string): Promise<ConfirmAnswer> {
  return request<ConfirmAnswer>(`${matchingPath(cohortId)}/confirm`, { method: 'POST', body: { etag }, token });
}

export async function getAudit(token: TokenSource, cohortId: string, signal?: AbortSignal): Promise<AuditEntry[]> {
  return (await request<{ entries: AuditEntry[] }>(`${matchingPath(cohortId)}/audit`, { token, signal })).entries;
}

export function getConfirmedPairs(token: TokenSource, cohortId: string, signal?: AbortSignal): Promise<ConfirmedPairs> {
  return request<ConfirmedPairs>(`cohorts/${encodeURIComponent(cohortId)}/pairs`, { token, signal });
}

export async function getMyPairs(token: TokenSource, signal?: AbortSignal): Promise<MyPair[]> {
  return (await request<{ pairs: MyPair[] }>('me/pair', { token, signal })).pairs;
}
