/** The state a host sends a phone, for the participant page's tests: one open two-option question by default. */
import type { ParticipantState } from './types';
import type { ParticipantChoiceQuestion } from '../../shared/participant';

export function participantState(
  question: Partial<ParticipantChoiceQuestion> | null = {},
  groups: { id: string; name: string }[] = [],
  text: { title: string; prompt: string } = { title: 'Team day', prompt: 'What would you do?' },
): ParticipantState {
  return {
    session: { title: text.title, groups },
    question:
      question === null
        ? null
        : {
            id: 'q1',
            type: 'choice',
            prompt: text.prompt,
            options: [
              { id: 'a', label: 'Ask the team' },
              { id: 'b', label: 'Decide alone' },
            ],
            status: 'open',
            results: null,
            ...question,
          },
  };
}
