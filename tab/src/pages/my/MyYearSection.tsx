import type { ReactElement } from 'react';
import { Body1, Body1Strong, Caption1, Subtitle2 } from '@fluentui/react-components';
import type { MyYearPlanJson } from '../../../../bot/program/year/api';
import { useCardStyles } from '../cohorts/cohortStyles';
import { meetingWords } from '../year/YearOverview';

/** A participant's year: what waits for them, their four meetings (with the pair's private notes), their next agenda. */
export function MyYearSection({ plans }: { plans: readonly MyYearPlanJson[] }): ReactElement | null {
  if (plans.length === 0) return null;
  return (
    <>
      {plans.map((plan) => (
        <YearCard key={plan.cohortId} plan={plan} />
      ))}
    </>
  );
}

function YearCard({ plan }: { plan: MyYearPlanJson }): ReactElement {
  const card = useCardStyles();
  const headingId = `my-year-${plan.cohortId}`;
  return (
    <section className={card.card} aria-labelledby={headingId} data-testid="my-year">
      <div>
        <Subtitle2 as="h2" id={headingId} className={card.heading}>
          Your meetings with {plan.partner.name}
        </Subtitle2>
        <Caption1 className={card.intro}>Book and log them in your chat with the Mentoring Up bot: say “meetings”.</Caption1>
      </div>
      {plan.waiting.length > 0 ? (
        <div>
          <Body1Strong as="h3" className={card.heading}>
            Waiting for you
          </Body1Strong>
          <ul>
            {plan.waiting.map((w) => (
              <li key={w}>
                <Body1>{w}</Body1>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <ol>
        {plan.meetings.map((m) => (
          <li key={m.number}>
            <Body1Strong>
              Meeting {m.number}: {m.title}
            </Body1Strong>{' '}
            <Body1>{meetingWords(m)}</Body1>
            {m.note ? <Caption1 className={card.intro}>Your pair’s private note: {m.note}</Caption1> : null}
          </li>
        ))}
      </ol>
      {plan.nextAgenda ? (
        <div>
          <Body1Strong as="h3" className={card.heading}>
            Next agenda: {plan.nextAgenda.title}
          </Body1Strong>
          <Caption1 className={card.intro}>{plan.nextAgenda.purpose}</Caption1>
          <ul>
            {plan.nextAgenda.questions.map((q) => (
              <li key={q}>
                <Body1>{q}</Body1>
              </li>
            ))}
          </ul>
          {plan.nextAgenda.checklist.length > 0 ? (
            <ul aria-label="The visit checklist">
              {plan.nextAgenda.checklist.map((c) => (
                <li key={c}>
                  <Body1>{c}</Body1>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
