// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { sessionProfile } from '../../../shared/profile';
import { ConsensusChart, GroupLeanChart, LeaderAnswerChart, QuestionResultChart, RoomRadar } from './index';
import { groups, qFocus, qPower, testSession, views } from './testFixtures';

afterEach(cleanup);

/** Opens a chart's table as a person does, with "Show table" (a closed table is not built). */
function showTable(figure: HTMLElement) {
  const details = within(figure).getByText('Show table').closest('details')!;
  details.open = true;
  fireEvent(details, new Event('toggle'));
}

/** The rows of a chart's table as text cells, header row first. */
function tableRows(figure: HTMLElement): string[][] {
  if (within(figure).queryByText('Show table')) showTable(figure);
  const table = within(figure).getByRole('table');
  return [...table.querySelectorAll('tr')].map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent ?? ''));
}

const figureOf = (element: HTMLElement) => element.closest('figure') as HTMLElement;

describe('QuestionResultChart', () => {
  it('draws a recharts surface with each option’s count and share, and a table with the same numbers', () => {
    const { container } = render(<QuestionResultChart question={qFocus} view={views.q2!} groups={groups} animate={false} />);
    expect(container.querySelector('.recharts-surface')).not.toBeNull();
    const svgText = container.querySelector('svg')!.textContent ?? '';
    // Leader and manager told apart by words, not colour alone.
    expect(svgText).toContain('Leader-like');
    expect(svgText).toContain('Manager-like');
    expect(svgText).toContain('4 · 40%');
    expect(svgText).toContain('2 · 20%');
    expect(screen.getByText('10 votes')).toBeTruthy();
    expect(screen.getByText('Divided room')).toBeTruthy();
    const image = screen.getByRole('img');
    expect(image.getAttribute('aria-label')).toContain('A (Leader-like) “Coach them through it”: 4 votes, 40%.');
    expect(tableRows(figureOf(image))).toEqual([
      ['Option', 'Workshop’s tag', 'Votes', 'Share'],
      ['A. Coach them through it', 'Leader-like', '4', '40%'],
      ['B. Send a checklist', 'Manager-like', '4', '40%'],
      ['C. Do it yourself', 'Neutral', '2', '20%'],
      ['Total', '', '10', '100%'],
    ]);
  });

  it('uses patterns for the styles: stripes for manager-like, solid for leader-like', () => {
    const { container } = render(<QuestionResultChart question={qPower} view={views.q1!} groups={groups} animate={false} />);
    const fills = [...container.querySelectorAll('.recharts-bar-rectangle rect')].map((rect) => rect.getAttribute('fill'));
    expect(fills[0]).toMatch(/^url\(#.*-manager\)$/);
    expect(fills[1]).toMatch(/^url\(#.*-leader\)$/);
    expect(container.querySelector('pattern[id$="-manager"][patternTransform="rotate(45)"]')).not.toBeNull();
    expect(screen.queryByText('Divided room')).toBeNull();
  });

  it('splits by group: a column per group, phones with no group, hand counts', () => {
    const { container } = render(<QuestionResultChart question={qFocus} view={views.q2!} groups={groups} byGroup animate={false} />);
    expect(container.querySelector('.recharts-surface')).not.toBeNull();
    expect(within(screen.getByRole('list', { name: 'Groups' })).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Red', 'Blue', 'Hand count']);
    expect(tableRows(figureOf(screen.getByRole('img')))).toEqual([
      ['Option', 'Workshop’s tag', 'Red', 'Blue', 'Hand count', 'Votes', 'Share'],
      ['A. Coach them through it', 'Leader-like', '2', '1', '1', '4', '40%'],
      ['B. Send a checklist', 'Manager-like', '1', '2', '1', '4', '40%'],
      ['C. Do it yourself', 'Neutral', '0', '1', '1', '2', '20%'],
      ['Total', '', '3', '4', '3', '10', '100%'],
    ]);
  });

  it('says so, and draws nothing, while the result is hidden', () => {
    const { container } = render(<QuestionResultChart question={qPower} view={{ totals: null, totalsByGroup: null }} groups={groups} />);
    expect(container.querySelector('svg')).toBeNull();
    expect(screen.getByText(/once the vote is revealed/)).toBeTruthy();
  });

  it('toggles the table’s summary between "Show table" and "Hide table"', () => {
    render(<QuestionResultChart question={qPower} view={views.q1!} groups={groups} animate={false} />);
    const summary = screen.getByText('Show table');
    const details = summary.closest('details')!;
    details.open = true;
    fireEvent(details, new Event('toggle'));
    expect(screen.getByText('Hide table')).toBeTruthy();
  });
});

describe('profile charts', () => {
  const profile = sessionProfile(testSession());

  it('RoomRadar: a radar of the dimensions with votes, group overlays by checkbox, the table lists all', () => {
    const { container } = render(<RoomRadar room={profile.room} groups={profile.groups} animate={false} />);
    expect(container.querySelector('.recharts-surface')).not.toBeNull();
    expect(container.querySelectorAll('.recharts-radar')).toHaveLength(1);
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe(
      'Room profile, share of leader-like choices per dimension: Power 70%, Focus 40%, Risk 50%. No votes yet on Change.',
    );
    fireEvent.click(screen.getByLabelText('Red'));
    expect(container.querySelectorAll('.recharts-radar')).toHaveLength(2);
    expect(tableRows(figureOf(screen.getByRole('img')))).toEqual([
      ['Dimension', 'Leader-like side', 'Manager-like side', 'Room', 'Votes', 'Red', 'Blue', 'Phones, no group'],
      ['Power', 'Hands power to the team', 'Holds on to the power', '70%', '10', '80%', '33%', '100%'],
      ['Focus', 'Puts people first', 'Puts the work first', '40%', '10', '67%', '25%', '–'],
      ['Risk', 'Takes risks', 'Avoids risk', '50%', '10', '100%', '0%', '–'],
      ['Change', 'Challenges', 'Keeps', '–', '0', '–', '–', '–'],
    ]);
  });

  it('RoomRadar: fewer than three dimensions with votes lists them instead of drawing a shape', () => {
    const room = { ...profile.room, dimensions: profile.room.dimensions.slice(0, 2) };
    const { container } = render(<RoomRadar room={room} animate={false} />);
    expect(container.querySelector('.recharts-surface')).toBeNull();
    expect(screen.getByText(/needs revealed votes on at least 3 dimensions/)).toBeTruthy();
    expect(screen.getByText('Power: 70% leader-like (10 votes)')).toBeTruthy();
  });

  it('GroupLeanChart: diverging bars with the lean in words', () => {
    const { container } = render(<GroupLeanChart groups={profile.groups} animate={false} />);
    expect(container.querySelector('.recharts-surface')).not.toBeNull();
    const svgText = container.querySelector('svg')!.textContent ?? '';
    // Red L11 M2: 9/13; Blue L2 M9: -7/11; phones L2: +1
    expect(svgText).toContain('69% toward leader');
    expect(svgText).toContain('64% toward manager');
    expect(svgText).toContain('100% toward leader');
    expect(container.querySelector('.recharts-reference-line')).not.toBeNull();
    expect(tableRows(figureOf(screen.getByRole('img')))).toEqual([
      ['Group', 'Leader-like votes', 'Manager-like votes', 'Neutral votes', 'Lean'],
      ['Red', '11', '2', '0', '69% toward leader'],
      ['Blue', '2', '9', '1', '64% toward manager'],
      ['Phones, no group', '2', '0', '0', '100% toward leader'],
    ]);
  });

  it('LeaderAnswerChart: the share of each group’s votes on the leader-tagged answer', () => {
    const { container } = render(<LeaderAnswerChart groups={profile.groups} animate={false} />);
    expect(container.querySelector('.recharts-surface')).not.toBeNull();
    expect(container.querySelector('svg')!.textContent).toContain('85% · 11 of 13');
    expect(tableRows(figureOf(screen.getByRole('img')))).toEqual([
      ['Group', 'Leader-like votes', 'All votes', 'Share'],
      ['Red', '11', '13', '85%'],
      ['Blue', '2', '12', '17%'],
      ['Phones, no group', '2', '2', '100%'],
    ]);
  });

  it('ConsensusChart: most divided first, with the majority share and entropy in the table', () => {
    const { container } = render(<ConsensusChart ranked={profile.consensus} animate={false} />);
    expect(container.querySelector('.recharts-surface')).not.toBeNull();
    expect(container.querySelector('svg')!.textContent).toContain('40% chose A / B · divided');
    expect(tableRows(figureOf(screen.getByRole('img')))).toEqual([
      ['Rank', 'Scenario', 'Votes', 'Most chosen', 'Majority share', 'Spread (entropy 0–1)', 'Divided?'],
      ['1', 'Scenario 2 · Focus', '10', 'A / B', '40%', '0.96', 'Divided'],
      ['2', 'Scenario 3 · Risk', '10', 'A / B', '50%', '1.00', 'Divided'],
      ['3', 'Scenario 1 · Power', '10', 'B', '70%', '0.88', 'Agreed'],
    ]);
  });
});
