/**
 * The domain model: workshops, their slides and questions, and sessions.
 * Every type here is inferred from a zod schema, so the files we read (the store,
 * imported `.plenary.json` workshops) and the values we send are checked by one
 * definition. No Node, DOM, Electron or React here.
 */
import { z } from 'zod';
import { PHONE_LIMIT_MAX } from './phoneLimits';
import { emptyRecord } from './records';
import type { QuestionProgress, WordCount } from './summary';
import type { RoundTally } from './rounds';
import { idSchema } from './idSchema';
import { importedPulseSchema } from './followUp';

export { idSchema };
// The plain rules live apart from the schemas, so the first bundle's views get them without zod.
export * from './slideRules';
import {
  OPEN_ANSWER_MAX,
  PICTURE_ALT_MAX,
  pictureMediaTypes,
  SCALE_POINTS_MAX,
  SCALE_POINTS_MIN,
  SELF_CHECK_STATEMENTS_MAX,
  SELF_CHECK_THEN_PROMPT,
  selfCheckItemId,
  selfCheckItemIdsOf,
} from './slideRules';

const text = (max: number, what: string) =>
  z.string().trim().min(1, `${what} cannot be empty`).max(max, `${what} is at most ${max} characters`);
const optionalText = (max: number) => z.string().max(max, `at most ${max} characters`);

/** How an option leans: the workshop's own classification of a behaviour. */
export const styleSchema = z.enum(['leader', 'manager', 'neutral']);
export type Style = z.infer<typeof styleSchema>;

export const optionSchema = z.object({
  id: idSchema,
  label: text(300, 'an option label'),
  style: styleSchema,
});
export type Option = z.infer<typeof optionSchema>;

/**
 * A question the room votes on. `classify`: "Leader or Manager?" about a behaviour;
 * `choose`: "What would you do?" with two or three responses.
 */
export const questionSchema = z
  .object({
    id: idSchema,
    /** PROTOCOL.md "Question types on phones": a scenario's question is always a choice. */
    type: z.literal('choice').default('choice'),
    kind: z.enum(['classify', 'choose']),
    prompt: text(1000, 'a prompt'),
    /** The contrast this scenario probes, e.g. `power`; a key of the workshop's dimensions. */
    dimension: idSchema,
    options: z
      .array(optionSchema)
      .min(2, 'needs at least 2 options')
      .max(6, 'has at most 6 options'),
    /** One paragraph for the facilitator: the contrast explained, and a question back to the room. */
    debrief: optionalText(4000).default(''),
  })
  .superRefine((question, ctx) => {
    const seen = new Set<string>();
    question.options.forEach((option, index) => {
      if (seen.has(option.id)) {
        ctx.addIssue({ code: 'custom', path: ['options', index, 'id'], message: `repeats the option id "${option.id}"` });
      }
      seen.add(option.id);
    });
  });
export type Question = z.infer<typeof questionSchema>;

// ---- Beyond multiple choice (issue 19): open answers and rating scales ----


/** An open question: "One word for the best boss you ever had". Answers are short texts, shown as a word cloud once revealed. */
export const textQuestionSchema = z.object({
  id: idSchema,
  type: z.literal('text'),
  prompt: text(1000, 'a prompt'),
  /** Optional: the contrast the answers speak to (the learning loop ties commitments to one). */
  dimension: idSchema.optional(),
  debrief: optionalText(4000).default(''),
});
export type TextQuestion = z.infer<typeof textQuestionSchema>;

/** A rating: a statement rated from `min` to `max` (1 to 5 by default), labelled at both ends. */
export const scaleQuestionSchema = z
  .object({
    id: idSchema,
    type: z.literal('scale'),
    prompt: text(1000, 'a statement'),
    min: z.number().int().min(0).max(10).default(1),
    max: z.number().int().min(1).max(11).default(5),
    minLabel: optionalText(60).default(''),
    maxLabel: optionalText(60).default(''),
    dimension: idSchema.optional(),
    debrief: optionalText(4000).default(''),
  })
  .superRefine((question, ctx) => {
    const points = question.max - question.min + 1;
    if (points < SCALE_POINTS_MIN || points > SCALE_POINTS_MAX) {
      ctx.addIssue({ code: 'custom', path: ['max'], message: `a scale has ${SCALE_POINTS_MIN} to ${SCALE_POINTS_MAX} points (from ${question.min} to ${question.max} is ${Math.max(points, 0)})` });
    }
  });
