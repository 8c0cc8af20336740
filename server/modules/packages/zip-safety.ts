import { Inflate } from "fflate";
import { AppError, invalid } from "../../errors.ts";

/**
 * Opening an uploaded zip without trusting it (decision 0022). The central directory is read first and
 * every entry is judged before a byte is inflated: its path (zip slip), its kind (a symlink, an
 * encrypted entry), its announced sizes and ratio (a zip bomb). While inflating, the bytes that come
 * out are counted again, because the sizes in a zip are only what its maker wrote.
 */

export const ZIP_LIMITS = {
  /** The upload itself. Authoring-tool exports with narration are often 10–40 MB. */
  zipBytes: 50 * 1024 * 1024,
  entries: 5_000,
  /** All files together once unpacked. */
  totalBytes: 200 * 1024 * 1024,
  fileBytes: 100 * 1024 * 1024,
  /** Uncompressed / compressed; real packages stay far below (HTML and JS 5–10×, media ~1×). */
  ratio: 100,
  /** Small files may compress better than the ratio (a page of spaces): the ratio counts above this size. */
  ratioFloorBytes: 1024 * 1024,
} as const;

export type ZipLimits = { [K in keyof typeof ZIP_LIMITS]: number };

export interface ZipFile {
  path: string;
  content: Uint8Array;
}

interface Entry {
  path: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const UNIX_HOST = 3;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

const refuse = (code: string, params: Record<string, string | number> = {}) =>
  invalid("package", code, params);

/** The end-of-central-directory record: searched from the end, past an archive comment of up to 64 KB. */
function findEndRecord(view: DataView): number {
  const last = view.byteLength - 22;
  for (let at = last; at >= Math.max(0, last - 0xffff); at--)
    if (view.getUint32(at, true) === EOCD) return at;
  throw refuse("package_not_zip");
}

/**
 * A path is safe when it stays inside the package folder: relative, forward slashes only, no `..`, no
 * empty or dot segments, no control characters. The reason is the one the designer reads.
 */
export function unsafePathReason(path: string): string | null {
  // Control characters (NUL included) end a C string early: "a.html\0.png" must not become "a.html".
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(path)) return "package_path_unsafe";
  if (path.includes("\\")) return "package_path_backslash";
  if (path.startsWith("/") || /^[a-zA-Z]:/.test(path)) return "package_path_absolute";
  const segments = path.replace(/\/$/, "").split("/");
  if (segments.includes("..")) return "package_path_escapes";
  if (segments.some((s) => s === "" || s === ".")) return "package_path_unsafe";
  return null;
}

function readEntries(bytes: Uint8Array, limits: ZipLimits): Entry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 22) throw refuse("package_not_zip");
  const end = findEndRecord(view);
  const count = view.getUint16(end + 10, true);
  const directorySize = view.getUint32(end + 12, true);
  const directoryOffset = view.getUint32(end + 16, true);
  if (count === 0xffff || directoryOffset === 0xffffffff) throw refuse("package_zip64");
  if (count > limits.entries) throw refuse("package_too_many_files", { maximum: limits.entries });
  if (directoryOffset + directorySize > end) throw refuse("package_not_zip");
  const decoder = new TextDecoder("utf-8", { fatal: false });
  const entries: Entry[] = [];
  let at = directoryOffset;
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || view.getUint32(at, true) !== CENTRAL) throw refuse("package_not_zip");
    const host = view.getUint8(at + 5);
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const mode = view.getUint32(at + 38, true) >>> 16;
    const localOffset = view.getUint32(at + 42, true);
    const path = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
    const unsafe = unsafePathReason(path);
    if (unsafe) throw refuse(unsafe, { path: path.slice(0, 120) });
    if (host === UNIX_HOST && (mode & S_IFMT) === S_IFLNK) throw refuse("package_symlink", { path });
    if (flags & 1) throw refuse("package_encrypted", { path });
    if (path.endsWith("/")) continue;
    if (method !== 0 && method !== 8) throw refuse("package_compression", { path });
    if (size === 0xffffffff || compressedSize === 0xffffffff) throw refuse("package_zip64");
    if (size > limits.fileBytes)
      throw refuse("package_file_too_large", { path, maximum: megabytes(limits.fileBytes) });
    if (size > limits.ratioFloorBytes && size > compressedSize * limits.ratio)
      throw refuse("package_zip_bomb", { path });
    total += size;
    if (total > limits.totalBytes)
      throw refuse("package_unpacked_too_large", { maximum: megabytes(limits.totalBytes) });
    entries.push({ path, method, compressedSize, size, localOffset });
  }
  const paths = new Set<string>();
  for (const entry of entries) {
    const folded = entry.path.toLowerCase();
    if (paths.has(folded)) throw refuse("package_duplicate_path", { path: entry.path });
    paths.add(folded);
  }
  return entries;
}

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

/** Inflates one entry, counting what comes out: more than announced is a bomb that lied about its size. */
function inflateEntry(bytes: Uint8Array, entry: Entry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.byteLength || view.getUint32(at, true) !== LOCAL) throw refuse("package_not_zip");
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.byteLength !== entry.compressedSize) throw refuse("package_not_zip");
  if (entry.method === 0) {
    if (entry.size !== entry.compressedSize) throw refuse("package_not_zip");
    return data.slice();
  }
  const out = new Uint8Array(entry.size);
  let written = 0;
  const inflater = new Inflate((chunk) => {
    if (written + chunk.byteLength > entry.size) throw refuse("package_zip_bomb", { path: entry.path });
    out.set(chunk, written);
    written += chunk.byteLength;
  });
  try {
    inflater.push(data, true);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw refuse("package_corrupt", { path: entry.path });
  }
  if (written !== entry.size) throw refuse("package_corrupt", { path: entry.path });
  return out;
}

/**
 * The files of an uploaded zip, or a refusal naming the reason (an `AppError` on the `package` field):
 * over the size limit (413), not a zip, an unsafe path, a symlink, an encrypted entry or a bomb.
 */
export function openZip(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): ZipFile[] {
  if (bytes.byteLength > limits.zipBytes)
    throw new AppError("PAYLOAD_TOO_LARGE", `package of ${bytes.byteLength} bytes`, {
      context: "package",
      limit: Math.round(limits.zipBytes / (1024 * 1024)),
    });
  return readEntries(bytes, limits).map((entry) => ({
    path: entry.path,
    content: inflateEntry(bytes, entry),
  }));
}
