/** The picker never has a closed stretch selected. */
import { describe, expect, it } from 'vitest';
import { preselect } from '../../src/ui/exercise-picker/render-picker.ts';

describe('preselect', () => {
  it('keeps an open choice, "Just start", or any choice when all is open', () => {
    expect(preselect('childs-pose', ['seated-twist', 'childs-pose'])).toBe('childs-pose');
    expect(preselect(undefined, ['seated-twist'])).toBeUndefined();
    expect(preselect('foam-roller', undefined)).toBe('foam-roller');
  });

  it('moves off a closed stretch to the first open one, in the usual order', () => {
    expect(preselect('foam-roller', ['childs-pose', 'seated-twist'])).toBe('seated-twist');
    expect(preselect('foam-roller', [])).toBeUndefined();
  });
});
