import { useTranslation } from "react-i18next";

/** A plan as one line, "When <situation> Then <action>", the way coaches and managers see it. */
export function IfThen({ plan }: { plan: { situation: string; action: string } }) {
  const { t } = useTranslation();
  return (
    <>
      <strong>{t("ui.plans.whenShort")}</strong> {plan.situation} <strong>{t("ui.plans.thenShort")}</strong>{" "}
      {plan.action}
    </>
  );
}
