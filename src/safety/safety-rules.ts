/**
 * The rule table: what each "yes" on the screen, and each pain-log finding,
 * means for today. Data, not `if` chains; the reasoning sits next to each
 * rule in `why` (for readers of the code, never shown). `reason` and
 * `nextStep` are what the person reads: kind, plain, and never a diagnosis.
 */
import { EXERCISE_IDS, type ExerciseId } from '../exercises/exercise-ids.ts';
import type { Decision } from './decision.ts';
import type { QuestionId } from './screening-questions.ts';

/** Findings of the pain-log persistence rule (`pain-persistence.ts`). */
export const PAIN_FINDING_IDS = [
  'log-pain-severe',
  'log-pain-rising',
  'log-pain-not-improving',
  'log-pain-into-arms',
] as const;
export type PainFindingId = (typeof PAIN_FINDING_IDS)[number];

/** Fires when a session today was stopped with the "sharp pain" action. */
export const SESSION_RULE_IDS = ['stopped-for-sharp-pain'] as const;
export type SessionRuleId = (typeof SESSION_RULE_IDS)[number];

/** A rule fires on a screening answer, a pain-log finding, or a session stopped for pain. */
export type RuleId = QuestionId | PainFindingId | SessionRuleId;

export interface SafetyRule {
  decision: Decision;
  /** Why we are saying this, in the person's terms. */
  reason: string;
  /** What to do next. */
  nextStep: string;
  /**
   * The exercises a recorded clinician clearance may open while this rule
   * stands. Empty: a clearance opens nothing (urgent rules, and "not today",
   * which lifts by itself the next day). Only `see-professional` rules offer
   * a clearance at all.
   */
  openWithClearance: readonly ExerciseId[];
  /** The reasoning behind the decision and the exercises (for developers). */
  why: string;
}

const ALL: readonly ExerciseId[] = EXERCISE_IDS;
/** No roller: bodyweight stretches only. */
const GENTLE: readonly ExerciseId[] = ['seated-twist', 'childs-pose'];

const URGENT_NEXT =
  'Please get medical help today: call your doctor, an urgent care service, or your local emergency number if you feel very unwell. Skip the stretches until a doctor has seen you.';
const NERVE_NEXT =
  'Please have this checked soon; a physiotherapist or a chiropractor can do that. If they say the stretches are fine for you, record their go-ahead in Spinewise to unlock them.';
const CONDITION_NEXT =
  'Please ask your doctor or physical therapist which stretches suit you. If they agree, record their go-ahead in Spinewise; the foam roller stays closed in this app.';
const TODAY_NEXT = 'Rest today and go easy on yourself; the stretches can wait.';
const PERSIST_NEXT =
  'Please book a visit with a physical therapist, chiropractor or doctor. If they say the stretches are fine for you, record their go-ahead in Spinewise to unlock them.';

