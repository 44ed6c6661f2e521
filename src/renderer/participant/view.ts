/**
 * Renders the view model into the page with plain DOM calls (createElement and
 * textContent only: server text never becomes markup). The shell and the live
 * regions are made once and updated in place, so screen readers hear changes
 * and focus stays on the button the participant is using.
 */
import { ANSWER_MAX, TEXT, type OptionView, type QuestionView, type ScaleQuestionView, type Screen, type TextQuestionView, type ViewModel } from './model';
import { commitmentsView, type CommitmentsView, type MineHandlers } from './mineView';
import { buildSelfCheckScreen, selfCheckStructureKey, type SelfCheckHandlers, type SelfCheckScreenParts } from './selfCheckView';

export interface ViewHandlers extends SelfCheckHandlers, MineHandlers {
  vote(optionId: string): void;
  /** Sends an open answer (as typed; the app trims it). */
  answer(text: string): void;
  /** Sends a rating. */
  rate(value: number): void;
  /** Sends the last vote again (it did not reach the host). */
  retry(): void;
  /** Asks the host again after the first request failed. */
  reload(): void;
  pickGroup(groupId: string): void;
  changeGroup(): void;
  join(typed: string): void;
}

type Attrs = Record<string, string>;

export function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attrs?: Attrs,
  children?: (Node | string)[],
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (attrs) for (const name of Object.keys(attrs)) node.setAttribute(name, attrs[name]!);
  if (children) for (const child of children) node.appendChild(typeof child === 'string' ? doc.createTextNode(child) : child);
  return node;
}

function setText(node: Element, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}

function setAttr(node: Element, name: string, value: string | null): void {
  if (value === null) {
    if (node.hasAttribute(name)) node.removeAttribute(name);
  } else if (node.getAttribute(name) !== value) {
    node.setAttribute(name, value);
  }
}

function setHidden(node: HTMLElement, hidden: boolean): void {
  if (node.hidden !== hidden) node.hidden = hidden;
}

function clear(node: Node): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}

interface QuestionParts {
  root: HTMLElement;
  prompt: HTMLElement;
  /** The slide's picture, under the prompt; hidden when the slide has none. */
  picture: HTMLImageElement;
  options: HTMLElement;
  optionsKey: string;
  buttons: Record<string, { button: HTMLButtonElement; note: HTMLElement }>;
  voteBar: HTMLElement;
  feedback: HTMLElement;
  retry: HTMLButtonElement;
  results: HTMLElement;
  resultsTotal: HTMLElement;
  resultsList: HTMLElement;
  resultsKey: string;
}

interface TextParts {
  key: string;
  root: HTMLElement;
  prompt: HTMLElement;
  picture: HTMLImageElement;
  form: HTMLFormElement;
  input: HTMLInputElement;
  counter: HTMLElement;
  send: HTMLButtonElement;
  limit: HTMLElement;
  mineTitle: HTMLElement;
  mine: HTMLElement;
  mineKey: string;
  voteBar: HTMLElement;
  feedback: HTMLElement;
  retry: HTMLButtonElement;
  results: HTMLElement;
  resultsTotal: HTMLElement;
  resultsList: HTMLElement;
  resultsKey: string;
}

interface ScaleParts {
  key: string;
  root: HTMLElement;
  prompt: HTMLElement;
  picture: HTMLImageElement;
  buttons: HTMLButtonElement[];
  voteBar: HTMLElement;
  feedback: HTMLElement;
  retry: HTMLButtonElement;
  results: HTMLElement;
  resultsTotal: HTMLElement;
  resultsMean: HTMLElement;
  resultsList: HTMLElement;
  resultsKey: string;
}

export interface View {
  update(vm: ViewModel): void;
}

