/**
 * What the live view says about a form check this view cannot make
 * (issue 14: "can't check your palms from this angle"): the checker lists
 * such checks in `Verdict.notJudged`, never cues or praises them, and the
 * person should know why nothing is said about them. One line per check,
 * in the order the checker listed them; only while in the pose.
 */
import type { Verdict } from '../../exercises/checker.ts';
import type { CueCode } from '../../feedback/cue-vocabulary.ts';

/** The part of the form each check is about, as it reads after "Can't check". */
const WHAT: Partial<Record<CueCode, string>> = {
  'palms-together': 'your palms',
  'hips-back': 'your hips over your heels',
  'support-neck': 'your hands behind your head',
  'keep-hips-low': 'your hip height',
  'stay-upper-back': 'where the roller is on your back',
  'sit-tall': 'how tall you sit',
};

export function notJudgedLines(verdict: Verdict | undefined): string[] {
  if (!verdict || (verdict.phase !== 'in-position' && verdict.phase !== 'holding')) return [];
  return (verdict.notJudged ?? []).flatMap((code) => {
    const what = WHAT[code];
    return what ? [`Can’t check ${what} from this angle`] : [];
  });
}
