/** A small workshop for the editor's tests: one slide of every kind. */
import type { Workshop, WorkshopContent } from '../../../shared/model';

export function sampleContent(): WorkshopContent {
  return {
    title: 'Test workshop',
    description: 'For tests',
    dimensions: [{ id: 'power', name: 'Power', leader: 'Shares power', manager: 'Holds power' }],
    slides: [
      { id: 's-title', kind: 'title', section: 'Opening', minutes: 2, notes: '', title: 'Welcome', subtitle: 'Hello' },
      { id: 's-bullets', kind: 'bullets', section: '', minutes: 3, notes: '', title: 'The idea', bullets: ['One', 'Two'] },
      {
        id: 's-compare',
        kind: 'comparison',
        section: '',
        minutes: 5,
        notes: '',
        title: 'Contrasts',
        left: { heading: 'Leader', items: ['Shares'] },
        right: { heading: 'Manager', items: ['Holds'] },
      },
      {
        id: 's-scenario',
        kind: 'scenario',
        section: 'Scenarios',
        minutes: 3,
        notes: 'Read it aloud',
        title: '',
        question: {
          id: 'q-1',
          type: 'choice',
          kind: 'classify',
          prompt: 'A lead hands approvals to the team.',
          dimension: 'power',
          options: [
            { id: 'a', label: 'Leader', style: 'leader' },
            { id: 'b', label: 'Manager', style: 'manager' },
          ],
          debrief: 'Talk about trust.',
        },
      },
      { id: 's-quote', kind: 'quote', section: '', minutes: 1, notes: '', quote: 'Lead by example.', attribution: 'Someone' },
      { id: 's-discuss', kind: 'discussion', section: '', minutes: 5, notes: '', prompt: 'What would you change?', seconds: 300 },
      { id: 's-results', kind: 'results', section: '', minutes: 5, notes: '', title: '' },
    ],
  };
}

export function sampleWorkshop(builtIn = false): Workshop {
  return { id: 'w-test', builtIn, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', content: sampleContent() };
}
