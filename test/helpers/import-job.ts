/** An enterprise import through the API the upload page uses, waited for: the finished job. */
import type { Client } from './app.js';

export async function importCsv(client: Client, csv: string, name = 'firms.csv') {
  const res = await client.postForm('/api/v1/enterprises/imports', {}, { name, content: Buffer.from(csv) });
  const id = res.json().id;
  for (let i = 0; i < 200; i++) {
    const job = (await client.get(`/api/v1/jobs/${id}`)).json();
    if (job.status === 'succeeded') return job;
    if (job.status === 'failed') throw new Error(job.error);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('import timed out');
}
