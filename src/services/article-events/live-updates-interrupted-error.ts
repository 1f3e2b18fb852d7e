import { DomainError } from "../errors";

/**
 * A subscription ended because it can no longer promise every event: its reader fell behind the
 * feed's retention window, or the client did not keep up with what it was sent. The client should
 * reload what it shows and subscribe again.
 */
export class LiveUpdatesInterruptedError extends DomainError {
  readonly code = "LIVE_UPDATES_INTERRUPTED";
  constructor(message: string) {
    super(message);
    this.name = "LiveUpdatesInterruptedError";
  }
}
