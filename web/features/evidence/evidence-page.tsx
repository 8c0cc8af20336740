import { useDeferredValue, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Page } from "../../components/page.tsx";
import { QueryState } from "../../components/query-state.tsx";
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
      {/* Outside QueryState: a live region has to stay on the page for each new count to be read out. */}
      <p role="status" className="hint">
        {evidence.data ? t("ui.evidence.count", { count: evidence.data.length }) : ""}
      </p>
      <QueryState query={evidence} empty={{ title: t("ui.evidence.none") }}>
        {(entries) => (
          <div className="evidence-list">
            {entries.map((entry) => (
              <div className="card" key={entry.id}>
                <EvidenceCard entry={entry} />
              </div>
            ))}
          </div>
        )}
      </QueryState>
    </Page>
  );
}
