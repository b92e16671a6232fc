import { uniqueId } from './ids';
import type { Step } from './types';

// The starter outline of a past-project walkthrough: the questions an interviewer or a
// review board asks, in the order a story is told. Each step's bullets are prompts the
// author replaces with the project's own answers.

interface OutlineEntry {
  /** Stem of the step id (made unique against the document). */
  stem: string;
  title: string;
  prompts: readonly string[];
}

const OUTLINE: readonly OutlineEntry[] = [
  {
    stem: 'context',
    title: 'Context and the problem',
    prompts: [
      'What was broken, for whom, and how did you know?',
      'Which systems and teams were involved?',
      'Why did it have to be solved then?',
    ],
  },
  {
    stem: 'success',
    title: 'How success was defined',
    prompts: ['Which figures would show it worked (before → after)?', 'Who signed off, and on what?'],
  },
  {
    stem: 'architecture',
    title: 'Architecture and stack',
    prompts: [
      'Which system is the source of truth for what?',
      'How does data move: push, pull, schedule, events?',
      'Which tools and languages, and why those?',
    ],
  },
  {
    stem: 'data-models',
    title: 'Data models and mappings',
    prompts: [
      'Which entities and keys join the systems?',
      'Which fields needed a transform or a lookup?',
      'Where did the models disagree, and who won?',
    ],
  },
  {
    stem: 'decisions',
    title: 'Key decisions and trade-offs',
    prompts: ['What did you choose, and what did you give up?', 'What would have changed your mind?'],
  },
  {
    stem: 'milestones',
    title: 'Milestones and timeline',
    prompts: ['What shipped first, and why that first?', 'What slipped, and how did you recover?'],
  },
  {
    stem: 'results',
    title: 'Results and lessons',
    prompts: [
      'What changed, in figures?',
      'What would you do differently next time?',
      'What is still open?',
    ],
  },
];

/**
 * The seven steps of a past-project walkthrough (context, success, architecture, data
 * models, decisions, milestones, results), each with prompt bullets to replace. Step ids
 * avoid every id in `takenIds` and each other, so the steps can be appended to any document.
 */
export function starterOutline(takenIds: ReadonlySet<string>): Step[] {
  const taken = new Set(takenIds);
  return OUTLINE.map((entry) => {
    const id = uniqueId(`step-${entry.stem}`, taken);
    taken.add(id);
    return { id, title: entry.title, bullets: [...entry.prompts] };
  });
}
