// The page's own files: index.html for / and /article/*, files under the client folder at /assets/*, and Preact and htm from node_modules at /vendor/*; with ETag and no way out of those folders.
import { createHash } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { extname, join, resolve, sep } from 'node:path'
import { type Context, Hono } from 'hono'
import { problem } from '../problem'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
}

/** A file read from disk, kept until its modification time changes. */
interface CachedFile {
  mtimeMs: number
  body: Uint8Array
  etag: string
}

/** Where the vendor files come from, relative to node_modules. */
export const VENDOR_FILES: Record<string, string> = {
  'preact.mjs': 'preact/dist/preact.mjs',
  'preact-hooks.mjs': 'preact/hooks/dist/hooks.mjs',
  'htm.mjs': 'htm/dist/htm.mjs',
}

/** Reads files once per modification, with a strong ETag. */
export function fileCache() {
  const files = new Map<string, CachedFile>()
  return (path: string): CachedFile | null => {
    let mtimeMs: number
    try {
      const s = statSync(path)
      if (!s.isFile()) return null
      mtimeMs = s.mtimeMs
    } catch {
      return null
    }
    const known = files.get(path)
    if (known && known.mtimeMs === mtimeMs) return known
    const body = readFileSync(path)
    const file = { mtimeMs, body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` }
    files.set(path, file)
    return file
  }
}

/** The SHA-256 CSP sources of the inline scripts of an HTML page (its import map). */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = []
  for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)) {
    hashes.push(`'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`)
  }
  return hashes
}

/** Resolves a request path inside a folder; null when it would leave the folder or is malformed. */
export function safeJoin(root: string, requestPath: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(requestPath)
  } catch {
    return null
  }
  if (decoded.includes('\0')) return null
  const base = resolve(root)
  const full = resolve(base, '.' + sep + decoded)
  return full.startsWith(base + sep) ? full : null
}

/** Static routes over a client folder and a node_modules folder. */
export function staticFiles(clientDir: string, nodeModulesDir: string) {
  const read = fileCache()
  const send = (c: Context, path: string | null, cacheControl: string) => {
    const file = path ? read(path) : null
    if (!file || !path) return problem(c, 404, 'Not Found', `no such file: ${c.req.path}`)
    c.header('ETag', file.etag)
    c.header('Cache-Control', cacheControl)
    if (c.req.header('If-None-Match') === file.etag) return c.body(null, 304)
    c.header('Content-Type', TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream')
    return c.body(file.body as Uint8Array<ArrayBuffer>)
  }
  const page = (c: Context) => send(c, join(clientDir, 'index.html'), 'no-cache')
  return new Hono()
    .get('/', page)
    .get('/article/*', page)
    .get('/assets/*', (c) => send(c, safeJoin(clientDir, c.req.path.slice('/assets/'.length)), 'no-cache'))
    .get('/vendor/:file', (c) => {
      const target = VENDOR_FILES[c.req.param('file')]
      return send(c, target ? join(nodeModulesDir, target) : null, 'public, max-age=86400')
    })
}
