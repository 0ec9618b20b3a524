/**
 * Moves keyboard focus to a new view's heading, so keyboard and screen-reader
 * users land on what just appeared instead of on <body> (the button they
 * pressed is gone). The heading is the first element marked
 * `data-view-heading` (with tabindex="-1"), searched through nested shadow
 * roots, each element's render awaited first.
 */
type MaybeLit = Element & { updateComplete?: Promise<unknown> };

async function findHeading(root: ParentNode, depth = 0): Promise<HTMLElement | undefined> {
  const own = root.querySelector<HTMLElement>('[data-view-heading]');
  if (own) return own;
  if (depth > 4) return undefined;
  for (const el of Array.from(root.querySelectorAll<MaybeLit>('*'))) {
    if (!el.shadowRoot) continue;
    await el.updateComplete;
    const found = await findHeading(el.shadowRoot, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** Focuses the view heading under `root`; false when there is none. */
export async function focusViewHeading(root: ParentNode): Promise<boolean> {
  const heading = await findHeading(root);
  if (!heading) return false;
  heading.focus();
  return true;
}