/** Builds the page's shell inside `root` and returns its updater. */
export function createView(root: HTMLElement, handlers: ViewHandlers): View {
  const doc = root.ownerDocument;
  clear(root);
  const banner = el(doc, 'div', { id: 'banner', class: 'banner', role: 'status' });
  const title = el(doc, 'h1', { id: 'title', class: 'title' });
  const groupName = el(doc, 'strong', { id: 'group-name' });
  const changeGroup = el(doc, 'button', { type: 'button', id: 'change-group', class: 'link-button' }, ['Change group']);
  changeGroup.addEventListener('click', () => handlers.changeGroup());
  const groupLine = el(doc, 'p', { id: 'group', class: 'group-line' }, [el(doc, 'span', { class: 'group-text' }, ['Your group: ', groupName]), ' ', changeGroup]);
  const header = el(doc, 'header', { class: 'top' }, [el(doc, 'p', { class: 'brand' }, [TEXT.brand]), title, groupLine]);
  const status = el(doc, 'p', { id: 'status', class: 'status', role: 'status' });
  const screen = el(doc, 'div', { id: 'screen' });
  const main = el(doc, 'main', { id: 'main', class: 'main' }, [status, screen]);
  root.appendChild(banner);
  root.appendChild(header);
  root.appendChild(main);

  let screenKey = '';
  let question: QuestionParts | null = null;
  let textParts: TextParts | null = null;
  let scaleParts: ScaleParts | null = null;
  let selfCheck: SelfCheckScreenParts | null = null;
  let commitments: CommitmentsView | null = null;

  /** Rebuilds the screen; moves focus to `target` if the focus was inside the old one. */
  function replaceScreen(key: string, content: Node[], target: HTMLElement | null): void {
    const active = doc.activeElement;
    const hadFocus = !!active && active !== doc.body && screen.contains(active);
    clear(screen);
    for (const node of content) screen.appendChild(node);
    screenKey = key;
    question = null;
    textParts = null;
    scaleParts = null;
    selfCheck = null;
    commitments = null;
    if (hadFocus && target) target.focus();
  }

  function joinScreen(code: string): void {
    const input = el(doc, 'input', {
      id: 'code',
      name: 'code',
      type: 'text',
      class: 'code-input',
      autocomplete: 'off',
      autocapitalize: 'characters',
      autocorrect: 'off',
      spellcheck: 'false',
      maxlength: '12',
      'aria-describedby': 'status',
    });
    input.value = code;
    const form = el(doc, 'form', { class: 'join', action: '', novalidate: '' }, [
      el(doc, 'label', { for: 'code', class: 'field-label' }, ['Join code']),
      input,
      el(doc, 'button', { type: 'submit', class: 'primary' }, ['Join']),
    ]);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      handlers.join(input.value);
    });
    replaceScreen('join', [form], input);
  }

  function groupsScreen(groups: { id: string; name: string; pressed: boolean }[]): void {
    const key = 'groups:' + groups.map((g) => g.id + '=' + g.name + '=' + g.pressed).join('|');
    if (key === screenKey) return;
    const heading = el(doc, 'h2', { id: 'groups-title', class: 'prompt', tabindex: '-1' }, [TEXT.whichGroup]);
    const list = el(doc, 'div', { class: 'choices', role: 'group', 'aria-labelledby': 'groups-title' });
    for (const group of groups) {
      const button = el(doc, 'button', { type: 'button', class: 'choice group-choice', 'aria-pressed': String(group.pressed), 'data-group-id': group.id }, [
        el(doc, 'span', { class: 'choice-label' }, [group.name]),
      ]);
      button.addEventListener('click', () => handlers.pickGroup(group.id));
      list.appendChild(button);
    }
    replaceScreen(key, [heading, list], heading);
  }

  function buildQuestion(): QuestionParts {
    const prompt = el(doc, 'h2', { id: 'prompt', class: 'prompt', tabindex: '-1' });
    const options = el(doc, 'div', { class: 'choices', role: 'group', 'aria-labelledby': 'prompt' });
    const feedback = el(doc, 'p', { id: 'vote-status', class: 'feedback', role: 'status' });
    const retry = el(doc, 'button', { type: 'button', id: 'retry', class: 'secondary' }, ['Try again']);
    retry.hidden = true;
    retry.addEventListener('click', () => handlers.retry());
    // While voting is open, news of the vote sticks to the bottom of the screen, so it is seen below long options.
    const voteBar = el(doc, 'div', { class: 'vote-bar' }, [feedback, retry]);
    const resultsTitle = el(doc, 'h3', { id: 'results-title', class: 'results-title' }, [TEXT.results]);
    const resultsTotal = el(doc, 'p', { class: 'results-total' });
    const resultsList = el(doc, 'ol', { class: 'bars' });
    const results = el(doc, 'section', { id: 'results', class: 'results', 'aria-labelledby': 'results-title' }, [resultsTitle, resultsTotal, resultsList]);
    results.hidden = true;
    const picture = el(doc, 'img', { id: 'picture', class: 'picture', alt: '', decoding: 'async' });
    picture.hidden = true;
    const sectionRoot = el(doc, 'section', { class: 'question', 'aria-labelledby': 'prompt' }, [prompt, picture, options, voteBar, results]);
    return { root: sectionRoot, prompt, picture, options, optionsKey: '', buttons: {}, voteBar, feedback, retry, results, resultsTotal, resultsList, resultsKey: '' };
  }

  function optionButton(option: OptionView): { button: HTMLButtonElement; note: HTMLElement } {
    const note = el(doc, 'span', { class: 'choice-note' });
    const button = el(doc, 'button', { type: 'button', class: 'choice option', 'data-option-id': option.id }, [
      el(doc, 'span', { class: 'letter' }, [option.letter]),
      el(doc, 'span', { class: 'choice-text' }, [el(doc, 'span', { class: 'choice-label' }, [option.label]), note]),
    ]);
    button.addEventListener('click', () => {
      if (button.getAttribute('aria-disabled') !== 'true') handlers.vote(option.id);
    });
    return { button, note };
  }

  function updateQuestion(parts: QuestionParts, q: QuestionView): void {
    setText(parts.prompt, q.prompt);
    setHidden(parts.picture, !q.picture);
    if (q.picture) {
      setAttr(parts.picture, 'alt', q.picture.alt);
      setAttr(parts.picture, 'src', q.picture.src);
    } else setAttr(parts.picture, 'src', null);
    const key = q.id + '\u0000' + q.options.map((o) => o.id + '\u0001' + o.label).join('\u0000');
    if (key !== parts.optionsKey) {
      const active = doc.activeElement;
      const hadFocus = !!active && parts.options.contains(active);
      clear(parts.options);
      parts.buttons = {};
      for (const option of q.options) {
        const made = optionButton(option);
        parts.buttons[option.id] = made;
        parts.options.appendChild(made.button);
      }
      parts.optionsKey = key;
      if (hadFocus) parts.prompt.focus();
    }
    for (const option of q.options) {
      const made = parts.buttons[option.id];
      if (!made) continue;
      setAttr(made.button, 'aria-pressed', String(option.pressed));
      setAttr(made.button, 'aria-disabled', option.disabled ? 'true' : null);
      setAttr(made.button, 'aria-busy', option.busy ? 'true' : null);
      setText(made.note, option.note);
    }
    setText(parts.feedback, q.feedback);
    setAttr(parts.feedback, 'data-kind', q.feedbackKind || null);
    setHidden(parts.retry, !q.retry);
    setAttr(parts.voteBar, 'data-active', q.feedback !== '' && q.open ? 'true' : null);
    updateResults(parts, q);
  }

  function updateResults(parts: QuestionParts, q: QuestionView): void {
    const results = q.results;
    setHidden(parts.results, !results);
    if (!results) {
      parts.resultsKey = '';
      return;
    }
    const key = JSON.stringify(results);
    if (key === parts.resultsKey) return;
    parts.resultsKey = key;
    setText(parts.resultsTotal, results.totalText);
    clear(parts.resultsList);
    for (const row of results.rows) {
      const label = el(doc, 'span', { class: 'bar-label' }, [row.letter + '. ' + row.label]);
      if (row.mine) label.appendChild(el(doc, 'span', { class: 'bar-mine' }, [' (' + TEXT.yourVote.toLowerCase() + ')']));
      // The bar repeats the text for the eye; screen readers get the text alone.
      const bar = el(doc, 'progress', { class: 'bar', max: '100', value: String(row.percent), 'aria-hidden': 'true' });
      parts.resultsList.appendChild(
        el(doc, 'li', { class: row.mine ? 'bar-row mine' : 'bar-row', 'data-option-id': row.id }, [
          el(doc, 'div', { class: 'bar-head' }, [label, el(doc, 'span', { class: 'bar-value' }, [row.text])]),
          bar,
        ]),
      );
    }
  }

  /** The news of the last answer, and "Try again": the same bar as a choice's. */
  function voteBarParts(): { voteBar: HTMLElement; feedback: HTMLElement; retry: HTMLButtonElement } {
    const feedback = el(doc, 'p', { id: 'vote-status', class: 'feedback', role: 'status' });
    const retry = el(doc, 'button', { type: 'button', id: 'retry', class: 'secondary' }, ['Try again']);
    retry.hidden = true;
    retry.addEventListener('click', () => handlers.retry());
    return { voteBar: el(doc, 'div', { class: 'vote-bar' }, [feedback, retry]), feedback, retry };
  }

  function resultsParts(): { results: HTMLElement; resultsTotal: HTMLElement } {
    const results = el(doc, 'section', { id: 'results', class: 'results', 'aria-labelledby': 'results-title' }, [
      el(doc, 'h3', { id: 'results-title', class: 'results-title' }, [TEXT.results]),
    ]);
    const resultsTotal = el(doc, 'p', { class: 'results-total' });
    results.appendChild(resultsTotal);
    results.hidden = true;
    return { results, resultsTotal };
  }

  function pictureElement(): HTMLImageElement {
    const picture = el(doc, 'img', { class: 'picture', alt: '', decoding: 'async' });
    picture.hidden = true;
    return picture;
  }

  function updatePicture(node: HTMLImageElement, picture: { src: string; alt: string } | null): void {
    setHidden(node, !picture);
    if (picture) {
      setAttr(node, 'alt', picture.alt);
      setAttr(node, 'src', picture.src);
    } else setAttr(node, 'src', null);
  }

  function updateVoteBar(parts: { voteBar: HTMLElement; feedback: HTMLElement; retry: HTMLButtonElement }, q: { feedback: string; feedbackKind: string; retry: boolean; open: boolean }): void {
    setText(parts.feedback, q.feedback);
    setAttr(parts.feedback, 'data-kind', q.feedbackKind || null);
    setHidden(parts.retry, !q.retry);
    setAttr(parts.voteBar, 'data-active', q.feedback !== '' && q.open ? 'true' : null);
  }

  function buildText(id: string): TextParts {
    const prompt = el(doc, 'h2', { id: 'prompt', class: 'prompt', tabindex: '-1' });
    const input = el(doc, 'input', {
      id: 'answer',
      type: 'text',
      class: 'answer-input',
      maxlength: String(ANSWER_MAX),
      autocomplete: 'off',
      enterkeyhint: 'send',
      'aria-describedby': 'answer-count answer-limit',
    });
    const counter = el(doc, 'p', { id: 'answer-count', class: 'answer-count', 'aria-live': 'off' });
    const send = el(doc, 'button', { type: 'submit', id: 'send', class: 'primary' }, [TEXT.send]);
    const limit = el(doc, 'p', { id: 'answer-limit', class: 'answer-limit' });
    const form = el(doc, 'form', { class: 'answer-form', action: '', novalidate: '' }, [
      el(doc, 'label', { for: 'answer', class: 'field-label' }, [TEXT.answerLabel]),
      input,
      counter,
      send,
    ]);
    const count = () => setText(counter, input.value.trim().length + ' / ' + ANSWER_MAX);
    input.addEventListener('input', count);
    count();
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (send.getAttribute('aria-disabled') !== 'true') handlers.answer(input.value);
    });
    const mineTitle = el(doc, 'h3', { id: 'mine-title', class: 'mine-title' }, [TEXT.yourAnswers]);
    const mine = el(doc, 'ol', { class: 'mine', 'aria-labelledby': 'mine-title' });
    const bar = voteBarParts();
    const res = resultsParts();
    const resultsList = el(doc, 'ol', { class: 'words' });
    res.results.appendChild(resultsList);
    const picture = pictureElement();
    const sectionRoot = el(doc, 'section', { class: 'question', 'aria-labelledby': 'prompt' }, [prompt, picture, form, limit, bar.voteBar, mineTitle, mine, res.results]);
    return { key: id, root: sectionRoot, prompt, picture, form, input, counter, send, limit, mineTitle, mine, mineKey: '', ...bar, ...res, resultsList, resultsKey: '' };
  }

  function updateText(parts: TextParts, q: TextQuestionView): void {
    setText(parts.prompt, q.prompt);
    updatePicture(parts.picture, q.picture);
    setHidden(parts.form, !q.canAnswer);
    setAttr(parts.send, 'aria-disabled', q.sending ? 'true' : null);
    setAttr(parts.send, 'aria-busy', q.sending ? 'true' : null);
    setText(parts.limit, q.limit);
    const mineKey = q.answers.join('\u0000');
    if (mineKey !== parts.mineKey) {
      // A new answer came back confirmed: the field is free for the next one.
      if (q.answers.length > (parts.mineKey === '' ? 0 : parts.mineKey.split('\u0000').length)) {
        parts.input.value = '';
        parts.input.dispatchEvent(new Event('input'));
      }
      parts.mineKey = mineKey;
      clear(parts.mine);
      for (const text of q.answers) parts.mine.appendChild(el(doc, 'li', {}, [text]));
      if (!q.canAnswer && doc.activeElement === doc.body) parts.prompt.focus();
    }
    setHidden(parts.mineTitle, q.answers.length === 0);
    setHidden(parts.mine, q.answers.length === 0);
    updateVoteBar(parts, q);
    const results = q.results;
    setHidden(parts.results, !results);
    if (!results) {
      parts.resultsKey = '';
      return;
    }
    const key = JSON.stringify(results);
    if (key === parts.resultsKey) return;
    parts.resultsKey = key;
    setText(parts.resultsTotal, results.words.length === 0 ? TEXT.noWords : results.totalText);
    clear(parts.resultsList);
    for (const word of results.words) {
      parts.resultsList.appendChild(
        el(doc, 'li', { class: 'word-row' }, [el(doc, 'span', { class: 'word-text' }, [word.text]), el(doc, 'span', { class: 'word-count' }, [word.countText])]),
      );
    }
  }

  function buildScale(q: ScaleQuestionView): ScaleParts {
    const prompt = el(doc, 'h2', { id: 'prompt', class: 'prompt', tabindex: '-1' });
    const row = el(doc, 'div', { class: 'scale', role: 'group', 'aria-labelledby': 'prompt' });
    const buttons: HTMLButtonElement[] = [];
    // One row up to 6 points, else two even rows (10 points: 5 and 5), so no button is wider than another.
    const columns = q.points.length <= 6 ? q.points.length : Math.ceil(q.points.length / 2);
    const width = 'calc(' + (100 / columns).toFixed(3) + '% - 8px)';
    for (const point of q.points) {
      // The end labels are read with their number: "1, Not at all".
      const label = point.value === q.points[0]!.value && q.minLabel ? point.value + ', ' + q.minLabel : point.value === q.points[q.points.length - 1]!.value && q.maxLabel ? point.value + ', ' + q.maxLabel : String(point.value);
      const button = el(doc, 'button', { type: 'button', class: 'scale-point', 'data-value': String(point.value), 'aria-label': label, style: 'flex-basis:' + width + ';max-width:' + width }, [String(point.value)]);
      button.addEventListener('click', () => {
        if (button.getAttribute('aria-disabled') !== 'true') handlers.rate(point.value);
      });
      buttons.push(button);
      row.appendChild(button);
    }
    const ends = el(doc, 'p', { class: 'scale-ends', 'aria-hidden': 'true' }, [el(doc, 'span', {}, [q.minLabel]), el(doc, 'span', {}, [q.maxLabel])]);
    const bar = voteBarParts();
    const res = resultsParts();
    const resultsMean = el(doc, 'p', { class: 'results-mean' });
    const resultsList = el(doc, 'ol', { class: 'bars' });
    res.results.appendChild(resultsMean);
    res.results.appendChild(resultsList);
    const picture = pictureElement();
    const sectionRoot = el(doc, 'section', { class: 'question', 'aria-labelledby': 'prompt' }, [prompt, picture, row, ends, bar.voteBar, res.results]);
    return { key: scaleKey(q), root: sectionRoot, prompt, picture, buttons, ...bar, ...res, resultsMean, resultsList, resultsKey: '' };
  }

  function scaleKey(q: ScaleQuestionView): string {
    return q.id + '\u0000' + q.points.length + '\u0000' + (q.points[0] ? q.points[0].value : '') + '\u0000' + q.minLabel + '\u0000' + q.maxLabel;
  }

  function updateScale(parts: ScaleParts, q: ScaleQuestionView): void {
    setText(parts.prompt, q.prompt);
    updatePicture(parts.picture, q.picture);
    q.points.forEach((point, index) => {
      const button = parts.buttons[index];
      if (!button) return;
      setAttr(button, 'aria-pressed', String(point.pressed));
      setAttr(button, 'aria-disabled', point.disabled ? 'true' : null);
      setAttr(button, 'aria-busy', point.busy ? 'true' : null);
    });
    updateVoteBar(parts, q);
    const results = q.results;
    setHidden(parts.results, !results);
    if (!results) {
      parts.resultsKey = '';
      return;
    }
    const key = JSON.stringify(results);
    if (key === parts.resultsKey) return;
    parts.resultsKey = key;
    setText(parts.resultsTotal, results.totalText);
    setText(parts.resultsMean, results.meanText);
    clear(parts.resultsList);
    for (const row of results.rows) {
      const label = el(doc, 'span', { class: 'bar-label' }, [String(row.value)]);
      if (row.mine) label.appendChild(el(doc, 'span', { class: 'bar-mine' }, [' (' + TEXT.yourRating.toLowerCase() + ')']));
      const barEl = el(doc, 'progress', { class: 'bar', max: '100', value: String(row.percent), 'aria-hidden': 'true' });
      parts.resultsList.appendChild(
        el(doc, 'li', { class: row.mine ? 'bar-row mine' : 'bar-row', 'data-value': String(row.value) }, [
          el(doc, 'div', { class: 'bar-head' }, [label, el(doc, 'span', { class: 'bar-value' }, [row.text])]),
          barEl,
        ]),
      );
    }
  }

  function updateScreen(s: Screen): void {
    switch (s.kind) {
      case 'loading':
      case 'ended':
      case 'unreachable':
      case 'waiting': {
        if (screenKey === s.kind) return;
        const content: HTMLElement[] = [];
        let target: HTMLElement | null = null;
        if (s.kind === 'unreachable') {
          const again = el(doc, 'button', { type: 'button', id: 'reload', class: 'primary' }, ['Try again']);
          again.addEventListener('click', () => handlers.reload());
          content.push(again);
          target = again;
        } else if (s.kind === 'waiting') {
          content.push(el(doc, 'p', { class: 'hint' }, [TEXT.waitingHint]));
        }
        replaceScreen(s.kind, content, target || status);
        return;
      }
      case 'join':
        if (screenKey !== 'join') joinScreen(s.code);
        return;
      case 'groups':
        groupsScreen(s.groups);
        return;
      case 'commitments': {
        const key = 'commitments:' + s.question.id;
        if (screenKey !== key || !commitments) {
          const parts = commitmentsView(doc, handlers);
          replaceScreen(key, [parts.root], null);
          commitments = parts;
        }
        commitments.update(s.question, s.kept, s.feedback);
        return;
      }
      case 'selfCheck': {
        const key = 'selfCheck:' + selfCheckStructureKey(s.selfCheck);
        if (screenKey !== key || !selfCheck) {
          const parts = buildSelfCheckScreen(doc, s.selfCheck, handlers);
          replaceScreen(key, [parts.root], parts.heading);
          selfCheck = parts;
        }
        selfCheck.update(s.selfCheck);
        return;
      }
      case 'question': {
        if (screenKey !== 'question' || !question) {
          const parts = buildQuestion();
          replaceScreen('question', [parts.root], parts.prompt);
          question = parts;
        }
        updateQuestion(question, s.question);
        return;
      }
      case 'text': {
        if (screenKey !== 'text:' + s.question.id || !textParts) {
          const parts = buildText(s.question.id);
          replaceScreen('text:' + s.question.id, [parts.root], parts.prompt);
          textParts = parts;
        }
        updateText(textParts, s.question);
        return;
      }
      case 'scale': {
        const key = 'scale:' + scaleKey(s.question);
        if (screenKey !== key || !scaleParts) {
          const parts = buildScale(s.question);
          replaceScreen(key, [parts.root], parts.prompt);
          scaleParts = parts;
        }
        updateScale(scaleParts, s.question);
        return;
      }
    }
  }

  status.setAttribute('tabindex', '-1');

  return {
    update(vm: ViewModel): void {
      // Never hidden, only empty: a live region must stay in the page to be heard.
      setText(banner, vm.banner);
      setText(title, vm.title);
      doc.title = vm.title === TEXT.brand ? 'Plenary · Vote' : vm.title + ' · Plenary';
      setHidden(groupLine, vm.group === null);
      setText(groupName, vm.group || '');
      setText(status, vm.status);
      setAttr(status, 'data-kind', vm.statusKind);
      updateScreen(vm.screen);
    },
  };
}
