// Child process of the server benchmarks: the real app of server/boot.ts on 127.0.0.1, a free port, a data
// folder given on the command line. Prints {"port":…} once listening; SIGTERM closes the database.
import { serve } from '@hono/node-server';
import { fileURLToPath } from 'node:url';

type Fetch = (request: Request) => Response | Promise<Response>;

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: server-child.ts <dataDir>');
const bootPath = fileURLToPath(new URL('../server/boot.ts', import.meta.url));
const boot: unknown = await import(bootPath);
const open: unknown = typeof boot === 'object' && boot !== null ? Reflect.get(boot, 'openSegsheet') : undefined;
if (typeof open !== 'function') throw new Error('server/boot.ts does not export openSegsheet');
const segsheet: unknown = await Reflect.apply(open, undefined, [{ dataDir, seedDemo: false }]);
const app: unknown = typeof segsheet === 'object' && segsheet !== null ? Reflect.get(segsheet, 'app') : undefined;
const fetchMember: unknown = typeof app === 'object' && app !== null ? Reflect.get(app, 'fetch') : undefined;
if (typeof fetchMember !== 'function') throw new Error('openSegsheet() gave no Hono app');
const fetch: Fetch = (request) => Reflect.apply(fetchMember, app, [request]);
const close: unknown = typeof segsheet === 'object' && segsheet !== null ? Reflect.get(segsheet, 'close') : undefined;

const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info) => console.log(JSON.stringify({ port: info.port })));
process.on('SIGTERM', () => {
  server.close();
  const closing: unknown = typeof close === 'function' ? Reflect.apply(close, segsheet, []) : undefined;
  void Promise.resolve(closing).finally(() => process.exit(0));
});
