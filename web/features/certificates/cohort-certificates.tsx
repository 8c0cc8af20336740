import { useTranslation } from "react-i18next";
import { SectionCard } from "../../components/section-card.tsx";
import { certificatesApi } from "./certificates-api.ts";

/** On the cohort page, for the coordinator: each participant's certificate, or all of them in one zip. */
export function CohortCertificates({
  cohortId,
  participants,
}: {
  cohortId: string;
  participants: readonly { id: string; name: string }[];
}) {
  const { t } = useTranslation();
  return (
    <SectionCard
      id="cohort-certificates"
      title={t("ui.certificates.cohortTitle")}
      hint={t("ui.certificates.cohortHint")}
    >
      {participants.length === 0 ? (
        <p>{t("ui.certificates.noParticipants")}</p>
      ) : (
        <>
          <div className="button-row">
            <a className="button-secondary" href={certificatesApi.cohortZip(cohortId)} download>
              {t("ui.certificates.downloadAll")}
            </a>
          </div>
          <ul className="columns">
            {participants.map((person) => (
              <li key={person.id}>
                <a href={certificatesApi.certificate(cohortId, person.id)} download>
                  {t("ui.certificates.downloadOne", { name: person.name })}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </SectionCard>
  );
}
