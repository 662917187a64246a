import type { MeetingNumber } from './yearPlan';

/**
 * The four agenda templates every cohort starts with; the taskforce can edit them per cohort (agendaRules). Written for
 * people who read on a phone between shifts: short, concrete, about day-to-day operations. The mentor is the front-line
 * employee; the executive is the mentee.
 */
export interface ChecklistItem {
  /** Stable across edits, so a ticked item stays ticked. */
  id: string;
  text: string;
}

export interface AgendaTemplate {
  /** agenda1 ... agenda4: fixed, one per meeting. */
  id: string;
  meeting: MeetingNumber;
  title: string;
  purpose: string;
  mentorQuestions: string[];
  executiveQuestions: string[];
  /** Only the shadowing visit (agenda 2) has one. */
  checklist: ChecklistItem[];
}

export const DEFAULT_AGENDAS: readonly AgendaTemplate[] = [
  {
    id: 'agenda1',
    meeting: 1,
    title: 'Getting to know each other and the mentor’s world',
    purpose: 'Meet as people first. The mentor describes what their work looks like day to day; the executive listens and asks.',
    mentorQuestions: [
      'What does a normal shift or day look like for you, from start to finish?',
      'What part of your work are you proudest of?',
      'What gets in the way of doing your job well on an ordinary day?',
      'What do you wish leaders knew about your area?',
      'What would make this year worth your time?',
    ],
    executiveQuestions: [
      'What do you want to understand better about front-line work this year?',
      'What did you expect your mentor’s day to look like, and what was different?',
      'Where do decisions made at your level show up in their day?',
      'When and where will the shadowing visit happen?',
    ],
    checklist: [],
  },
  {
    id: 'agenda2',
    meeting: 2,
    title: 'The shadowing visit',
    purpose: 'The executive spends time in the mentor’s area to see the work as it happens. The mentor leads the visit; the executive watches, listens and asks.',
    mentorQuestions: [
      'What do you want the executive to see, and why?',
      'Which moments of the day show the real pressure of your work?',
      'Who on your team would be glad to say hello or explain their part?',
      'What is easy to miss that the executive should notice?',
    ],
    executiveQuestions: [
      'What surprised you about the work you saw?',
      'What did people need that they did not have?',
      'Which of your decisions touched what you saw today?',
      'What do you want to ask your mentor about it afterwards?',
    ],
    checklist: [
      { id: 'date', text: 'Agree on the date and the start time, and how long the visit lasts (about 90 minutes).' },
      { id: 'place', text: 'Agree on the place and exactly where to meet: the entrance, the desk or the unit.' },
      { id: 'tell', text: 'The mentor tells their manager or unit lead about the visit ahead of time.' },
      { id: 'access', text: 'Check safety and access: ID badge, visitor sign-in, areas the executive must not enter.' },
      { id: 'ppe', text: 'In a clinical area, check the infection-control and PPE rules with the unit lead (hand hygiene, masks, gowns).' },
      { id: 'wear', text: 'The executive wears what the area needs (comfortable closed shoes, nothing that breaks clinical dress rules) and brings their ID badge.' },
      { id: 'timing', text: 'Choose a time that does not disrupt patient care or service: avoid handovers, rounds and peak hours.' },
      { id: 'privacy', text: 'What the executive sees about patients and colleagues stays confidential.' },
    ],
  },
  {
    id: 'agenda3',
    meeting: 3,
    title: 'The mentor’s recommendations on an operational challenge',
    purpose: 'The mentor brings one operational challenge from their work and recommends what could change. The executive listens first and asks how it really works.',
    mentorQuestions: [
      'Which challenge affects patients, colleagues or your work most often?',
      'What happens today, step by step, when it comes up?',
      'What have you or your team already tried?',
      'What do you recommend, and what would it take?',
      'Who else would need to be involved to fix it?',
    ],
    executiveQuestions: [
      'What do you need to understand before you judge this?',
      'Which decisions or policies at your level feed this challenge?',
      'What is within your reach to change, and what is not?',
      'What will you do with this recommendation, and by when?',
      'How will you tell your mentor what happened next?',
    ],
    checklist: [],
  },
  {
    id: 'agenda4',
    meeting: 4,
    title: 'What changed and what the executive will carry on',
    purpose: 'Look back on the year: what each of you learned, what changed because of it, and what the executive will keep doing.',
    mentorQuestions: [
      'What did you see change since your first meeting, big or small?',
      'What do you understand better now about decisions made at the top?',
      'What should the executive keep doing after this year?',
      'What would you tell a colleague who is thinking of becoming a mentor?',
    ],
    executiveQuestions: [
      'What do you know about front-line work now that you did not know a year ago?',
      'What did you change or start because of these conversations?',
      'What will you carry on doing after the program ends?',
      'How will you stay in touch with the front line from here?',
      'Would you share your experience at the next cohort’s ice breaker?',
    ],
    checklist: [],
  },
];
