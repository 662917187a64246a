/**
 * The questions people ask most, with short answers in the handbook's safe markdown. Shipped as defaults; the taskforce
 * edits them per cohort. Answers point to the chat commands that do the thing (`meetings`, `agenda`, `pause`).
 */
export interface FaqEntry {
  /** Stable across edits. */
  id: string;
  question: string;
  /** Safe markdown. */
  answer: string;
}

export const DEFAULT_FAQS: readonly FaqEntry[] = [
  {
    id: 'cancels',
    question: 'What if my executive cancels?',
    answer:
      'It happens: executives’ diaries move. Ask for a new date in the same quarter and book it from the meeting card; every reminder moves with it. If it keeps happening, tell the taskforce. They will not share why you got in touch.',
  },
  {
    id: 'virtual',
    question: 'Can we meet virtually?',
    answer: 'Yes. Meetings 1, 3 and 4 can be a Teams call; choose "A Teams call" when you book. Meeting 2 is the shadowing visit, so it happens in person in the mentor’s area.',
  },
  {
    id: 'colleague',
    question: 'What do I do if I’m asked about a colleague?',
    answer:
      'Talk about the situation, not the person. Describe what happens and what it does to the work, without naming anyone. Performance concerns about a named colleague go to their manager, not into these meetings.',
  },
  {
    id: 'reported',
    question: 'Is what I say reported to my manager?',
    answer:
      'No. What you say stays between you and your partner. The taskforce sees only whether meetings were booked and held, and your manager sees nothing. Your private notes are readable by the two of you alone.',
  },
  {
    id: 'time',
    question: 'How much time does it take?',
    answer:
      'About six or seven hours over the year: an orientation session, the ice breaker, and four meetings of about an hour (the shadowing visit about 90 minutes). Preparing takes ten minutes with the agenda.',
  },
  {
    id: 'along',
    question: 'What if we don’t get along?',
    answer:
      'Give it a meeting or two: the role reversal feels odd at first for both people. If it still does not work, contact the taskforce in confidence. They can talk it through with you or, rarely, end the pair.',
  },
  {
    id: 'permission',
    question: 'Do I need my manager’s permission to attend?',
    answer: 'Your manager approved your nomination, which covers the meetings. Tell them your meeting dates ahead of time, like any other commitment, so your work is covered.',
  },
  {
    id: 'cover',
    question: 'What if I can’t leave my unit for an hour?',
    answer:
      'Book a time when cover is easiest, such as after a handover or on a quieter day, and tell your unit lead in advance. A shorter meeting in a common area nearby is fine too.',
  },
  {
    id: 'booking',
    question: 'Who books the meetings?',
    answer:
      'Either of you. Agree on a date, then book it from the meeting card; say `meetings` in chat to see your plan. When calendars are connected, "Find a time" on the card suggests up to three times when you are both free and sends the invitation to both your calendars.',
  },
  {
    id: 'missed',
    question: 'What happens if we miss a quarter?',
    answer: 'The taskforce is told, so they can help. If you met but forgot to log it, log it now with the day you met: it still counts when the day was inside the quarter.',
  },
  {
    id: 'clinical',
    question: 'Can the executive shadow me in a clinical area?',
    answer:
      'Yes, with care. Check infection-control and PPE rules with your unit lead, pick a time that does not disrupt patient care, and remind the executive that what they see about patients stays confidential.',
  },
  {
    id: 'pause',
    question: 'Can I pause during leave or travel?',
    answer: 'Yes. Say `pause` in chat and give the last day of your leave. You get no reminders until then; the quarter’s dates stay the same.',
  },
  {
    id: 'topics',
    question: 'What do we talk about?',
    answer: 'Day-to-day operations: how the work really gets done, what gets in the way, and what you would change. Say `agenda` in chat for the questions for your role.',
  },
  {
    id: 'office',
    question: 'Can we meet in the executive’s office?',
    answer:
      'You can, but it is better not to. In the executive’s office, conversations tend to slip back into the usual roles. A café, a quiet meeting room or the mentor’s area keeps the mentor in the lead.',
  },
  {
    id: 'personal',
    question: 'Can my executive help with my pay, my rota or a problem with my manager?',
    answer: 'No. The executive is there to learn about operations, not to solve personal matters. Those go through the usual routes: your manager, HR or the ombuds office.',
  },
  {
    id: 'nothingChanges',
    question: 'What if I raise a problem and nothing changes?',
    answer: 'Ask your executive what happened to it at your next meeting; agenda 3 and 4 make room for that. Some changes take longer than a year, and knowing why is useful too.',
  },
  {
    id: 'notes',
    question: 'Can I keep notes about our meetings?',
    answer:
      'Yes. Each meeting log has a private note that only the two of you can read. Keep it to what helps you follow up, and leave out anything about named colleagues or patients.',
  },
];
