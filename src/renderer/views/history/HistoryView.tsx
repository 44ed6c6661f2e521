/**
 * History (`#/history`): every session, newest first, searchable. From each one:
 * its results, its report, back to presenting while it runs, rename, export again
 * (CSV, JSON), delete with confirmation. Tick sessions of one workshop to compare
 * them (`#/compare?ids=…`). A session with a self-check leads to its follow-up
 * pack (`#/followup/<id>`); its pulse is listed under it, as its follow-up, not as
 * a workshop run of its own.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { SessionSummary } from '../../../shared/model';
import { useApi } from '../../app/ApiContext';
import { useCommand } from '../../app/hooks';
import { hrefOf, navigate } from '../../app/router';
import { usePreloadWhenIdle } from '../../app/views';
import { AppHeader } from '../../components/AppHeader';
import { Button } from '../../components/Button';
import { ConfirmDialog, PromptDialog, Toast } from '../../components/Dialog';
import { ErrorView, hostErrorHint } from '../../components/ErrorView';
import { downloadText } from '../../components/download';
import { compareProblem, deleteMessage, formatWhen, historyEntries, pulsesOf, type HistoryEntry } from './historyData';
import styles from './HistoryView.module.css';

type Pending = { kind: 'rename' | 'delete'; session: SessionSummary } | null;

export default function HistoryView() {
  const api = useApi();
  const sessions = useCommand('sessions.list', {}, (event) => event.name.startsWith('session') || ['voting.revealed', 'voting.closed', 'vote.undone'].includes(event.name));
  // Each session's Results is the usual next page: its code is loaded while idle.
  usePreloadWhenIdle('results', sessions.data !== undefined);
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [pending, setPending] = useState<Pending>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [toast, setToast] = useState<string | null>(null);
  const dismissToast = useCallback(() => setToast(null), []);

  useEffect(() => {
    document.title = 'Plenary · History';
  }, []);

  const all = useMemo(() => sessions.data ?? [], [sessions.data]);
  // A deleted session leaves the selection too.
  useEffect(() => {
    setSelected((previous) => {
      const known = new Set(all.map((session) => session.id));
      const next = new Set([...previous].filter((id) => known.has(id)));
      return next.size === previous.size ? previous : next;
    });
  }, [all]);

  const visible = useMemo(() => historyEntries(all, query), [all, query]);
  const chosen = all.filter((session) => selected.has(session.id));
  const whyNot = compareProblem(chosen);

  const run = async (action: () => Promise<void>) => {
    setProblem(null);
    try {
      await action();
    } catch (error) {
      setProblem((error as Error).message);
    }
  };

  const toggle = (sessionId: string) =>
    setSelected((previous) => {
      const next = new Set(previous);
      if (next.has(sessionId)) next.delete(sessionId);
      else next.add(sessionId);
      return next;
    });

  const exportCsv = (session: SessionSummary) =>
    run(async () => {
      if (api.isDesktop) {
        const saved = await api.desktop('csv.saveDialog', { sessionId: session.id });
        if (!saved.canceled) setToast(`Saved ${saved.filePath}`);
        return;
      }
      const file = await api.call('reports.csv', { sessionId: session.id });
      downloadText(file.filename, file.csv, 'text/csv;charset=utf-8');
    });
  const exportJson = (session: SessionSummary) =>
    run(async () => {
      const file = await api.call('sessions.exportJson', { sessionId: session.id });
      downloadText(file.filename, file.json, 'application/json');
    });

  if (sessions.error) {
    return <ErrorView title="The history cannot be shown" error={sessions.error} hint={hostErrorHint(sessions.error)} onRetry={sessions.reload} />;
  }

  return (
    <div className={styles.page}>
      <AppHeader current="history" />
      <main className={styles.main}>
        <div className={styles.toolbar}>
          <h1>History</h1>
          {all.length > 0 && (
            <>
              <label className="visually-hidden" htmlFor="history-search">
                Search sessions
              </label>
              <input
                id="history-search"
                className={styles.search}
                type="search"
                placeholder="Search sessions"
                value={query}
                onChange={(event) => setQuery(event.target.value)}
              />
            </>
          )}
        </div>

        {chosen.length > 0 && (
          <div className={styles.compareBar} role="group" aria-label="Compare sessions">
            <span>
              {chosen.length} session{chosen.length === 1 ? '' : 's'} selected
            </span>
            <Button intent="primary" disabled={whyNot !== null} onClick={() => navigate({ view: 'compare', sessionIds: chosen.map((session) => session.id) })}>
              Compare
            </Button>
            <Button size="small" onClick={() => setSelected(new Set())}>
              Clear selection
            </Button>
            {whyNot && <span className={styles.hint}>{whyNot}</span>}
          </div>
        )}

        {problem && (
          <p className={styles.error} role="alert">
            {problem}
          </p>
        )}

        {sessions.loading && !sessions.data ? (
          <p aria-busy="true">Loading sessions…</p>
        ) : all.length === 0 ? (
          <section className={styles.empty} aria-labelledby="history-empty">
            <h2 id="history-empty">No sessions yet</h2>
            <p>Every session you run shows up here, with its results, its report and its data, so you can send them afterwards or compare cohorts.</p>
            <a className={styles.primaryLink} href="#/">
              Start one from a workshop
            </a>
          </section>
        ) : visible.length === 0 ? (
          <p className={styles.none}>No session matches “{query}”.</p>
        ) : (
          <table className={styles.table} aria-label="Sessions">
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">Select to compare</span>
                </th>
                <th scope="col">Session</th>
                <th scope="col">Date</th>
                <th scope="col" className={styles.num}>
                  Groups
                </th>
                <th scope="col" className={styles.num}>
                  People
                </th>
                <th scope="col" className={styles.num}>
                  Votes
                </th>
                <th scope="col" className={styles.num}>
                  Scenarios
                </th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {visible.map(({ session, parent }) => (
                <SessionRow
                  key={session.id}
                  session={session}
                  parent={parent}
                  selected={selected.has(session.id)}
                  onToggle={() => toggle(session.id)}
                  onRename={() => setPending({ kind: 'rename', session })}
                  onDelete={() => setPending({ kind: 'delete', session })}
                  onCsv={() => void exportCsv(session)}
                  onJson={() => void exportJson(session)}
                />
              ))}
            </tbody>
          </table>
        )}
      </main>

      <PromptDialog
        title="Rename the session"
        label="Session title"
        initial={pending?.kind === 'rename' ? pending.session.title : ''}
        confirmLabel="Rename"
        open={pending?.kind === 'rename'}
        onCancel={() => setPending(null)}
        onSubmit={(title) => {
          const session = pending?.session;
          setPending(null);
          if (session) void run(async () => void (await api.call('sessions.rename', { sessionId: session.id, title })));
        }}
      />
      <ConfirmDialog
        title="Delete this session?"
        message={pending?.kind === 'delete' ? deleteMessage(pending.session, pulsesOf(all, pending.session.id)) : ''}
        confirmLabel="Delete session"
        danger
        open={pending?.kind === 'delete'}
        onCancel={() => setPending(null)}
        onConfirm={() => {
          const session = pending?.session;
          setPending(null);
          if (session)
            void run(async () => {
              await api.call('sessions.delete', { sessionId: session.id });
              setToast(`Deleted “${session.title}”.`);
            });
        }}
      />
      {toast && <Toast message={toast} onDismiss={dismissToast} />}
    </div>
  );
}

interface RowProps {
  session: SessionSummary;
  /** For a follow-up pulse: the session it follows up (null when that one is gone). */
  parent: HistoryEntry['parent'];
  selected: boolean;
  onToggle: () => void;
  onRename: () => void;
  onDelete: () => void;
  onCsv: () => void;
  onJson: () => void;
}

