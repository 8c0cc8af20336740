import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { MutationButton } from "../../components/buttons.tsx";
import { ErrorMessage, SuccessMessage } from "../../components/feedback.tsx";
import { Page } from "../../components/page.tsx";
import { tokenFromHash } from "../../lib/link-token.ts";
import { performDigestAction } from "./team-api.ts";

/**
 * Where a digest link lands. The token sits in the URL fragment (never sent to a server log) and is
 * used only when the manager presses the button, so a mail client that opens links cannot act for them.
 */
export function DigestActionPage() {
  const { t } = useTranslation();
  const [token] = useState(tokenFromHash);
  const act = useMutation({
    mutationFn: () => performDigestAction(token),
  });
  return (
    <Page title={t("ui.digest.title")}>
      <ErrorMessage error={act.error} />
      {act.data ? (
        <SuccessMessage>
          {t(`ui.digest.${act.data.alreadyRecorded ? "already" : "done"}.${act.data.done}`, {
            learner: act.data.learner,
          })}
        </SuccessMessage>
      ) : (
        <>
          <p>{t("ui.digest.intro")}</p>
          <MutationButton mutation={act} className="button-primary" disabled={!token}>
            {t("ui.digest.record")}
          </MutationButton>
        </>
      )}
    </Page>
  );
}