export type ScaleQuestion = z.infer<typeof scaleQuestionSchema>;

/** Any question a session asks: a choice (scenario), an open answer or a rating. */
export type AskedQuestion = Question | TextQuestion | ScaleQuestion;
export type QuestionType = AskedQuestion['type'];


// ---- Pictures on slides (issue 19) ----

/** The kinds of picture a slide may carry; the asset store tells them by their bytes, never by a file name. */
export const pictureMediaTypeSchema = z.enum(pictureMediaTypes);
export type PictureMediaType = z.infer<typeof pictureMediaTypeSchema>;
/** A picture's name in the data folder: the SHA-256 of its bytes, 64 lowercase hex digits. */
export const assetHashSchema = z.string().regex(/^[0-9a-f]{64}$/, 'a picture is named by its SHA-256 (64 hex digits)');

/**
 * A picture on a slide: a reference to bytes kept once in the data folder
 * (`assets/<sha256>.<ext>`), never the bytes themselves, so a workshop or a
 * session that shows it stays small. `alt` says what it shows, for screen readers
 * and for anyone who cannot see the screen: required.
 */
export const pictureSchema = z.object({
  asset: assetHashSchema,
  alt: z
    .string()
    .trim()
    .min(1, 'a picture needs alt text: say in a few words what it shows')
    .max(PICTURE_ALT_MAX, `a picture's alt text is at most ${PICTURE_ALT_MAX} characters`),
  mediaType: pictureMediaTypeSchema,
});
export type Picture = z.infer<typeof pictureSchema>;

/** Fields every slide has. `minutes` is the suggested time; `section` groups slides for the clock. */
const slideBase = {
  id: idSchema,
  section: optionalText(120).default(''),
  minutes: z.number().min(0).max(240).default(0),
  notes: optionalText(8000).default(''),
  /** A picture shown beside the slide's text (optional). */
  picture: pictureSchema.optional(),
};

export const titleSlideSchema = z.object({
  ...slideBase,
  kind: z.literal('title'),
  title: text(200, 'a title'),
  subtitle: optionalText(400).default(''),
});
export const bulletsSlideSchema = z.object({
  ...slideBase,
  kind: z.literal('bullets'),
  title: text(200, 'a title'),
  bullets: z.array(text(400, 'a bullet')).max(12, 'has at most 12 bullets'),
});
export const comparisonSlideSchema = z.object({
  ...slideBase,
  kind: z.literal('comparison'),
  title: text(200, 'a title'),
  left: z.object({ heading: text(100, 'a heading'), items: z.array(text(300, 'an item')).max(16) }),
  right: z.object({ heading: text(100, 'a heading'), items: z.array(text(300, 'an item')).max(16) }),
});
export const quoteSlideSchema = z.object({
  ...slideBase,
  kind: z.literal('quote'),
  quote: text(600, 'a quote'),
  attribution: optionalText(200).default(''),
});
export const scenarioSlideSchema = z.object({
  ...slideBase,
  kind: z.literal('scenario'),
  title: optionalText(200).default(''),
  question: questionSchema,
});
export const discussionSlideSchema = z.object({
  ...slideBase,
  kind: z.literal('discussion'),
  prompt: text(1000, 'a prompt'),
  /** Length of the discussion timer; 0 for none. */
  seconds: z.number().int().min(0).max(3600).default(300),
});
/** An open question: phones and groups type short answers; the projector shows a word cloud once revealed. */
export const openSlideSchema = z.object({
  ...slideBase,
  kind: z.literal('open'),
  title: optionalText(200).default(''),
  question: textQuestionSchema,
});
/** A rating: phones and groups rate a statement; the projector shows the distribution and the mean. */
export const ratingSlideSchema = z.object({
  ...slideBase,
  kind: z.literal('rating'),
  title: optionalText(200).default(''),
  question: scaleQuestionSchema,
});
/**
 * Commitments (the learning loop, issue 17): each phone or group writes one to
 * three "I will ..." actions, each tied to one of the workshop's dimensions. The
 * question is an open one (`type: "text"`): every commitment is an open answer
 * whose vote carries its `dimensionId`. The projector, the facilitator and the
 * exports see them by dimension, never by who wrote them.
 */
