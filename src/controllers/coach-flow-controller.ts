/**
 * Holds the live coach's flow state (session/coach-flow.ts) for a Lit
 * element: `dispatch` stamps each event with performance.now(), asks the
 * host to render, then hands the transition's effects, in order, to
 * `perform` (the controllers that carry them out). Leaving the page
 * restarts the flow, which cancels any start in progress.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  type CoachFlowState,
  coachFlow,
  type FlowEffect,
  type FlowEvent,
  INITIAL_FLOW,
} from '../session/coach-flow.ts';

export class CoachFlowController implements ReactiveController {
  state: CoachFlowState = INITIAL_FLOW;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly perform: (effect: FlowEffect) => void,
    private readonly now: () => number = () => performance.now(),
  ) {
    host.addController(this);
  }

  dispatch(event: FlowEvent): void {
    this.state = coachFlow(this.state, event, this.now());
    this.host.requestUpdate();
    // An effect may dispatch again (synchronously); this transition's list is kept apart.
    for (const effect of this.state.effects) this.perform(effect);
  }

  hostDisconnected(): void {
    this.dispatch({ type: 'restart' });
  }
}
