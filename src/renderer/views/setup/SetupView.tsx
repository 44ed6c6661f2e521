/**
 * Starting a session: title, facilitator, how the room votes, and the groups
 * (2 to 12, or none when only phones vote) with names, colours and sizes.
 */
import { useEffect, useState } from 'react';
import type { VotingMode } from '../../../shared/model';
import { useApi } from '../../app/ApiContext';
import { useCommand } from '../../app/hooks';
import { navigate } from '../../app/router';
import { AppHeader } from '../../components/AppHeader';
import { Button } from '../../components/Button';
import { ErrorView, hostErrorHint } from '../../components/ErrorView';
import { GROUP_PALETTE as GROUP_COLORS } from '../../../shared/palette';
import { defaultPhoneLimit, PHONE_LIMIT_MAX } from '../../../shared/phoneLimits';
import styles from './SetupView.module.css';

interface GroupDraft {
  name: string;
  size: string;
}

const MODES: { value: VotingMode; label: string; hint: string }[] = [
  { value: 'groups', label: 'Groups on the shared screen', hint: 'Each group taps its tile or presses its number.' },
  { value: 'hands', label: 'Hand count', hint: 'You count raised hands and type the numbers.' },
  { value: 'phones', label: 'Phones', hint: 'Everyone votes from their phone on the room’s network.' },
];

const draftGroups = (count: number): GroupDraft[] => Array.from({ length: count }, (_, i) => ({ name: `Group ${i + 1}`, size: '' }));

export default function SetupView({ workshopId }: { workshopId: string }) {
  const api = useApi();
  const workshop = useCommand('workshops.get', { workshopId });
  const settings = useCommand('settings.get', {});
  const [title, setTitle] = useState('');
  const [facilitator, setFacilitator] = useState('');
  const [mode, setMode] = useState<VotingMode>('groups');
  const [groups, setGroups] = useState<GroupDraft[] | null>(null);
  const [phoneLimit, setPhoneLimit] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (groups === null && settings.data) setGroups(draftGroups(Math.max(2, settings.data.defaultGroupCount)));
  }, [settings.data, groups]);

  if (workshop.error) return <ErrorView title="This workshop cannot be opened" error={workshop.error} hint={hostErrorHint(workshop.error)} />;
  const list = groups ?? [];
  const minGroups = mode === 'phones' ? 0 : 2;
  const update = (index: number, change: Partial<GroupDraft>) => setGroups(list.map((g, i) => (i === index ? { ...g, ...change } : g)));
  const suggestedLimit = defaultPhoneLimit(list.map((g) => ({ size: g.size ? Number(g.size) : null })));

  const start = async () => {
    setProblem(null);
    if (list.length < minGroups) return setProblem(`Add at least ${minGroups} groups, or choose phone voting.`);
    if (list.some((g) => !g.name.trim())) return setProblem('Every group needs a name.');
    const limit = phoneLimit.trim() === '' ? undefined : Number(phoneLimit);
    if (limit !== undefined && (!Number.isInteger(limit) || limit < 1 || limit > PHONE_LIMIT_MAX)) {
      return setProblem(`The most phones admitted is a whole number from 1 to ${PHONE_LIMIT_MAX.toLocaleString('en')}.`);
    }
    setBusy(true);
    try {
      const session = await api.call('sessions.create', {
        workshopId,
        title: title.trim() || undefined,
        facilitator: facilitator.trim() || undefined,
        votingMode: mode,
        groups: list.map((g) => ({ name: g.name.trim(), size: g.size ? Number(g.size) : null })),
        ...(limit === undefined ? {} : { phoneLimit: limit }),
      });
      navigate({ view: 'present', sessionId: session.id });
    } catch (error) {
      setProblem((error as Error).message);
      setBusy(false);
    }
  };

  return (
    <>
      <AppHeader current="library" />
      <main className={styles.main}>
        <h1>Start a session{workshop.data ? `: ${workshop.data.content.title}` : ''}</h1>
        <form
          className={styles.form}
          onSubmit={(event) => {
            event.preventDefault();
            void start();
          }}
        >
          <label className={styles.field}>
            Session title
            <input value={title} onChange={(e) => setTitle(e.target.value)} placeholder={workshop.data ? `${workshop.data.content.title} · today` : ''} maxLength={200} />
          </label>
          <label className={styles.field}>
            Facilitator
            <input value={facilitator} onChange={(e) => setFacilitator(e.target.value)} placeholder="Your name" maxLength={120} />
          </label>
          <fieldset className={styles.modes}>
            <legend>How does the room vote?</legend>
            {MODES.map((m) => (
              <label key={m.value} className={styles.mode}>
                <input type="radio" name="mode" value={m.value} checked={mode === m.value} onChange={() => setMode(m.value)} />
                <span>
                  {m.label}
                  <small>{m.hint}</small>
                </span>
              </label>
            ))}
          </fieldset>
          <section className={styles.groups} aria-labelledby="groups-heading">
            <div className={styles.groupsHead}>
              <h2 id="groups-heading">Groups ({list.length})</h2>
              <Button size="small" onClick={() => setGroups(list.slice(0, -1))} disabled={list.length <= minGroups}>
                Remove a group
              </Button>
              <Button size="small" onClick={() => setGroups([...list, { name: `Group ${list.length + 1}`, size: '' }])} disabled={list.length >= 12}>
                Add a group
              </Button>
            </div>
            {mode === 'phones' && list.length > 0 && <p>Phones pick their group when they join; remove all groups to let everyone vote alone.</p>}
            {list.map((group, index) => (
              <div key={index} className={styles.groupRow}>
                <span className={styles.swatch} style={{ background: GROUP_COLORS[index % GROUP_COLORS.length] }} aria-hidden="true">
                  {index + 1}
                </span>
                <input aria-label={`Name of group ${index + 1}`} value={group.name} maxLength={60} onChange={(e) => update(index, { name: e.target.value })} />
                <input
                  aria-label={`People in group ${index + 1} (optional)`}
                  type="number"
                  min={0}
                  max={500}
                  placeholder="People"
                  value={group.size}
                  onChange={(e) => update(index, { size: e.target.value })}
                />
                <span />
              </div>
            ))}
          </section>
          <label className={styles.field}>
            Most phones admitted
            <input
              type="number"
              min={1}
              max={PHONE_LIMIT_MAX}
              inputMode="numeric"
              value={phoneLimit}
              onChange={(e) => setPhoneLimit(e.target.value)}
              placeholder={String(suggestedLimit)}
              aria-describedby="phone-limit-hint"
            />
            <small id="phone-limit-hint">
              Empty: {suggestedLimit}
              {suggestedLimit === 100 ? ' (give every group its size to fit the limit to the room)' : ' (the groups’ sizes and a fifth more, at least 10 more)'}. Phones past the
              limit are turned away and counted; you can change it while the session runs.
            </small>
          </label>
          {problem && (
            <p className={styles.error} role="alert">
              {problem}
            </p>
          )}
          <div className={styles.submit}>
            <Button onClick={() => navigate({ view: 'library' })}>Cancel</Button>
            <Button type="submit" intent="primary" disabled={busy || !workshop.data}>
              Start the session
            </Button>
          </div>
        </form>
      </main>
    </>
  );
}
