import { describe, expect, it } from 'vitest';
import { SESSION_STOP_ADVICE, SESSION_STOP_REASONS } from '../../src/safety/session-stop-advice.ts';

describe('SESSION_STOP_ADVICE', () => {
  it.each(SESSION_STOP_REASONS)(
    '"%s" stops gently and says when to get help, urgent first',
    (reason) => {
      const a = SESSION_STOP_ADVICE[reason];
      const all = [a.title, a.now, ...a.steps, a.explainer ?? ''].join(' ');
      expect(all).not.toMatch(/push through|stretch through (the|your) pain|diagnos/i);
      if (reason !== 'repeated-forcing') {
        const urgent = a.steps.findIndex((s) => /medical help straight away/.test(s));
        const nerve = a.steps.findIndex((s) => /numbness, tingling or weakness/.test(s));
        const lasting = a.steps.findIndex((s) => /no better despite several days/.test(s));
        expect(urgent).toBeGreaterThanOrEqual(0);
        expect(urgent).toBeLessThan(nerve);
        expect(nerve).toBeLessThan(lasting);
      }
    },
  );

  it('sharp pain: stop, do not stretch through it, log it, no more today', () => {
    const a = SESSION_STOP_ADVICE['sharp-pain'];
    expect(a.now).toMatch(/Do not stretch through sharp pain/);
    expect(a.steps[0]).toMatch(/pain log/);
    expect(a.steps[1]).toMatch(/rest of today/);
  });

  it('repeated forcing: the ligaments note and what the pop is', () => {
    const a = SESSION_STOP_ADVICE['repeated-forcing'];
    expect(a.steps.join(' ')).toMatch(/overstretch the ligaments/);
    expect(a.explainer).toMatch(/gas .* not a sign that the stretch worked/);
  });
});
