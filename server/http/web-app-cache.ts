/**
 * How long a browser may keep a file of the built app. Files under assets/ have a content hash in their
 * name, so they never change. The service worker, its Workbox runtime, the manifest and index.html keep
 * their names across versions: they are checked on every load, or a new version would not arrive for
 * an hour (the service worker would keep serving the old shell).
 */
export function webAppCacheControl(served: string): string {
  // A precompressed copy (sw.js.br) is the same file to the browser: it keeps the original's lifetime.
  const file = served.replace(/\.(?:br|gz)$/, "");
  if (file.startsWith("assets/")) return "public, max-age=31536000, immutable";
  if (/^(sw\.js|workbox-[\w-]+\.js|manifest\.webmanifest|index\.html)$/.test(file)) return "no-cache";
  return "public, max-age=3600";
}
