// A stand-in for the MVD entry-ban service: answers by the Cyrillic surname asked about, as
// the real one would (a ban, no data), or with a captcha page, and remembers what it was asked.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const ANSWERS = {
  ban: '<html><body><div class="result">Въезд не разрешен</div></body></html>',
  noData: '<html><body><p>Данных нет</p></body></html>',
  captcha: '<html><body><form><img src="/captcha.png"><input name="captcha_code"> Введите код с картинки</form></body></html>',
  unrecognised: '<html><body><h1>Сервис на обслуживании</h1></body></html>',
};

export interface FakeEntryBanService {
  url: string;
  /** Query parameters of each answered look-up (robots.txt not included). */
  asked: URLSearchParams[];
  close(): Promise<void>;
}

export async function startEntryBanService(): Promise<FakeEntryBanService> {
  const asked: URLSearchParams[] = [];
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/robots.txt') {
      response.writeHead(404).end();
      return;
    }
    asked.push(url.searchParams);
    const surname = url.searchParams.get('fio') ?? '';
    if (surname.startsWith('Осмонов')) {
      response.writeHead(429, { 'retry-after': '120' }).end('Too many requests');
      return;
    }
    const page = surname.startsWith('Жумабеков')
      ? ANSWERS.ban
      : surname.startsWith('Мамытов')
        ? ANSWERS.noData
        : surname.startsWith('Сыдыков')
          ? ANSWERS.unrecognised
          : ANSWERS.captcha;
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/info-service.htm`,
    asked,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
