/** What Node refuses before any route runs still answers in the product's form and language. */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../helpers/app.js';

let t: TestContext;
let url: string;

beforeAll(async () => {
  t = await createTestApp();
  url = await t.app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(() => t.close());

describe('requests Node refuses', () => {
  it('says in Chinese that an over-long address is too long, instead of a bare English 431', async () => {
    // A link carrying a few hundred filter values: over Node's 16 KB header limit.
    const res = await fetch(`${url}/api/v1/enterprises?q=${'中'.repeat(3000)}`);
    expect(res.status).toBe(431);
    const body = await res.json();
    expect(body.code).toBe('request.header_too_large');
    expect(body.message).toContain('请求地址或请求头过长');
  });

  it('answers bytes that are not HTTP with a 400 in the same form', async () => {
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(new URL(url).port), '127.0.0.1', () => socket.write('NOT HTTP\r\n\r\n'));
      let data = '';
      socket.on('data', (d) => {
        data += d.toString();
      });
      socket.on('end', () => resolve(data));
      socket.on('error', reject);
    });
    expect(reply).toMatch(/^HTTP\/1\.1 400/);
    expect(JSON.parse(reply.slice(reply.indexOf('\r\n\r\n') + 4))).toMatchObject({
      code: 'request.bad',
      message: '请求有误（Bad request）',
    });
  });
});
