import { afterEach, describe, expect, it } from 'vitest';
import { CHROMIUM_INSTALL_HINT, chromiumPath } from '../support/chromium.ts';

describe('finding Chromium for the browser tests', () => {
  const saved = process.env.CHROMIUM_PATH;
  afterEach(() => {
    if (saved === undefined) delete process.env.CHROMIUM_PATH;
    else process.env.CHROMIUM_PATH = saved;
  });

  it('names the install command when Chromium is missing', () => {
    process.env.CHROMIUM_PATH = '/nowhere/chromium';
    expect(() => chromiumPath()).toThrow(`Chromium not found at /nowhere/chromium`);
    expect(() => chromiumPath()).toThrow(CHROMIUM_INSTALL_HINT);
    expect(CHROMIUM_INSTALL_HINT).toBe('apt-get install -y chromium');
  });
});
