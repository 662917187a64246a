import type { JsonObject, Scheduler } from '../scheduler/scheduler';

/**
 * What happens in one stage that others act on, delivered durably through the scheduler: `publish` writes one job per
 * subscriber (kind `program.event`, key `<event>:<subscriber>:<subject>`), due at once, so a subscriber that fails is
 * retried on its own and a restart loses nothing. Subscribers must be idempotent: a job may run again after a crash,
 * and publishing the same event again (confirming a cohort again completes what an interruption left) runs them again.
 */
export interface ProgramEventPayloads {
  /** A cohort's pairs are confirmed (the pair rows are written before this is published). */
  pairsConfirmed: { cohortId: string };
}

export type ProgramEventName = keyof ProgramEventPayloads;

export type ProgramEventHandler<N extends ProgramEventName> = (payload: ProgramEventPayloads[N]) => Promise<void>;

export interface ProgramEvents {
  /** Subscribes, once at start (in a stage's `create`); `subscriber` names it in job keys and in the parked-jobs view. */
  on<N extends ProgramEventName>(event: N, subscriber: string, handler: ProgramEventHandler<N>): void;
  publish<N extends ProgramEventName>(event: N, payload: ProgramEventPayloads[N]): Promise<void>;
}

export const PROGRAM_EVENT_KIND = 'program.event';

const SUBJECT_OF: { [N in ProgramEventName]: (payload: ProgramEventPayloads[N]) => string } = {
  pairsConfirmed: (payload) => payload.cohortId,
};

interface Subscription {
  event: ProgramEventName;
  subscriber: string;
  handler: (payload: JsonObject) => Promise<void>;
}

export class ScheduledProgramEvents implements ProgramEvents {
  private readonly subscriptions = new Map<string, Subscription>();

  constructor(
    private readonly scheduler: Scheduler,
    private readonly clock: () => Date,
  ) {
    scheduler.register(
      PROGRAM_EVENT_KIND,
      async (job) => {
        const { event, subscriber, payload } = job.payload;
        const subscription = this.subscriptions.get(`${String(event)}/${String(subscriber)}`);
        // A subscriber removed from the code: nothing left to do for it.
        if (!subscription || typeof payload !== 'object' || payload === null || Array.isArray(payload)) return;
        await subscription.handler(payload);
      },
      { describe: (job) => `${String(job.payload.subscriber)} after ${String(job.payload.event)}` },
    );
  }

  on<N extends ProgramEventName>(event: N, subscriber: string, handler: ProgramEventHandler<N>): void {
    if (!/^[a-z][A-Za-z0-9.]{0,60}$/.test(subscriber)) throw new Error(`Subscriber names are short words: ${subscriber}`);
    const name = `${event}/${subscriber}`;
    if (this.subscriptions.has(name)) throw new Error(`${subscriber} already subscribes to ${event}`);
    // The payload went through the scheduler as JSON; it is the one `publish` wrote for this event.
    this.subscriptions.set(name, { event, subscriber, handler: (payload) => handler(payload as unknown as ProgramEventPayloads[N]) });
  }

  async publish<N extends ProgramEventName>(event: N, payload: ProgramEventPayloads[N]): Promise<void> {
    const subject = SUBJECT_OF[event](payload);
    const now = this.clock();
    for (const subscription of this.subscriptions.values()) {
      if (subscription.event !== event) continue;
      const key = `${event}:${subscription.subscriber}:${subject}`;
      await this.scheduler.schedule(PROGRAM_EVENT_KIND, key, now, { event, subscriber: subscription.subscriber, payload: { ...payload } });
    }
  }
}
