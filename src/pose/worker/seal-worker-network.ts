/**
 * Seals a worker's network to its own origin. The page's CSP (a `<meta>`)
 * does not reach a dedicated worker, and a plain static host sends no CSP
 * header for the worker script, so without this MediaPipe's usage-log POST
 * (every 60 s and on close()) would leave the device. Every way a worker
 * can reach the network from script is wrapped: an off-origin URL is
 * refused before any request is made; same-origin, blob: and data: pass.
 * A same-origin GET that `serveLocal` answers (a file already fetched and
 * checked) makes no request at all.
 */

/** The parts of a worker global this touches (a fake one in unit tests). */
export interface NetworkScope {
  location: { href: string; origin: string };
  fetch?: typeof fetch;
  XMLHttpRequest?: typeof XMLHttpRequest;
  WebSocket?: typeof WebSocket;
  EventSource?: typeof EventSource;
  /** A window's navigator has sendBeacon; a worker's has none today, but may one day. */
  navigator?: object;
}

type Beacon = (url: string | URL, data?: BodyInit | null) => boolean;

/** Local schemes: their content is already on the device. */
const LOCAL_SCHEMES = new Set(['blob:', 'data:']);

/** Whether `url` (relative to `base`) stays on `origin` or on the device. */
export function staysOnOrigin(url: string | URL, base: string, origin: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url, base);
  } catch {
    return false; // unparseable: refuse rather than guess
  }
  return LOCAL_SCHEMES.has(parsed.protocol) || parsed.origin === origin;
}

export class OffOriginRequestError extends TypeError {
  constructor(readonly url: string) {
    super(`Spinewise refused a request to ${url}: nothing may leave this device.`);
    this.name = 'OffOriginRequestError';
  }
}

function urlOf(input: RequestInfo | URL): string {
  if (typeof input === 'string') return input;
  if (input instanceof URL) return input.href;
  return input.url;
}

/** Replaces a global for good (an engine must not put the original back). */
function lock<K extends keyof NetworkScope>(scope: NetworkScope, key: K, value: NetworkScope[K]) {
  Object.defineProperty(scope, key, { value, writable: false, configurable: false });
}

/** Answers a same-origin GET from what is already on the device; undefined: fetch it. */
export type LocalResponder = (url: URL) => Promise<Response> | undefined;

function isGet(input: RequestInfo | URL, init?: RequestInit): boolean {
  const method =
    init?.method ?? (typeof input === 'object' && 'method' in input ? input.method : 'GET');
  return method.toUpperCase() === 'GET';
}

/**
 * Wraps fetch, XMLHttpRequest, WebSocket, EventSource and sendBeacon in
 * `scope`. `onRefused` hears each refused URL (the worker logs it).
 * Call before any engine code runs.
 */
export function sealWorkerNetwork(
  scope: NetworkScope,
  onRefused: (url: string) => void = () => {},
  serveLocal?: LocalResponder,
): void {
  const { href, origin } = scope.location;
  const allowed = (url: string | URL) => staysOnOrigin(url, href, origin);
  const refuse = (url: string | URL) => {
    const error = new OffOriginRequestError(String(url));
    onRefused(error.url);
    return error;
  };

  const originalFetch = scope.fetch;
  if (originalFetch) {
    const sealedFetch = (input: RequestInfo | URL, init?: RequestInit) => {
      const url = urlOf(input);
      if (!allowed(url)) return Promise.reject(refuse(url));
      const local = serveLocal && isGet(input, init) ? serveLocal(new URL(url, href)) : undefined;
      return local ?? originalFetch.call(globalThis, input, init);
    };
    lock(scope, 'fetch', sealedFetch as typeof fetch);
  }

  const OriginalXhr = scope.XMLHttpRequest;
  if (OriginalXhr) {
    class SealedXMLHttpRequest extends OriginalXhr {
      override open(method: string, url: string | URL, ...rest: [boolean?, string?, string?]) {
        if (!allowed(url)) throw refuse(url);
        // The 2-argument form is synchronous-capable only when async is omitted, so keep the arity.
        if (rest.length === 0) return super.open(method, url);
        return super.open(method, url, rest[0] ?? true, rest[1], rest[2]);
      }
    }
    lock(scope, 'XMLHttpRequest', SealedXMLHttpRequest);
  }

  if (scope.WebSocket) {
    // ws: and wss: are never this page's http(s) origin, and the worker has no use for sockets.
    const SealedWebSocket = function SealedWebSocket(url: string | URL) {
      throw refuse(url);
    };
    lock(scope, 'WebSocket', SealedWebSocket as unknown as typeof WebSocket);
  }

  const OriginalEventSource = scope.EventSource;
  if (OriginalEventSource) {
    class SealedEventSource extends OriginalEventSource {
      constructor(url: string | URL, init?: EventSourceInit) {
        if (!allowed(url)) throw refuse(url);
        super(url, init);
      }
    }
    lock(scope, 'EventSource', SealedEventSource);
  }

  const nav = scope.navigator as { sendBeacon?: Beacon } | undefined;
  const originalBeacon = nav?.sendBeacon;
  if (nav && originalBeacon) {
    Object.defineProperty(nav, 'sendBeacon', {
      value: (url: string | URL, data?: BodyInit | null) => {
        if (!allowed(url)) {
          refuse(url);
          return false; // the beacon's own way of saying "not queued"
        }
        return originalBeacon.call(nav, url, data);
      },
      writable: false,
      configurable: false,
    });
  }
}
