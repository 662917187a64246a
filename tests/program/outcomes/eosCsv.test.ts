import { csvRecords } from '../../../bot/program/outcomes/csvRecords';
import { EOS_CSV_LIMITS, parseEosCsv, type EosCsvResult } from '../../../bot/program/outcomes/eosCsv';

const HEADER = 'question,wave date,respondents,percent favorable,unit';
const csv = (...lines: string[]) => [HEADER, ...lines].join('\r\n') + '\r\n';

function errorsOf(result: EosCsvResult): string[] {
  if (result.ok) throw new Error(`expected errors, got ${result.waves.length} waves`);
  return result.errors.map((e) => e.message);
}

describe('csvRecords (RFC 4180)', () => {
  it('reads quoted cells with commas, doubled quotes and line breaks, counting rows by record', () => {
    const parsed = csvRecords('a,"b, ""c""",d\r\n"multi\nline",,""\n\nlast', 10);
    expect(parsed).toEqual({
      ok: true,
      records: [
        { row: 1, fields: ['a', 'b, "c"', 'd'] },
        { row: 2, fields: ['multi\nline', '', ''] },
        { row: 3, fields: [''] },
        { row: 4, fields: ['last'] },
      ],
    });
  });

  it('accepts LF, CRLF and CR line ends, a byte order mark and no final line end', () => {
    expect(csvRecords('\uFEFFa,b\rc,d\ne,f', 10)).toEqual({
      ok: true,
      records: [
        { row: 1, fields: ['a', 'b'] },
        { row: 2, fields: ['c', 'd'] },
        { row: 3, fields: ['e', 'f'] },
      ],
    });
    expect(csvRecords('a,""', 10)).toEqual({ ok: true, records: [{ row: 1, fields: ['a', ''] }] });
  });

  it.each([
    ['a quote left open', 'a,b\n"c,d\n', 2, 'never closes'],
    ['text after a closing quote', 'a\n"b"c,d\n', 2, 'after the closing quote'],
    ['a quote inside an unquoted cell', 'a\nb"c\n', 2, 'quote inside a cell'],
  ])('refuses %s, naming the row', (_name, text, row, message) => {
    const parsed = csvRecords(text, 10);
    expect(parsed).toMatchObject({ ok: false, row });
    if (!parsed.ok) expect(parsed.message).toContain(message);
  });

  it('stops reading after one record more than the limit', () => {
    const parsed = csvRecords('a\n'.repeat(1000), 5);
    expect(parsed.ok && parsed.records.length).toBe(6);
  });
});

