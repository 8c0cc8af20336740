import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Page } from "../../components/page.tsx";
import { authApi } from "./auth-api.ts";
import { tokenFromHash } from "../../lib/link-token.ts";
import { ChoosePasswordForm } from "./choose-password-form.tsx";

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [token] = useState(tokenFromHash);
  return (
    <Page title={t("ui.reset.title")}>
      <ChoosePasswordForm redeem={authApi.resetPassword} token={token} />
    </Page>
  );
}
