import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.bin': 'application/octet-stream',
};

export interface StaticHost {
  /** The app's address, ending in the sub-path and a slash. */
  url: string;
  close(): Promise<void>;
}

/**
 * A plain static host, as most are: serves `root` under `subPath` on 127.0.0.1 with a content
 * type and nothing else — no COOP/COEP headers, no caching headers, 404 outside the sub-path.
 */
export async function serveStatic(root: string, subPath: string): Promise<StaticHost> {
  const prefix = `/${subPath}/`;
  const server: Server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://host').pathname);
    if (!path.startsWith(prefix)) return void response.writeHead(404).end();
    const relative = normalize(path.slice(prefix.length) || 'index.html');
    if (relative.startsWith('..')) return void response.writeHead(403).end();
    try {
      const body = await readFile(join(root, relative));
      response.writeHead(200, {
        'Content-Type': contentTypes[extname(relative)] ?? 'application/octet-stream',
      });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
