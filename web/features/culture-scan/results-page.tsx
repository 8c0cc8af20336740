import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import {
  heatBand as band,
  layers as layerKeys,
  phasesOfChange as phaseKeys,
  preconditions as preconditionKeys,
} from "../../../common/culture-scan/model.ts";
import type { ScanResults } from "../../../common/schemas/culture-scans.ts";
import { Field, SelectField } from "../../components/field.tsx";
import { EmptyState, ErrorMessage, Loading, SuccessMessage } from "../../components/feedback.tsx";
import { Page } from "../../components/page.tsx";
import { currentLocale, formatDecimal, formatNumber, formatPercent } from "../../lib/i18n.ts";
import { formatDay, isoDaysFromToday } from "../../lib/dates.ts";
import { fieldError } from "../../lib/forms.ts";
import { scanApi, scanDownloads, scanKeys } from "./culture-scan-api.ts";

export function ResultsPage() {
  const { t } = useTranslation();
  const { scanId = "" } = useParams();
  const locale = currentLocale();
  const results = useQuery({
    queryKey: scanKeys.results(scanId, locale),
    queryFn: () => scanApi.results(scanId),
  });
  const data = results.data;
  return (
    <Page title={data?.scan.title ?? t("ui.scans.title")}>
      <p className="no-print">
        <Link to="/culture-scans">← {t("ui.scans.back")}</Link>
      </p>
      {results.isLoading ? <Loading /> : null}
      <ErrorMessage error={results.error} />
      {data ? (
        <>
          <p className="notice">{t("ui.scans.notValidated")}</p>
          <section className="card" aria-labelledby="scan-summary">
            <h2 id="scan-summary">{t("ui.scans.summary")}</h2>
            <dl className="stats">
              <div>
                <dt>{t("ui.scans.responses")}</dt>
                <dd>{formatNumber(data.responses, locale)}</dd>
              </div>
              <div>
                <dt>{t("ui.scans.responseRate")}</dt>
                <dd>{data.responseRate === null ? "—" : formatPercent(data.responseRate / 100, locale)}</dd>
              </div>
              {data.sharedLinkResponses > 0 ? (
                <div>
                  <dt>{t("ui.scans.sharedLinkResponses")}</dt>
                  <dd>{formatNumber(data.sharedLinkResponses, locale)}</dd>
                </div>
              ) : null}
              <div>
                <dt>{t("ui.scans.threshold")}</dt>
                <dd>{data.threshold}</dd>
              </div>
            </dl>
            <p className="hint">{t("ui.scans.thresholdFrozen")}</p>
            {data.sharedLinkResponses > 0 ? (
              <p className="hint">{t("ui.scans.sharedLinkNote", { threshold: data.threshold })}</p>
            ) : null}
            <p className="hint">
              {t("ui.scans.period", {
                from: formatDay(data.scan.opensOn, locale, { dateStyle: "medium" }),
                to: formatDay(data.scan.closesOn, locale, { dateStyle: "medium" }),
              })}{" "}
              · {t(`ui.scans.status.${data.scan.status}`)}
            </p>
            <div className="button-row no-print">
              <a className="button-secondary" href={scanDownloads.csv(scanId)} download>
                {t("ui.scans.csvDownload")}
              </a>
              <a className="button-secondary" href={scanDownloads.pdf(scanId)} download>
                {t("ui.scans.pdfDownload")}
              </a>
              <button type="button" className="button-secondary" onClick={() => window.print()}>
                {t("ui.scans.print")}
              </button>
            </div>
          </section>
          {data.heldUntilClose ? (
            <p className="notice" role="status">
              {t("ui.scans.heldUntilClose")}
            </p>
          ) : data.overall === null ? (
            <EmptyState title={t("ui.scans.tooFewOverall", { threshold: data.threshold })} />
          ) : (
            <>
              <Heatmap data={data} />
              <PhasesByGroup data={data} />
              <Preconditions data={data} />
              <Recommendations data={data} scanId={scanId} />
              {data.comments.length > 0 ? (
                <section className="card" aria-labelledby="scan-comments">
                  <h2 id="scan-comments">{t("ui.scans.comments")}</h2>
                  <ul>
                    {data.comments.map((comment, index) => (
                      <li key={index}>{comment}</li>
                    ))}
                  </ul>
                </section>
              ) : null}
            </>
          )}
        </>
      ) : null}
    </Page>
  );
}

