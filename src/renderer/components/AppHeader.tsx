/** The top bar of the facilitator's own screens (not the projector). */
import type { ReactNode } from 'react';
import styles from './AppHeader.module.css';

type Section = 'library' | 'history' | 'settings';

export function AppHeader({ current, children }: { current?: Section; children?: ReactNode }) {
  const link = (section: Section, href: string, label: string) => (
    <a href={href} aria-current={current === section ? 'page' : undefined}>
      {label}
    </a>
  );
  return (
    <header className={styles.header}>
      <a className={styles.brand} href="#/">
        Plenary
      </a>
      <nav className={styles.nav} aria-label="Main">
        {link('library', '#/', 'Workshops')}
        {link('history', '#/history', 'History')}
        {link('settings', '#/settings', 'Settings')}
      </nav>
      <span className={styles.spacer} />
      {children}
    </header>
  );
}
