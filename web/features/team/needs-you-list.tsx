import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { NeedsYouItem } from "../../../common/schemas/team.ts";
import { currentLocale, formatDay } from "../../lib/i18n.ts";

/** Today in the browser's own time zone, as YYYY-MM-DD (a Swedish date is written that way). */
const localToday = () => new Date().toLocaleDateString("sv-SE");

/** What the item asks, with its day: "since" when it already waits, "on" when it is planned ahead. */
function NeedsYouLine({ item }: { item: NeedsYouItem }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const when = item.due
    ? t(item.due <= localToday() ? "ui.needsYou.since" : "ui.needsYou.planned", {
        date: formatDay(item.due, locale),
      })
    : null;
  return (
    <li>
      <Link to={item.href}>
        {t(`ui.needsYou.kinds.${item.kind}`, { name: item.personName, detail: item.detail ?? "" })}
      </Link>
      {when ? <span className="hint"> · {when}</span> : null}
    </li>
  );
}

/**
 * The manager's list of what needs them this week, each line a link to where it is done. The count comes
 * first, so a screen reader hears how much there is before the list.
 */
export function NeedsYouList({ items }: { items: NeedsYouItem[] }) {
  const { t } = useTranslation();
  return (
    <>
      <p>{t("ui.needsYou.count", { count: items.length })}</p>
      <ul className="needs-you">
        {items.map((item) => (
          <NeedsYouLine
            key={`${item.kind}-${item.personId}-${item.recordId ?? item.due ?? ""}`}
            item={item}
          />
        ))}
      </ul>
    </>
  );
}
