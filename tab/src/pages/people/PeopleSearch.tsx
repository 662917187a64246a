import { useId, useState, type ReactElement } from 'react';
import {
  Button,
  Caption1,
  Field,
  Link,
  SearchBox,
  Spinner,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { ChevronLeftRegular, ChevronRightRegular } from '@fluentui/react-icons';
import { searchPeople, type PeoplePage } from '../../../../bot/directory/api';
import { call, type TokenSource } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatCount } from './describeDirectory';
import { useSectionStyles } from './sectionStyles';
import { useDebounced } from './useDebounced';
import { useLoaded } from './useLoaded';

const pageSize = 20;
const typingPauseMs = 300;

const useStyles = makeStyles({
  search: { maxWidth: '420px' },
  searchBox: { width: '100%', maxWidth: 'none' },
  pager: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  summary: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground2 },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS },
  stale: { opacity: 0.6 },
  // Long addresses wrap only where they must, rather than at every column edge.
  mail: { overflowWrap: 'anywhere' },
  // Below this the columns get too narrow to read; the table then scrolls sideways inside its card.
  table: { minWidth: '640px' },
  nameColumn: { width: '24%' },
  titleColumn: { width: '26%' },
  departmentColumn: { width: '20%' },
  mailColumn: { width: '30%' },
  empty: { color: tokens.colorNeutralForeground2, padding: `${tokens.spacingVerticalL} 0`, margin: 0 },
});

/** Everyone in the directory, searchable by name or mail, twenty at a time. */
export function PeopleSearch({ token, version }: { token: TokenSource; version: string }): ReactElement {
  const styles = useStyles();
  const section = useSectionStyles();
  const headingId = useId();
  const [typed, setTyped] = useState('');
  const query = useDebounced(typed.trim(), typingPauseMs);
  // The page number belongs to one search: a new search starts again at its first page.
  const [paging, setPaging] = useState({ query, offset: 0 });
  const offset = paging.query === query ? paging.offset : 0;
  const setOffset = (next: number): void => setPaging({ query, offset: next });
  const results = useLoaded(`${query}|${offset}|${version}`, (signal) => call(searchPeople, { query: { q: query, limit: pageSize, offset }, token, signal }));
  const page = results.value;

  return (
    <section className={section.card} aria-labelledby={headingId} data-testid="people-search">
      <div>
        <Subtitle2 as="h2" id={headingId} className={section.heading}>
          Everyone in the directory
        </Subtitle2>
        <Caption1 as="p" className={section.intro}>
          As Mentoring Up sees them after the last sync.
        </Caption1>
      </div>
      <Field label="Search by name or mail" className={styles.search}>
        <SearchBox value={typed} className={styles.searchBox} placeholder="For example, Okafor" onChange={(_event, data) => setTyped(data.value)} />
      </Field>
      {results.error ? <ErrorNotice title="Could not load people." message={results.error} onRetry={results.retry} /> : null}
      <div className={styles.pager}>
        <div className={styles.summary}>
          <Caption1 role="status" data-testid="people-summary">
            {page ? summaryOf(page, results.valueKey ?? '') : ''}
          </Caption1>
          {results.loading ? <Spinner size="extra-tiny" aria-label="Loading people" /> : null}
        </div>
        <div className={styles.buttons}>
          <Button icon={<ChevronLeftRegular />} disabledFocusable={!page || offset === 0} onClick={() => setOffset(Math.max(0, offset - pageSize))}>
            Previous
          </Button>
          <Button icon={<ChevronRightRegular />} iconPosition="after" disabledFocusable={!page || offset + pageSize >= page.total} onClick={() => setOffset(offset + pageSize)}>
            Next
          </Button>
        </div>
      </div>
      {page === undefined ? (
        results.error ? null : (
          <div className={section.centred}>
            <Spinner size="small" label="Loading people…" />
          </div>
        )
      ) : page.people.length === 0 ? (
        <Text as="p" className={styles.empty}>
          {query ? `No one’s name or mail contains “${query}”.` : 'The directory has no people yet.'}
        </Text>
      ) : (
        <div className={mergeClasses(section.tableScroller, results.loading && styles.stale)} aria-busy={results.loading}>
          <PeopleTable page={page} labelledBy={headingId} />
        </div>
      )}
    </section>
  );
}

/** "Showing 1–20 of 2,000", with the search it answers; the key is `query|offset|version`. */
function summaryOf(page: PeoplePage, key: string): string {
  const query = key.split('|')[0] ?? '';
  if (page.people.length === 0) return query ? `No matches for “${query}”` : 'No people';
  const range = `${formatCount(page.offset + 1)}–${formatCount(page.offset + page.people.length)}`;
  return `Showing ${range} of ${formatCount(page.total)}${query ? ` matching “${query}”` : ''}`;
}

function PeopleTable({ page, labelledBy }: { page: PeoplePage; labelledBy: string }): ReactElement {
  const styles = useStyles();
  return (
    <Table aria-labelledby={labelledBy} size="small" className={styles.table}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col" className={styles.nameColumn}>
            Name
          </TableHeaderCell>
          <TableHeaderCell scope="col" className={styles.titleColumn}>
            Title
          </TableHeaderCell>
          <TableHeaderCell scope="col" className={styles.departmentColumn}>
            Department
          </TableHeaderCell>
          <TableHeaderCell scope="col" className={styles.mailColumn}>
            Mail
          </TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {page.people.map((person) => (
          <TableRow key={person.id}>
            <TableCell>
              <Text weight="semibold">{person.name}</Text>
            </TableCell>
            <TableCell>{person.jobTitle ?? '—'}</TableCell>
            <TableCell>{person.department ?? '—'}</TableCell>
            <TableCell className={styles.mail}>{person.mail ? <Link href={`mailto:${person.mail}`}>{person.mail}</Link> : '—'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
