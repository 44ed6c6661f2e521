/**
 * The phone's own screens (plain DOM, textContent only): the commitments form on
 * a commitments slide, and "My profile", this person's profile, before and after,
 * and commitments, worked out here and shown only here.
 */
import { OPEN_ANSWER_MAX, OPEN_ANSWERS_PER_VOTER } from '../../shared/limits';
import type { ParticipantTextQuestion } from '../../shared/participant';
import type { KeptCommitment } from './mine';
import { dimensionText, type MyProfile } from './myProfile';
import type { MySelfCheck } from './mySelfCheck';
import { el } from './view';

export interface MineHandlers {
  addCommitment(text: string, dimensionId: string): void;
  downloadText(): void;
  downloadCalendar(): void;
  showMine(): void;
  showVote(): void;
}

function clear(node: Node): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}

function downloads(doc: Document, handlers: MineHandlers): HTMLElement {
  const text = el(doc, 'button', { type: 'button', class: 'secondary', id: 'download-text' }, ['Save my commitments as a text file']);
  text.addEventListener('click', () => handlers.downloadText());
  const calendar = el(doc, 'button', { type: 'button', class: 'secondary', id: 'download-calendar' }, ['Add a reminder to my calendar (in 30 days)']);
  calendar.addEventListener('click', () => handlers.downloadCalendar());
  return el(doc, 'div', { class: 'downloads' }, [text, calendar]);
}

function commitmentList(doc: Document, kept: readonly KeptCommitment[]): HTMLElement {
  const list = el(doc, 'ul', { class: 'commitments', id: 'my-commitments' });
  for (const c of kept) list.appendChild(el(doc, 'li', {}, [el(doc, 'span', { class: 'commitment-text' }, [c.text]), el(doc, 'span', { class: 'commitment-dimension' }, [c.dimensionName])]));
  return list;
}

export interface CommitmentsView {
  root: HTMLElement;
  update(question: ParticipantTextQuestion, kept: readonly KeptCommitment[], feedback: { text: string; kind: 'ok' | 'error' | '' }): void;
}

/** The commitments slide: the form ("I will …" and the contrast), this phone's list, its downloads, and the room's themes once revealed. */
export function commitmentsView(doc: Document, handlers: MineHandlers): CommitmentsView {
  const prompt = el(doc, 'h2', { id: 'prompt', class: 'prompt', tabindex: '-1' });
  const input = el(doc, 'input', { id: 'commitment-text', type: 'text', class: 'text-input', maxlength: String(OPEN_ANSWER_MAX), autocomplete: 'off', placeholder: 'I will …' });
  const select = el(doc, 'select', { id: 'commitment-dimension', class: 'select' });
  const add = el(doc, 'button', { type: 'submit', class: 'primary' }, ['Add my commitment']);
  const form = el(doc, 'form', { class: 'commitment-form', novalidate: '' }, [
    el(doc, 'label', { for: 'commitment-text', class: 'field-label' }, ['What will you do?']),
    input,
    el(doc, 'label', { for: 'commitment-dimension', class: 'field-label' }, ['Which contrast is it about?']),
    select,
    add,
  ]);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (input.value.trim() === '' || select.value === '') return;
    handlers.addCommitment(input.value, select.value);
  });
  const feedback = el(doc, 'p', { id: 'commitment-status', class: 'feedback', role: 'status' });
  const mineTitle = el(doc, 'h3', { class: 'results-title' });
  const listSlot = el(doc, 'div');
  const downloadSlot = el(doc, 'div');
  const themes = el(doc, 'section', { id: 'themes', class: 'results', 'aria-label': 'The room’s themes' });
  const root = el(doc, 'section', { class: 'question', 'aria-labelledby': 'prompt' }, [prompt, form, feedback, mineTitle, listSlot, downloadSlot, themes]);
  let dimensionsKey = '';
  let lastCount = -1;
  return {
    root,
    update(question, kept, fb) {
      if (prompt.textContent !== question.prompt) prompt.textContent = question.prompt;
      const dimensions = question.dimensions ?? [];
      const key = dimensions.map((d) => d.id + '\u0001' + d.name).join('\u0000');
      if (key !== dimensionsKey) {
        clear(select);
        select.appendChild(el(doc, 'option', { value: '' }, ['Pick a contrast']));
        for (const d of dimensions) select.appendChild(el(doc, 'option', { value: d.id }, [d.name]));
        dimensionsKey = key;
      }
      const room = kept.length < OPEN_ANSWERS_PER_VOTER;
      form.hidden = !(question.status === 'open' && room);
      if (fb.kind === 'ok' && kept.length !== lastCount) input.value = '';
      feedback.textContent = question.status !== 'open' && room && kept.length === 0 ? 'Commitments are not being taken now.' : !room ? `You have written ${OPEN_ANSWERS_PER_VOTER}: thank you.` : fb.text;
      if (fb.kind) feedback.setAttribute('data-kind', fb.kind);
      else feedback.removeAttribute('data-kind');
      if (kept.length !== lastCount) {
        lastCount = kept.length;
        mineTitle.textContent = kept.length === 0 ? `Write one to ${OPEN_ANSWERS_PER_VOTER}. Only you see your list; the room sees themes, without names.` : `Your commitments (${kept.length} of ${OPEN_ANSWERS_PER_VOTER}), kept on this phone`;
        clear(listSlot);
        clear(downloadSlot);
        if (kept.length > 0) {
          listSlot.appendChild(commitmentList(doc, kept));
          downloadSlot.appendChild(downloads(doc, handlers));
        }
      }
      clear(themes);
      const revealed = question.results?.themes;
      themes.hidden = !revealed;
      if (revealed) {
        themes.appendChild(el(doc, 'h3', { class: 'results-title' }, ['The room’s themes']));
        themes.appendChild(el(doc, 'p', { class: 'results-total' }, [`${question.results!.answers} commitments in all`]));
        const list = el(doc, 'ul', { class: 'themes' });
        for (const t of revealed) list.appendChild(el(doc, 'li', {}, [`${t.name}: ${t.count}`]));
        themes.appendChild(list);
      }
    },
  };
}

