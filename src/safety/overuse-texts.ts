/** What the overuse notes say. Our words; kind, not scolding. */
import type { OveruseKind, OveruseNote } from './overuse.ts';
import { OVERSTRETCH_NOTE, POP_EXPLAINER } from './pop-explainer.ts';

export interface OveruseText {
  title: string;
  body: string;
}

export function overuseText(note: OveruseNote): OveruseText {
  const texts: Record<OveruseKind, OveruseText> = {
    'many-sessions': {
      title: `You have done ${note.count} sessions today`,
      body: `These stretches work best once or twice a day. More is not better. ${OVERSTRETCH_NOTE}`,
    },
    'repeated-forcing': {
      title: 'The coach noticed some forcing lately',
      body: `Jerky pushes at the end of a stretch were flagged ${note.count} times. ${OVERSTRETCH_NOTE} Ease in slowly and stop before it hurts.`,
    },
  };
  return texts[note.kind];
}

export { POP_EXPLAINER };
