import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { PersonSummary } from "../../../common/schemas/people.ts";
import type { SecondFactorPolicy } from "../../../common/schemas/second-factor.ts";
import { MutationButton } from "../../components/buttons.tsx";
import { Checkbox } from "../../components/choices.tsx";
import { ErrorMessage, SuccessMessage } from "../../components/feedback.tsx";
import { SettingsForm } from "../../components/mutation-form.tsx";
import { QueryState } from "../../components/query-state.tsx";
import { SectionCard } from "../../components/section-card.tsx";
import { useSaveThenRefresh } from "../../lib/mutations.ts";
import { secondFactorApi, secondFactorKeys } from "./second-factor-api.ts";

/** The organisation page's switch: require a second factor of coordinators and designers (decision 0026). */
export function SecondFactorPolicyCard() {
  const policy = useQuery({ queryKey: secondFactorKeys.policy(), queryFn: secondFactorApi.policy });
  return <QueryState query={policy}>{(data) => <PolicyForm policy={data} />}</QueryState>;
}

function PolicyForm({ policy }: { policy: SecondFactorPolicy }) {
  const { t } = useTranslation();
  const [required, setRequired] = useState(policy.requiredForStaff);
  const save = useSaveThenRefresh(
    () => secondFactorApi.setPolicy({ requiredForStaff: required }),
    [secondFactorKeys.policy()],
  );
  return (
    <SettingsForm
      mutation={save}
      title={t("ui.secondFactor.policyTitle")}
      intro={<p className="hint">{t("ui.secondFactor.policyIntro")}</p>}
    >
      <Checkbox
        label={t("fields.requiredForStaff")}
        hint={t("ui.secondFactor.policyHint")}
        checked={required}
        onChange={setRequired}
      />
    </SettingsForm>
  );
}

/**
 * A colleague's second factor on their page: whether they have one, and the way back when they lost it
 * and their recovery codes (after the coordinator checked who asks). One's own is in the profile.
 */
export function PersonSecondFactorSection({ person }: { person: PersonSummary }) {
  const { t } = useTranslation();
  const status = useQuery({
    queryKey: secondFactorKeys.person(person.id),
    queryFn: () => secondFactorApi.person(person.id),
  });
  const reset = useSaveThenRefresh(
    () => secondFactorApi.resetPerson(person.id),
    [secondFactorKeys.person(person.id)],
  );
  return (
    <SectionCard id="person-second-factor-title" title={t("ui.secondFactor.personTitle")}>
      <QueryState query={status}>
        {(data) =>
          data.kinds.length === 0 ? (
            <>
              {reset.isSuccess ? (
                <SuccessMessage>{t("ui.secondFactor.resetDone", { name: person.name })}</SuccessMessage>
              ) : null}
              <p>{t("ui.secondFactor.personNone", { name: person.name })}</p>
            </>
          ) : (
            <>
              <p>
                {t("ui.secondFactor.personHas", {
                  name: person.name,
                  kinds: data.kinds
                    .map((kind) =>
                      kind === "passkey" ? t("ui.secondFactor.kindPasskey") : t("ui.secondFactor.kindApp"),
                    )
                    .join(", "),
                })}
              </p>
              <p className="hint">{t("ui.secondFactor.resetHint")}</p>
              <ErrorMessage error={reset.error} />
              <p className="button-row">
                <MutationButton
                  mutation={reset}
                  className="button-danger"
                  confirm={t("ui.secondFactor.resetConfirm", { name: person.name })}
                >
                  {t("ui.secondFactor.reset")}
                </MutationButton>
              </p>
            </>
          )
        }
      </QueryState>
    </SectionCard>
  );
}
