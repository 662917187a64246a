/** Where a send to many people stands (an announcement, the introductions): the tab shows it as progress. */
export interface BatchStatus {
  key: string;
  label: string;
  state: 'running' | 'done';
  total: number;
  sent: number;
  unreachable: number;
  failed: number;
  createdAt: string;
  finishedAt?: string;
}
