/**
 * An organisation's name as it goes in an address: "Van Dijk Installatietechniek B.V." becomes
 * "van-dijk-installatietechniek-b-v". Accents are dropped ("Café Zuid" → "cafe-zuid"), so a person can
 * type it. Derived, never stored: it follows a rename, which is why it is shown where it is used.
 */
export function slugOf(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
}
