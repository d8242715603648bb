/**
 * One line of progress on a terminal, rewritten in place; on a pipe or a log file, at most one
 * line every few seconds, so long imports show they are alive without flooding a CI log. When the
 * work can say how far it has come (a share from 0 to 1), the line has a bar, the percentage and,
 * once the pace is known, the time left.
 */
export class ProgressLine {
  private lastWrite = 0;
  private started = Date.now();

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly prefix: string,
  ) {}

  update(text: string, fraction?: number) {
    const now = Date.now();
    if (now - this.lastWrite < (this.stream.isTTY ? 100 : 5000)) return;
    const line = progressText(text, now - this.started, fraction, Boolean(this.stream.isTTY));
    this.stream.write(this.stream.isTTY ? `\r${this.prefix}${line}\u001b[K` : `${this.prefix}${line}\n`);
    this.lastWrite = now;
  }

  done() {
    if (this.stream.isTTY && this.lastWrite > 0) this.stream.write('\r\u001b[K');
  }
}

const BAR_CELLS = 24;

/**
 * `[##########..............]  42 % 420000 records (12.0 s, about 17 s left)`: the bar only on a
 * terminal; the time left once at least 5 % and 2 s have passed (before that it is a guess).
 */
export function progressText(text: string, elapsedMs: number, fraction: number | undefined, bar: boolean) {
  const elapsed = `${(elapsedMs / 1000).toFixed(1)} s`;
  if (fraction === undefined || !Number.isFinite(fraction)) return `${text} (${elapsed})`;
  const share = Math.min(1, Math.max(0, fraction));
  const percent = `${Math.floor(share * 100)} %`.padStart(5);
  const cells = Math.round(share * BAR_CELLS);
  const drawn = bar ? `[${'#'.repeat(cells)}${'.'.repeat(BAR_CELLS - cells)}] ` : '';
  const left =
    share >= 0.05 && share < 1 && elapsedMs >= 2000
      ? `, about ${Math.ceil((elapsedMs * (1 - share)) / share / 1000)} s left`
      : '';
  return `${drawn}${percent} ${text} (${elapsed}${left})`;
}
