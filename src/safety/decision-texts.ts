/** Headlines for each decision, and the one disclaimer. Our words. */
import type { Decision } from './decision.ts';

export interface DecisionText {
  title: string;
  summary: string;
}

export const DECISION_TEXT: Record<Decision, DecisionText> = {
  ok: {
    title: 'You are good to go',
    summary: 'Nothing in your answers stands in the way. Move gently and stop if anything hurts.',
  },
  'not-today': {
    title: 'Not today',
    summary: 'Your back needs rest today rather than stretching. Check in again tomorrow.',
  },
  'see-professional': {
    title: 'Please see a professional first',
    summary:
      'Something you told us is worth a professional’s look before you stretch on your own. This is a precaution, not a diagnosis.',
  },
  urgent: {
    title: 'Please get medical help now',
    summary:
      'Some of what you told us needs a doctor’s attention today. Stretching is not the right step; please put it aside.',
  },
};

/** Said once, at the start of the safety questions, where it matters. */
export const DISCLAIMER =
  'Spinewise is a stretching coach, not a medical service. It cannot tell what is causing your pain, and its questions only help decide whether self-stretching is a sensible idea today. If in doubt, ask a health professional.';