export const commitmentsSlideSchema = z.object({
  ...slideBase,
  kind: z.literal('commitments'),
  title: optionalText(200).default(''),
  question: textQuestionSchema,
});
/** One statement of a self-check: how the person sees themselves on one of the workshop's dimensions. */
export const selfCheckStatementSchema = z.object({
  /** The dimension it speaks to: a key of the workshop's dimensions, once per self-check. */
  dimension: idSchema,
  statement: text(300, 'a statement'),
});
export type SelfCheckStatement = z.infer<typeof selfCheckStatementSchema>;


/**
 * A self-check (issue 17): each person rates one statement per dimension on a
 * scale, all on one phone screen. `phase` "after" also asks, per statement, the
 * then-rating. Each statement is answered as an ordinary scale answer under its
 * own question id (src/shared/selfCheck.ts `selfCheckItems`), so the vote log,
 * undo, admission and limits treat it like a rating. Only totals ever leave the core.
 */
export const selfCheckQuestionSchema = z
  .object({
    id: idSchema,
    prompt: text(1000, 'a prompt'),
    phase: z.enum(['before', 'after']),
    min: z.number().int().min(0).max(10).default(1),
    max: z.number().int().min(1).max(11).default(5),
    minLabel: optionalText(60).default(''),
    maxLabel: optionalText(60).default(''),
    thenPrompt: optionalText(300).default(SELF_CHECK_THEN_PROMPT),
    statements: z
      .array(selfCheckStatementSchema)
      .min(1, 'needs at least 1 statement')
      .max(SELF_CHECK_STATEMENTS_MAX, `has at most ${SELF_CHECK_STATEMENTS_MAX} statements`),
  })
  .superRefine((question, ctx) => {
    const points = question.max - question.min + 1;
    if (points < SCALE_POINTS_MIN || points > SCALE_POINTS_MAX) {
      ctx.addIssue({ code: 'custom', path: ['max'], message: `a scale has ${SCALE_POINTS_MIN} to ${SCALE_POINTS_MAX} points (from ${question.min} to ${question.max} is ${Math.max(points, 0)})` });
    }
    const seen = new Set<string>();
    question.statements.forEach((statement, index) => {
      if (seen.has(statement.dimension)) {
        ctx.addIssue({ code: 'custom', path: ['statements', index, 'dimension'], message: `repeats the dimension "${statement.dimension}": one statement per dimension` });
      }
      seen.add(statement.dimension);
      // The answer ids are ids too (the vote log keeps them): at most 64 characters.
      const longest = selfCheckItemId(question.id, statement.dimension, question.phase === 'after');
      if (longest.length > 64) {
        ctx.addIssue({ code: 'custom', path: ['statements', index, 'dimension'], message: `makes the answer id "${longest}" longer than 64 characters: shorten the self-check's id or the dimension's` });
      }
    });
  });
export type SelfCheckQuestion = z.infer<typeof selfCheckQuestionSchema>;


export const selfCheckSlideSchema = z.object({
  ...slideBase,
  kind: z.literal('selfCheck'),
  title: optionalText(200).default(''),
  question: selfCheckQuestionSchema,
});
export type SelfCheckSlide = z.infer<typeof selfCheckSlideSchema>;

/** Shows the room's results so far (the results view, on the projector). */
export const resultsSlideSchema = z.object({
  ...slideBase,
  kind: z.literal('results'),
  title: optionalText(200).default(''),
});

export const slideSchema = z.discriminatedUnion('kind', [
  titleSlideSchema,
  bulletsSlideSchema,
  comparisonSlideSchema,
  quoteSlideSchema,
  scenarioSlideSchema,
  discussionSlideSchema,
  resultsSlideSchema,
  openSlideSchema,
  ratingSlideSchema,
  commitmentsSlideSchema,
  selfCheckSlideSchema,
]);
export type Slide = z.infer<typeof slideSchema>;
export type SlideKind = Slide['kind'];
export const slideKinds = slideSchema.options.map((option) => option.shape.kind.value) as SlideKind[];

/** One contrast of the workshop: what the leader-like and the manager-like behaviour look like. */
export const dimensionSchema = z.object({
  id: idSchema,
  name: text(80, 'a dimension name'),
  leader: text(200, 'the leader side'),
  manager: text(200, 'the manager side'),
});
export type Dimension = z.infer<typeof dimensionSchema>;

