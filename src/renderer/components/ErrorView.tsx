/** A clear page when something stops the view: what happened and what to do. */
import { Button } from './Button';
import styles from './ErrorView.module.css';

interface ErrorViewProps {
  title: string;
  error?: Error | undefined;
  hint?: string;
  onRetry?: () => void;
}

export function ErrorView({ title, error, hint, onRetry }: ErrorViewProps) {
  return (
    <div className={styles.wrap}>
      <section className={styles.card} role="alert">
        <h1>{title}</h1>
        {error && <p>{error.message}</p>}
        {hint && <p>{hint}</p>}
        <div className={styles.actions}>
          {onRetry && (
            <Button intent="primary" onClick={onRetry}>
              Try again
            </Button>
          )}
          <Button onClick={() => (window.location.hash = '#/')}>Back to the library</Button>
        </div>
      </section>
    </div>
  );
}

/** The error a view shows when the host cannot be reached or refuses the token. */
export function hostErrorHint(error: Error | undefined): string | undefined {
  const code = (error as { code?: string } | undefined)?.code;
  if (code === 'unavailable') return 'Start it again with `npm run serve` (or restart the desktop app), then try again.';
  if (code === 'unauthorized') return 'Open Plenary with the full address it printed when it started: the one ending in ?token=…';
  return undefined;
}
