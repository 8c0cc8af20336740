import { useTranslation } from "react-i18next";
import { SectionCard } from "../../components/section-card.tsx";
import { certificatesApi } from "./certificates-api.ts";

/** On the person page: the person's training record for an auditor or a subsidy file. */
export function PersonTrainingRecord({ personId }: { personId: string }) {
  const { t } = useTranslation();
  return (
    <SectionCard
      id="person-training-record"
      title={t("ui.certificates.personTitle")}
      hint={t("ui.certificates.personHint")}
    >
      <div className="button-row">
        <a className="button-secondary" href={certificatesApi.recordPdf(personId)} download>
          {t("ui.certificates.recordPdf")}
        </a>
        <a className="button-secondary" href={certificatesApi.recordCsv(personId)} download>
          {t("ui.certificates.recordCsv")}
        </a>
      </div>
    </SectionCard>
  );
}
