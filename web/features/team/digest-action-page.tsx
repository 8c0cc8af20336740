import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { DigestLinkView } from "../../../common/schemas/team.ts";
import { MutationButton } from "../../components/buttons.tsx";
import { ErrorMessage, SuccessMessage } from "../../components/feedback.tsx";
import { Page } from "../../components/page.tsx";
import { QueryState } from "../../components/query-state.tsx";
import { currentLocale, formatDay } from "../../lib/i18n.ts";
import { tokenFromHash } from "../../lib/link-token.ts";
import { performDigestAction, readDigestLink } from "./team-api.ts";

/** The question the button answers, naming the person and the record. */
function LinkQuestion({ link }: { link: DigestLinkView }) {
  const { t } = useTranslation();
  const application = link.application;
  if (link.action === "confirm" && application)
    return (
      <>
        <p className="lead">
          {t("ui.digest.question.confirm", {
            learner: link.learner,
            situation: application.situation,
            date: formatDay(application.occurredAt.slice(0, 10), currentLocale()),
          })}
        </p>
        <p className="hint">{t("ui.digest.whatHappened")}</p>
        <blockquote>{application.whatHappened}</blockquote>
      </>
    );
  return <p className="lead">{t("ui.digest.question.talked", { learner: link.learner })}</p>;
}

/**
 * Where a digest link lands. The token sits in the URL fragment (never sent to a server log); the page
 * first reads what the link would record and asks it as a question, and acts only when the manager
 * presses the button, so a mail client that opens links cannot act for them. A link from the in-app
 * preview shows the question and records nothing.
 */
export function DigestActionPage() {
  const { t } = useTranslation();
  const [token] = useState(tokenFromHash);
  const link = useQuery({
    queryKey: ["digest-link", token],
    queryFn: () => readDigestLink(token),
    enabled: token !== "",
    retry: false,
  });
  const act = useMutation({ mutationFn: () => performDigestAction(token) });
  return (
    <Page title={t("ui.digest.title")}>
      {token === "" ? <ErrorMessage error={new Error("no token")} /> : null}
      <QueryState query={link}>
        {(data) =>
          act.data ? (
            <SuccessMessage>
              {t(`ui.digest.${act.data.alreadyRecorded ? "already" : "done"}.${act.data.done}`, {
                learner: act.data.learner,
              })}
            </SuccessMessage>
          ) : (
            <>
              <LinkQuestion link={data} />
              {data.preview ? (
                <p className="notice">{t("ui.digest.previewOnly")}</p>
              ) : data.alreadyRecorded ? (
                <p className="notice">{t("ui.digest.usedBefore")}</p>
              ) : (
                <>
                  <ErrorMessage error={act.error} />
                  <p className="hint">{t("ui.digest.intro")}</p>
                  <MutationButton mutation={act} className="button-primary">
                    {t(`ui.digest.record.${data.action}`)}
                  </MutationButton>
                </>
              )}
            </>
          )
        }
      </QueryState>
    </Page>
  );
}
