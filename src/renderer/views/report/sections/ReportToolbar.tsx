/** The report's toolbar (screen only): leave, export the PDF, print, download the CSV and JSON. */
import type { Session } from '../../../../shared/model';
import { useApi } from '../../../app/ApiContext';
import { Button } from '../../../components/Button';
import { downloadText } from '../../../components/download';
import type { PaperSize } from '../reportData';
import styles from './ReportToolbar.module.css';
import { useAction } from '../../../app/useAction';

export function ReportToolbar({ session, paper }: { session: Session; paper: PaperSize }) {
  const api = useApi();
  const { busy, message, run } = useAction();
  const id = encodeURIComponent(session.id);


  const exportPdf = () =>
    run(async () => {
      const saved = await api.desktop('report.exportPdf', { sessionId: session.id });
      return saved.canceled ? null : `Saved ${saved.filePath}`;
    });
  const downloadCsv = () =>
    run(async () => {
      if (api.isDesktop) {
        const saved = await api.desktop('csv.saveDialog', { sessionId: session.id });
        return saved.canceled ? null : `Saved ${saved.filePath}`;
      }
      const file = await api.call('reports.csv', { sessionId: session.id });
      downloadText(file.filename, file.csv, 'text/csv;charset=utf-8');
      return null;
    });
  const downloadJson = () =>
    run(async () => {
      const file = await api.call('sessions.exportJson', { sessionId: session.id });
      downloadText(file.filename, file.json, 'application/json');
      return null;
    });

  return (
    <div className={styles.toolbar}>
      <nav className={styles.links} aria-label="Leave the report">
        <a href={`#/results/${id}`}>← Results</a>
        <a href="#/history">History</a>
        {session.status === 'active' && <a href={`#/present/${id}`}>Presenter</a>}
      </nav>
      <span className={styles.paper}>
        {paper} paper · <a href="#/settings">change</a>
      </span>
      <div className={styles.actions}>
        {api.isDesktop && (
          <Button intent="primary" disabled={busy} onClick={() => void exportPdf()}>
            Export PDF…
          </Button>
        )}
        <Button intent={api.isDesktop ? 'default' : 'primary'} onClick={() => window.print()}>
          Print / Save as PDF
        </Button>
        <Button disabled={busy} onClick={() => void downloadCsv()}>
          Download CSV
        </Button>
        <Button disabled={busy} onClick={() => void downloadJson()}>
          Download JSON
        </Button>
      </div>
      {message && (
        <p className={message.error ? styles.problem : styles.done} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </div>
  );
}
