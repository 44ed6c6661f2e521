/** The workshop editor route (`#/edit/<workshopId>`): loads the workshop, then edits it. */
import { useCommand } from '../../app/hooks';
import { ErrorView, hostErrorHint } from '../../components/ErrorView';
import { WorkshopEditor } from './WorkshopEditor';
import styles from './EditorView.module.css';

export default function EditorView({ workshopId }: { workshopId: string }) {
  const workshop = useCommand('workshops.get', { workshopId });
  if (workshop.error && !workshop.loading) {
    return (
      <ErrorView
        title="This workshop could not be opened"
        error={workshop.error}
        hint={hostErrorHint(workshop.error)}
        onRetry={workshop.reload}
      />
    );
  }
  // After "Duplicate to edit" the route changes before the copy arrives: wait for it.
  if (!workshop.data || workshop.data.id !== workshopId) {
    return (
      <p className={styles.loading} role="status">
        Loading the workshop…
      </p>
    );
  }
  // A new workshop gets a fresh editor: its own history, selection and autosave.
  return <WorkshopEditor key={workshop.data.id} workshop={workshop.data} />;
}
