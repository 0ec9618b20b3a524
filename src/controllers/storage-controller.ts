/**
 * Connects a Lit element to the page's StorageService: the element
 * re-renders whenever stored data, status or errors change. Subscribes in
 * `hostConnected`, unsubscribes in `hostDisconnected`; the service itself
 * lives as long as the page.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { type StorageService, sharedStorage } from './storage-service.ts';

export class StorageController implements ReactiveController {
  private readonly onChange = () => this.host.requestUpdate();

  constructor(
    private readonly host: ReactiveControllerHost,
    readonly service: StorageService = sharedStorage(),
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.service.addEventListener('change', this.onChange);
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.service.removeEventListener('change', this.onChange);
  }
}
