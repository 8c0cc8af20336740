import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { needsYouKinds, type NeedsYouItem } from "../../../common/schemas/team.ts";
import { currentLocale, formatDay } from "../../lib/i18n.ts";

/** Today in the browser's own time zone, as YYYY-MM-DD (a Swedish date is written that way). */
const localToday = () => new Date().toLocaleDateString("sv-SE");

/** The item's day: "since" when it already waits, "planned for" when it is ahead. */
function When({ due }: { due: string | null }) {
  const { t } = useTranslation();
  if (!due) return null;
  const date = formatDay(due, currentLocale());
  return (
    <span className="hint">
      {" "}
      · {t(due <= localToday() ? "ui.needsYou.since" : "ui.needsYou.planned", { date })}
    </span>
  );
}

/**
 * One kind of thing, with the people it concerns: an application names its plan, the other kinds only
 * the person (the heading says what to do), so twelve check-ins read as one line of names, not twelve.
 */
function KindGroup({ kind, items }: { kind: NeedsYouItem["kind"]; items: NeedsYouItem[] }) {
  const { t } = useTranslation();
  const id = `needs-you-${kind}`;
  return (
    <div className="needs-you-group">
      <h3 id={id}>{t(`ui.needsYou.groups.${kind}`, { count: items.length })}</h3>
      <ul className={kind === "confirm-application" ? "needs-you" : "needs-you names"} aria-labelledby={id}>
        {items.map((item) => (
          <li key={`${item.personId}-${item.recordId ?? item.due ?? ""}-${item.detail ?? ""}`}>
            <Link to={item.href}>
              {kind === "confirm-application"
                ? t("ui.needsYou.applied", { name: item.personName, detail: item.detail ?? "" })
                : item.personName}
            </Link>
            <When due={item.due} />
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The manager's list of what needs them this week, grouped by what to do, each person a link to where it
 * is done. The count comes first, so a screen reader hears how much there is before the list.
 */
export function NeedsYouList({ items }: { items: NeedsYouItem[] }) {
  const { t } = useTranslation();
  return (
    <>
      <p>{t("ui.needsYou.count", { count: items.length })}</p>
      {needsYouKinds.map((kind) => {
        const ofKind = items.filter((item) => item.kind === kind);
        return ofKind.length > 0 ? <KindGroup key={kind} kind={kind} items={ofKind} /> : null;
      })}
    </>
  );
}
