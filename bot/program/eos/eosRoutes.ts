import { route, type ApiRoute } from '../../http/apiRoute';
import { addEosWave, getEos, importEosCsv } from './api';
import type { EosService } from './eosService';

/** The institution-wide survey's tab API (contract in api.ts). Taskforce only. */
export function eosRoutes(service: EosService): ApiRoute[] {
  return [
    route(getEos, 'taskforce', async () => ({ body: await service.overview() })),
    route(importEosCsv, 'taskforce', async (request) => {
      await service.importCsv(request.body.csv, request.ifMatch);
      return { body: await service.overview() };
    }),
    route(addEosWave, 'taskforce', async (request) => {
      await service.importCsv(formAsCsv(request.body), request.ifMatch, false);
      return { body: await service.overview() };
    }),
  ];
}

/** A wave typed in the form, as a one-row file: the form gets exactly the checks a file gets. */
function formAsCsv(wave: { question: string; waveDate: string; respondents: number | string; percentFavorable: number | string; unit?: string }): string {
  const cell = (value: number | string | undefined) => `"${String(value ?? '').replace(/"/g, '""')}"`;
  return `question,wave date,respondents,percent favorable,unit\r\n${[wave.question, wave.waveDate, wave.respondents, wave.percentFavorable, wave.unit].map(cell).join(',')}\r\n`;
}
