/**
 * The rendered guide pictures of each stretch (made by
 * `npx tsx tests/tools/render-guide-pictures.ts`): what the laptop's camera should see,
 * and a floor plan of where the laptop goes, with words for those who cannot
 * see them. Bundled with the app (same origin), a few KB each.
 */
import childCamera from '../../assets/guides/childs-pose-camera.webp';
import childPlan from '../../assets/guides/childs-pose-plan.webp';
import rollerCamera from '../../assets/guides/foam-roller-camera.webp';
import rollerPlan from '../../assets/guides/foam-roller-plan.webp';
import twistCamera from '../../assets/guides/seated-twist-camera.webp';
import twistPlan from '../../assets/guides/seated-twist-plan.webp';
import type { ExerciseId } from '../../exercises/exercise-ids.ts';

export interface GuidePicture {
  url: string;
  alt: string;
  width: number;
  height: number;
}

export interface GuidePictures {
  camera: GuidePicture;
  plan: GuidePicture;
  /** One line under the pictures: where the laptop goes. */
  placement: string;
}

const camera = (url: string, alt: string): GuidePicture => ({ url, alt, width: 480, height: 270 });
const plan = (url: string, alt: string): GuidePicture => ({ url, alt, width: 360, height: 360 });

export const GUIDE_PICTURES: Record<ExerciseId, GuidePictures> = {
  'foam-roller': {
    camera: camera(
      rollerCamera,
      'What the camera should see: a person lying back over a foam roller on a mat, seen from the side, knees bent, hands behind the head, the whole body from head to feet in the picture.',
    ),
    plan: plan(
      rollerPlan,
      'Floor plan from above: the mat lengthwise, the laptop about 2.4 m to one side of the person, its camera facing the middle of the body.',
    ),
    placement: 'Laptop on the floor at your side, about 2.4 m away, camera low.',
  },
  'seated-twist': {
    camera: camera(
      twistCamera,
      'What the camera should see: a person sitting on a mat, one knee bent, turning the chest toward it, seen from the front and a little to the side, the whole body in the picture.',
    ),
    plan: plan(
      twistPlan,
      'Floor plan from above: the mat, the laptop about 1.9 m away at 45° in front of the person, facing them.',
    ),
    placement: 'Laptop in front of you or at 45°, about 2 m away, camera at chest height.',
  },
  'childs-pose': {
    camera: camera(
      childCamera,
      'What the camera should see: a person in child’s pose on a mat, hips on the heels, forehead down, seen from the side, the whole body in the picture.',
    ),
    plan: plan(
      childPlan,
      'Floor plan from above: the mat lengthwise, the laptop about 2.3 m to one side of the person, its camera facing the middle of the body.',
    ),
    placement: 'Laptop on the floor at your side, about 2.3 m away, camera low.',
  },
};
