import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { LaunchView } from "../../../common/schemas/packages.ts";
import { ErrorMessage } from "../../components/feedback.tsx";
import { currentLocale } from "../../lib/i18n.ts";
import { learningKeys } from "../learning/learning-api.ts";
import { AttemptStatus } from "./attempt-status.tsx";
import { PackageParts } from "./package-parts.tsx";
import { commitPath, packageKeys, packagesApi, useAttempt } from "./packages-api.ts";

interface Runtime {
  /** Saves what the package has set so far (the learner leaves the page without finishing). */
  commit(): void;
  destroy(): void;
}

/**
 * The SCORM runtime (scorm-again) lives here, in the app's own page: it holds the CMI data, commits it
 * to Beklijf with the learner's session, and answers the package through its cross-frame bridge, which
 * accepts messages from the content origin only. The package itself runs on that other origin, in a
 * sandboxed frame that cannot navigate this page or reach its cookies.
 */
async function startRuntime(
  launch: LaunchView,
  {
    cohortId,
    activityId,
    onEnd,
    onCommit,
  }: { cohortId: string; activityId: string; onEnd: () => void; onCommit: () => void },
): Promise<Runtime> {
  const { CrossFrameLMS, Scorm12API, Scorm2004API } = await import("scorm-again");
  const settings = {
    lmsCommitUrl: commitPath(cohortId, activityId, launch.unitId),
    dataCommitFormat: "json" as const,
    renderCommonCommitFields: true,
    // Beklijf measures the session itself: many packages never report their time.
    selfReportSessionTime: true,
    autocommit: true,
    autocommitSeconds: 30,
    // The runtime's own console output would be noise for the learner and fails the test guard.
    logLevel: 5 as const,
    xhrHeaders: { "Accept-Language": currentLocale() },
  };
  const scorm12 = launch.standard === "scorm12";
  const api = scorm12 ? new Scorm12API(settings) : new Scorm2004API(settings);
  if (launch.cmi) api.loadFromJSON(launch.cmi, "cmi");
  api.on(scorm12 ? "LMSFinish" : "Terminate", onEnd);
  api.on(scorm12 ? "LMSCommit" : "Commit", onCommit);
  const bridge = new CrossFrameLMS(api, launch.contentOrigin);
  return {
    commit: () => {
      if (!api.isInitialized()) return;
      if (api instanceof Scorm12API) api.LMSCommit("");
      else api.Commit("");
    },
    destroy: () => bridge.destroy(),
  };
}

/** An activity that plays an e-learning package: start or continue it here; finishing it closes the task. */
export function PackagePlayer({
  cohortId,
  activityId,
  done,
}: {
  cohortId: string;
  activityId: string;
  done: boolean;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const runtime = useRef<Runtime | null>(null);
  const [ended, setEnded] = useState(false);
  const [cmi5Playing, setCmi5Playing] = useState(false);
  const attempt = useAttempt(cohortId, activityId, cmi5Playing ? 5000 : undefined).data;
  const started = Boolean(attempt);
  const cmi5Done = cmi5Playing && attempt?.completion === "completed";
  const refreshAttempt = () =>
    client.invalidateQueries({ queryKey: packageKeys.attempt(cohortId, activityId) });
  const launch = useMutation({
    mutationFn: async (unitId?: string) => {
      runtime.current?.destroy();
      const launched = await packagesApi.launch(cohortId, activityId, unitId);
      // A cmi5 AU needs no runtime here: it talks to the LRS itself, with credentials it fetches once.
      if (launched.standard === "cmi5") {
        setCmi5Playing(true);
        void refreshAttempt();
        return launched;
      }
      runtime.current = await startRuntime(launched, {
        cohortId,
        activityId,
        onCommit: () => void refreshAttempt(),
        onEnd: () => {
          setEnded(true);
          void refreshAttempt();
          void client.invalidateQueries({ queryKey: learningKeys.activity(cohortId, activityId) });
          void client.invalidateQueries({ queryKey: learningKeys.today() });
        },
      });
      setEnded(false);
      return launched;
    },
  });
  // The course satisfied (seen by polling): the task and the activity page follow.
  useEffect(() => {
    if (!cmi5Done) return;
    void client.invalidateQueries({ queryKey: learningKeys.activity(cohortId, activityId) });
    void client.invalidateQueries({ queryKey: learningKeys.today() });
  }, [cmi5Done, client, cohortId, activityId]);
  useEffect(
    () => () => {
      runtime.current?.commit();
      runtime.current?.destroy();
    },
    [],
  );
  const playing = launch.data && !ended ? launch.data : null;
  return (
    <section className="card package-player" aria-labelledby="package-heading">
      <h2 id="package-heading">{t("ui.packages.playerHeading")}</h2>
      <AttemptStatus cohortId={cohortId} activityId={activityId} />
      {playing ? (
        <iframe
          className="package-frame"
          src={playing.url}
          title={playing.title}
          // Scripts and forms run, on the content origin; no top navigation, no pop-ups, no downloads.
          sandbox="allow-scripts allow-same-origin allow-forms"
          allow="fullscreen; autoplay"
          referrerPolicy="no-referrer"
        />
      ) : (
        <button
          type="button"
          className="button-primary"
          disabled={launch.isPending}
          onClick={() => launch.mutate(undefined)}
        >
          {done ? t("ui.packages.playAgain") : started ? t("ui.packages.continue") : t("ui.packages.start")}
        </button>
      )}
      {attempt?.units ? (
        <PackageParts
          units={attempt.units}
          playing={playing?.unitId}
          disabled={launch.isPending}
          onPlay={(unitId) => launch.mutate(unitId)}
        />
      ) : null}
      {ended ? <p role="status">{done ? t("ui.packages.finished") : t("ui.packages.saved")}</p> : null}
      <ErrorMessage error={launch.error} />
    </section>
  );
}
