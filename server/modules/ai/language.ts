import type { Locale } from "../../../common/locales.ts";

/**
 * A rough guess of a text's language from its most common short words: enough to notice a model that
 * answered in English to a Dutch or French trajectory (or the other way round), not a language detector.
 */
const markers: Record<Locale, ReadonlySet<string>> = {
  nl: new Set(
    "de het een en van is dat je niet op te met voor zijn er wat als bij of ook maar naar dan wordt uw jij wij hij zij deze die dit hoe waarom welke klant collega moet kan".split(
      " ",
    ),
  ),
  en: new Set(
    "the a an and of is that you not on to with for are there what if at or also but than be your we he she this these which how why customer colleague must can should".split(
      " ",
    ),
  ),
  fr: new Set(
    "le la les un une des et de du est que vous ne pas sur avec pour sont il y a quoi si au ou aussi mais votre nous elle ce cette ces qui comment pourquoi client collègue doit peut".split(
      " ",
    ),
  ),
};

/** The locale whose marker words the text holds most of, or null when it holds too few to tell. */
export function guessLanguage(text: string): Locale | null {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const scores = (Object.keys(markers) as Locale[]).map((locale) => ({
    locale,
    hits: words.filter((word) => markers[locale].has(word)).length,
  }));
  scores.sort((a, b) => b.hits - a.hits);
  const [best, next] = scores;
  if (!best || best.hits < 3 || best.hits === next?.hits) return null;
  return best.locale;
}