describe('parseEosCsv', () => {
  it('reads the seed’s two questions over two waves, institution-wide and per unit', () => {
    const result = parseEosCsv(
      csv(
        'Executive leaders are aware of the major challenges employees face,2022-03-01,15000,45,',
        'Executive leaders are aware of the major challenges employees face,2023-04-15,"15,000",52%,',
        '"Mentoring is valued and encouraged here",2022-03-01,15000,58,',
        '"Mentoring is valued and encouraged here",2023-04-15,15000,69.0,Nursing',
      ),
    );
    expect(result).toEqual({
      ok: true,
      waves: [
        {
          question: 'Executive leaders are aware of the major challenges employees face',
          waveDate: '2022-03-01',
          respondents: 15000,
          percentFavorable: 45,
          favorable: 0.45,
          row: 2,
        },
        {
          question: 'Executive leaders are aware of the major challenges employees face',
          waveDate: '2023-04-15',
          respondents: 15000,
          percentFavorable: 52,
          favorable: 0.52,
          row: 3,
        },
        { question: 'Mentoring is valued and encouraged here', waveDate: '2022-03-01', respondents: 15000, percentFavorable: 58, favorable: 0.58, row: 4 },
        { question: 'Mentoring is valued and encouraged here', waveDate: '2023-04-15', respondents: 15000, percentFavorable: 69, favorable: 0.69, row: 5, unit: 'Nursing' },
      ],
    });
  });

  it('takes the columns in any order, in any case, with or without the unit column', () => {
    const result = parseEosCsv('Percent_Favorable,RESPONDENTS,Wave-Date,Question\n52.5,120,2023-04-15,Q1\n');
    expect(result).toEqual({ ok: true, waves: [{ question: 'Q1', waveDate: '2023-04-15', respondents: 120, percentFavorable: 52.5, favorable: 0.525, row: 2 }] });
  });

  it('skips blank lines but keeps counting rows', () => {
    const result = parseEosCsv(`${HEADER}\n\nQ1,2023-04-15,120,50,\n`);
    expect(result.ok && result.waves[0].row).toBe(3);
  });

  it.each([
    [
      'an unknown column',
      'question,wave date,respondents,percent favorable,department\nQ,2023-01-01,5,50,X\n',
      'Row 1: unknown column "department". The columns are question, wave date, respondents, percent favorable, unit.',
    ],
    ['a missing column', 'question,wave date,percent favorable\nQ,2023-01-01,50\n', 'Row 1: the header lacks the column respondents.'],
    ['a column twice', 'question,question,wave date,respondents,percent favorable\nQ,Q,2023-01-01,5,50\n', 'Row 1: the column "question" appears twice.'],
  ])('refuses %s in the header', (_name, text, message) => {
    expect(errorsOf(parseEosCsv(text))).toContain(message);
  });

  it.each([
    ['a percentage over 100', 'Q,2023-01-01,50,101,', 'Row 2: percent favorable cannot be over 100 (it is 101).'],
    ['a negative percentage', 'Q,2023-01-01,50,-5,', 'Row 2: percent favorable cannot be negative.'],
    ['a percentage that is not a number', 'Q,2023-01-01,50,about half,', 'Row 2: percent favorable must be a number from 0 to 100, not "about half".'],
    ['zero respondents', 'Q,2023-01-01,0,50,', 'Row 2: respondents must be at least 1.'],
    ['a fraction of a respondent', 'Q,2023-01-01,12.5,50,', 'Row 2: respondents must be a whole number, not "12.5".'],
    ['a badly grouped number', 'Q,2023-01-01,"1,50",50,', 'Row 2: respondents must be a whole number, not "1,50".'],
    ['a date in another format', 'Q,01/03/2023,50,50,', 'Row 2: wave date must be a date written YYYY-MM-DD, not "01/03/2023".'],
    ['a date that does not exist', 'Q,2023-02-30,50,50,', 'Row 2: wave date must be a date written YYYY-MM-DD, not "2023-02-30".'],
    ['an empty question', ',2023-01-01,50,50,', 'Row 2: Please fill in the question.'],
    ['a question over the limit', `${'q'.repeat(301)},2023-01-01,50,50,`, 'Row 2: The question is too long: please keep it under 300 characters.'],
    ['a question on two lines', '"Line one\nline two",2023-01-01,50,50,', 'Row 2: The question must be on one line.'],
    ['too few cells', 'Q,2023-01-01,50', 'Row 2 has 3 cells; the header has 5.'],
    ['too many cells', 'Q,2023-01-01,50,50,Unit,extra', 'Row 2 has 6 cells; the header has 5.'],
  ])('refuses %s, naming the row', (_name, line, message) => {
    expect(errorsOf(parseEosCsv(csv(line)))).toEqual([message]);
  });

  it.each([
    ['=', '"=HYPERLINK(""http://x"",""click"")"'],
    ['+', '+1+1'],
    ['-', '-2+3'],
    ['@', '@SUM(A1)'],
    ['a tab', '"\tQ"'],
    ['a carriage return', '"\rQ"'],
    ['a space and then =', '" =1+1"'],
  ])('refuses a formula cell starting with %s', (_name, cell) => {
    expect(errorsOf(parseEosCsv(csv(`${cell},2023-01-01,50,50,`)))).toEqual([
      'Row 2: question starts with =, +, -, @, a tab or a line break, which spreadsheets run as a formula.',
    ]);
  });

  it('refuses formulas in number and unit cells too', () => {
    expect(errorsOf(parseEosCsv(csv('Q,2023-01-01,=1+1,50,', 'Q,2023-01-02,5,50,@unit')))).toEqual([
      'Row 2: respondents starts with =, +, -, @, a tab or a line break, which spreadsheets run as a formula.',
      'Row 3: unit starts with =, +, -, @, a tab or a line break, which spreadsheets run as a formula.',
    ]);
  });

  it('refuses a duplicate wave: the same question, date and unit, whatever the case', () => {
    const errors = errorsOf(parseEosCsv(csv('Q1,2023-01-01,50,50,Nursing', 'Q1,2023-01-01,50,50,Pharmacy', 'q1,2023-01-01,60,55,nursing')));
    expect(errors).toEqual(['Row 4 repeats row 2: the same question, wave date and unit.']);
  });

  it('imports nothing when one row of many is wrong, and reports every bad row', () => {
    const good = Array.from({ length: 30 }, (_, i) => `Q${i},2023-01-01,50,50,`);
    const result = parseEosCsv(csv(...good.slice(0, 10), 'Q,2023-01-01,0,50,', ...good.slice(10), 'Q,2023-01-01,5,150,'));
    expect(result.ok).toBe(false);
    expect(errorsOf(result)).toEqual(['Row 12: respondents must be at least 1.', 'Row 33: percent favorable cannot be over 100 (it is 150).']);
    expect('waves' in result).toBe(false);
  });

  it('reports several errors of one row together, and at most 20 rows', () => {
    expect(errorsOf(parseEosCsv(csv('Q,2023-13-01,0,101,')))).toEqual([
      'Row 2: respondents must be at least 1; percent favorable cannot be over 100 (it is 101); wave date must be a date written YYYY-MM-DD, not "2023-13-01".',
    ]);
    const errors = errorsOf(parseEosCsv(csv(...Array.from({ length: 25 }, (_, i) => `Q${i},2023-01-01,0,50,`))));
    expect(errors).toHaveLength(21);
    expect(errors[20]).toBe('…and 5 more rows with errors.');
  });

  it('refuses a file too large, too many rows, or with nothing in it', () => {
    expect(errorsOf(parseEosCsv('x'.repeat(EOS_CSV_LIMITS.characters + 1)))[0]).toContain('too large');
    const many = csv(...Array.from({ length: EOS_CSV_LIMITS.rows + 1 }, (_, i) => `Q${i},2023-01-01,50,50,`));
    expect(errorsOf(parseEosCsv(many))).toEqual(['The file has more than 5,000 rows of results.']);
    expect(parseEosCsv(csv(...Array.from({ length: EOS_CSV_LIMITS.rows }, (_, i) => `Q${i},2023-01-01,50,50,`))).ok).toBe(true);
    expect(errorsOf(parseEosCsv(''))).toEqual(['The file is empty: it needs a header row and at least one result.']);
    expect(errorsOf(parseEosCsv(`${HEADER}\n`))).toEqual(['The file has a header but no results.']);
  });

  it('names the row of a broken quote', () => {
    expect(parseEosCsv(csv('Q,2023-01-01,50,50,', '"Q,2023-01-01,50,50,'))).toEqual({ ok: false, errors: [{ row: 3, message: 'Row 3 opens a quoted cell that never closes.' }] });
  });
});
