import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Page } from "../../components/page.tsx";
import { ChoosePasswordForm, tokenFromHash } from "./choose-password-form.tsx";

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [token] = useState(tokenFromHash);
  return (
    <Page title={t("ui.reset.title")}>
      <ChoosePasswordForm endpoint="/api/auth/reset-password" token={token} />
    </Page>
  );
}
