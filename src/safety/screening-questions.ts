/**
 * The screening questions, grouped as the person sees them. Each answer is a
 * yes/no; the rules in `safety-rules.ts` say what a "yes" means. Wording is
 * ours: short, plain, no medical jargon, no diagnosis.
 */

export const QUESTION_GROUPS = [
  'general-health',
  'nerves',
  'conditions',
  'today',
  'pain-course',
] as const;
export type QuestionGroup = (typeof QUESTION_GROUPS)[number];

export const QUESTION_IDS = [
  'unexplained-weight-loss',
  'fever',
  'bladder-bowel-changes',
  'pain-into-arms',
  'numbness',
  'tingling',
  'weakness',
  'severe-osteoporosis',
  'spinal-cancer',
  'disc-problems',
  'sharp-pain-now',
  'significant-swelling',
  'recent-injury',
  'pain-not-improving',
  'pain-severe',
  'pain-getting-worse',
] as const;
export type QuestionId = (typeof QUESTION_IDS)[number];

/** Yes (true) or no (false) for every question. */
export type ScreeningAnswers = Readonly<Record<QuestionId, boolean>>;

export interface ScreeningQuestion {
  id: QuestionId;
  group: QuestionGroup;
  /** The words on the checkbox. */
  label: string;
}

export interface QuestionGroupText {
  /** Fieldset legend. */
  legend: string;
  /** One line under the legend. */
  hint: string;
  /**
   * True when answers in this group describe today only: they are dropped the
   * next day, which is how "not today" lets the person come back tomorrow.
   */
  todayOnly: boolean;
}

export const QUESTION_GROUP_TEXT: Record<QuestionGroup, QuestionGroupText> = {
  'general-health': {
    legend: 'Along with your back pain, have you noticed…',
    hint: 'Tick any that apply.',
    todayOnly: false,
  },
  nerves: {
    legend: 'In your arms or hands, do you have…',
    hint: 'Tick any that apply.',
    todayOnly: false,
  },
  conditions: {
    legend: 'Has a doctor ever told you that you have…',
    hint: 'Tick any that apply.',
    todayOnly: false,
  },
  today: {
    legend: 'Today, do you have…',
    hint: 'Only about today. We ask again each day.',
    todayOnly: true,
  },
  'pain-course': {
    legend: 'About your back pain over the last days…',
    hint: 'Tick any that apply.',
    todayOnly: false,
  },
};

export const SCREENING_QUESTIONS: readonly ScreeningQuestion[] = [
  {
    id: 'unexplained-weight-loss',
    group: 'general-health',
    label: 'Weight loss you cannot explain',
  },
  { id: 'fever', group: 'general-health', label: 'A fever' },
  {
    id: 'bladder-bowel-changes',
    group: 'general-health',
    label: 'New trouble controlling or emptying your bladder or bowels',
  },
  { id: 'pain-into-arms', group: 'nerves', label: 'Pain that spreads into an arm or hand' },
  { id: 'numbness', group: 'nerves', label: 'Numbness' },
  { id: 'tingling', group: 'nerves', label: 'Tingling or pins and needles' },
  { id: 'weakness', group: 'nerves', label: 'Weakness, such as trouble gripping' },
  { id: 'severe-osteoporosis', group: 'conditions', label: 'Severe osteoporosis (fragile bones)' },
  { id: 'spinal-cancer', group: 'conditions', label: 'Cancer in or near the spine' },
  { id: 'disc-problems', group: 'conditions', label: 'A disc problem in your back or neck' },
  { id: 'sharp-pain-now', group: 'today', label: 'Sharp or stabbing pain in your back' },
  { id: 'significant-swelling', group: 'today', label: 'Clear swelling on your back' },
  { id: 'recent-injury', group: 'today', label: 'A recent fall, knock or strain to your back' },
  {
    id: 'pain-not-improving',
    group: 'pain-course',
    label: 'It is no better despite several days of rest and easy movement',
  },
  { id: 'pain-severe', group: 'pain-course', label: 'It is severe' },
  { id: 'pain-getting-worse', group: 'pain-course', label: 'It keeps getting worse' },
];

/** Every question answered "no": the starting point of the form. */
export function allNo(): Record<QuestionId, boolean> {
  return Object.fromEntries(QUESTION_IDS.map((id) => [id, false])) as Record<QuestionId, boolean>;
}

/** True for a question whose answer only holds on the day it was given. */
export function isTodayOnly(id: QuestionId): boolean {
  const q = SCREENING_QUESTIONS.find((x) => x.id === id);
  return q ? QUESTION_GROUP_TEXT[q.group].todayOnly : false;
}