function SessionRow({ session, parent, selected, onToggle, onRename, onDelete, onCsv, onJson }: RowProps) {
  const titleId = `history-title-${session.id}`;
  // Visible words first, the session's title after (hidden): every control has a name of its own.
  const about = <span className="visually-hidden"> {session.title}</span>;
  if (session.followUpOf !== null) return <PulseRow session={session} parent={parent} onDelete={onDelete} />;
  return (
    <tr className={selected ? styles.selectedRow : undefined}>
      <td>
        <input type="checkbox" className={styles.check} checked={selected} onChange={onToggle} aria-labelledby={titleId} />
      </td>
      <th scope="row" className={styles.titleCell}>
        <a id={titleId} href={hrefOf({ view: 'results', sessionId: session.id })} className={styles.title}>
          {session.title}
        </a>
        <span className={styles.workshop}>
          {session.workshopTitle}
          {session.facilitator ? ` · ${session.facilitator}` : ''}
        </span>
      </th>
      <td className={styles.date}>{formatWhen(session.createdAt)}</td>
      <td className={styles.num}>{session.groupCount}</td>
      <td className={styles.num}>{session.participants}</td>
      <td className={styles.num}>{session.voteCount}</td>
      <td className={styles.num}>
        <span className={styles.scenarios}>
          {session.votedOn} of {session.scenarioCount} voted
          <span className={styles.revealed}>{session.revealed} revealed</span>
        </span>
      </td>
      <td>
        <span className={session.status === 'active' ? styles.live : styles.ended}>{session.status === 'active' ? 'Running' : 'Ended'}</span>
      </td>
      <td>
        <div className={styles.actions}>
          {session.status === 'active' && (
            <a className={styles.linkButton} href={hrefOf({ view: 'present', sessionId: session.id })}>
              Resume{about}
            </a>
          )}
          <a className={styles.linkButton} href={hrefOf({ view: 'results', sessionId: session.id })}>
            Results{about}
          </a>
          <a className={styles.linkButton} href={hrefOf({ view: 'report', sessionId: session.id })}>
            Report{about}
          </a>
          {session.canFollowUp && (
            <a className={styles.linkButton} href={hrefOf({ view: 'followUp', sessionId: session.id })}>
              Follow-up{about}
            </a>
          )}
          <Button size="small" onClick={onCsv}>
            CSV{about}
          </Button>
          <Button size="small" onClick={onJson}>
            JSON{about}
          </Button>
          <Button size="small" onClick={onRename}>
            Rename{about}
          </Button>
          <Button size="small" intent="danger" onClick={onDelete}>
            Delete{about}
          </Button>
        </div>
      </td>
    </tr>
  );
}