/**
 * A workshop's content as the library keeps it: every field checked, ids unique.
 * WARNING: the library on disk is read with this one, not `workshopContentSchema`:
 * a workshop saved before the dimension checks below existed must still open (the
 * editor then shows what to fix), never send the library to recovery.
 */
export const savedWorkshopContentSchema = z
  .object({
    title: text(200, 'a title'),
    description: optionalText(2000).default(''),
    dimensions: z.array(dimensionSchema).max(40).default([]),
    slides: z.array(slideSchema).max(300, 'has at most 300 slides'),
  })
  .superRefine((workshop, ctx) => {
    const slideIds = new Set<string>();
    const questionIds = new Set<string>();
    workshop.slides.forEach((slide, index) => {
      if (slideIds.has(slide.id)) {
        ctx.addIssue({ code: 'custom', path: ['slides', index, 'id'], message: `repeats the slide id "${slide.id}"` });
      }
      slideIds.add(slide.id);
      if (slide.kind === 'scenario' || slide.kind === 'open' || slide.kind === 'rating' || slide.kind === 'commitments' || slide.kind === 'selfCheck') {
        // A self-check's statements are answered under ids of their own (selfCheckItemId): none may meet another question's.
        const ids = slide.kind === 'selfCheck' ? [slide.question.id, ...selfCheckItemIdsOf(slide.question)] : [slide.question.id];
        for (const id of ids) {
          if (questionIds.has(id)) {
            ctx.addIssue({
              code: 'custom',
              path: ['slides', index, 'question', 'id'],
              message: id === slide.question.id ? `repeats the question id "${id}"` : `gives a statement the answer id "${id}", which another question already uses`,
            });
          }
          questionIds.add(id);
        }
      }
    });
  });

/**
 * The content of a workshop, as a facilitator writes it (and as `.plenary.json`
 * carries it): besides the checks above, each dimension id once, and every
 * scenario names one of the workshop's own dimensions (results are grouped by them).
 */
export const workshopContentSchema = savedWorkshopContentSchema.superRefine((workshop, ctx) => {
  const dimensionIds = new Set<string>();
  workshop.dimensions.forEach((dimension, index) => {
    if (dimensionIds.has(dimension.id)) {
      ctx.addIssue({ code: 'custom', path: ['dimensions', index, 'id'], message: `repeats the dimension id "${dimension.id}"` });
    }
    dimensionIds.add(dimension.id);
  });
  const known = [...dimensionIds].join(', ');
  const unknownDimension = (dimension: string) =>
    dimensionIds.size === 0
      ? `names the dimension "${dimension}", but the workshop describes no dimensions: add it to the workshop's dimensions`
      : `names the dimension "${dimension}", which is not one of the workshop's dimensions (${known})`;
  workshop.slides.forEach((slide, index) => {
    if (slide.kind === 'selfCheck') {
      slide.question.statements.forEach((statement, statementIndex) => {
        if (dimensionIds.has(statement.dimension)) return;
        ctx.addIssue({ code: 'custom', path: ['slides', index, 'question', 'statements', statementIndex, 'dimension'], message: unknownDimension(statement.dimension) });
      });
      return;
    }
    if (!('question' in slide) || slide.question.dimension === undefined || dimensionIds.has(slide.question.dimension)) return;
    ctx.addIssue({ code: 'custom', path: ['slides', index, 'question', 'dimension'], message: unknownDimension(slide.question.dimension) });
  });
});
export type WorkshopContent = z.infer<typeof workshopContentSchema>;

/** A workshop in the library. */
export const workshopSchema = z.object({
  id: idSchema,
  builtIn: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  content: savedWorkshopContentSchema,
});
export type Workshop = z.infer<typeof workshopSchema>;

/** The library's card for a workshop. */
export interface WorkshopSummary {
  id: string;
  title: string;
  builtIn: boolean;
  description: string;
  slideCount: number;
  scenarioCount: number;
  /** Sum of the slides' suggested minutes. */
  minutes: number;
  updatedAt: string;
}

// ---------------------------------------------------------------- sessions

/** How the room votes. Phones can join in any mode once the facilitator lets them. */
export const votingModeSchema = z.enum(['groups', 'hands', 'phones']);
export type VotingMode = z.infer<typeof votingModeSchema>;

