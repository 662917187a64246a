/**
 * Splits CSV text into records (RFC 4180): fields separated by commas, records by CRLF, LF or CR; a field in double
 * quotes may hold commas, line breaks and doubled quotes (""). Stricter than spreadsheets on purpose, so a damaged file
 * is refused rather than read wrongly: a quote inside an unquoted field, text after a closing quote and a quote left open
 * are errors. A leading byte order mark is dropped. Pure: no SDK, no I/O.
 */
export interface CsvRecord {
  /** 1-based, as a spreadsheet numbers rows: one per record, blank lines included, a multi-line field counted once. */
  row: number;
  fields: string[];
}

/** Records, or the first error; stops reading once there are more than maxRecords records. */
export type CsvRecords = { ok: true; records: CsvRecord[] } | { ok: false; row: number; message: string };

export function csvRecords(text: string, maxRecords: number): CsvRecords {
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  /** The current field was quoted and its closing quote read: only a comma or a line break may follow. */
  let closed = false;
  let row = 1;
  const endField = () => {
    fields.push(field);
    field = '';
    closed = false;
  };
  let i = 0;
  while (i < input.length && records.length <= maxRecords) {
    const c = input[i];
    if (c === ',') {
      endField();
      i++;
    } else if (c === '\r' || c === '\n') {
      endField();
      records.push({ row: row++, fields });
      fields = [];
      i += c === '\r' && input[i + 1] === '\n' ? 2 : 1;
    } else if (closed) {
      return { ok: false, row, message: `Row ${row} has text after the closing quote of a cell.` };
    } else if (c === '"' && field === '') {
      const close = readQuoted(input, i + 1);
      if (close === undefined) return { ok: false, row, message: `Row ${row} opens a quoted cell that never closes.` };
      field = close.value;
      closed = true;
      i = close.next;
    } else if (c === '"') {
      return { ok: false, row, message: `Row ${row} has a quote inside a cell that is not quoted: put the whole cell in quotes and double the quote.` };
    } else {
      field += c;
      i++;
    }
  }
  if (field !== '' || closed || fields.length > 0) {
    endField();
    records.push({ row, fields });
  }
  return { ok: true, records };
}

/** The content of a quoted field starting after its opening quote, and the index after its closing quote. */
function readQuoted(input: string, start: number): { value: string; next: number } | undefined {
  let value = '';
  let i = start;
  for (;;) {
    const close = input.indexOf('"', i);
    if (close < 0) return undefined;
    value += input.slice(i, close);
    if (input[close + 1] !== '"') return { value, next: close + 1 };
    value += '"';
    i = close + 2;
  }
}
