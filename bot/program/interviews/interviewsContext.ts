import type { ApplicationsContext } from '../applications/applicationsContext';
import type { InterviewStore } from './interviewStore';

/** What interviews use of the intake's shared context: all of it. */
export interface InterviewsContext extends ApplicationsContext {
  interviews: InterviewStore;
}