export const groupSchema = z.object({
  id: idSchema,
  name: text(60, 'a group name'),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  size: z.number().int().min(0).max(500).nullable().default(null),
});
export type Group = z.infer<typeof groupSchema>;

export const questionStatusSchema = z.enum(['idle', 'open', 'closed']);
export type QuestionStatus = z.infer<typeof questionStatusSchema>;

/** Where a question stands in a session. */
export const questionStateSchema = z.object({
  status: questionStatusSchema,
  revealed: z.boolean(),
  /** When voting closes by itself (ISO time), if the facilitator set a countdown. */
  closesAt: z.string().nullable().default(null),
  /** Voting again (PROTOCOL.md): the round now running; absent means 1. */
  round: z.number().int().min(1).optional(),
  /**
   * Voting again: the hand counts of the rounds before this one (per option or
   * value), moved here when the next round began; `handCounts` holds this round's.
   */
  earlierHandCounts: z.array(z.object({ round: z.number().int().min(1), counts: idKeyedRecord(z.number().int().min(0)) })).optional(),
  /** Open answers the facilitator hid (answer ids): out of the cloud, the phones and the report, kept in the data. */
  hiddenAnswers: z.array(z.string()).optional(),
  /** Open answers the word list held back that the facilitator let through (answer ids). */
  releasedAnswers: z.array(z.string()).optional(),
  /**
   * A self-check's figures as last revealed (src/shared/selfCheck.ts "Differencing"):
   * per answer id, how many ratings it rested on and their count per value (null
   * when the privacy floor withheld them). Kept by the core; never sent to a view.
   */
  shownFigures: z
    .object({
      /** How many more ratings a statement needs before its figure may move: the privacy floor when last revealed. */
      step: z.number().int().min(1),
      ratings: idKeyedRecord(z.object({ n: z.number().int().min(0), counts: idKeyedRecord(z.number().int().min(0)).nullable() })),
    })
    .optional(),
});
export type QuestionState = z.infer<typeof questionStateSchema>;

/**
 * One answer: by a group on the shared screen, or by a phone (device). One record
 * for every question type, so the vote log, undo, phone admission and the CSV
 * treat them alike. `optionId` is the answer's key:
 * - choice: the option's id;
 * - scale: the value as a string ("1"…"10"), so a scale counts like a choice
 *   whose options are its points (tally, breakdown by group and hand counts too);
 * - text: the answer's own id, made by the core, and the words in `text`.
 *   A voter may give up to OPEN_ANSWERS_PER_VOTER of them, each kept.
 */
export const voteSchema = z.object({
  questionId: idSchema,
  voterId: z.string().min(1).max(64),
  voterKind: z.enum(['group', 'device']),
  /** The group a phone joined, or the voting group itself; null for a phone with no group. */
  groupId: z.string().nullable(),
  optionId: idSchema,
  /** An open answer's words, trimmed (text questions only). */
  text: z.string().max(OPEN_ANSWER_MAX).optional(),
  /** Voting again (PROTOCOL.md): the round this vote belongs to; absent means 1. */
  round: z.number().int().min(1).optional(),
  /** A commitment's dimension (commitments slides only): one of the session's dimension ids. */
  dimensionId: idSchema.optional(),
  at: z.string(),
});
export type Vote = z.infer<typeof voteSchema>;

export const sessionStatusSchema = z.enum(['active', 'ended']);

// ---- run of show and rehearsal (issue 15)

/** The discussion timer on the current slide: paused time is kept, so pause and resume lose nothing. */
export const discussionTimerSchema = z.object({
  slideId: z.string(),
  /** Its whole length, extensions included. */
  durationMs: z.number().int().min(0),
  /** When it was last started (ISO); null while it is paused or not yet started. */
  runningSince: z.string().nullable(),
  /** Time it ran before `runningSince`. */
  elapsedMs: z.number().min(0),
});
export type DiscussionTimer = z.infer<typeof discussionTimerSchema>;

/**
 * Where the session stands against its plan. Sections are named by the workshop's
 * authors, so the time spent is a list, never an object keyed by their names.
 */
export const runOfShowStateSchema = z.object({
  /** When the current slide was reached (ISO); time on it counts towards its section. */
  slideSince: z.string().nullable(),
  /** Time spent on slides already left, per section, in the order sections were first reached. */
  spent: z.array(z.object({ section: z.string(), ms: z.number().min(0) })),
  timer: discussionTimerSchema.nullable(),
});
export type RunOfShowState = z.infer<typeof runOfShowStateSchema>;


