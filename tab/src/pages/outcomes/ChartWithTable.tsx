import { useState, type ReactElement, type ReactNode } from 'react';
import { Button, Tab, TabList, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { toCsv } from './describeOutcomes';
import { useOutcomesStyles } from './outcomesStyles';

interface ChartWithTableProps {
  /** Names the chart for screen readers and the tabs. */
  label: string;
  chart: ReactNode;
  columns: readonly string[];
  rows: readonly (readonly (string | number)[])[];
  /** The CSV file's name, without `.csv`. */
  fileName: string;
}

/** Every chart can be read as a table instead, and downloaded as CSV (the same figures either way). */
export function ChartWithTable({ label, chart, columns, rows, fileName }: ChartWithTableProps): ReactElement {
  const styles = useOutcomesStyles();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const download = () => {
    const url = URL.createObjectURL(new Blob([toCsv([columns, ...rows])], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `${fileName}.csv`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };
  return (
    <div className={styles.chartBlock} data-testid={`chart-${fileName}`}>
      <div className={styles.chartBar}>
        <TabList size="small" selectedValue={view} onTabSelect={(_, data) => setView(data.value === 'table' ? 'table' : 'chart')} aria-label={`${label}: chart or table`}>
          <Tab value="chart">Chart</Tab>
          <Tab value="table">Table</Tab>
        </TabList>
        <Button size="small" appearance="subtle" icon={<ArrowDownloadRegular />} onClick={download}>
          Download CSV
        </Button>
      </div>
      {view === 'chart' ? (
        <div className={styles.chart} role="figure" aria-label={label}>
          {chart}
        </div>
      ) : (
        <div className={styles.tableScroller}>
          <Table className={styles.table} size="small" aria-label={label}>
            <TableHeader>
              <TableRow>
                {columns.map((column) => (
                  <TableHeaderCell key={column}>{column}</TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((row, i) => (
                <TableRow key={i}>
                  {row.map((cell, j) => (
                    <TableCell key={j}>{cell}</TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </div>
  );
}
