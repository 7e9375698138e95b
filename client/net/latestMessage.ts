/**
 * The newest message of one kind, kept from the moment a connection opens: a listener added later
 * (a scene that attaches after the connection was made) still gets what already came, then each new one.
 */
export class LatestMessage<T> {
  private value: T | null = null;
  private readonly listeners: ((value: T) => void)[] = [];

  /** The last value received, if any. */
  get latest(): T | null {
    return this.value;
  }

  receive(value: T): void {
    this.value = value;
    for (const listener of this.listeners) listener(value);
  }

  listen(listener: (value: T) => void): void {
    this.listeners.push(listener);
    if (this.value !== null) listener(this.value);
  }
}