// ---- Ids as plain data, and phone admission (issue 13) ----

/**
 * A record keyed by ids a user or a file chose, read into a prototype-free object.
 * WARNING: zod's own z.record drops a `__proto__` key without a word, and a plain
 * `{}` turns `x["__proto__"][k] = v` into a change of every object in the process;
 * every id-keyed record in a file goes through this instead.
 */
export function idKeyedRecord<V extends z.ZodType>(value: V) {
  return z
    .custom<Record<string, unknown>>((raw) => typeof raw === 'object' && raw !== null && !Array.isArray(raw), 'must be an object')
    .transform((raw, ctx) => {
      const out = emptyRecord<z.output<V>>();
      for (const key of Object.keys(raw)) {
        const parsed = value.safeParse(raw[key]);
        if (!parsed.success) {
          for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: [key, ...issue.path] });
          return z.NEVER;
        }
        out[key] = parsed.data;
      }
      return out;
    });
}

export { defaultPhoneLimit, PHONE_LIMIT_MAX, PHONES_PER_ADDRESS } from './phoneLimits';
export const phoneLimitSchema = z.number().int().min(1, 'admits at least 1 phone').max(PHONE_LIMIT_MAX, `admits at most ${PHONE_LIMIT_MAX} phones`);

/** A phone the session admitted: by its first accepted vote, from this network address. */
export const admittedPhoneSchema = z.object({
  deviceId: z.string().min(1).max(64),
  address: z.string().max(64),
  admittedAt: z.string(),
});
export type AdmittedPhone = z.infer<typeof admittedPhoneSchema>;

