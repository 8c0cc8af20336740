import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { QueryState } from "../../components/query-state.tsx";
import { SectionCard } from "../../components/section-card.tsx";
import { currentLocale, formatNumber } from "../../lib/i18n.ts";
import { certificateKeys, certificatesApi } from "./certificates-api.ts";

/** In the learner's passport: a certificate per training she is in, and her whole training record. */
export function PassportCertificates() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const record = useQuery({ queryKey: certificateKeys.mine(), queryFn: certificatesApi.myRecord });
  return (
    <SectionCard
      id="passport-certificates"
      title={t("ui.certificates.passportTitle")}
      hint={t("ui.certificates.passportHint")}
    >
      <QueryState query={record}>
        {({ personId, cohorts }) =>
          cohorts.length === 0 ? (
            <p>{t("ui.certificates.passportEmpty")}</p>
          ) : (
            <>
              <ul className="plain-list">
                {cohorts.map((cohort) => (
                  <li key={cohort.cohortId}>
                    <p>
                      <strong>
                        {t("ui.certificates.passportCohort", {
                          trajectory: cohort.trajectoryTitle,
                          cohort: cohort.cohortName,
                        })}
                      </strong>
                      <br />
                      <span className="hint">
                        {t("ui.certificates.passportHours", {
                          practice: formatNumber(cohort.practiceDayHours, locale, 2),
                          own: formatNumber(cohort.ownWorkHours, locale, 2),
                        })}
                      </span>
                    </p>
                    <p>
                      <a href={certificatesApi.certificate(cohort.cohortId, personId)} download>
                        {t("ui.certificates.myCertificate", { trajectory: cohort.trajectoryTitle })}
                      </a>
                    </p>
                  </li>
                ))}
              </ul>
              <div className="button-row">
                <a className="button-secondary" href={certificatesApi.myRecordPdf} download>
                  {t("ui.certificates.myRecord")}
                </a>
              </div>
            </>
          )
        }
      </QueryState>
    </SectionCard>
  );
}
