/**
 * The follow-up pack of a workshop's session (`#/followup/<sessionId>`, issue 17):
 * where its pulse stands (`pulses.get`, kept current by the pulse's events), "Make
 * the pulse" when there is none, then the printable one-page sheet (FollowUpSheet),
 * the pulse in the presenter (to watch answers come in and end it), its pulse file
 * to export, and pulse files from other laptops to import. Every figure comes from
 * the core; the room's figures themselves are in Results and Compare.
 */
import { useCallback, useEffect, useRef, useState, type CSSProperties } from 'react';
import type { PlenaryEvent } from '../../../shared/contract';
import { PULSE_FILE_MAX_BYTES, type FollowUpStatus } from '../../../shared/followUp';
import { useApi } from '../../app/ApiContext';
import { useCommand, useLiveSession } from '../../app/hooks';
import { hrefOf } from '../../app/router';
import { AppHeader } from '../../components/AppHeader';
import { Button } from '../../components/Button';
import { ErrorView, hostErrorHint } from '../../components/ErrorView';
import { downloadText } from '../../components/download';
import { contentWidthMm, pageCss, sessionDate, type PaperSize } from '../report/reportData';
import { dayText, formatWhen } from '../history/historyData';
import { FollowUpSheet } from './FollowUpSheet';
import styles from './FollowUpView.module.css';
import { useAction } from '../../app/useAction';

/** Answers arrive in bursts (a phone rates twelve statements): the status is asked again at most this often. */
const REFRESH_MS = 1000;

export default function FollowUpView({ sessionId }: { sessionId: string }) {
  const api = useApi();
  const session = useLiveSession(sessionId);
  const settings = useCommand('settings.get', {}, (event) => event.name === 'settings.changed');
  const pulseIdRef = useRef<string | null>(null);
  const mattersHere = useCallback(
    (event: PlenaryEvent) => {
      if (!('sessionId' in event.data)) return false;
      const id = event.data.sessionId;
      if (id === sessionId || (pulseIdRef.current !== null && id === pulseIdRef.current)) return true;
      // A pulse made in another window.
      return 'session' in event.data && event.data.session.followUpOf === sessionId;
    },
    [sessionId],
  );
  const status = useCommand('pulses.get', { sessionId });
  pulseIdRef.current = status.data?.pulse?.sessionId ?? null;
  const { reload } = status;
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const unsubscribe = api.subscribe((event) => {
      if (!mattersHere(event) || timer !== null) return;
      timer = setTimeout(() => {
        timer = null;
        reload();
      }, REFRESH_MS);
    });
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, [api, mattersHere, reload]);
  const [latest, setLatest] = useState<FollowUpStatus | null>(null);
  // An action's answer shows at once; the next read replaces it.
  useEffect(() => setLatest(null), [status.data]);
  const current = latest ?? status.data;

  useEffect(() => {
    document.title = session.data ? `${session.data.title} · Follow-up` : 'Plenary · Follow-up';
  }, [session.data]);

  const error = session.error ?? status.error;
  if (error) return <ErrorView title="This follow-up cannot be shown" error={error} hint={hostErrorHint(error)} onRetry={() => (session.reload(), status.reload())} />;
  if (!session.data || !current) {
    return (
      <div className={styles.page}>
        <AppHeader current="history" />
        <main className={styles.main} aria-busy="true">
          <p>Loading the follow-up…</p>
        </main>
      </div>
    );
  }
  const paper: PaperSize = settings.data?.paperSize ?? 'A4';
  return <FollowUpPage title={session.data.title} workshopTitle={session.data.workshopTitle} heldOn={sessionDate(session.data)} status={current} paper={paper} onStatus={setLatest} />;
}

interface PageProps {
  title: string;
  workshopTitle: string;
  heldOn: string;
  status: FollowUpStatus;
  paper: PaperSize;
  onStatus: (status: FollowUpStatus) => void;
}

