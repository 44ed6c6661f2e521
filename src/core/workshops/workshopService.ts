/**
 * The workshop library: the built-in workshop (read-only, shipped as a workshop
 * file in resources/workshops) and the facilitator's own (in the store).
 */
import type { ApiHandlers } from '../../shared/contract';
import { ApiError } from '../../shared/errors';
import type { Workshop, WorkshopContent, WorkshopSummary } from '../../shared/model';
import { decodeWorkshopFile, encodeWorkshopFile, workshopFileName } from '../../shared/workshopFile';
import type { CoreDeps } from '../deps';
import type { EventBus } from '../events';
import type { StorePort } from '../store/store';
import { LEADER_OR_MANAGER_ID, leaderOrManagerWorkshop } from './leaderOrManager';

/** The built-in workshops; their dates are the release's, not the machine's. */
export const builtInWorkshops: readonly Workshop[] = [
  {
    id: LEADER_OR_MANAGER_ID,
    builtIn: true,
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
    content: leaderOrManagerWorkshop,
  },
];

/** The card the library shows for a workshop. */
export function summarizeWorkshop(workshop: Workshop): WorkshopSummary {
  const { content } = workshop;
  return {
    id: workshop.id,
    title: content.title,
    builtIn: workshop.builtIn,
    description: content.description,
    slideCount: content.slides.length,
    scenarioCount: content.slides.filter((slide) => slide.kind === 'scenario').length,
    minutes: content.slides.reduce((sum, slide) => sum + slide.minutes, 0),
    updatedAt: workshop.updatedAt,
  };
}

/** A workshop with one title slide, ready for the editor. */
function starterContent(title: string): WorkshopContent {
  return {
    title,
    description: '',
    dimensions: [],
    slides: [{ id: 'opening', kind: 'title', title, subtitle: '', section: 'Opening', minutes: 5, notes: '' }],
  };
}

type WorkshopHandlers = Pick<
  ApiHandlers,
  | 'workshops.list'
  | 'workshops.get'
  | 'workshops.create'
  | 'workshops.duplicate'
  | 'workshops.update'
  | 'workshops.rename'
  | 'workshops.delete'
  | 'workshops.restore'
  | 'workshops.import'
  | 'workshops.export'
>;

export interface WorkshopService {
  handlers: WorkshopHandlers;
  /** A workshop by id, built-in or the facilitator's; throws not_found. */
  find(id: string): Workshop;
}

/** The workshop commands over the store. */
export function createWorkshopService(store: StorePort, deps: CoreDeps, events: EventBus): WorkshopService {
  const find = (id: string): Workshop => {
    const workshop = builtInWorkshops.find((w) => w.id === id) ?? store.workshops().find((w) => w.id === id);
    if (!workshop) throw new ApiError('not_found', `There is no workshop ${id}.`);
    return workshop;
  };
  const findEditable = (id: string): Workshop => {
    const workshop = find(id);
    if (workshop.builtIn) throw new ApiError('conflict', 'The built-in workshop is read-only: duplicate it to make your own version.');
    return workshop;
  };
  const add = async (content: WorkshopContent, createdAt?: string, id?: string): Promise<Workshop> => {
    const stamp = deps.now().toISOString();
    const workshop: Workshop = { id: id ?? deps.newId('w'), builtIn: false, createdAt: createdAt ?? stamp, updatedAt: stamp, content };
    await store.updateLibrary((library) => {
      library.workshops.push(workshop);
    });
    events.emit('workshops.changed', { workshopId: workshop.id });
    return workshop;
  };
  const change = async (id: string, apply: (workshop: Workshop) => void): Promise<Workshop> => {
    const workshop = findEditable(id);
    await store.updateLibrary(() => {
      apply(workshop);
      workshop.updatedAt = deps.now().toISOString();
    });
    events.emit('workshops.changed', { workshopId: id });
    return workshop;
  };
  const uniqueTitle = (base: string): string => {
    const titles = new Set([...builtInWorkshops, ...store.workshops()].map((w) => w.content.title));
    if (!titles.has(base)) return base;
    for (let n = 2; ; n++) if (!titles.has(`${base} (${n})`)) return `${base} (${n})`;
  };

  const handlers: WorkshopHandlers = {
    'workshops.list': async () => [...builtInWorkshops, ...store.workshops()].map(summarizeWorkshop),
    'workshops.get': async ({ workshopId }) => find(workshopId),
    'workshops.create': async ({ title }) => add(starterContent(title)),
    'workshops.duplicate': async ({ workshopId }) => {
      const original = find(workshopId);
      const content = structuredClone(original.content);
      content.title = uniqueTitle(`${original.content.title} (copy)`);
      return add(content);
    },
    'workshops.update': async ({ workshopId, content }) =>
      change(workshopId, (workshop) => {
        workshop.content = content;
      }),
    'workshops.rename': async ({ workshopId, title }) =>
      change(workshopId, (workshop) => {
        workshop.content.title = title;
      }),
    'workshops.delete': async ({ workshopId }) => {
      const workshop = findEditable(workshopId);
      await store.updateLibrary((library) => {
        library.workshops = library.workshops.filter((w) => w.id !== workshopId);
      });
      events.emit('workshops.changed', { workshopId });
      return workshop;
    },
    'workshops.restore': async ({ workshopId, content, createdAt }) => {
      if (builtInWorkshops.some((w) => w.id === workshopId) || store.workshops().some((w) => w.id === workshopId)) {
        throw new ApiError('conflict', 'That workshop is in the library already.');
      }
      return add(content, createdAt, workshopId);
    },
    'workshops.import': async ({ text }) => {
      // The content comes back as exported; only the title gets a number when the
      // library has one like it already ("Leader or Manager? (2)"), so two cards never look the same.
      const content = decodeWorkshopFile(text);
      return add({ ...content, title: uniqueTitle(content.title) });
    },
    'workshops.export': async ({ workshopId }) => {
      const workshop = find(workshopId);
      return { filename: workshopFileName(workshop.content.title), text: encodeWorkshopFile(workshop.content) };
    },
  };
  return { handlers, find };
}
