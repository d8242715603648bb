/**
 * One line of progress on a terminal, rewritten in place; on a pipe or a log file, at most one
 * line every few seconds, so long imports show they are alive without flooding a CI log.
 */
export class ProgressLine {
  private lastWrite = 0;
  private started = Date.now();

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly prefix: string,
  ) {}

  update(text: string) {
    const now = Date.now();
    const elapsed = `${((now - this.started) / 1000).toFixed(1)} s`;
    if (this.stream.isTTY) {
      if (now - this.lastWrite < 100) return;
      this.stream.write(`\r${this.prefix}${text} (${elapsed})\u001b[K`);
    } else {
      if (now - this.lastWrite < 5000) return;
      this.stream.write(`${this.prefix}${text} (${elapsed})\n`);
    }
    this.lastWrite = now;
  }

  done() {
    if (this.stream.isTTY && this.lastWrite > 0) this.stream.write('\r\u001b[K');
  }
}
