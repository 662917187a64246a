import { randomUUID } from 'node:crypto';
import { SAMPLE_TENANT_ID } from '../../bot/directory/samplePersonas';

/** Builders for the activities Teams sends a bot, in Teams' own shapes (personal scope). */
export interface Someone {
  id: string;
  name: string;
}

export function personalConversationId(person: Someone): string {
  return `a:personal-${person.id}`;
}

function base(serviceUrl: string, person: Someone, type: string): Record<string, unknown> {
  return {
    type,
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    from: { id: `29:${person.id}`, name: person.name, aadObjectId: person.id },
    recipient: { id: '28:mentoring-up-bot', name: 'Mentoring Up' },
    conversation: { id: personalConversationId(person), conversationType: 'personal', tenantId: SAMPLE_TENANT_ID },
    channelData: { tenant: { id: SAMPLE_TENANT_ID } },
    locale: 'en-US',
  };
}

export function message(serviceUrl: string, person: Someone, text: string): Record<string, unknown> {
  return { ...base(serviceUrl, person, 'message'), text, textFormat: 'plain' };
}

export function installationUpdate(serviceUrl: string, person: Someone): Record<string, unknown> {
  return { ...base(serviceUrl, person, 'installationUpdate'), action: 'add' };
}

export function botAdded(serviceUrl: string, person: Someone): Record<string, unknown> {
  return { ...base(serviceUrl, person, 'conversationUpdate'), membersAdded: [{ id: '28:mentoring-up-bot' }] };
}

export function cardAction(serviceUrl: string, person: Someone, verb: string, data: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ...base(serviceUrl, person, 'invoke'),
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}

/** POSTs an activity to the bot endpoint the way the Bot Connector does. */
export async function post(baseUrl: string, activity: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof activity === 'string' ? activity : JSON.stringify(activity),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body };
}
