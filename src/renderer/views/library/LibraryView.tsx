/**
 * The library: every workshop as a card, with search; start a session, edit,
 * duplicate, rename, export, delete (with confirmation and undo); create and
 * import (file picker or drop). Running sessions can be resumed from here.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import type { Workshop, WorkshopSummary } from '../../../shared/model';
import { WORKSHOP_FILE_MAX_BYTES, WORKSHOP_FILE_MAX_MB } from '../../../shared/limits';
import { useApi } from '../../app/ApiContext';
import { useCommand } from '../../app/hooks';
import { REHEARSAL_ENDED_KEY } from '../../app/rehearsal';
import { navigate } from '../../app/router';
import { AppHeader } from '../../components/AppHeader';
import { Button } from '../../components/Button';
import { ConfirmDialog, PromptDialog, Toast } from '../../components/Dialog';
import { ErrorView, hostErrorHint } from '../../components/ErrorView';
import { downloadText } from '../../components/download';
import styles from './LibraryView.module.css';

type Pending = { kind: 'rename'; workshop: WorkshopSummary } | { kind: 'delete'; workshop: WorkshopSummary } | { kind: 'create' } | null;

export function LibraryView() {
  const api = useApi();
  const workshops = useCommand('workshops.list', {}, (event) => event.name === 'workshops.changed');
  const sessions = useCommand('sessions.list', {}, (event) => event.name.startsWith('session'));
  const info = useCommand('app.info', {});
  const [query, setQuery] = useState('');
  const [pending, setPending] = useState<Pending>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [toast, setToast] = useState<{ message: string; undo?: Workshop } | null>(null);
  const [dropping, setDropping] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  // A rehearsal that just ended left nothing behind; the presenter sends us here to say so.
  useEffect(() => {
    if (sessionStorage.getItem(REHEARSAL_ENDED_KEY) === null) return;
    sessionStorage.removeItem(REHEARSAL_ENDED_KEY);
    setToast({ message: 'The rehearsal has ended. Nothing was kept: it is not in History.' });
  }, []);

  // The desktop menu's File > New workshop lands here as #/?create=1.
  useEffect(() => {
    if (!window.location.hash.includes('create=1')) return;
    setPending({ kind: 'create' });
    window.history.replaceState(null, '', '#/');
  }, []);

  const run = useCallback(
    async (action: () => Promise<unknown>) => {
      setProblem(null);
      try {
        await action();
        workshops.reload();
      } catch (error) {
        setProblem((error as Error).message);
      }
    },
    [workshops],
  );

  const visible = useMemo(() => {
    const needle = query.trim().toLowerCase();
    const list = workshops.data ?? [];
    return needle ? list.filter((w) => `${w.title} ${w.description}`.toLowerCase().includes(needle)) : list;
  }, [workshops.data, query]);

  const importText = (text: string, fileName?: string) =>
    run(async () => {
      const workshop = await api.call('workshops.import', { text, fileName });
      setToast({ message: `Imported “${workshop.content.title}”.` });
    });

  const importFile = async (file: File) => {
    if (file.size > WORKSHOP_FILE_MAX_BYTES) {
      setProblem(`“${file.name}” is ${(file.size / 1024 / 1024).toFixed(1)} MB; a workshop file can be at most ${WORKSHOP_FILE_MAX_MB} MB.`);
      return;
    }
    await importText(await file.text(), file.name);
  };

  const onImportClick = () => {
    if (api.isDesktop) {
      void run(async () => {
        const imported = await api.desktop('workshop.importDialog');
        if (!imported.canceled) setToast({ message: `Imported “${imported.workshop.content.title}”.` });
      });
    } else fileInput.current?.click();
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDropping(false);
    const file = event.dataTransfer.files[0];
    if (file) void importFile(file);
  };

  const exportWorkshop = (workshop: WorkshopSummary) =>
    run(async () => {
      if (api.isDesktop) await api.desktop('workshop.saveDialog', { workshopId: workshop.id });
      else {
        const file = await api.call('workshops.export', { workshopId: workshop.id });
        downloadText(file.filename, file.text, 'application/json');
      }
    });

  if (workshops.error) {
    return <ErrorView title="Plenary cannot reach its host" error={workshops.error} hint={hostErrorHint(workshops.error)} onRetry={workshops.reload} />;
  }

  const running = (sessions.data ?? []).filter((s) => s.status === 'active');
  return (
    <div
      className={`${styles.page} ${dropping ? styles.dropping : ''}`}
      onDragOver={(event) => {
        event.preventDefault();
        setDropping(true);
      }}
      onDragLeave={() => setDropping(false)}
      onDrop={onDrop}
    >
      <AppHeader current="library" />
      <main className={styles.main}>
        {(info.data?.recoveries ?? []).map((notice) => (
          <p key={`${notice.file}:${notice.message}`} className={styles.notice} role="alert">
            {notice.message}
          </p>
        ))}
        {running.length > 0 && (
          <section className={styles.running} aria-labelledby="running-heading">
            <h2 id="running-heading">Sessions in progress</h2>
            <ul>
              {running.map((session) => (
                <li key={session.id}>
                  <strong>{session.title}</strong>
                  <Button size="small" intent="primary" onClick={() => navigate({ view: 'present', sessionId: session.id })}>
                    Resume
                  </Button>
                </li>
              ))}
            </ul>
          </section>
        )}
        <div className={styles.toolbar}>
          <h1>Workshops</h1>
          <label className="visually-hidden" htmlFor="workshop-search">
            Search workshops
          </label>
          <input
            id="workshop-search"
            className={styles.search}
            type="search"
            placeholder="Search workshops"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
          />
          <Button onClick={onImportClick}>Import…</Button>
          <Button intent="primary" onClick={() => setPending({ kind: 'create' })}>
            New workshop
          </Button>
          <input
            ref={fileInput}
            type="file"
            accept=".json,application/json"
            className="visually-hidden"
            aria-label="Workshop file to import"
            tabIndex={-1}
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) void importFile(file);
            }}
          />
        </div>
        {problem && (
          <p className={styles.error} role="alert">
            {problem}
          </p>
        )}
        {workshops.loading && !workshops.data ? (
          <p aria-busy="true">Loading workshops…</p>
        ) : visible.length === 0 ? (
          <p className={styles.empty}>{query ? `No workshop matches “${query}”.` : 'No workshops yet.'}</p>
        ) : (
          <ul className={styles.grid} aria-label="Workshops">
            {visible.map((workshop) => (
              <WorkshopCard
                key={workshop.id}
                workshop={workshop}
                onStart={() => navigate({ view: 'setup', workshopId: workshop.id })}
                onRehearse={() =>
                  run(async () => {
                    // A run-through with the default groups, kept out of History (and removed when it ends).
                    const session = await api.call('sessions.create', { workshopId: workshop.id, title: `Rehearsal · ${workshop.title}`, rehearsal: true });
                    navigate({ view: 'present', sessionId: session.id });
                  })
                }
                onEdit={() => navigate({ view: 'editor', workshopId: workshop.id })}
                onDuplicate={() =>
                  run(async () => {
                    const copy = await api.call('workshops.duplicate', { workshopId: workshop.id });
                    setToast({ message: `Made “${copy.content.title}”.` });
                  })
                }
                onRename={() => setPending({ kind: 'rename', workshop })}
                onExport={() => void exportWorkshop(workshop)}
                onDelete={() => setPending({ kind: 'delete', workshop })}
              />
            ))}
          </ul>
        )}
      </main>

      <PromptDialog
        title="New workshop"
        label="Title"
        initial="My workshop"
        confirmLabel="Create"
        open={pending?.kind === 'create'}
        onCancel={() => setPending(null)}
        onSubmit={(title) => {
          setPending(null);
          void run(async () => {
            const workshop = await api.call('workshops.create', { title });
            navigate({ view: 'editor', workshopId: workshop.id });
          });
        }}
      />
      <PromptDialog
        title="Rename workshop"
        label="Title"
        initial={pending?.kind === 'rename' ? pending.workshop.title : ''}
        confirmLabel="Rename"
        open={pending?.kind === 'rename'}
        onCancel={() => setPending(null)}
        onSubmit={(title) => {
          const target = pending?.kind === 'rename' ? pending.workshop : null;
          setPending(null);
          if (target) void run(() => api.call('workshops.rename', { workshopId: target.id, title }));
        }}
      />
      <ConfirmDialog
        title="Delete workshop?"
        message={pending?.kind === 'delete' ? `“${pending.workshop.title}” will be removed from the library. Past sessions keep their copy.` : ''}
        confirmLabel="Delete"
        danger
        open={pending?.kind === 'delete'}
        onCancel={() => setPending(null)}
        onConfirm={() => {
          const target = pending?.kind === 'delete' ? pending.workshop : null;
          setPending(null);
          if (target)
            void run(async () => {
              const removed = await api.call('workshops.delete', { workshopId: target.id });
              setToast({ message: `Deleted “${removed.content.title}”.`, undo: removed });
            });
        }}
      />
      {toast && (
        <Toast
          message={toast.message}
          actionLabel={toast.undo ? 'Undo' : undefined}
          onAction={() => {
            const removed = toast.undo;
            setToast(null);
            if (removed) void run(() => api.call('workshops.restore', { workshopId: removed.id, content: removed.content, createdAt: removed.createdAt }));
          }}
          onDismiss={() => setToast(null)}
        />
      )}
    </div>
  );
}

interface CardProps {
  workshop: WorkshopSummary;
  onStart: () => void;
  onRehearse: () => void;
  onEdit: () => void;
  onDuplicate: () => void;
  onRename: () => void;
  onExport: () => void;
  onDelete: () => void;
}

function WorkshopCard({ workshop, onStart, onRehearse, onEdit, onDuplicate, onRename, onExport, onDelete }: CardProps) {
  const edited = new Date(workshop.updatedAt).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
  const headingId = `workshop-${workshop.id}`;
  return (
    <li className={styles.card} aria-labelledby={headingId}>
      <h2 id={headingId}>
        {workshop.title}
        {workshop.builtIn && <span className={styles.badge}>Built-in</span>}
      </h2>
      {workshop.description && <p className={styles.description}>{workshop.description}</p>}
      <dl className={styles.facts}>
        <dt>Slides</dt>
        <dd>{workshop.slideCount} slides</dd>
        <dt>Scenarios</dt>
        <dd>{workshop.scenarioCount} scenarios</dd>
        <dt>Running time</dt>
        <dd>about {workshop.minutes} min</dd>
        <dt>Last edited</dt>
        <dd>edited {edited}</dd>
      </dl>
      <div className={styles.actions}>
        <Button intent="primary" onClick={onStart} aria-label={`Start session of ${workshop.title}`}>
          Start session
        </Button>
        <Button onClick={onRehearse} aria-label={`Rehearse ${workshop.title}`} title="Run through it as the room will see it; nothing goes into History">
          Rehearse
        </Button>
        <Button onClick={onEdit} aria-label={`${workshop.builtIn ? 'View' : 'Edit'} ${workshop.title}`}>
          {workshop.builtIn ? 'View' : 'Edit'}
        </Button>
        <Button onClick={onDuplicate} aria-label={`Duplicate ${workshop.title}`}>
          Duplicate
        </Button>
        <Button onClick={onExport} aria-label={`Export ${workshop.title}`}>
          Export
        </Button>
        {!workshop.builtIn && (
          <>
            <Button onClick={onRename} aria-label={`Rename ${workshop.title}`}>
              Rename
            </Button>
            <Button intent="danger" onClick={onDelete} aria-label={`Delete ${workshop.title}`}>
              Delete
            </Button>
          </>
        )}
      </div>
    </li>
  );
}
