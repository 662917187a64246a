import { AppError } from '../../errors';
import { ConflictError } from '../../storage/storageErrors';
import type { CohortStore } from '../cohorts/cohortStore';
import type { PairStore } from '../matching/matchingStore';
import { parseEosCsv, waveKey, type EosCsvError, type EosWave } from '../outcomes/eosCsv';
import { participatingUnitsChange, waveChanges } from '../outcomes/eosRules';
import type { EosOverview, EosWaveJson } from './api';
import type { EosStore } from './eosStore';

const CHANGED_MEANWHILE = 'Someone else recorded survey results just now. Please reload and try again.';

/**
 * The institution-wide survey: waves recorded from a CSV file or a form (the same checks either way, all or nothing),
 * and what they say: the change between waves, and the participating executives' units against the rest.
 */
export class EosService {
  constructor(
    private readonly store: EosStore,
    private readonly cohorts: CohortStore,
    private readonly pairs: PairStore,
  ) {}

  async overview(): Promise<EosOverview> {
    const { waves, etag } = await this.store.get();
    const asWaves: EosWave[] = waves.map((w, i) => ({ ...w, unit: w.unit ?? undefined, favorable: w.percentFavorable / 100, row: i + 2 }));
    const participatingUnits = await this.participatingUnits();
    return {
      etag,
      waves: [...waves].sort(byQuestionDateUnit),
      changes: waveChanges(asWaves).map(({ ci95Points, ...change }) => ({ ...change, ci95Points: [ci95Points[0], ci95Points[1]] })),
      participatingUnits,
      unitComparisons: participatingUnitsChange(asWaves, participatingUnits).map((c) => (c.available ? { ...c, ci95Points: [c.ci95Points[0], c.ci95Points[1]] } : c)),
    };
  }

  /** The departments of the executives in every confirmed pair. */
  private async participatingUnits(): Promise<string[]> {
    const units = new Set<string>();
    for (const cohort of await this.cohorts.list()) {
      for (const pair of await this.pairs.listCohort(cohort.id)) if (pair.executive.department) units.add(pair.executive.department);
    }
    return [...units].sort((a, b) => a.localeCompare(b));
  }

  /** Adds every wave of the file, or none: a wrong row, or a wave already recorded, refuses the whole file. */
  async importCsv(csv: string, ifMatch: string, rowWord = true): Promise<void> {
    const stored = await this.store.get();
    if (ifMatch !== stored.etag) throw new AppError('Conflict', CHANGED_MEANWHILE);
    const parsed = parseEosCsv(csv);
    if (!parsed.ok) throw refused(parsed.errors, rowWord);
    const known = new Set(stored.waves.map((w) => waveKey({ ...w, unit: w.unit ?? undefined })));
    const repeats = parsed.waves.filter((w) => known.has(waveKey(w)));
    if (repeats.length > 0) {
      throw refused(
        repeats.map((w) => ({ row: w.row, message: `Row ${w.row} is already recorded: the same question, wave date and unit.` })),
        rowWord,
      );
    }
    const added: EosWaveJson[] = parsed.waves.map((w) => ({
      question: w.question,
      waveDate: w.waveDate,
      respondents: w.respondents,
      percentFavorable: w.percentFavorable,
      unit: w.unit ?? null,
    }));
    try {
      await this.store.save([...stored.waves, ...added], stored.etag);
    } catch (error) {
      if (error instanceof ConflictError) throw new AppError('Conflict', CHANGED_MEANWHILE);
      throw error;
    }
  }
}

/** One message for a refused file: nothing was stored, then each error (which names its row). */
function refused(errors: readonly EosCsvError[], rowWord: boolean): AppError {
  // A form has no rows: its one error reads as a sentence of its own.
  const messages = errors.map((e) => (rowWord ? e.message : capitalised(e.message.replace(/^Row \d+(: | )/, ''))));
  return new AppError('BadRequest', `Nothing was recorded. ${messages.join(' ')}`);
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function byQuestionDateUnit(a: EosWaveJson, b: EosWaveJson): number {
  return a.question.localeCompare(b.question) || a.waveDate.localeCompare(b.waveDate) || (a.unit ?? '').localeCompare(b.unit ?? '');
}
