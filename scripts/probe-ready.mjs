// The container's HEALTHCHECK: exit 0 when GET /api/ready answers 200, 1 otherwise.
// Plain JavaScript (no tsx in a release image). It asks 127.0.0.1 but names the first
// of ALLOWED_HOSTS as Host, since the server answers only the names it is configured for.
import { request } from 'node:http';

const port = Number(process.env.PORT || 3000);
const name = (process.env.ALLOWED_HOSTS ?? '')
  .split(',')
  .map((h) => h.trim())
  .find((h) => h !== '');
const host = name === undefined ? '127.0.0.1' : name.includes(':') ? `[${name}]` : name;
const req = request(
  {
    host: '127.0.0.1',
    port,
    path: '/api/ready',
    headers: { host: `${host}:${port}` },
    timeout: 4000,
  },
  (res) => {
    res.resume();
    process.exit(res.statusCode === 200 ? 0 : 1);
  },
);
req.on('timeout', () => req.destroy(new Error('no answer in 4 s')));
req.on('error', (e) => {
  console.error(`not ready: ${e.message}`);
  process.exit(1);
});
req.end();
