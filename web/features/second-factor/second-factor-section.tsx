import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { MySecondFactors, SecondFactorView } from "../../../common/schemas/second-factor.ts";
import { MutationButton } from "../../components/buttons.tsx";
import { ErrorMessage, SuccessMessage } from "../../components/feedback.tsx";
import { Field } from "../../components/field.tsx";
import { MutationForm } from "../../components/mutation-form.tsx";
import { QueryState } from "../../components/query-state.tsx";
import { SectionCard } from "../../components/section-card.tsx";
import { useDraft } from "../../lib/draft.ts";
import { currentLocale, formatDateTime } from "../../lib/i18n.ts";
import { useSaveThenRefresh } from "../../lib/mutations.ts";
import { AddAuthenticatorApp, AddPasskey, RecoveryCodes } from "./add-factor.tsx";
import { secondFactorApi, secondFactorKeys } from "./second-factor-api.ts";
import "./second-factor.css";

const stale = [secondFactorKeys.mine()];

/**
 * The profile's "Second factor" (decision 0026): the person's passkeys and authenticator app, named,
 * renamed and removed; recovery codes left and renewed; remembered devices forgotten.
 */
export function SecondFactorSection() {
  const { t } = useTranslation();
  const mine = useQuery({ queryKey: secondFactorKeys.mine(), queryFn: secondFactorApi.mine });
  return (
    <SectionCard
      id="second-factor-title"
      title={t("ui.secondFactor.title")}
      hint={t("ui.secondFactor.intro")}
    >
      <QueryState query={mine}>{(data) => <Factors data={data} />}</QueryState>
    </SectionCard>
  );
}

function Factors({ data }: { data: MySecondFactors }) {
  const { t } = useTranslation();
  const [codes, setCodes] = useState<string[] | null>(null);
  const [adding, setAdding] = useState<"passkey" | "app" | null>(null);
  const added = useSaveThenRefresh(
    (answer: { recoveryCodes: string[] | null }) => Promise.resolve(answer),
    stale,
    {
      onSaved: (answer) => {
        setAdding(null);
        setCodes(answer.recoveryCodes);
      },
    },
  );
  const renew = useSaveThenRefresh(secondFactorApi.renewRecoveryCodes, stale, {
    onSaved: (answer) => setCodes(answer.recoveryCodes),
  });
  const forget = useSaveThenRefresh(secondFactorApi.forgetDevices, stale);
  const hasApp = data.factors.some((factor) => factor.kind === "totp");
  return (
    <>
      {codes ? <RecoveryCodes codes={codes} /> : null}
      {data.required ? <p>{t("ui.secondFactor.requiredNote")}</p> : null}
      {data.factors.length === 0 ? (
        <p>{t("ui.secondFactor.none")}</p>
      ) : (
        <ul className="factor-list" aria-label={t("ui.secondFactor.listLabel")}>
          {data.factors.map((factor) => (
            <FactorItem
              key={factor.id}
              factor={factor}
              last={data.factors.length === 1}
              required={data.required}
            />
          ))}
        </ul>
      )}
      <p className="button-row">
        <button type="button" className="button-secondary" onClick={() => setAdding("passkey")}>
          {t("ui.secondFactor.addPasskey")}
        </button>
        {hasApp ? null : (
          <button type="button" className="button-secondary" onClick={() => setAdding("app")}>
            {t("ui.secondFactor.addApp")}
          </button>
        )}
      </p>
      {adding === "passkey" ? <AddPasskey onAdded={(answer) => added.mutate(answer)} /> : null}
      {adding === "app" ? <AddAuthenticatorApp onAdded={(answer) => added.mutate(answer)} /> : null}
      {data.factors.length > 0 ? (
        <>
          <h3>{t("ui.secondFactor.codesHeading")}</h3>
          <p>{t("ui.secondFactor.recoveryLeft", { count: data.recoveryCodesLeft })}</p>
          <ErrorMessage error={renew.error} />
          <p className="button-row">
            <MutationButton
              mutation={renew}
              className="button-secondary"
              confirm={t("ui.secondFactor.renewConfirm")}
            >
              {t("ui.secondFactor.renewCodes")}
            </MutationButton>
          </p>
        </>
      ) : null}
      {data.rememberedDevices.length > 0 ? (
        <>
          <h3>{t("ui.secondFactor.devicesHeading")}</h3>
          <p>{t("ui.secondFactor.devices", { count: data.rememberedDevices.length })}</p>
          <ErrorMessage error={forget.error} />
          <p className="button-row">
            <MutationButton mutation={forget} className="button-secondary">
              {t("ui.secondFactor.forgetDevices")}
            </MutationButton>
          </p>
        </>
      ) : forget.isSuccess ? (
        <SuccessMessage>{t("ui.secondFactor.devicesForgotten")}</SuccessMessage>
      ) : null}
    </>
  );
}

/** One factor: its name and dates, a rename form and a remove button (the last one stays when required). */
function FactorItem({
  factor,
  last,
  required,
}: {
  factor: SecondFactorView;
  last: boolean;
  required: boolean;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [renaming, setRenaming] = useState(false);
  const draft = useDraft({ label: factor.label });
  const rename = useSaveThenRefresh(() => secondFactorApi.rename(factor.id, draft.values.label), stale, {
    onSaved: () => setRenaming(false),
  });
  const removeAndRefresh = useSaveThenRefresh(() => secondFactorApi.remove(factor.id), stale);
  const kind = factor.kind === "passkey" ? t("ui.secondFactor.kindPasskey") : t("ui.secondFactor.kindApp");
  return (
    <li>
      <p>
        <strong>{factor.label}</strong> · {kind}
      </p>
      <p className="hint">
        {t("ui.secondFactor.added", { time: formatDateTime(factor.createdAt, locale) })}
        {factor.lastUsedAt
          ? ` · ${t("ui.secondFactor.lastUsed", { time: formatDateTime(factor.lastUsedAt, locale) })}`
          : ""}
      </p>
      {renaming ? (
        <MutationForm className="form" noValidate mutation={rename} submitLabel={t("ui.common.save")}>
          <Field label={t("fields.label")} name="label" {...draft.bind("label", rename.error)} />
        </MutationForm>
      ) : null}
      <ErrorMessage error={removeAndRefresh.error} />
      <p className="button-row">
        {renaming ? null : (
          <button
            type="button"
            className="button-secondary"
            aria-label={t("ui.secondFactor.renameNamed", { label: factor.label })}
            onClick={() => setRenaming(true)}
          >
            {t("ui.secondFactor.rename")}
          </button>
        )}
        {last && required ? null : (
          <MutationButton
            mutation={removeAndRefresh}
            className="button-danger"
            confirm={t("ui.secondFactor.removeConfirm", { label: factor.label })}
          >
            {t("ui.secondFactor.remove")}
          </MutationButton>
        )}
      </p>
    </li>
  );
}
