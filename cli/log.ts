// Everything the CLI says to people goes to stderr, so stdout stays clean for data
// (`kuzet analyze` writes JSON Lines there). Never log personal data: counts and ids only.
export function say(message: string): void {
  process.stderr.write(`${message}\n`);
}

export function fail(message: string): never {
  process.stderr.write(`kuzet: ${message}\n`);
  process.exit(1);
}

/** A one-line progress display, rewritten in place on a terminal. */
export function progressLine(line: string): void {
  if (process.stderr.isTTY) process.stderr.write(`\r\x1b[2K${line}`);
  else say(line);
}
