// robots.txt, fetched once per host and kept for the life of the crawler process.
import robotsParserModule from 'robots-parser';
import { fetchPage, userAgent } from './fetch-page.ts';

type Robots = ReturnType<typeof robotsParserModule.default>;
// The package's types declare an ES default export; at run time its CommonJS export is the function itself.
const robotsParser = robotsParserModule as unknown as typeof robotsParserModule.default;

export class RobotsRules {
  private readonly byOrigin = new Map<string, Promise<Robots | null>>();

  constructor(private readonly timeoutMs: number) {}

  /** Whether robots.txt for this URL's site is already loaded (or being loaded). */
  isKnown(url: string): boolean {
    return this.byOrigin.has(new URL(url).origin);
  }

  async isAllowed(url: string): Promise<boolean> {
    const origin = new URL(url).origin;
    let robots = this.byOrigin.get(origin);
    if (!robots) {
      robots = this.load(origin);
      this.byOrigin.set(origin, robots);
    }
    const rules = await robots;
    return rules ? rules.isAllowed(url, userAgent()) !== false : true;
  }

  /** A missing or unreadable robots.txt allows everything, as the convention says. */
  private async load(origin: string): Promise<Robots | null> {
    const robotsUrl = `${origin}/robots.txt`;
    try {
      const response = await fetchPage(robotsUrl, this.timeoutMs);
      if (response.httpStatus !== 200) return null;
      return robotsParser(robotsUrl, response.text);
    } catch {
      return null;
    }
  }
}