export function FollowUpPage({ title, workshopTitle, heldOn, status, paper, onStatus }: PageProps) {
  const api = useApi();
  const fileInput = useRef<HTMLInputElement>(null);
  const { busy, message, run } = useAction();
  const pulse = status.pulse;


  const makePulse = () =>
    run(async () => {
      onStatus(await api.call('pulses.create', { sessionId: status.sessionId }));
      return 'The pulse is made: print the sheet, or open it in the presenter.';
    });
  const exportPulse = () =>
    run(async () => {
      const file = await api.call('pulses.export', { sessionId: status.sessionId });
      downloadText(file.filename, file.text, 'application/json');
      return `Saved ${file.filename}.`;
    });
  const importFile = (file: File) =>
    run(async () => {
      if (file.size > PULSE_FILE_MAX_BYTES) throw new Error(`“${file.name}” is ${(file.size / 1024 / 1024).toFixed(1)} MB: a pulse file is far smaller. Choose the file Plenary exported as the pulse.`);
      const next = await api.call('pulses.import', { sessionId: status.sessionId, text: await file.text(), fileName: file.name });
      onStatus(next);
      return `Imported “${file.name}”: its answers join the follow-up figures.`;
    });

  const style = { '--content-width': `${contentWidthMm(paper)}mm` } as CSSProperties;
  return (
    <div className={styles.page}>
      <style>{pageCss(paper, title)}</style>
      <AppHeader current="history" />
      <main className={styles.main}>
        <div className={styles.controls}>
          <nav className={styles.back} aria-label="Leave the follow-up">
            <a href="#/history">← History</a> · <a href={hrefOf({ view: 'results', sessionId: status.sessionId })}>Results</a>
          </nav>
          <p className={styles.kicker}>Follow-up · {workshopTitle}</p>
          <h1 className={styles.heading}>{title}</h1>

          {!status.available ? (
            <p className={styles.notice} role="alert">
              {status.unavailableReason ?? 'This session has nothing to follow up.'}
            </p>
          ) : (
            <section className={styles.panel} aria-labelledby="pulse-heading">
              <h2 id="pulse-heading">The pulse</h2>
              {pulse ? (
                <>
                  <p className={styles.state} role="status">
                    <strong>{pulse.status === 'active' ? 'Taking answers' : 'Ended'}</strong> · {pulse.respondents} {pulse.respondents === 1 ? 'person has' : 'people have'} answered · made{' '}
                    {formatWhen(pulse.createdAt)} · code <strong>{pulse.joinCode}</strong>
                  </p>
                  {pulse.joinUrls.length === 0 && pulse.status === 'active' && (
                    <p className={styles.notice}>
                      {api.isDesktop
                        ? 'Phones cannot reach this laptop yet, so the sheet has no QR code: open the pulse in the presenter and press Let phones vote, then print the sheet.'
                        : 'Phones cannot reach this computer yet, so the sheet has no QR code: start Plenary with npm run serve -- --host 0.0.0.0, then print the sheet. It shows the code either way.'}
                    </p>
                  )}
                  <div className={styles.actions}>
                    <Button intent="primary" onClick={() => window.print()}>
                      Print the sheet
                    </Button>
                    <a className={styles.linkButton} href={hrefOf({ view: 'present', sessionId: pulse.sessionId })}>
                      Open the pulse in the presenter
                    </a>
                    <Button disabled={busy} onClick={() => void exportPulse()}>
                      Export the pulse file
                    </Button>
                    <Button disabled={busy} onClick={() => fileInput.current?.click()}>
                      Import a pulse file…
                    </Button>
                  </div>
                </>
              ) : (
                <>
                  <p>
                    The pulse asks the same {status.statements.length} statements again, weeks later, on people’s phones; their answers join this session’s figures as a third point in
                    time. The sheet suggests {dayText(status.suggestedOn, undefined, true)}.
                  </p>
                  <div className={styles.actions}>
                    <Button intent="primary" disabled={busy} onClick={() => void makePulse()}>
                      Make the pulse
                    </Button>
                    <Button disabled={busy} onClick={() => fileInput.current?.click()}>
                      Import a pulse file…
                    </Button>
                  </div>
                </>
              )}
              <input
                ref={fileInput}
                type="file"
                accept=".json,application/json"
                className="visually-hidden"
                aria-label="Pulse file to import"
                tabIndex={-1}
                onChange={(event) => {
                  const file = event.target.files?.[0];
                  event.target.value = '';
                  if (file) void importFile(file);
                }}
              />
              {message && (
                <p className={message.error ? styles.problem : styles.done} role={message.error ? 'alert' : 'status'}>
                  {message.text}
                </p>
              )}
              {status.imported.length > 0 && (
                <table className={styles.imported}>
                  <caption>Pulses imported from files</caption>
                  <thead>
                    <tr>
                      <th scope="col">File</th>
                      <th scope="col">People</th>
                      <th scope="col">Answered</th>
                      <th scope="col">Imported</th>
                    </tr>
                  </thead>
                  <tbody>
                    {status.imported.map((item) => (
                      <tr key={item.pulseId}>
                        <th scope="row">{item.fileName || item.pulseId}</th>
                        <td>{item.respondents}</td>
                        <td>{item.firstAnswerOn ? (item.firstAnswerOn === item.lastAnswerOn ? dayText(item.firstAnswerOn) : `${dayText(item.firstAnswerOn)} to ${dayText(item.lastAnswerOn ?? item.firstAnswerOn)}`) : 'no answers'}</td>
                        <td>{formatWhen(item.importedAt)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>
          )}
        </div>
        {pulse && (
          <div className={styles.paper} style={style}>
            <FollowUpSheet sessionTitle={title} workshopTitle={workshopTitle} heldOn={heldOn} status={status} joinCode={pulse.joinCode} joinUrl={pulse.joinUrls[0] ?? null} />
          </div>
        )}
      </main>
    </div>
  );
}
