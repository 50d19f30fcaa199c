/**
 * Local LMS stand-in: serves the packaged course zips from `release/` next to a page that
 * plays the LMS (scorm-again API + learner records in localStorage), so the exported
 * SCORM 1.2 and 2004 packages can be tried, demonstrated and tested without a real LMS.
 *
 *   node src/stand-in/server.ts [--port 4321] [--release release] [--host 127.0.0.1]
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build, type Plugin } from 'esbuild';
import { ReleasePackages } from './release-packages.ts';

const STAND_IN_DIR = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(STAND_IN_DIR, '../..');
// The minified ESM build is one self-contained file exporting both Scorm12API and Scorm2004API
// (a third of the plain build's size, so the page starts faster); its source map keeps it debuggable.
const SCORM_AGAIN_DIST = path.join(REPO_ROOT, 'node_modules/scorm-again/dist/esm');
export const SCORM_AGAIN_URL = '/vendor/scorm-again.js';
const VENDOR_FILES = new Map([
  [SCORM_AGAIN_URL, path.join(SCORM_AGAIN_DIST, 'scorm-again.min.js')],
  // The name the minified file's sourceMappingURL comment asks for.
  ['/vendor/scorm-again.min.js.map', path.join(SCORM_AGAIN_DIST, 'scorm-again.min.js.map')],
]);

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.xsd': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.mp3': 'audio/mpeg',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.vtt': 'text/vtt; charset=utf-8',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

class HttpError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

function send(response: ServerResponse, status: number, contentType: string, body: string | Uint8Array): void {
  response.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(body),
    // Everything here changes as the course is rebuilt; a cached copy would hide the change.
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  response.end(body);
}

/**
 * Splits `/packages/<zip>/<path>` into a zip name and an entry path, refusing anything that
 * tries to climb out (`..`, encoded or not), absolute paths, backslashes and NUL bytes.
 */
export function packageRequestPath(rawPathname: string): { zipFile: string; innerPath: string } {
  const segments = rawPathname.slice('/packages/'.length).split('/');
  let decoded: string[];
  try {
    decoded = segments.map((segment) => decodeURIComponent(segment));
  } catch {
    throw new HttpError(400, 'Bad request: the path is not valid URL encoding.');
  }
  for (const segment of decoded) {
    if (segment === '..' || segment === '.' || /[\\\0]/.test(segment) || segment.includes('/')) {
      throw new HttpError(400, 'Bad request: the path may not leave the package.');
    }
  }
  const [zipFile = '', ...inner] = decoded;
  const innerPath = inner.filter((segment) => segment !== '').join('/');
  const directoryRequest = inner.length === 0 || inner[inner.length - 1] === '';
  return { zipFile, innerPath: directoryRequest ? path.posix.join(innerPath, 'index.html') : innerPath };
}

/** Bundles the page script on request; rebuilt only when one of its source files changes. */
class StandInBundle {
  private cached: { code: string; inputs: Map<string, number> } | undefined;

  async code(): Promise<string> {
    if (this.cached && (await this.isFresh(this.cached.inputs))) return this.cached.code;
    // The page loads scorm-again from /vendor at run time instead of bundling 1 MB of it
    // into every rebuild; the bare import keeps the package's types for the type checker.
    const scormAgainFromVendor: Plugin = {
      name: 'scorm-again-from-vendor',
      setup(pluginBuild) {
        pluginBuild.onResolve({ filter: /^scorm-again$/ }, () => ({ path: SCORM_AGAIN_URL, external: true }));
      },
    };
    const result = await build({
      entryPoints: [path.join(STAND_IN_DIR, 'stand-in.ts')],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      sourcemap: 'inline',
      write: false,
      metafile: true,
      absWorkingDir: REPO_ROOT,
      logLevel: 'silent',
      plugins: [scormAgainFromVendor],
    });
    const inputs = new Map<string, number>();
    for (const input of Object.keys(result.metafile.inputs)) {
      const inputPath = path.resolve(REPO_ROOT, input);
      inputs.set(inputPath, (await stat(inputPath)).mtimeMs);
    }
    const code = result.outputFiles[0]?.text ?? '';
    this.cached = { code, inputs };
    return code;
  }