function Heatmap({ data }: { data: ScanResults }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="scan-heatmap">
      <h2 id="scan-heatmap">{t("ui.scans.heatmap")}</h2>
      <p className="hint">{t("ui.scans.heatmapHint")}</p>
      {/* Scrolls sideways on a phone: focusable, so keyboard users can scroll it too. */}
      <div className="table-wrap" tabIndex={0} role="region" aria-label={t("ui.scans.heatmap")}>
        <table className="heatmap">
          <caption className="visually-hidden">{t("ui.scans.heatmap")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("ui.scans.layer")}</th>
              {phaseKeys.map((phase) => (
                <th key={phase} scope="col">
                  {t(`ui.scans.phases.${phase}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {layerKeys.map((layer) => (
              <tr key={layer}>
                <th scope="row">{t(`ui.scans.layers.${layer}`)}</th>
                {phaseKeys.map((phase) => {
                  const score = data.heatmap[layer]?.[phase] ?? null;
                  return (
                    <td key={phase} className={`heat heat-${band(score)}`}>
                      {score === null ? (
                        <span title={t("ui.scans.tooFew")}>—</span>
                      ) : (
                        formatDecimal(score, currentLocale(), 1)
                      )}
                      {score === null ? (
                        <span className="visually-hidden"> {t("ui.scans.tooFew")}</span>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function PhasesByGroup({ data }: { data: ScanResults }) {
  const { t } = useTranslation();
  const rows = [
    ...data.groups,
    {
      team: t("ui.scans.everyone"),
      teamId: "all",
      responses: data.responses,
      figures: data.overall,
      merged: false,
    },
  ];
  return (
    <section className="card" aria-labelledby="scan-phases">
      <h2 id="scan-phases">{t("ui.scans.phasesTitle")}</h2>
      <ul className="legend" aria-hidden="true">
        {phaseKeys.map((phase) => (
          <li key={phase}>
            <span className={`swatch phase-${phase}`} /> {t(`ui.scans.phases.${phase}`)}
          </li>
        ))}
      </ul>
      <ul className="phase-bars">
        {rows.map((group) => (
          <li key={group.teamId ?? "other"}>
            <p className="bar-label">
              <strong>{group.team}</strong> · {t("ui.scans.answers", { count: group.responses })}
            </p>
            {group.figures ? (
              <>
                <div className="stacked-bar" aria-hidden="true">
                  {phaseKeys.map((phase) =>
                    group.figures!.phases[phase] ? (
                      <div
                        key={phase}
                        className={`segment phase-${phase}`}
                        style={{ flexGrow: group.figures!.phases[phase] }}
                      />
                    ) : null,
                  )}
                </div>
                <p className="visually-hidden">
                  {phaseKeys
                    .map(
                      (phase) =>
                        `${t(`ui.scans.phases.${phase}`)}: ${group.figures!.phases[phase] ?? t("ui.scans.phaseHidden")}`,
                    )
                    .join(", ")}
                </p>
                {phaseKeys.some((phase) => group.figures!.phases[phase] === null) ? (
                  <p className="hint">{t("ui.scans.phasesPartlyHidden")}</p>
                ) : null}
              </>
            ) : (
              <p className="suppressed">
                {group.merged
                  ? t("ui.scans.merged")
                  : t("ui.scans.tooFewGroup", { threshold: data.threshold })}
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Preconditions({ data }: { data: ScanResults }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="scan-preconditions">
      <h2 id="scan-preconditions">{t("ui.scans.preconditionsTitle")}</h2>
      <ul className="score-list">
        {preconditionKeys.map((key) => {
          const score = data.overall?.preconditions[key] ?? null;
          const before = data.trend?.overall?.preconditions[key] ?? null;
          return (
            <li key={key}>
              <span className="bar-label">{t(`ui.scans.preconditions.${key}`)}</span>
              <span className="score-bar small-bar" aria-hidden="true">
                <span
                  className={`score-fill heat-${band(score)}`}
                  style={{ width: `${((score ?? 0) / 5) * 100}%` }}
                />
              </span>
              <span>
                {score === null ? "—" : `${formatDecimal(score, currentLocale(), 1)} / 5`}
                {before !== null && score !== null
                  ? ` (${t("ui.scans.before", { score: formatDecimal(before, currentLocale(), 1) })})`
                  : ""}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function Recommendations({ data, scanId }: { data: ScanResults; scanId: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <section className="card" aria-labelledby="scan-recommendations">
      <h2 id="scan-recommendations">{t("ui.scans.recommendations")}</h2>
      {data.recommendations.length === 0 ? <p>{t("ui.scans.noRecommendations")}</p> : null}
      <ol className="findings">
        {data.recommendations.map((r) => (
          <li key={r.id}>
            <p>
              <strong>{r.title}</strong>
            </p>
            <p>{r.why}</p>
            <p className="hint">
              {r.layer && r.phase
                ? t("ui.scans.becauseCell", {
                    layer: t(`ui.scans.layers.${r.layer}`),
                    phase: t(`ui.scans.phases.${r.phase}`),
                    score: formatDecimal(r.score, currentLocale(), 1),
                  })
                : t("ui.scans.becausePrecondition", { score: formatDecimal(r.score, currentLocale(), 1) })}
            </p>
            <ActionForm scanId={scanId} title={r.title} interventionId={r.id} />
          </li>
        ))}
      </ol>
      <h3>{t("ui.scans.actionPlan")}</h3>
      {data.actions.length === 0 ? <p className="hint">{t("ui.scans.noActions")}</p> : null}
      <ul className="plain-list">
        {data.actions.map((a) => (
          <li key={a.id}>
            <strong>{a.title}</strong> — {a.owner}, {formatDay(a.dueOn, locale, { dateStyle: "medium" })}
            {a.scanId !== scanId ? ` (${t("ui.scans.fromPrevious")})` : ""}{" "}
            <span className={`badge badge-action-${a.status}`}>{t(`ui.scans.actionStatus.${a.status}`)}</span>
            <EditAction action={a} resultsOf={scanId} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function ActionForm({
  scanId,
  title,
  interventionId,
}: {
  scanId: string;
  title: string;
  interventionId: string;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [owner, setOwner] = useState("");
  const [dueOn, setDueOn] = useState(() => isoDaysFromToday(30));
  const add = useMutation({
    mutationFn: () => scanApi.addAction(scanId, { title, owner, dueOn, interventionId }),
    onSuccess: async () => {
      setOpen(false);
      await client.invalidateQueries({ queryKey: scanKeys.scan(scanId) });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };
  if (!open) {
    return (
      <>
        {add.isSuccess ? <SuccessMessage>{t("ui.scans.actionAdded")}</SuccessMessage> : null}
        <button type="button" className="button-secondary small no-print" onClick={() => setOpen(true)}>
          {t("ui.scans.addAction")}
          <span className="visually-hidden"> {title}</span>
        </button>
      </>
    );
  }
  return (
    <form className="form" onSubmit={submit} noValidate>
      <ErrorMessage error={add.error} />
      <div className="field-row">
        <Field
          label={t("fields.owner")}
          value={owner}
          onChange={(e) => setOwner(e.target.value)}
          error={fieldError(add.error, "owner")}
        />
        <Field
          label={t("fields.dueOn")}
          type="date"
          value={dueOn}
          onChange={(e) => setDueOn(e.target.value)}
          error={fieldError(add.error, "dueOn")}
        />
      </div>
      <button type="submit" className="button-primary small">
        {t("ui.scans.saveAction")}
      </button>
    </form>
  );
}

/** Corrects an action of the plan (title, owner, due date, done) or removes it after asking. */
function EditAction({ action, resultsOf }: { action: ScanResults["actions"][number]; resultsOf: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState(action.title);
  const [owner, setOwner] = useState(action.owner);
  const [dueOn, setDueOn] = useState(action.dueOn);
  const [status, setStatus] = useState(action.status);
  const refresh = () => client.invalidateQueries({ queryKey: scanKeys.scan(resultsOf) });
  const save = useMutation({
    mutationFn: () => scanApi.updateAction(action.scanId, action.id, { title, owner, dueOn, status }),
    onSuccess: async () => {
      setOpen(false);
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: () => scanApi.removeAction(action.scanId, action.id),
    onSuccess: refresh,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <details className="no-print" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        {t("ui.scans.editAction")}
        <span className="visually-hidden"> {action.title}</span>
      </summary>
      <form className="form" onSubmit={submit} noValidate>
        <ErrorMessage error={save.error ?? remove.error} />
        <Field
          label={t("fields.title")}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          error={fieldError(save.error, "title")}
        />
        <div className="field-row">
          <Field
            label={t("fields.owner")}
            value={owner}
            onChange={(e) => setOwner(e.target.value)}
            error={fieldError(save.error, "owner")}
          />
          <Field
            label={t("fields.dueOn")}
            type="date"
            value={dueOn}
            onChange={(e) => setDueOn(e.target.value)}
            error={fieldError(save.error, "dueOn")}
          />
        </div>
        <SelectField
          label={t("fields.status")}
          value={status}
          onChange={(e) => setStatus(e.target.value === "done" ? "done" : "planned")}
        >
          <option value="planned">{t("ui.scans.actionStatus.planned")}</option>
          <option value="done">{t("ui.scans.actionStatus.done")}</option>
        </SelectField>
        <div className="button-row">
          <button type="submit" className="button-primary small" disabled={save.isPending}>
            {t("ui.scans.saveAction")}
          </button>
          <button
            type="button"
            className="button-danger small"
            disabled={remove.isPending}
            onClick={() => {
              if (window.confirm(t("ui.scans.confirmDeleteAction", { title: action.title }))) remove.mutate();
            }}
          >
            {t("ui.scans.deleteAction")}
          </button>
        </div>
      </form>
    </details>
  );
}
