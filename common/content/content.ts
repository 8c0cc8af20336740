/**
 * One home for product content (decision 0033): the evidence library's sentences, the design-check
 * rules' messages, the example trajectories, the culture-scan questionnaire and its interventions and
 * the plan checker's coaching live in `common/content/<locale>/<domain>.json`, one file per language
 * and domain. Code keeps the structure (ids, numbers, rules) and reads the words by key. UI labels and
 * messages stay in the i18next catalogues (`common/i18n/`).
 *
 * Adding a language is adding a folder: `content.test.ts` fails until every file has every key,
 * no string is empty and every `{{placeholder}}` matches the English one.
 */
export const contentLocales = ["nl", "en", "fr"] as const;
export type ContentLocale = (typeof contentLocales)[number];

/** A domain's texts in every content language; each file is checked against its shape by tsc. */
export type ByLocale<T> = Record<ContentLocale, T>;

/** A content language or a regional variant of one ("nl-BE" reads the Dutch content). */
export type ContentTag = ContentLocale | `${ContentLocale}-${string}`;

/**
 * A reader for one domain: the texts in the reader's language. A language without content cannot
 * happen (the type needs all three), so there is no fallback to hide a gap; a regional variant reads
 * its language's content, as product content has no regional wording yet.
 */
export function contentReader<T>(files: ByLocale<T>): (locale: ContentTag) => T {
  return (locale) => files[locale.split("-")[0] as ContentLocale];
}

/** Fills `{{name}}` placeholders; an unknown name stays visible rather than disappearing. */
export function fillPlaceholders(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/{{(\w+)}}/g, (_, name: string) => String(params[name] ?? `{{${name}}}`));
}