export const SAFETY_RULES: Record<RuleId, SafetyRule> = {
  // Urgent: general red flags. Back pain together with these can come from
  // something other than stiff joints; that needs a doctor now, not stretches.
  'unexplained-weight-loss': {
    decision: 'urgent',
    reason: 'Back pain together with weight loss you cannot explain needs a doctor’s look.',
    nextStep: URGENT_NEXT,
    openWithClearance: [],
    why: 'Red flag for immediate medical attention. A clearance form is not the place to lift it: the person re-answers the screen once they have been seen.',
  },
  fever: {
    decision: 'urgent',
    reason: 'Back pain together with a fever needs a doctor’s look.',
    nextStep: URGENT_NEXT,
    openWithClearance: [],
    why: 'Red flag for immediate medical attention (possible infection). Same handling as weight loss.',
  },
  'bladder-bowel-changes': {
    decision: 'urgent',
    reason:
      'Back pain together with changes in bladder or bowel control needs a doctor straight away.',
    nextStep: URGENT_NEXT,
    openWithClearance: [],
    why: 'Red flag for immediate medical attention (possible nerve compression). Same handling as weight loss.',
  },
  // Nerve signs: prompt assessment. Once a clinician has looked and agreed,
  // all three stretches may open: the assessment is what was missing, and the
  // coach still watches for forcing during every session.
  'pain-into-arms': {
    decision: 'see-professional',
    reason: 'Pain that travels into an arm or hand can mean a nerve is irritated.',
    nextStep: NERVE_NEXT,
    openWithClearance: ALL,
    why: 'Neurological sign: a physio or chiropractor should assess it promptly, before any self-mobilisation.',
  },
  numbness: {
    decision: 'see-professional',
    reason: 'Numbness can mean a nerve is involved.',
    nextStep: NERVE_NEXT,
    openWithClearance: ALL,
    why: 'Neurological sign, as pain-into-arms.',
  },
  tingling: {
    decision: 'see-professional',
    reason: 'Tingling or pins and needles can mean a nerve is involved.',
    nextStep: NERVE_NEXT,
    openWithClearance: ALL,
    why: 'Neurological sign, as pain-into-arms.',
  },
  weakness: {
    decision: 'see-professional',
    reason: 'Weakness in an arm or hand can mean a nerve is involved.',
    nextStep: NERVE_NEXT,
    openWithClearance: ALL,
    why: 'Neurological sign, as pain-into-arms.',
  },
  // Conditions where forceful self-mobilisation is to be avoided. The roller
  // puts the body's weight through the spine and invites arching over it:
  // exactly the forceful kind. It stays closed even with a clearance (a
  // clinician who wants it can guide it in person). The seated twist and
  // child's pose are slow, bodyweight, self-limited stretches, so a clinician
  // may open them.
  'severe-osteoporosis': {
    decision: 'see-professional',
    reason: 'With fragile bones, pressure and forceful movement of the spine carry a real risk.',
    nextStep: CONDITION_NEXT,
    openWithClearance: GENTLE,
    why: 'Contraindication to forceful self-mobilisation: roller closed for good, gentle stretches only with a clearance.',
  },
  'spinal-cancer': {
    decision: 'see-professional',
    reason: 'With cancer in or near the spine, only your care team can say which movement is safe.',
    nextStep: CONDITION_NEXT,
    openWithClearance: GENTLE,
    why: 'Contraindication to forceful self-mobilisation: as osteoporosis.',
  },
  'disc-problems': {
    decision: 'see-professional',
    reason:
      'With a known disc problem, forceful stretching or pressure on the spine is best avoided.',
    nextStep: CONDITION_NEXT,
    openWithClearance: GENTLE,
    why: 'Contraindication to forceful self-mobilisation: as osteoporosis.',
  },
  // Today only: self-mobilising on a fresh injury can make it worse. The
  // answers expire at midnight, so the person can check in again tomorrow.
  'sharp-pain-now': {
    decision: 'not-today',
    reason: 'Stretching into sharp pain can make things worse.',
    nextStep: TODAY_NEXT,
    openWithClearance: [],
    why: 'Acute sharp pain: no self-mobilisation today; re-asked tomorrow by the daily check.',
  },
  'significant-swelling': {
    decision: 'not-today',
    reason: 'Swelling is a sign the area needs rest, not stretching.',
    nextStep: TODAY_NEXT,
    openWithClearance: [],
    why: 'Significant swelling: as sharp pain.',
  },
  'recent-injury': {
    decision: 'not-today',
    reason: 'A recent injury needs time to settle before you stretch it.',
    nextStep: `${TODAY_NEXT} If it still hurts in a few days, have it looked at.`,
    openWithClearance: [],
    why: 'Recent injury: as sharp pain. The persistence rule catches it if it does not settle.',
  },
  // Pain that lasts, is severe, or grows: see a healthcare provider. After
  // they agree, all three open; the pain log keeps watching from that day on.
  'pain-not-improving': {
    decision: 'see-professional',
    reason:
      'Pain that is no better despite several days of rest and easy movement deserves a professional look.',
    nextStep: PERSIST_NEXT,
    openWithClearance: ALL,
    why: 'Persistence: consult a healthcare provider.',
  },
  'pain-severe': {
    decision: 'see-professional',
    reason: 'Severe pain deserves a professional look before you stretch.',
    nextStep: PERSIST_NEXT,
    openWithClearance: ALL,
    why: 'Severe pain: professional attention.',
  },
  'pain-getting-worse': {
    decision: 'see-professional',
    reason: 'Pain that keeps getting worse deserves a professional look.',
    nextStep: PERSIST_NEXT,
    openWithClearance: ALL,
    why: 'Worsening pain: professional attention.',
  },
  // The same three, read from the pain log instead of an answer.
  'log-pain-severe': {
    decision: 'see-professional',
    reason: 'Your pain log shows severe pain in the last few days.',
    nextStep: PERSIST_NEXT,
    openWithClearance: ALL,
    why: 'Persistence rule, severe: a recent entry at or above the severe level.',
  },
  'log-pain-rising': {
    decision: 'see-professional',
    reason: 'Your pain log shows your pain rising over the last few days.',
    nextStep: PERSIST_NEXT,
    openWithClearance: ALL,
    why: 'Persistence rule, rising trend over the recent window.',
  },
  'log-pain-not-improving': {
    decision: 'see-professional',
    reason: 'Your pain log shows the pain has not eased over the last few days.',
    nextStep: PERSIST_NEXT,
    openWithClearance: ALL,
    why: 'Persistence rule, no improvement over a few days of logged pain.',
  },
  'log-pain-into-arms': {
    decision: 'see-professional',
    reason: 'Your pain log shows pain in your arms or hands, which can mean a nerve is involved.',
    nextStep: NERVE_NEXT,
    openWithClearance: ALL,
    why: 'A logged location in the arms or hands is the same nerve sign as pain-into-arms.',
  },
  // Pressing "sharp pain" during a session is the same signal as answering
  // "sharp pain today": no more stretching today, check in again tomorrow.
  'stopped-for-sharp-pain': {
    decision: 'not-today',
    reason: 'A session today stopped because of sharp pain.',
    nextStep: `${TODAY_NEXT} Noting the pain in the pain log helps you see whether it settles.`,
    openWithClearance: [],
    why: 'A sharp-pain stop is acute sharp pain reported live; same handling as sharp-pain-now, for the rest of the day.',
  },
};
