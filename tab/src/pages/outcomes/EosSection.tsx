import { useState, type ReactElement } from 'react';
import { Body1, Button, Caption1, Field, Input, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Textarea } from '@fluentui/react-components';
import { addEosWave, importEosCsv, type EosOverview } from '../../../../bot/program/eos/api';
import { call, type TokenSource } from '../../api';
import { day, interval, pValue } from './describeOutcomes';
import { EosWavesChart } from './OutcomeCharts';
import { useOutcomesStyles } from './outcomesStyles';
import { SubmitOutcome, useSubmit } from './useSubmit';

const YES_NO = (value: boolean) => (value ? 'Yes' : 'No');
const signedPoints = (value: number) => `${value > 0 ? '+' : value < 0 ? '−' : '±'}${Math.abs(value).toFixed(1)}`;

/**
 * The institution-wide survey: record waves (a CSV file pasted, or the form), the change between waves judged by the
 * z-test and by the seed's 5-point rule side by side, and the participating units against the rest.
 */
export function EosSection({ eos, token, onChanged }: { eos: EosOverview; token: TokenSource; onChanged(): void }): ReactElement {
  const styles = useOutcomesStyles();
  return (
    <section className={styles.card} aria-labelledby="eos">
      <div>
        <Subtitle2 as="h2" id="eos" className={styles.heading}>
          Institution-wide survey
        </Subtitle2>
        <Caption1 className={styles.intro}>
          The tracked questions of the Employee Opinion Survey, wave by wave. A change is shown with the statistical test and with the rule that 5 points is meaningful: with
          thousands of respondents the test calls 2 points significant, so read both.
        </Caption1>
      </div>
      {eos.waves.length === 0 ? <Body1>No results recorded yet. Import a CSV file or add a wave below.</Body1> : <EosWavesChart waves={eos.waves} />}
      {eos.changes.length > 0 ? (
        <div className={styles.tableScroller}>
          <Table className={styles.table} size="small" aria-label="Change between waves">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Question</TableHeaderCell>
                <TableHeaderCell>From</TableHeaderCell>
                <TableHeaderCell>To</TableHeaderCell>
                <TableHeaderCell>Change (95% interval)</TableHeaderCell>
                <TableHeaderCell>Test</TableHeaderCell>
                <TableHeaderCell>Significant (p &lt; 0.05)</TableHeaderCell>
                <TableHeaderCell>5 points or more</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {eos.changes.map((change) => (
                <TableRow key={`${change.question}/${change.to.waveDate}`}>
                  <TableCell>{change.question}</TableCell>
                  <TableCell className={styles.number}>
                    {change.from.percentFavorable}% ({day(change.from.waveDate)})
                  </TableCell>
                  <TableCell className={styles.number}>
                    {change.to.percentFavorable}% ({day(change.to.waveDate)})
                  </TableCell>
                  <TableCell className={styles.number}>
                    {signedPoints(change.points)} ({interval(change.ci95Points)})
                  </TableCell>
                  <TableCell className={styles.number}>{pValue(change.p)}</TableCell>
                  <TableCell>{YES_NO(change.significantByTest)}</TableCell>
                  <TableCell>{YES_NO(change.meaningfulByRule)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
      {eos.unitComparisons.length > 0 ? (
        <div className={styles.tableScroller}>
          <Table className={styles.table} size="small" aria-label="Participating units against the rest">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Question</TableHeaderCell>
                <TableHeaderCell>Waves</TableHeaderCell>
                <TableHeaderCell>Participating units</TableHeaderCell>
                <TableHeaderCell>Other units</TableHeaderCell>
                <TableHeaderCell>Difference in differences</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {eos.unitComparisons.map((c) => (
                <TableRow key={`${c.question}/${c.toDate}`}>
                  <TableCell>{c.question}</TableCell>
                  <TableCell>
                    {day(c.fromDate)} to {day(c.toDate)}
                  </TableCell>
                  {c.available ? (
                    <>
                      <TableCell className={styles.number}>{signedPoints(c.participating.points)}</TableCell>
                      <TableCell className={styles.number}>{signedPoints(c.rest.points)}</TableCell>
                      <TableCell className={styles.number}>
                        {signedPoints(c.points)} ({interval(c.ci95Points)}, {pValue(c.p)})
                      </TableCell>
                    </>
                  ) : (
                    <TableCell colSpan={3}>{c.reason}</TableCell>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
      <Caption1 className={styles.muted}>
        Participating units (departments of the executives in confirmed pairs): {eos.participatingUnits.length > 0 ? eos.participatingUnits.join(', ') : 'none yet'}.
      </Caption1>
      <EosImport eos={eos} token={token} onChanged={onChanged} />
      <EosWaveForm eos={eos} token={token} onChanged={onChanged} />
    </section>
  );
}

function EosImport({ eos, token, onChanged }: { eos: EosOverview; token: TokenSource; onChanged(): void }): ReactElement {
  const styles = useOutcomesStyles();
  const [csv, setCsv] = useState('');
  const submit = useSubmit(onChanged);
  const readFile = async (file: File | undefined) => {
    if (file) setCsv(await file.text());
  };
  return (
    <div className={styles.form}>
      <Body1 as="h3" className={styles.heading}>
        Import a CSV file
      </Body1>
      <Caption1 className={styles.muted}>
        Columns: question, wave date (YYYY-MM-DD), respondents, percent favorable, and optionally unit. A file with any wrong row records nothing.
      </Caption1>
      <input type="file" accept=".csv,text/csv" aria-label="CSV file" onChange={(event) => void readFile(event.target.files?.[0])} />
      <Field label="Or paste the CSV text">
        <Textarea value={csv} onChange={(_, data) => setCsv(data.value)} rows={4} resize="vertical" />
      </Field>
      <SubmitOutcome submit={submit} />
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabled={csv.trim() === '' || submit.busy}
          onClick={() => void submit.run(() => call(importEosCsv, { body: { csv }, ifMatch: eos.etag, token }), 'The file is recorded.')}
        >
          Import
        </Button>
      </div>
    </div>
  );
}

function EosWaveForm({ eos, token, onChanged }: { eos: EosOverview; token: TokenSource; onChanged(): void }): ReactElement {
  const styles = useOutcomesStyles();
  const [wave, setWave] = useState({ question: '', waveDate: '', respondents: '', percentFavorable: '', unit: '' });
  const submit = useSubmit(onChanged);
  const field = (name: keyof typeof wave, label: string, type: 'text' | 'date' = 'text') => (
    <Field label={label} required={name !== 'unit'}>
      <Input type={type} value={wave[name]} onChange={(_, data) => setWave({ ...wave, [name]: data.value })} />
    </Field>
  );
  return (
    <div className={styles.form}>
      <Body1 as="h3" className={styles.heading}>
        Add one wave
      </Body1>
      {field('question', 'Question')}
      <div className={styles.formRow}>
        {field('waveDate', 'Wave date', 'date')}
        {field('respondents', 'Respondents')}
        {field('percentFavorable', 'Percent favorable')}
        {field('unit', 'Unit (empty for the whole institution)')}
      </div>
      <SubmitOutcome submit={submit} />
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabled={submit.busy}
          onClick={() => void submit.run(() => call(addEosWave, { body: { ...wave, unit: wave.unit || undefined }, ifMatch: eos.etag, token }), 'The wave is recorded.')}
        >
          Add the wave
        </Button>
      </div>
    </div>
  );
}
