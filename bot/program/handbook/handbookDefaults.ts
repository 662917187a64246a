import { DEFAULT_AGENDAS, type AgendaTemplate } from '../year/agendaDefaults';
import { SHADOWING_MEETING } from '../year/yearPlan';
import { DEFAULT_FAQS, type FaqEntry } from './handbookFaqs';

/**
 * The handbook every cohort starts with: reference sections and FAQs, in safe markdown (markdownSafe.ts). The section on
 * the four meetings is generated from the cohort's agenda templates, so an agenda edit shows in the handbook and the
 * text is never kept twice.
 */
export interface HandbookSection {
  /** Stable across edits. */
  id: string;
  title: string;
  markdown: string;
}

export interface Handbook {
  sections: HandbookSection[];
  faqs: FaqEntry[];
}

/** Text from an agenda, made safe to place inside markdown: a literal *, _, [ or # stays literal. */
function literal(text: string): string {
  return text.replace(/[\\*_[\]#`]/g, (c) => `\\${c}`);
}

/** The four meetings, each with its purpose and both roles' questions; the shadowing visit with its checklist. */
export function agendasMarkdown(agendas: readonly AgendaTemplate[]): string {
  const parts = ['You meet four times, once a quarter. Each meeting has an agenda: a guide, not a script.'];
  for (const agenda of agendas) {
    parts.push(`## Meeting ${agenda.meeting}: ${literal(agenda.title)}`, literal(agenda.purpose));
    parts.push('**Questions for the mentor**', agenda.mentorQuestions.map((q) => `- ${literal(q)}`).join('\n'));
    parts.push('**Questions for the executive**', agenda.executiveQuestions.map((q) => `- ${literal(q)}`).join('\n'));
    if (agenda.checklist.length > 0) parts.push('**Before the visit**', agenda.checklist.map((c) => `- ${literal(c.text)}`).join('\n'));
  }
  return parts.join('\n\n');
}

const WHAT = `Reverse mentoring turns the usual roles around: a front-line employee mentors an executive.

Leaders spend much of their time with other leaders. In this program an executive spends a year learning from someone who does the work every day: how it really gets done, what gets in the way, and what would make it better for patients and staff.

It is based on the Mentoring Up program at a large cancer hospital, where staff afterwards said leaders understood their challenges better and that mentoring was valued.`;

const ROLES = `**The mentor** works on the front line, without direct reports, and outside the executive's chain of command. The mentor leads: they choose what to show, bring examples and make recommendations.

**The executive** is the mentee. They come to listen and learn, ask how things really work, and take what they learn back into their decisions.

**The taskforce** runs the program: it matches pairs, runs the orientations and the ice breaker, and helps when something gets stuck.`;

function shadowingMarkdown(agendas: readonly AgendaTemplate[]): string {
  const visit = agendas.find((a) => a.meeting === SHADOWING_MEETING);
  const checklist = visit ? `\n\n**Checklist**\n\n${visit.checklist.map((c) => `- ${literal(c.text)}`).join('\n')}` : '';
  return `Meeting 2 is the shadowing visit, and every pair does one. The executive spends about 90 minutes in the mentor's area to see a real day: the work, the tools, the people and the pressures.

The mentor leads the visit. The executive watches, listens and asks, and does not inspect or fix.${checklist}`;
}

const WHERE = `Meet in a common area, such as a café, a quiet meeting room or the mentor's area, rather than the executive's office.

In the executive's office, conversations slip back into the usual roles: the mentor stops leading and the executive stops learning. When you log a meeting held in the executive's office, the taskforce sees where it was held (never what was said) so it can help.

Teams calls work well for meetings 1, 3 and 4.`;

const CONFIDENTIALITY = `What you say in your meetings stays between the two of you.

**The taskforce can see:** who is paired with whom, whether each meeting was booked and held, where it was held, orientation acknowledgements and ice breaker answers, and survey results for groups of five or more.

**The taskforce cannot see:** what you talk about, your private notes, or any single person's survey answers. Managers see nothing about the meetings.

If you hear something that puts patients or staff at risk, use the usual reporting routes.`;

const CONTACT = `**The Mentoring Up taskforce** runs the program. Message any of its members in Teams: the Mentoring Up tab lists them. Contact them when a meeting keeps falling through, when something in your pair does not work, or when you are not sure what is in scope.

For a personal or workplace concern, your manager, HR and the ombuds office are there as usual.`;

export function defaultHandbook(agendas: readonly AgendaTemplate[] = DEFAULT_AGENDAS): Handbook {
  return {
    sections: [
      { id: 'what', title: 'What reverse mentoring is', markdown: WHAT },
      { id: 'roles', title: 'The roles', markdown: ROLES },
      { id: 'agendas', title: 'The four meetings and their agendas', markdown: agendasMarkdown(agendas) },
      { id: 'shadowing', title: 'The shadowing visit', markdown: shadowingMarkdown(agendas) },
      { id: 'where', title: 'Where to meet', markdown: WHERE },
      { id: 'confidentiality', title: 'Confidentiality', markdown: CONFIDENTIALITY },
      { id: 'contact', title: 'Who to contact', markdown: CONTACT },
    ],
    faqs: DEFAULT_FAQS.map((f) => ({ ...f })),
  };
}
