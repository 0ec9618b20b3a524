/**
 * Which message to say next, one at a time. Safety messages are never cut
 * or dropped: they wait for nothing but another safety message, and they
 * cut an ordinary cue that is being said. An ordinary cue that cannot be
 * said now replaces any ordinary cue still waiting (a stale correction is
 * worse than none). Pure: the controller does the speaking.
 */
export interface SpeechItem {
  text: string;
  /** Safety messages are never cut short. */
  safety: boolean;
}

export type SpeechAction =
  | { kind: 'speak'; item: SpeechItem }
  | { kind: 'cut-and-speak'; item: SpeechItem }
  | { kind: 'wait' };

export class SpeechQueue {
  private speaking: SpeechItem | undefined;
  private readonly waiting: SpeechItem[] = [];

  /** A new message; says what to do now. */
  push(item: SpeechItem): SpeechAction {
    if (!this.speaking) {
      this.speaking = item;
      return { kind: 'speak', item };
    }
    if (item.safety && !this.speaking.safety) {
      this.speaking = item;
      return { kind: 'cut-and-speak', item };
    }
    if (item.safety) {
      this.waiting.push(item);
    } else {
      // Keep waiting safety messages; the newest ordinary cue replaces older ordinary ones.
      for (let i = this.waiting.length - 1; i >= 0; i--) {
        if (!this.waiting[i]!.safety) this.waiting.splice(i, 1);
      }
      this.waiting.push(item);
    }
    return { kind: 'wait' };
  }

  /** The current message finished; returns the next one to say, if any. */
  done(): SpeechItem | undefined {
    this.speaking = this.waiting.shift();
    return this.speaking;
  }

  get current(): SpeechItem | undefined {
    return this.speaking;
  }

  /** Drops ordinary messages (voice turned off, session paused); safety ones stay. */
  clearOrdinary(): void {
    for (let i = this.waiting.length - 1; i >= 0; i--) {
      if (!this.waiting[i]!.safety) this.waiting.splice(i, 1);
    }
  }
}
