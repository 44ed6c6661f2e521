/**
 * The workshop library: the built-in workshop (read-only, shipped as a workshop
 * file in resources/workshops) and the facilitator's own (in the store).
 */
import type { ApiHandlers } from '../../shared/contract';
import { ApiError } from '../../shared/errors';
import type { Workshop, WorkshopContent, WorkshopSummary } from '../../shared/model';
import { encodeWorkshopFile, picturesOf, readWorkshopFile, workshopFileName, type EmbeddedPicture } from '../../shared/workshopFile';
import { checkPicture, sha256Hex, type AssetStore } from '../assets/assetStore';
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
  | 'assets.add'
>;

export interface WorkshopService {
  handlers: WorkshopHandlers;
  /** A workshop by id, built-in or the facilitator's; throws not_found. */
  find(id: string): Workshop;
}

/** The workshop commands over the store. */
export function createWorkshopService(store: StorePort, deps: CoreDeps, events: EventBus, assets: AssetStore): WorkshopService {
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
  /**
   * Every picture the content shows must be in the data folder, as the type it
   * says: a workshop never names bytes nobody can show (the editor adds them first
   * with assets.add).
   */
  const checkPicturesKept = async (content: WorkshopContent): Promise<void> => {
    for (const [index, slide] of content.slides.entries()) {
      if (!slide.picture) continue;
      const kept = await assets.typeOf(slide.picture.asset);
      if (kept !== slide.picture.mediaType) {
        throw new ApiError(
          'invalid_input',
          kept === null
            ? `Slide ${index + 1}: its picture is not in the data folder. Choose the picture again.`
            : `Slide ${index + 1}: its picture is ${kept}, not ${slide.picture.mediaType}.`,
          `content.slides[${index}].picture`,
        );
      }
    }
  };
  /**
   * The pictures of an imported file, checked and kept: each one's bytes must hash
   * to the name the file gives it (a file edited by hand or damaged says so), and
   * be the type it claims. Kept before the workshop is added: a refused file adds
   * no workshop, and pictures already kept are harmless (nothing names them).
   */
  const keepFilePictures = async (pictures: ReadonlyMap<string, EmbeddedPicture>): Promise<void> => {
    const checked: Buffer[] = [];
    for (const [asset, picture] of pictures) {
      const bytes = Buffer.from(picture.data, 'base64');
      const short = `${asset.slice(0, 12)}…`;
      if (sha256Hex(bytes) !== asset) {
        throw new ApiError('invalid_input', `The picture ${short} in this file does not match its hash: the file was changed or damaged. Export it again from the Plenary it came from.`, `pictures.${asset}`);
      }
      let mediaType;
      try {
        mediaType = checkPicture(bytes);
      } catch (error) {
        if (error instanceof ApiError) throw new ApiError(error.code, `The picture ${short} in this file: ${error.message}`, `pictures.${asset}`);
        throw error;
      }
      if (mediaType !== picture.mediaType) {
        throw new ApiError('invalid_input', `The picture ${short} in this file is said to be ${picture.mediaType}, but its bytes are ${mediaType}.`, `pictures.${asset}.mediaType`);
      }
      checked.push(bytes);
    }
    for (const bytes of checked) await assets.add(bytes);
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
    'workshops.update': async ({ workshopId, content }) => {
      findEditable(workshopId);
      await checkPicturesKept(content);
      return change(workshopId, (workshop) => {
        workshop.content = content;
      });
    },
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
      await checkPicturesKept(content);
      return add(content, createdAt, workshopId);
    },
    'workshops.import': async ({ text }) => {
      // The content comes back as exported; only the title gets a number when the
      // library has one like it already ("Leader or Manager? (2)"), so two cards never look the same.
      const { content, pictures } = readWorkshopFile(text);
      await keepFilePictures(pictures);
      return add({ ...content, title: uniqueTitle(content.title) });
    },
    'workshops.export': async ({ workshopId }) => {
      const workshop = find(workshopId);
      // The pictures' bytes exactly as kept: an exported file imports back to the same hashes.
      const pictures = new Map<string, EmbeddedPicture>();
      for (const { asset } of picturesOf(workshop.content)) {
        const kept = await assets.read(asset);
        if (!kept) throw new ApiError('not_found', `A picture of this workshop (${asset.slice(0, 12)}…) is missing or damaged in the data folder: choose it again in the editor, then export.`);
        pictures.set(asset, { mediaType: kept.mediaType, data: kept.bytes.toString('base64') });
      }
      return { filename: workshopFileName(workshop.content.title), text: encodeWorkshopFile(workshop.content, pictures) };
    },
    'assets.add': async ({ dataBase64 }) => {
      const bytes = Buffer.from(dataBase64, 'base64');
      return assets.add(bytes);
    },
  };
  return { handlers, find };
}