  private async isFresh(inputs: Map<string, number>): Promise<boolean> {
    for (const [inputPath, mtimeMs] of inputs) {
      const current = await stat(inputPath).catch(() => undefined);
      if (current?.mtimeMs !== mtimeMs) return false;
    }
    return true;
  }
}

export interface StandInServerOptions {
  port: number;
  host?: string;
  releaseDir: string;
  /** Where to report zips that cannot be read; defaults to stderr. */
  logProblem?: (message: string) => void;
}

export interface RunningStandInServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startStandInServer(options: StandInServerOptions): Promise<RunningStandInServer> {
  const host = options.host ?? '127.0.0.1';
  const packages = new ReleasePackages(options.releaseDir);
  const bundle = new StandInBundle();
  const logProblem = options.logProblem ?? ((message: string) => console.error(message));
  // Report each broken zip once per version of it, not on every page load.
  const reportedProblems = new Set<string>();

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      throw new HttpError(405, 'Method not allowed: the stand-in only serves files.');
    }
    const rawPathname = (request.url ?? '/').split('?')[0] ?? '/';

    if (rawPathname === '/' || rawPathname === '/index.html') {
      return send(response, 200, CONTENT_TYPES['.html']!, await readFile(path.join(STAND_IN_DIR, 'stand-in.html')));
    }
    if (rawPathname === '/frame-wrapper.html') {
      return send(response, 200, CONTENT_TYPES['.html']!, frameWrapper(new URL(request.url ?? '/', 'http://stand-in').searchParams.get('src') ?? ''));
    }
    if (rawPathname === '/stand-in.js') {
      return send(response, 200, CONTENT_TYPES['.js']!, await bundle.code());
    }
    const vendorFile = VENDOR_FILES.get(rawPathname);
    if (vendorFile) {
      return send(response, 200, contentTypeFor(vendorFile), await readFile(vendorFile));
    }
    if (rawPathname === '/api/packages') {
      const list = await packages.list((file, problem) => {
        const key = `${file}: ${problem}`;
        if (reportedProblems.has(key)) return;
        reportedProblems.add(key);
        logProblem(`LMS stand-in: cannot read ${path.join(packages.releaseDir, file)}: ${problem}`);
      });
      return send(response, 200, CONTENT_TYPES['.json']!, JSON.stringify(list, null, 2));
    }
    if (/^\/packages\/[^/]+$/.test(rawPathname)) {
      // Without the trailing slash the course's relative links would resolve outside the zip.
      response.writeHead(301, { Location: `${rawPathname}/`, 'Cache-Control': 'no-store' });
      response.end();
      return;
    }
    if (rawPathname.startsWith('/packages/')) {
      const { zipFile, innerPath } = packageRequestPath(rawPathname);
      const content = await packages.readEntry(zipFile, innerPath);
      if (!content) throw new HttpError(404, `Not found: ${innerPath} in ${zipFile}.`);
      return send(response, 200, contentTypeFor(innerPath), content);
    }
    throw new HttpError(404, 'Not found.');
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      const message = error instanceof HttpError ? error.message : `Stand-in error: ${String(error)}`;
      if (status === 500) console.error(error);
      if (!response.headersSent) send(response, status, CONTENT_TYPES['.txt']!, `${message}\n`);
      else response.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://${host}:${port}/`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive connections from a browser would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4321' },
      release: { type: 'string', default: 'release' },
      host: { type: 'string', default: '127.0.0.1' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be a number from 0 to 65535, not "${values.port}"`);
  }
  const running = await startStandInServer({ port, host: values.host, releaseDir: values.release });
  console.log(`LMS stand-in: ${running.url}`);
  console.log(`Serving packages from ${path.resolve(values.release)}`);
  const stop = (): void => {
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (import.meta.main) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}

/**
 * A player page that only frames the course: the stand-in loads it from the
 * other loopback name (localhost vs 127.0.0.1), so the course finds its LMS
 * API past a cross-origin frame, as in LMSs that wrap SCOs in a player.
 */
function frameWrapper(src: string): string {
  const url = /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/packages\//.test(src) ? src : 'about:blank';
  const attribute = url.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<!doctype html><html lang="en"><title>Course player</title><style>html,body,iframe{margin:0;border:0;width:100%;height:100%}</style><iframe title="Course" src="${attribute}"></iframe></html>`;
}
