import type { Role } from '../year/agendaRules';

/**
 * The two orientation texts every cohort starts with, one per role, in the handbook's safe markdown. The taskforce edits
 * them per cohort (orientationRules). Short sections people can read on a phone: why the roles are reversed, what to
 * expect, do's and don'ts, confidentiality.
 */
export interface OrientationText {
  role: Role;
  title: string;
  /** Safe markdown (bot/program/text/markdownSafe.ts). */
  body: string;
}

const MENTOR_BODY = `You are the mentor. Your executive comes to learn from you: what your work looks like, what gets in the way, and what you would change.

## Why the roles are reversed
Leaders spend much of their time with other leaders. You see every day how decisions made at the top land at the front line. This program puts your experience at the centre.

## What to expect
- Four meetings over the year, one each quarter, about an hour each.
- **Meeting 2 is the shadowing visit:** your executive spends time in your area to see your work as it happens.
- An agenda for each meeting, with questions for you and for your executive.
- A group ice breaker before your first one-on-one.

## Do
- Keep conversations on day-to-day operations: what works, what does not, and why.
- Bring real examples and concrete ideas.
- Be receptive to constructive feedback, and give yours with respect.
- Meet in a common area (a café, a quiet meeting room) or in your own area, rather than the executive's office. In the office, conversations slip back into the usual roles.

## Don't
- Don't expect your executive to solve personal matters such as your pay, your rota or a conflict with your manager. Those go through the usual routes.
- Don't raise complaints about named colleagues. Talk about processes and situations instead.
- Don't repeat what your executive shares in confidence, and expect the same from them.

## Confidentiality
What you say stays between the two of you. The taskforce sees only whether meetings happened, never what was said, and nothing is reported to your manager.`;

const EXECUTIVE_BODY = `In this program you are the mentee. Your mentor works on the front line and will show you how the work looks where it happens.

## Why the roles are reversed
Our staff survey found that few employees felt leaders knew the challenges they face. Hearing it first-hand, from someone outside your chain of command, is the most direct way to close that gap.

## What to expect
- Four meetings over the year, one each quarter, about an hour each. Please protect the time.
- **Meeting 2 is the shadowing visit, and it is required:** you spend time in your mentor's area to see a real day.
- An agenda for each meeting, with questions for you and for your mentor.
- A group ice breaker, where executives from earlier years share what they gained.

## Do
- Keep conversations on day-to-day operations, and listen first.
- Be receptive to constructive feedback, even when it is about decisions you made.
- Ask how things really work, and tell your mentor what you did with what you learned.
- Meet in a common area or in your mentor's area. In your office, conversations slip back into the usual roles.

## Don't
- Don't take over the agenda or turn meetings into status updates.
- Don't offer to fix your mentor's personal challenges: you are there to learn about operations.
- Don't ask about named colleagues' performance, and don't pass on what your mentor shares to their management.
- Don't cancel at short notice. If you must, rebook within the quarter.

## Confidentiality
What your mentor tells you stays between you. The taskforce sees only whether meetings happened, never what was said.`;

export const DEFAULT_ORIENTATIONS: Readonly<Record<Role, OrientationText>> = {
  mentor: { role: 'mentor', title: 'Your orientation as a mentor', body: MENTOR_BODY },
  executive: { role: 'executive', title: 'Your orientation as a mentee', body: EXECUTIVE_BODY },
};
