/**
 * The transport floor of `npm run bench:api`: a plain node:http server that reads each
 * request body, parses it as JSON and answers with the same stored bytes every time (a real
 * evaluate reply, taken from the service before the run). No validation, no rules, no
 * serialisation: what it measures is what HTTP on loopback, the request's JSON and
 * autocannon itself cost on this machine, which no version of the service can go below.
 *
 * Started by bench/api.ts with PORT and FLOOR_REPLY_FILE set; not part of the product.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const reply = readFileSync(process.env.FLOOR_REPLY_FILE as string);
const port = Number(process.env.PORT);

createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    if (body.length > 0) JSON.parse(body.toString('utf8'));
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': reply.length });
    res.end(reply);
  });
}).listen(port, '127.0.0.1');
