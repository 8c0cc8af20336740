/**
 * A file name a person can read and every system accepts: the name's letters without accents, digits,
 * and hyphens ("Femke de Vries" → "certificate-femke-de-vries.pdf"). Nothing of a path or a quote can
 * pass, so the name is safe in a Content-Disposition header and inside a zip.
 */
export function slugOf(name: string, fallback: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return slug || fallback;
}

/**
 * File names for everyone in a zip: two people with the same name (or names that read the same without
 * accents) get a number, so no certificate overwrites another.
 */
export function uniqueFileNames(prefix: string, names: readonly string[], extension: string): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const base = `${prefix}-${slugOf(name, "person")}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? `${base}.${extension}` : `${base}-${count}.${extension}`;
  });
}
