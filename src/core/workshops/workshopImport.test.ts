import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/errors';
import { WORKSHOP_FILE_MAX_BYTES, WORKSHOP_FILE_MAX_MB } from '../../shared/limits';
import type { WorkshopSummary } from '../../shared/model';
import { openCore, type Core } from '../createCore';
import { fixedDeps } from '../deps';
import { LEADER_OR_MANAGER_ID, leaderOrManagerFileText, leaderOrManagerWorkshop } from './leaderOrManager';

type Json = Record<string, unknown>;

let dir: string;
let core: Core;

async function refusal(text: string): Promise<ApiError> {
  try {
    await core.call('workshops.import', { text });
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('the import was accepted');
}

async function exportedBuiltIn(): Promise<string> {
  return (await core.call('workshops.export', { workshopId: LEADER_OR_MANAGER_ID })).text;
}

function firstScenarioIndex(file: { workshop: { slides: { kind: string }[] } }): number {
  return file.workshop.slides.findIndex((slide) => slide.kind === 'scenario');
}

describe('importing a workshop file', () => {
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'plenary-import-'));
    core = await openCore(dir, fixedDeps());
  });
  afterEach(async () => {
    await core.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('round-trips: export then import gives the same content, numbered "(2)" beside the original', async () => {
    const { filename, text } = await core.call('workshops.export', { workshopId: LEADER_OR_MANAGER_ID });
    expect(filename).toBe('leader-or-manager.plenary.json');
    const imported = await core.call('workshops.import', { text, fileName: filename });
    expect(imported.builtIn).toBe(false);
    expect(imported.content).toEqual({ ...leaderOrManagerWorkshop, title: 'Leader or Manager? (2)' });
    // The same JSON again, but for the title (keys may come in the schema's order rather than the source's).
    const again = (await core.call('workshops.export', { workshopId: imported.id })).text;
    expect(JSON.parse(again)).toEqual({ ...JSON.parse(text), workshop: { ...JSON.parse(text).workshop, title: 'Leader or Manager? (2)' } });
    await core.call('workshops.import', { text });
    expect((await core.call('workshops.list', {})).map((w) => [w.title, w.builtIn])).toEqual([
      ['Leader or Manager?', true],
      ['Leader or Manager? (2)', false],
      ['Leader or Manager? (3)', false],
    ]);
  });

  it('reads the shipped workshop file through the import path, unchanged', async () => {
    // The file in resources/ is what `workshops.export` writes for the built-in workshop, byte for byte.
    expect(await exportedBuiltIn()).toBe(leaderOrManagerFileText);
    const imported = await core.call('workshops.import', { text: leaderOrManagerFileText, fileName: 'leader-or-manager.plenary.json' });
    expect(imported.content).toEqual({ ...leaderOrManagerWorkshop, title: 'Leader or Manager? (2)' });
  });

  it('round-trips an edited workshop too', async () => {
    const created = await core.call('workshops.create', { title: 'Café à Zürich: “quotes” & emoji 🎉' });
    const content = structuredClone(created.content);
    content.dimensions.push({ id: 'focus', name: 'Focus', leader: 'People first', manager: 'Work first' });
    content.slides.push({
      id: 's-vote',
      kind: 'scenario',
      section: 'Votes',
      minutes: 2,
      notes: 'Line one\nLine two',
      title: 'A vote',
      question: {
        id: 'q1',
        type: 'choice',
        kind: 'choose',
        prompt: 'Which?',
        dimension: 'focus',
        options: [
          { id: 'x', label: 'This one', style: 'leader' },
          { id: 'y', label: '=1+1', style: 'manager' },
        ],
        debrief: '',
      },
    });
    await core.call('workshops.update', { workshopId: created.id, content });
    const { text, filename } = await core.call('workshops.export', { workshopId: created.id });
    expect(filename).toBe('cafe-a-zurich-quotes-emoji.plenary.json');
    const imported = await core.call('workshops.import', { text });
    expect(imported.content).toEqual({ ...content, title: `${content.title} (2)` });
  });

  it('refuses what is not JSON, and changes nothing', async () => {
    const before = await core.call('workshops.list', {});
    const error = await refusal('<html>not a workshop</html>');
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(/^This file is not JSON/);
    expect(await core.call('workshops.list', {})).toEqual(before);
  });

  it(`refuses a file over ${WORKSHOP_FILE_MAX_MB} MB before reading it`, async () => {
    const file = JSON.parse(await exportedBuiltIn()) as { workshop: Json };
    file.workshop.description = 'x'.repeat(WORKSHOP_FILE_MAX_BYTES);
    const error = await refusal(JSON.stringify(file));
    expect(error.code).toBe('too_large');
    expect(error.message).toMatch(new RegExp(`at most ${WORKSHOP_FILE_MAX_MB} MB`));
    expect(await core.call('workshops.list', {})).toHaveLength(1);
  });

  it('refuses another format or an unknown version, naming it', async () => {
    const file = JSON.parse(await exportedBuiltIn()) as Json;
    const newer = await refusal(JSON.stringify({ ...file, version: 3 }));
    expect(newer).toMatchObject({ code: 'invalid_input', path: 'version' });
    expect(newer.message).toMatch(/format version 3; this Plenary reads versions 1 to 2/);
    const other = await refusal(JSON.stringify({ ...file, format: 'something.else' }));
    expect(other).toMatchObject({ code: 'invalid_input', path: 'format' });
    expect((await refusal('[]')).message).toMatch(/no JSON object/);
    expect(await core.call('workshops.list', {})).toHaveLength(1);
  });

  it('refuses a question with one option, naming the place in words and the rule', async () => {
    const file = JSON.parse(await exportedBuiltIn()) as { workshop: { slides: { kind: string; question?: { options: unknown[] } }[] } };
    const n = firstScenarioIndex(file);
    file.workshop.slides[n]!.question!.options.splice(1);
    const error = await refusal(JSON.stringify(file));
    expect(error.code).toBe('invalid_input');
    // The path is for scripts; the message is for the person who wrote the file.
    expect(error.path).toBe(`workshop.slides[${n}].question.options`);
    expect(error.message).toBe('Scenario 1: needs at least 2 options.');
    expect(await core.call('workshops.list', {})).toHaveLength(1);
  });

  it('refuses repeated slide ids', async () => {
    const file = JSON.parse(await exportedBuiltIn()) as { workshop: { slides: { id: string }[] } };
    file.workshop.slides[3]!.id = file.workshop.slides[2]!.id;
    const error = await refusal(JSON.stringify(file));
    expect(error.path).toBe('workshop.slides[3].id');
    expect(error.message).toBe(`Slide 4: repeats the slide id "${file.workshop.slides[2]!.id}".`);
  });

  it('refuses a repeated dimension id, and says which', async () => {
    const file = JSON.parse(await exportedBuiltIn()) as { workshop: { dimensions: { id: string }[] } };
    file.workshop.dimensions.push({ ...file.workshop.dimensions[0]! });
    const error = await refusal(JSON.stringify(file));
    expect(error).toMatchObject({ code: 'invalid_input', path: 'workshop.dimensions[12].id' });
    expect(error.message).toBe('Dimension 13: repeats the dimension id "power".');
    expect(await core.call('workshops.list', {})).toHaveLength(1);
  });

  it('refuses a scenario naming a dimension the workshop does not have', async () => {
    const file = JSON.parse(await exportedBuiltIn()) as { workshop: { slides: { kind: string; question?: { dimension: string } }[] } };
    const scenarios = file.workshop.slides.flatMap((slide, index) => (slide.kind === 'scenario' ? [index] : []));
    file.workshop.slides[scenarios[2]!]!.question!.dimension = 'charisma';
    const error = await refusal(JSON.stringify(file));
    expect(error).toMatchObject({ code: 'invalid_input', path: `workshop.slides[${scenarios[2]}].question.dimension` });
    expect(error.message).toMatch(/^Scenario 3: names the dimension "charisma", which is not one of the workshop's dimensions \(power, guidance, /);
    expect(await core.call('workshops.list', {})).toHaveLength(1);
  });

  it('says what is wrong in plain words, not schema paths', async () => {
    const valid = await exportedBuiltIn();
    type File = { workshop: Json & { slides: (Json & { question?: Json & { options: Json[] } })[]; dimensions: Json[] } };
    const broken = async (edit: (file: File, scenarios: number[]) => void): Promise<string> => {
      const file = JSON.parse(valid) as File;
      edit(file, file.workshop.slides.flatMap((slide, index) => (slide.kind === 'scenario' ? [index] : [])));
      return (await refusal(JSON.stringify(file))).message;
    };
    expect(await broken((f, s) => void (f.workshop.slides[s[2]!]!.question!.options[0]!.style = 'boss'))).toBe(
      'Scenario 3, option A: its lean must be leader, manager or neutral.',
    );
    expect(await broken((f, s) => void (f.workshop.slides[s[0]!]!.question!.options[1]!.label = ''))).toBe(
      'Scenario 1, option B: an option label cannot be empty.',
    );
    expect(await broken((f) => void delete f.workshop.title)).toBe('The workshop: its title is missing.');
    expect(await broken((f) => void (f.workshop.slides[0]!.kind = 'video'))).toBe(
      'Slide 1: its kind must be title, bullets, comparison, quote, scenario, discussion, results, open, rating, commitments or selfCheck.',
    );
    expect(await broken((f) => void (f.workshop.slides[1]!.minutes = 'five'))).toBe('Slide 2: its minutes must be a number.');
    expect(await broken((f) => void (f.workshop.slides[1]!.minutes = 999))).toBe('Slide 2: its minutes must be at most 240.');
    expect(await broken((f, s) => void (f.workshop.slides[s[0]!]!.question!.kind = 'poll'))).toBe('Scenario 1: its kind must be classify or choose.');
    expect(await broken((f) => void (f.workshop.dimensions[1]!.leader = 7))).toMatch(/^Dimension 2: its leader side must be text/);
    const bullets = JSON.parse(valid).workshop.slides.findIndex((slide: Json) => slide.kind === 'bullets') as number;
    expect(await broken((f) => void ((f.workshop.slides[bullets]!.bullets as unknown[])[1] = 3))).toBe(`Slide ${bullets + 1}, bullet 2: it must be text.`);
  });
});

describe('importing 1000 damaged workshop files', () => {
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'plenary-import-fc-'));
    core = await openCore(dir, fixedDeps());
  });
  afterAll(async () => {
    await core.close();
    await rm(dir, { recursive: true, force: true });
  });

  /**
   * Each mutation breaks a rule of the format for sure: a required field gone, a
   * wrong type, too few options, a repeated id, a bad envelope, or random JSON.
   */
  type Mutation = (file: Json, slideIndex: number, scenarioIndex: number, junk: unknown) => unknown;
  const workshopOf = (file: Json) => file.workshop as Json;
  const slidesOf = (file: Json) => workshopOf(file).slides as Json[];
  const questionOf = (file: Json, scenario: number) => slidesOf(file)[scenario]!.question as Json;
  const notA = (kind: 'string' | 'number' | 'array' | 'object', junk: unknown) => {
    const fallback = { string: 42, number: 'seven', array: { not: 'a list' }, object: 'a string' }[kind];
    if (junk === null) return null;
    if (kind === 'string' && typeof junk !== 'string') return junk;
    if (kind === 'number' && typeof junk !== 'number') return junk;
    if (kind === 'array' && !Array.isArray(junk)) return junk;
    if (kind === 'object' && (typeof junk !== 'object' || Array.isArray(junk))) return junk;
    return fallback;
  };
  const mutations: Record<string, Mutation> = {
    dropWorkshop: (file) => ({ ...file, workshop: undefined }),
    dropTitle: (file) => void delete workshopOf(file).title,
    blankTitle: (file) => void (workshopOf(file).title = '   '),
    dropSlides: (file) => void delete workshopOf(file).slides,
    slidesWrongType: (file, _s, _q, junk) => void (workshopOf(file).slides = notA('array', junk)),
    titleWrongType: (file, _s, _q, junk) => void (workshopOf(file).title = notA('string', junk)),
    dropSlideId: (file, s) => void delete slidesOf(file)[s]!.id,
    dropSlideKind: (file, s) => void delete slidesOf(file)[s]!.kind,
    unknownKind: (file, s) => void (slidesOf(file)[s]!.kind = 'video'),
    badSlideId: (file, s) => void (slidesOf(file)[s]!.id = 'has spaces/and slashes'),
    minutesWrongType: (file, s, _q, junk) => void (slidesOf(file)[s]!.minutes = notA('number', junk)),
    negativeMinutes: (file, s) => void (slidesOf(file)[s]!.minutes = -1),
    repeatSlideId: (file, s) => {
      const slides = slidesOf(file);
      const other = (s + 1) % slides.length;
      slides[other]!.id = slides[s]!.id;
    },
    dropQuestion: (file, _s, q) => void delete slidesOf(file)[q]!.question,
    dropPrompt: (file, _s, q) => void delete questionOf(file, q).prompt,
    dropOptions: (file, _s, q) => void delete questionOf(file, q).options,
    oneOption: (file, _s, q) => void (questionOf(file, q).options = (questionOf(file, q).options as unknown[]).slice(0, 1)),
    noOptions: (file, _s, q) => void (questionOf(file, q).options = []),
    sevenOptions: (file, _s, q) =>
      void (questionOf(file, q).options = Array.from({ length: 7 }, (_, i) => ({ id: `o${i}`, label: `Option ${i}`, style: 'neutral' }))),
    repeatOptionId: (file, _s, q) => {
      const options = questionOf(file, q).options as Json[];
      options[1]!.id = options[0]!.id;
    },
    optionLabelWrongType: (file, _s, q, junk) => void ((questionOf(file, q).options as Json[])[0]!.label = notA('string', junk)),
    unknownStyle: (file, _s, q) => void ((questionOf(file, q).options as Json[])[0]!.style = 'boss'),
    optionsWrongType: (file, _s, q, junk) => void (questionOf(file, q).options = notA('array', junk)),
    questionWrongType: (file, _s, q, junk) => void (slidesOf(file)[q]!.question = notA('object', junk)),
    unknownQuestionKind: (file, _s, q) => void (questionOf(file, q).kind = 'poll'),
    badVersion: (file, _s, _q, junk) => ({ ...file, version: junk === 1 ? 2 : junk }),
    badFormat: (file, _s, _q, junk) => ({ ...file, format: junk === 'plenary.workshop' ? 'x' : junk }),
    randomJson: (_file, _s, _q, junk) => junk,
  };
  const names = Object.keys(mutations);
  // String() throws on an object whose own toString is not a function ({"toString": ""}, which fast-check found).
  const rawText = (value: unknown): string => {
    try {
      return String(value);
    } catch {
      return JSON.stringify(value);
    }
  };

  it('refuses every one with an ApiError and a message, and the library stays as it was', async () => {
    const valid = await exportedBuiltIn();
    const parsed = JSON.parse(valid) as Json;
    const slideCount = slidesOf(parsed).length;
    const scenarioIndexes = slidesOf(parsed).flatMap((slide, i) => (slide.kind === 'scenario' ? [i] : []));
    const before: WorkshopSummary[] = await core.call('workshops.list', {});
    let refused = 0;

    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...names),
        fc.nat({ max: slideCount - 1 }),
        fc.constantFrom(...scenarioIndexes),
        fc.jsonValue(),
        fc.boolean(),
        async (name, slideIndex, scenarioIndex, junk, asText) => {
          const file = JSON.parse(valid) as Json;
          const result = mutations[name]!(file, slideIndex, scenarioIndex, junk);
          const value = result === undefined ? file : result;
          // Random JSON is sometimes sent as raw text that may not even be JSON.
          const text = name === 'randomJson' && asText ? rawText(junk) : JSON.stringify(value);
          let error: unknown = null;
          try {
            await core.call('workshops.import', { text: text ?? 'undefined' });
          } catch (caught) {
            error = caught;
          }
          expect(error, `${name} was accepted`).toBeInstanceOf(ApiError);
          expect((error as ApiError).message.trim().length).toBeGreaterThan(0);
          expect(['invalid_input', 'too_large']).toContain((error as ApiError).code);
          refused += 1;
        },
      ),
      // The example is a case fast-check once found: random JSON whose toString is not a function.
      { numRuns: 1000, examples: [['randomJson', 0, scenarioIndexes[0]!, { toString: '' }, true]] },
    );

    expect(refused).toBeGreaterThanOrEqual(1000);
    expect(await core.call('workshops.list', {})).toEqual(before);
  });
});
