import type { ApplicationKind, Stage } from '../../../../bot/program/applications/api';

/** What happens next for an application at each stage, said to the applicant. */
export function nextStepFor(kind: ApplicationKind, stage: Stage, paired = false): string {
  if (stage === 'accepted' && paired) return 'You are paired: meet your partner above. The taskforce will invite you both to the orientation and the ice-breaker.';
  switch (stage) {
    case 'nominated':
      return 'Your manager has been asked to approve. You will hear in your chat with Mentoring Up as soon as they answer.';
    case 'managerApproved':
      return 'Your manager approved. A member of the taskforce will invite you to a short interview next.';
    case 'managerDeclined':
      return 'Your manager did not approve taking part this time. You are welcome to talk with them and nominate yourself for a later cohort.';
    case 'interviewed':
      return 'Thank you for your interview. The taskforce will decide soon and tell you in chat.';
    case 'applied':
      return 'The taskforce will review your application and tell you in chat.';
    case 'accepted':
      return kind === 'mentor'
        ? 'Welcome to the program. The taskforce will pair you with an executive and invite you to the orientation.'
        : 'Your place is confirmed. The taskforce will pair you with a front-line mentor and invite you to the orientation.';
    case 'waitlisted':
      return 'You are on the waiting list. The taskforce will tell you in chat if a place opens.';
    case 'declined':
      return 'You were not selected this time. Thank you for applying; we hope you will try again next year.';
  }
}
