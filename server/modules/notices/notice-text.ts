import type { NoticeKind } from "../../../common/schemas/notices.ts";
import { intlLocale, type Locale } from "../../../common/locales.ts";
import { translator } from "../../i18n.ts";

/**
 * What a notice stores besides its kind: `from` is the other person's id (coach, manager, colleague,
 * learner), resolved to their current name when read, so an erased person's name is gone from other
 * people's notices too; `badge` a badge's name; `date` an ISO date.
 */
export interface NoticeParams {
  from?: string;
  badge?: string;
  date?: string;
}

/** A date such as "5 March" / "5 maart" in the reader's language (dates only, no time zone shift). */
function dayOf(locale: Locale, isoDate: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    day: "numeric",
    month: "long",
    timeZone: "UTC",
  }).format(new Date(`${isoDate}T00:00:00Z`));
}

/** The notice's sentence in `locale`. Pure: `name` is the `from` person's name, already looked up. */
export function renderNoticeText(
  locale: Locale,
  kind: NoticeKind,
  params: NoticeParams,
  name: string | undefined,
): string {
  const t = translator(locale);
  return t(`notices.kinds.${kind}`, {
    name: name ?? t("notices.someone"),
    badge: params.badge ?? "",
    date: params.date ? dayOf(locale, params.date) : "",
  });
}