/**
 * A follow-up pulse (src/shared/followUp.ts), under the session it follows up:
 * named as that session's pulse, with its answers so far, the follow-up page, the
 * presenter while it runs (to watch answers come in and end it), and delete.
 */
function PulseRow({ session, parent, onDelete }: { session: SessionSummary; parent: SessionSummary | null; onDelete: () => void }) {
  const of = parent?.title ?? 'a deleted session';
  const about = <span className="visually-hidden"> of {of}</span>;
  const none = <span aria-label="none">–</span>;
  return (
    <tr className={styles.pulseRow}>
      <td />
      <th scope="row" className={styles.titleCell}>
        <span className={styles.pulseLabel}>Follow-up pulse</span>
        <span className={styles.workshop}>
          of{' '}
          {parent ? (
            <a href={hrefOf({ view: 'results', sessionId: parent.id })} className={styles.parentLink}>
              {parent.title}
            </a>
          ) : (
            of
          )}
        </span>
      </th>
      <td className={styles.date}>{formatWhen(session.createdAt)}</td>
      <td className={styles.num}>{none}</td>
      <td className={styles.num}>{session.participants}</td>
      <td className={styles.num}>{session.voteCount}</td>
      <td className={styles.num}>{none}</td>
      <td>
        <span className={session.status === 'active' ? styles.live : styles.ended}>{session.status === 'active' ? 'Taking answers' : 'Ended'}</span>
      </td>
      <td>
        <div className={styles.actions}>
          {parent && (
            <a className={styles.linkButton} href={hrefOf({ view: 'followUp', sessionId: parent.id })}>
              Follow-up page{about}
            </a>
          )}
          {session.status === 'active' && (
            <a className={styles.linkButton} href={hrefOf({ view: 'present', sessionId: session.id })}>
              Presenter{about}
            </a>
          )}
          <Button size="small" intent="danger" onClick={onDelete}>
            Delete pulse{about}
          </Button>
        </div>
      </td>
    </tr>
  );
}