/** A session as the core keeps it: the whole truth, votes included. */
export const sessionRecordSchema = z.object({
  id: idSchema,
  workshopId: z.string(),
  workshopTitle: z.string(),
  title: z.string(),
  facilitator: z.string().default(''),
  status: sessionStatusSchema,
  joinCode: z.string(),
  slideIndex: z.number().int().min(0),
  votingMode: votingModeSchema,
  groups: z.array(groupSchema),
  /** A snapshot of the workshop's slides and dimensions when the session started. */
  slides: z.array(slideSchema),
  dimensions: z.array(dimensionSchema),
  questions: idKeyedRecord(questionStateSchema),
  votes: z.array(voteSchema),
  /** Hand counts, per question then option. */
  handCounts: idKeyedRecord(idKeyedRecord(z.number().int().min(0))),
  /** The facilitator's notes per slide id, kept for the report. */
  notes: idKeyedRecord(z.string()),
  blackout: z.boolean().default(false),
  /** Revealed results on the projector are split by group (the facilitator's choice). */
  resultsByGroup: z.boolean().default(false),
  /** Run of show and the discussion timer; missing in sessions kept before it existed. */
  runOfShow: runOfShowStateSchema.optional(),
  /** A rehearsal: kept out of History, and removed when it ends. */
  rehearsal: z.boolean().optional(),
  createdAt: z.string(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  updatedAt: z.string(),
  /** The most phones this session admits (sessions.setPhoneLimit changes it). */
  phoneLimit: phoneLimitSchema.default(100),
  /** The facilitator let one network address bring more than PHONES_PER_ADDRESS phones. */
  phoneAddressCapLifted: z.boolean().default(false),
  /** The phones admitted, in the order they came; their votes are in `votes`. */
  phones: z.array(admittedPhoneSchema).default([]),
  /** Phones the facilitator removed: their votes went, and they are not let back in. */
  removedDevices: z.array(z.string()).default([]),
  /** A follow-up pulse (src/shared/followUp.ts): the workshop's session this one asks again, weeks later. */
  followUpOf: idSchema.optional(),
  /** Pulses of this session taken in from pulse files: totals only, one per pulse id. */
  importedPulses: z.array(importedPulseSchema).optional(),
});
export type SessionRecord = z.infer<typeof sessionRecordSchema>;

/**
 * A session as the outside sees it. Which option anyone chose stays out until the
 * question is revealed (or the session has ended): only who has voted shows.
 */
export interface Session extends Omit<SessionRecord, 'votes' | 'handCounts' | 'questions' | 'phones' | 'removedDevices' | 'importedPulses'> {
  questions: Record<string, QuestionView>;
  /** How many phones the session admitted (the list itself: sessions.admittedPhones). */
  phonesAdmitted: number;
}

export interface QuestionView extends QuestionState {
  /** The question's type: choice, text (open answers) or scale (a rating). */
  type: QuestionType;
  /**
   * Ids of the groups that have voted on the shared screen (never what they chose).
   * Phones are counted in `phoneVotes`, not listed: a thousand device ids in every
   * vote event made a burst of phones cost the presenter megabytes.
   */
  voterIds: string[];
  /** Phones that have voted on this question. */
  phoneVotes: number;
  /** Number of votes so far (groups + phones + hand-counted). */
  voteCount: number;
  /**
   * Totals per option (choice) or per value (scale, "1"…"5"); null until revealed,
   * and always null for an open question (its figures are in `words`).
   */
  totals: Record<string, number> | null;
  /** Per group, totals per option; null until revealed. Phones without a group are under "". */
  totalsByGroup: Record<string, Record<string, number>> | null;
  /** Hand counts as typed; visible to the facilitator so the form can show them. */
  handCounts: Record<string, number>;
  /** How many answered, by source and by group (src/shared/summary.ts): the presenter's progress line and tiles. */
  progress: QuestionProgress;
  /** Voting again (src/shared/rounds.ts): the rounds before the one now running, each revealed already; absent in round 1. */
  earlierRounds?: RoundTally[];
  /**
   * A self-check revealed before (src/shared/selfCheck.ts "Differencing"): how many
   * more answers are needed before its room figures can change at the next reveal;
   * absent when they can, or when it was never revealed.
   */
  selfCheckAnswersNeeded?: number;
  /**
   * Open questions: the cloud's phrases once revealed, most frequent first (hidden
   * and held-back answers left out); null before, and for other types. The
   * answers' own texts are not here (they would ride on every vote event): the
   * facilitator asks `voting.answers` for them, before the reveal too.
   */
  words: WordCount[] | null;
  /** Open questions: answers the facilitator hid, and answers the word list holds back now (0 for other types). */
  hiddenCount: number;
  heldBackCount: number;
  /** Ratings: the mean once revealed (null before, without answers, and for other types). */
  mean: number | null;
}

export interface SessionSummary {
  id: string;
  title: string;
  status: SessionRecord['status'];
  workshopId: string;
  workshopTitle: string;
  facilitator: string;
  createdAt: string;
  endedAt: string | null;
  groupCount: number;
  /** Every answer counted: group votes, phone votes and hands, on scenarios, open questions and ratings (src/shared/summary.ts). */
  voteCount: number;
  /** Scenarios with at least one answer, of `scenarioCount`. */
  votedOn: number;
  revealed: number;
  scenarioCount: number;
  /** People counted (the summary's participants). */
  participants: number;
  /** A follow-up pulse (src/shared/followUp.ts): the session it follows up; null for a workshop's own session. */
  followUpOf: string | null;
  /** It has a self-check to ask again in a follow-up pulse (and is not a pulse itself). */
  canFollowUp: boolean;
}


// ---------------------------------------------------------------- settings

const settingsFields = {
  theme: z.enum(['light', 'dark', 'contrast']),
  /** Multiplies the audience view's type size, for big or small rooms. */
  audienceTextScale: z.number().min(0.75).max(2),
  defaultGroupCount: z.number().int().min(0).max(12),
  /** The port phones reach the laptop on. */
  lanPort: z.number().int().min(0).max(65535),
  paperSize: z.enum(['A4', 'Letter']),
  /** The privacy floor: the smallest group (people) the report breaks down; smaller ones join "Other groups". */
  reportMinGroupSize: z.number().int().min(1).max(50),
};

/** The facilitator's preferences, kept in the store. */
export const settingsSchema = z.object({
  theme: settingsFields.theme.default('light'),
  audienceTextScale: settingsFields.audienceTextScale.default(1),
  defaultGroupCount: settingsFields.defaultGroupCount.default(4),
  lanPort: settingsFields.lanPort.default(4800),
  paperSize: settingsFields.paperSize.default('A4'),
  reportMinGroupSize: settingsFields.reportMinGroupSize.default(3),
});
export type Settings = z.infer<typeof settingsSchema>;

/** A change to some preferences (no defaults: what is not named stays). */
export const settingsUpdateSchema = z.object(settingsFields).partial().strict();
