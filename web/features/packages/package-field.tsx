import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import type { PackageView } from "../../../common/schemas/packages.ts";
import { FileField } from "../../components/file-field.tsx";
import { ErrorMessage } from "../../components/feedback.tsx";
import { ApiError } from "../../lib/api.ts";
import { packageKeys, packagesApi, usePackage } from "./packages-api.ts";

/** What a designer sees of an attached package: its standard, title, units and mastery score. */
export function PackageSummary({ view }: { view: PackageView }) {
  const { t } = useTranslation();
  return (
    <div className="package-summary">
      <p>
        <strong>{view.title}</strong>
        <span className="hint">
          {" · "}
          {view.standard === "scorm2004"
            ? `SCORM ${view.edition}`
            : t(`ui.packages.standards.${view.standard}`)}
        </span>
      </p>
      <ul>
        {view.units.map((unit) => (
          <li key={unit.id}>
            {unit.title}
            {unit.masteryScore !== null
              ? ` · ${t("ui.packages.mastery", { percent: Math.round(unit.masteryScore * 100) })}`
              : ""}
            {unit.moveOn ? ` · ${t(`ui.cmi5.moveOn.${unit.moveOn}`)}` : ""}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The e-learning package of a theory or simulation activity: upload a SCORM or cmi5 zip, see what it
 * holds, or take it off. The trajectory's own Save keeps the choice.
 */
export function PackageField({
  packageId,
  onChange,
}: {
  packageId: string | undefined;
  onChange: (packageId: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const { trajectoryId = "" } = useParams();
  const client = useQueryClient();
  const attached = usePackage(packageId);
  const headingId = useId();
  // A new key per chosen file: the same file sent twice (a retry) is one package.
  const [key, setKey] = useState(() => crypto.randomUUID());
  const upload = useMutation({
    mutationFn: (file: File) => packagesApi.upload(trajectoryId, file, key),
    onSuccess: (view) => {
      client.setQueryData(packageKeys.detail(view.packageId), view);
      setKey(crypto.randomUUID());
      onChange(view.packageId);
    },
  });
  const fieldError = upload.error instanceof ApiError ? upload.error.fieldMessage("package") : undefined;
  return (
    <section className="package-field" aria-labelledby={headingId}>
      <h4 id={headingId}>{t("ui.packages.heading")}</h4>
      {attached.data ? <PackageSummary view={attached.data} /> : null}
      <FileField
        label={packageId ? t("ui.packages.replace") : t("ui.packages.upload")}
        hint={t("ui.packages.uploadHint")}
        accept=".zip,application/zip"
        disabled={upload.isPending}
        error={fieldError}
        onFile={(file) => upload.mutate(file)}
      />
      {upload.isPending ? <p role="status">{t("ui.packages.uploading")}</p> : null}
      {upload.isSuccess && !upload.isPending ? <p role="status">{t("ui.packages.uploaded")}</p> : null}
      {fieldError ? null : <ErrorMessage error={upload.error} />}
      {packageId ? (
        <button type="button" className="link-button" onClick={() => onChange(undefined)}>
          {t("ui.packages.detach")}
        </button>
      ) : null}
    </section>
  );
}
