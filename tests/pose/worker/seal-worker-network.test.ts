/**
 * The worker's network seal at its boundary: a fake worker global whose
 * fetch / XMLHttpRequest / sendBeacon record what reached them. Off-origin
 * URLs (absolute, protocol-relative, Request objects, URL objects) are
 * refused before the original is called; same-origin, relative, blob: and
 * data: pass through unchanged. The real worker is tested on the
 * production build in tests/browser/bare-host-privacy.test.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  type NetworkScope,
  OffOriginRequestError,
  sealWorkerNetwork,
  staysOnOrigin,
} from '../../../src/pose/worker/seal-worker-network.ts';

const ORIGIN = 'http://127.0.0.1:4173';
const HREF = `${ORIGIN}/assets/pose-worker-abc.js`;

function fakeScope() {
  const reached: string[] = [];
  class FakeXhr {
    open(method: string, url: string | URL) {
      reached.push(`xhr ${method} ${String(url)}`);
    }
  }
  const scope: NetworkScope = {
    location: { href: HREF, origin: ORIGIN },
    fetch: (async (input: RequestInfo | URL) => {
      reached.push(`fetch ${typeof input === 'string' ? input : String(input)}`);
      return new Response('ok');
    }) as typeof fetch,
    XMLHttpRequest: FakeXhr as unknown as typeof XMLHttpRequest,
    WebSocket: class {} as unknown as typeof WebSocket,
    navigator: {
      sendBeacon: (url: string | URL) => {
        reached.push(`beacon ${String(url)}`);
        return true;
      },
    },
  };
  const refused: string[] = [];
  sealWorkerNetwork(scope, (url) => refused.push(url));
  return { scope, reached, refused };
}

describe('staysOnOrigin', () => {
  it.each([
    ['/models/manifest.json', true],
    ['./chunk.js', true],
    [`${ORIGIN}/wasm/tfjs/x.wasm`, true],
    ['blob:http://127.0.0.1:4173/6d1c', true],
    ['data:text/plain,hi', true],
    ['https://odml.pa.googleapis.com/v1/log', false],
    ['//example.com/x', false],
    ['http://127.0.0.1:9999/other-port', false],
    ['https://127.0.0.1:4173/other-scheme', false],
    ['ws://127.0.0.1:4173/socket', false],
    ['http://[bad', false],
  ])('%s → %s', (url, expected) => {
    expect(staysOnOrigin(url, HREF, ORIGIN)).toBe(expected);
  });
});

describe('sealWorkerNetwork', () => {
  it('refuses an off-origin fetch without calling the real fetch, and says why', async () => {
    const { scope, reached, refused } = fakeScope();
    const log = 'https://odml.pa.googleapis.com/v1/log';
    await expect(scope.fetch!(log, { method: 'POST' })).rejects.toBeInstanceOf(
      OffOriginRequestError,
    );
    await expect(scope.fetch!(new URL(log))).rejects.toThrow(/refused a request to https:\/\/odml/);
    await expect(scope.fetch!(new Request(log))).rejects.toThrow(/nothing may leave/);
    expect(reached).toEqual([]);
    expect(refused).toEqual([log, log, log]);
  });

  it('lets same-origin, relative and local fetches through unchanged', async () => {
    const { scope, reached, refused } = fakeScope();
    const response = await scope.fetch!('/models/manifest.json');
    expect(await response.text()).toBe('ok');
    await scope.fetch!('blob:http://127.0.0.1:4173/6d1c');
    expect(reached).toEqual([
      'fetch /models/manifest.json',
      'fetch blob:http://127.0.0.1:4173/6d1c',
    ]);
    expect(refused).toEqual([]);
  });

  it('refuses an off-origin XMLHttpRequest at open(), passes a same-origin one', () => {
    const { scope, reached } = fakeScope();
    const Xhr = scope.XMLHttpRequest!;
    expect(() => new Xhr().open('POST', 'https://example.com/log')).toThrow(OffOriginRequestError);
    new Xhr().open('GET', '/wasm/tfjs/tfjs-backend-wasm.wasm');
    expect(reached).toEqual(['xhr GET /wasm/tfjs/tfjs-backend-wasm.wasm']);
  });

  it('refuses every WebSocket and an off-origin beacon (false: not queued)', () => {
    const { scope, reached, refused } = fakeScope();
    expect(() => new scope.WebSocket!('ws://127.0.0.1:4173/')).toThrow(OffOriginRequestError);
    const beacon = (scope.navigator as { sendBeacon: (u: string) => boolean }).sendBeacon;
    expect(beacon('https://example.com/b')).toBe(false);
    expect(beacon('/same-origin-beacon')).toBe(true);
    expect(reached).toEqual(['beacon /same-origin-beacon']);
    expect(refused).toEqual(['ws://127.0.0.1:4173/', 'https://example.com/b']);
  });

  it('cannot be undone by assigning the globals again', () => {
    const { scope } = fakeScope();
    const sealed = scope.fetch;
    // Modules are strict: assigning a read-only property throws.
    expect(() => {
      (scope as { fetch: unknown }).fetch = async () => new Response('leak');
    }).toThrow(TypeError);
    expect(scope.fetch).toBe(sealed);
  });
});
