import { useDeferredValue, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../../components/feedback.tsx";
import { Page } from "../../components/page.tsx";
import { QueryStatus } from "../../components/query-status.tsx";
import { useEvidence } from "./evidence-api.ts";
import { EvidenceCard } from "./evidence-card.tsx";

export function EvidencePage() {
  const { t } = useTranslation();
  const searchId = useId();
  const [query, setQuery] = useState("");
  const deferred = useDeferredValue(query.trim());
  const evidence = useEvidence(deferred);
  return (
    <Page title={t("ui.evidence.title")}>
      <p>{t("ui.evidence.intro")}</p>
      <div className="field search">
        <label htmlFor={searchId}>{t("ui.evidence.search")}</label>
        <input id={searchId} type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
      </div>
      <QueryStatus query={evidence} />
      <p role="status" className="hint">
        {evidence.data ? t("ui.evidence.count", { count: evidence.data.length }) : ""}
      </p>
      {evidence.data?.length === 0 ? <EmptyState title={t("ui.evidence.none")} /> : null}
      <div className="evidence-list">
        {evidence.data?.map((entry) => (
          <div className="card" key={entry.id}>
            <EvidenceCard entry={entry} />
          </div>
        ))}
      </div>
    </Page>
  );
}