export interface MineView {
  root: HTMLElement;
  update(profile: MyProfile, selfCheck: MySelfCheck | null, kept: readonly KeptCommitment[]): void;
}

/** "My profile": this person's own figures beside the room's, before and after, and their commitments. */
export function mineView(doc: Document, handlers: MineHandlers): MineView {
  const back = el(doc, 'button', { type: 'button', class: 'secondary', id: 'back-to-vote' }, ['Back to voting']);
  back.addEventListener('click', () => handlers.showVote());
  const body = el(doc, 'div');
  const root = el(doc, 'section', { id: 'mine', class: 'mine', 'aria-labelledby': 'mine-title' }, [
    el(doc, 'h2', { id: 'mine-title', class: 'prompt', tabindex: '-1' }, ['My profile']),
    el(doc, 'p', { class: 'hint' }, ['Only this phone shows this page: it is worked out here from your own answers and never sent anywhere.']),
    body,
    back,
  ]);
  root.hidden = true;
  return {
    root,
    update(profile, selfCheck, kept) {
      clear(body);
      body.appendChild(el(doc, 'p', { id: 'profile-summary', class: 'summary' }, [profile.summary]));
      if (profile.dimensions.length > 0) {
        body.appendChild(el(doc, 'h3', { class: 'results-title' }, ['By contrast: you and the room']));
        const list = el(doc, 'ul', { class: 'profile-list', id: 'profile-dimensions' });
        for (const d of profile.dimensions) {
          const bar = el(doc, 'progress', { class: 'bar', max: String(d.answered), value: String(d.leader), 'aria-hidden': 'true' });
          list.appendChild(el(doc, 'li', { 'data-dimension-id': d.id }, [el(doc, 'strong', {}, [d.name]), el(doc, 'span', { class: 'profile-line' }, [dimensionText(d)]), bar]));
        }
        body.appendChild(list);
      }
      if (selfCheck && selfCheck.lines.length > 0) {
        body.appendChild(el(doc, 'h3', { class: 'results-title' }, ['Your self-check']));
        body.appendChild(el(doc, 'p', { id: 'selfcheck-summary' }, [selfCheck.summary]));
        const list = el(doc, 'ul', { class: 'profile-list', id: 'selfcheck-lines' });
        for (const line of selfCheck.lines) list.appendChild(el(doc, 'li', {}, [el(doc, 'strong', {}, [line.name]), el(doc, 'span', { class: 'profile-line' }, [line.text])]));
        body.appendChild(list);
      }
      body.appendChild(el(doc, 'h3', { class: 'results-title' }, ['My commitments']));
      if (kept.length === 0) body.appendChild(el(doc, 'p', {}, ['None written on this phone yet.']));
      else {
        body.appendChild(commitmentList(doc, kept));
        body.appendChild(downloads(doc, handlers));
      }
    },
  };
}

/** The "Vote" / "My profile" switch under the header. */
export function mineNav(doc: Document, handlers: MineHandlers): { root: HTMLElement; set(showingMine: boolean): void } {
  const vote = el(doc, 'button', { type: 'button', class: 'tab', id: 'tab-vote' }, ['Vote']);
  const mine = el(doc, 'button', { type: 'button', class: 'tab', id: 'tab-mine' }, ['My profile']);
  vote.addEventListener('click', () => handlers.showVote());
  mine.addEventListener('click', () => handlers.showMine());
  const root = el(doc, 'nav', { class: 'tabs', 'aria-label': 'This page' }, [vote, mine]);
  return {
    root,
    set(showingMine) {
      vote.setAttribute('aria-pressed', String(!showingMine));
      mine.setAttribute('aria-pressed', String(showingMine));
    },
  };
}
