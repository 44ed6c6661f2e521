/**
 * The facilitator's preferences, saved in the store as they change: theme (with
 * high contrast for washed-out projectors), audience text size, default groups,
 * the LAN port, the report's paper size and privacy floor, and where the data lives.
 */
import { useState } from 'react';
import type { CommandInput } from '../../../shared/contract';
import { useApi } from '../../app/ApiContext';
import { useCommand } from '../../app/hooks';
import { AppHeader } from '../../components/AppHeader';
import { Button } from '../../components/Button';
import { ErrorView, hostErrorHint } from '../../components/ErrorView';
import styles from './SettingsView.module.css';

const THEMES = [
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
  { value: 'contrast', label: 'High contrast' },
] as const;

export default function SettingsView() {
  const api = useApi();
  const settings = useCommand('settings.get', {}, (event) => event.name === 'settings.changed');
  const info = useCommand('app.info', {});
  const [status, setStatus] = useState('');

  if (settings.error) return <ErrorView title="Settings cannot be loaded" error={settings.error} hint={hostErrorHint(settings.error)} />;
  const current = settings.data;
  const save = (change: CommandInput<'settings.update'>) => {
    setStatus('Saving…');
    api.call('settings.update', change).then(
      () => {
        setStatus('Saved');
        settings.reload();
      },
      (error: Error) => setStatus(`Not saved: ${error.message}`),
    );
  };

  return (
    <>
      <AppHeader current="settings" />
      <main className={styles.main}>
        <h1>Settings</h1>
        {current && (
          <form className={styles.form} onSubmit={(e) => e.preventDefault()}>
            <fieldset className={styles.choices}>
              <legend>Theme</legend>
              {THEMES.map((theme) => (
                <label key={theme.value} className={styles.choice}>
                  <input type="radio" name="theme" checked={current.theme === theme.value} onChange={() => save({ theme: theme.value })} />
                  {theme.label}
                </label>
              ))}
            </fieldset>
            <label className={styles.field}>
              Text size on the projector: {Math.round(current.audienceTextScale * 100)}%
              <input
                type="range"
                min={0.75}
                max={2}
                step={0.05}
                value={current.audienceTextScale}
                onChange={(e) => save({ audienceTextScale: Number(e.target.value) })}
              />
              <small>Larger for big rooms; the slide keeps its layout.</small>
            </label>
            <label className={styles.field}>
              Groups in a new session
              <input
                type="number"
                min={0}
                max={12}
                value={current.defaultGroupCount}
                onChange={(e) => {
                  const value = Number(e.target.value);
                  if (Number.isInteger(value) && value >= 0 && value <= 12) save({ defaultGroupCount: value });
                }}
              />
            </label>
            <label className={styles.field}>
              Port for phones
              <input
                type="number"
                min={1024}
                max={65535}
                value={current.lanPort}
                onChange={(e) => {
                  const value = Number(e.target.value);
                  if (Number.isInteger(value) && value >= 1024 && value <= 65535) save({ lanPort: value });
                }}
              />
              <small>Used when you let phones vote from the desktop app.</small>
            </label>
            <fieldset className={styles.choices}>
              <legend>Report paper size</legend>
              {(['A4', 'Letter'] as const).map((size) => (
                <label key={size} className={styles.choice}>
                  <input type="radio" name="paper" checked={current.paperSize === size} onChange={() => save({ paperSize: size })} />
                  {size}
                </label>
              ))}
            </fieldset>
            <label className={styles.field}>
              Smallest group the report breaks down
              <input
                type="number"
                min={1}
                max={50}
                value={current.reportMinGroupSize}
                onChange={(e) => {
                  const value = Number(e.target.value);
                  if (Number.isInteger(value) && value >= 1 && value <= 50) save({ reportMinGroupSize: value });
                }}
              />
              <small>People. A smaller group’s choices are counted with other small groups (“Other groups”), or in the room only, so no one’s answer can be told from the report. 1 shows every group.</small>
            </label>
            <div className={styles.field}>
              Data folder
              <div className={styles.data}>
                <code>{info.data?.dataDir ?? '…'}</code>
                {api.isDesktop && <Button onClick={() => void api.desktop('data.openFolder')}>Open data folder</Button>}
              </div>
              <small>Workshops, sessions and votes are kept here. Plenary {info.data?.version}.</small>
            </div>
            <p role="status">{status}</p>
          </form>
        )}
      </main>
    </>
  );
}
