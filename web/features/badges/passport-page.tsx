import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { FileField } from "../../components/file-field.tsx";
import { ErrorMessage, SuccessMessage } from "../../components/feedback.tsx";
import { Page } from "../../components/page.tsx";
import { QueryState } from "../../components/query-state.tsx";
import { SectionCard } from "../../components/section-card.tsx";
import { currentLocale, formatDateTime } from "../../lib/i18n.ts";
import { badgeKeys, badgesApi, type Credential } from "./badges-api.ts";
import { PassportCertificates } from "../certificates/passport-certificates.tsx";
import { BadgesInProgress } from "./badge-progress.tsx";

/** Offers the credential as a file, exactly as signed: any Open Badges 3.0 wallet or verifier can read it. */
function download(credential: Credential) {
  const blob = new Blob([JSON.stringify(credential, null, 2)], { type: "application/json" });
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = `${credential.name.replace(/[^\p{L}\p{N}]+/gu, "-").toLowerCase()}.json`;
  link.click();
  URL.revokeObjectURL(link.href);
}

function VerifyFile() {
  const { t } = useTranslation();
  const verify = useMutation({
    mutationFn: async (file: File) => {
      let credential: unknown;
      try {
        credential = JSON.parse(await file.text());
      } catch {
        credential = {};
      }
      return badgesApi.verify(credential);
    },
  });
  return (
    <SectionCard id="verify-title" title={t("ui.passport.verifyTitle")}>
      <FileField
        id="verify-file"
        label={t("ui.passport.verifyLabel")}
        accept=".json,application/json"
        onFile={(file) => verify.mutate(file)}
      />
      <ErrorMessage error={verify.error} />
      {verify.data ? (
        verify.data.verified ? (
          <SuccessMessage>
            {t("ui.passport.verified", {
              achievement: verify.data.achievement ?? "",
              issuer: verify.data.issuer ?? "",
            })}
          </SuccessMessage>
        ) : (
          <div className="alert alert-error" role="alert">
            {t("ui.passport.notVerified")}
          </div>
        )
      ) : null}
    </SectionCard>
  );
}

/** The learner's skills passport: badges earned with evidence, each downloadable as Open Badges 3.0. */
export function PassportPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const credentials = useQuery({
    queryKey: badgeKeys.credentials(),
    queryFn: badgesApi.credentials,
  });
  return (
    <Page title={t("ui.passport.title")}>
      <p className="hint">{t("ui.passport.intro")}</p>
      <QueryState
        query={credentials}
        isEmpty={(passport) => passport.credentials.length === 0 && passport.inProgress.length === 0}
        empty={{ title: t("ui.passport.emptyTitle"), text: t("ui.passport.emptyText") }}
      >
        {({ credentials: earned, inProgress }) => (
          <>
            {earned.length === 0 ? (
              <p>{t("ui.passport.noneYet")}</p>
            ) : (
              <ul className="plain-list badges" aria-label={t("ui.passport.title")}>
                {earned.map((credential) => (
                  <li key={credential.id} className="card badge-card">
                    <h2>{credential.name}</h2>
                    <p>{credential.credentialSubject.achievement.description}</p>
                    <p className="hint">
                      {t("ui.passport.awarded", {
                        date: formatDateTime(credential.validFrom, locale),
                        issuer: credential.issuer.name ?? "",
                      })}
                    </p>
                    {credential.credentialSubject.achievement.criteria?.narrative ? (
                      <p className="hint">{credential.credentialSubject.achievement.criteria.narrative}</p>
                    ) : null}
                    <button type="button" className="button-secondary" onClick={() => download(credential)}>
                      {t("ui.passport.download")}
                      <span className="visually-hidden"> {credential.name}</span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <BadgesInProgress badges={inProgress} />
          </>
        )}
      </QueryState>
      <PassportCertificates />
      <VerifyFile />
    </Page>
  );
}
