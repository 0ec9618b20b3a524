/**
 * How to do each stretch, in our own words (short steps a person can follow
 * while glancing at the screen), plus where the camera goes in words (the
 * pictures are rendered ones: render-guide-pictures.ts).
 */
import type { ExerciseId } from '../../exercises/exercise-ids.ts';

export interface ExerciseGuide {
  title: string;
  camera: string;
  steps: string[];
  /** Whether the coach counts pauses (roller) or holds. */
  holdWord: 'pause' | 'hold';
}

export const EXERCISE_GUIDES: Record<ExerciseId, ExerciseGuide> = {
  'foam-roller': {
    title: 'Foam-roller upper-back extension',
    camera: 'Camera at your side, low, near the floor, about 2–3 m away.',
    steps: [
      'Sit on the floor, knees bent, feet flat; the roller behind you across your back, just under the shoulder blades.',
      'Lace your fingers behind your head to hold it, or cross your arms on your chest.',
      'Lift your hips a little and tighten your belly.',
      'Roll slowly between the middle of your back and the top of your shoulder blades. Keep off your lower back.',
      'Found a stiff spot? Pause there and breathe; you may lean back over the roller a little.',
    ],
    holdWord: 'pause',
  },
  'seated-twist': {
    title: 'Seated spinal twist',
    camera: 'Camera in front of you or at 45°, at chest height, about 2 m away.',
    steps: [
      'Sit on the floor with one leg straight.',
      'Bend the other knee and place that foot flat on the floor across the straight leg.',
      'Put the opposite elbow or hand on the outside of the bent knee; the other hand on the floor behind you.',
      'Sit tall, then turn your chest toward the bent knee.',
      'Hold 15–30 seconds, breathing out to ease a little further. Never force it. Then the other side.',
    ],
    holdWord: 'hold',
  },
  'childs-pose': {
    title: 'Child’s pose, palms together',
    camera: 'Camera at your side, low, about 2–3 m away.',
    steps: [
      'Start on your hands and knees.',
      'Walk your hands forward and sink your hips back toward your heels.',
      'Bring your palms together, bend your elbows and let your hands come toward the back of your head.',
      'Feel a gentle stretch along your upper back and sides; do not push.',
      'Hold and breathe slowly.',
    ],
    holdWord: 'hold',
  },
};
