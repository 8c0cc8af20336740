import type { ScanAnswers } from "../../db/schema/culture-scan.ts";
import { planGroups } from "./anonymity.ts";
import {
  type Layer,
  layers,
  type PhaseOfChange,
  phasesOfChange,
  type Precondition,
  preconditions,
} from "../../../common/culture-scan/model.ts";
import { type Heatmap, recommend, type Recommendation } from "./recommend.ts";

export interface ResponseRow {
  teamId: string | null;
  answers: ScanAnswers;
  phase: string;
  /** Sent through the shared poster link: counted, but never toward a threshold. */
  viaSharedLink?: boolean;
}

export interface GroupFigures {
  /** People per phase; null where a count could single someone out (see `planGroups`). */
  phases: Record<PhaseOfChange, number | null>;
  layers: Record<Layer, number | null>;
  preconditions: Record<Precondition, number | null>;
}

export interface ScanResults {
  threshold: number;
  /** Every answer, shared-link answers included. */
  responses: number;
  /** Of which through the shared poster link. */
  sharedLinkResponses: number;
  invited: number;
  /** Answers through personal links per invited person. */
  responseRate: number | null;
  /** The scan is still open: figures appear only once it has closed. */
  heldUntilClose: boolean;
  groups: {
    team: string;
    teamId: string | null;
    responses: number;
    figures: GroupFigures | null;
    merged: boolean;
  }[];
  /** Layers × phases: average support (1–5); null where the phase's count is not shown. */
  heatmap: Heatmap;
  overall: GroupFigures | null;
  comments: string[];
  recommendations: Recommendation[];
}

const OTHER = "other";
/** The shared-link answers: a pool with no team that always sits in "other". */
const SHARED = "shared";
const round1 = (x: number) => Math.round(x * 10) / 10;

function average(values: number[]): number | null {
  return values.length === 0 ? null : round1(values.reduce((a, b) => a + b, 0) / values.length);
}

function scale(answers: ScanAnswers, id: string): number | null {
  const value = Number(answers[id]);
  return Number.isFinite(value) && value >= 1 && value <= 5 ? value : null;
}

function preconditionScore(answers: ScanAnswers, precondition: Precondition): number | null {
  if (precondition !== "safetyAndWorkload") return scale(answers, precondition);
  const parts = [scale(answers, "safety"), scale(answers, "workload")].filter((x): x is number => x !== null);
  return parts.length ? parts.reduce((a, b) => a + b, 0) / parts.length : null;
}

const isTied = (row: ResponseRow) => !row.viaSharedLink;

/** Which phases of a group may show their count: the group plan, applied to the phases inside it. */
function phasePlan(rows: ResponseRow[], threshold: number) {
  return planGroups(
    phasesOfChange.map((phase) => {
      const inPhase = rows.filter((r) => r.phase === phase);
      const tied = inPhase.filter(isTied).length;
      return { key: phase, responses: tied, untied: inPhase.length - tied };
    }),
    threshold,
  );
}

export function figuresOf(rows: ResponseRow[], threshold: number): GroupFigures {
  const plan = phasePlan(rows, threshold);
  const phases = Object.fromEntries(
    phasesOfChange.map((p) => {
      const people = rows.filter((r) => r.phase === p).length;
      return [p, plan.shown.includes(p) || people === 0 ? people : null];
    }),
  ) as Record<PhaseOfChange, number | null>;
  const layerMeans = Object.fromEntries(
    layers.map((layer) => [
      layer,
      average(rows.map((r) => scale(r.answers, layer)).filter((x): x is number => x !== null)),
    ]),
  ) as Record<Layer, number | null>;
  const preconditionMeans = Object.fromEntries(
    preconditions.map((p) => [
      p,
      average(rows.map((r) => preconditionScore(r.answers, p)).filter((x): x is number => x !== null)),
    ]),
  ) as Record<Precondition, number | null>;
  return { phases, layers: layerMeans, preconditions: preconditionMeans };
}

/**
 * Everything the results screen and exports show, with the anonymity rules applied: groups below the
 * threshold show no figures, small groups merge into "other" (and more if a subtraction would reveal
 * them), phase counts and heatmap cells follow the same plan, comments appear only above it, in sorted
 * order. Only answers tied to an invitation count toward any threshold. While a scan is open
 * (`final: false`) no figure is shown at all, so no two readings differ by one person's answers.
 */
export function computeResults(input: {
  responses: ResponseRow[];
  teams: { id: string; name: string }[];
  invited: number;
  threshold: number;
  otherLabel: string;
  final?: boolean;
}): ScanResults {
  const { responses, threshold } = input;
  const final = input.final ?? true;
  const byGroup = new Map<string, ResponseRow[]>();
  for (const row of responses) {
    const key = !isTied(row)
      ? SHARED
      : row.teamId && input.teams.some((t) => t.id === row.teamId)
        ? row.teamId
        : OTHER;
    byGroup.set(key, [...(byGroup.get(key) ?? []), row]);
  }
  const counts = [...byGroup.entries()].map(([key, rows]) => ({
    key,
    responses: rows.filter(isTied).length,
    untied: rows.filter((r) => !isTied(r)).length,
  }));
  const plan = final
    ? planGroups(counts, threshold)
    : { shown: [], merged: [], otherShown: false, totalShown: false };
  const teamName = (key: string) => input.teams.find((t) => t.id === key)?.name ?? input.otherLabel;
  const groups: ScanResults["groups"] = counts
    .filter((g) => g.key !== OTHER && g.key !== SHARED)
    .map((g) => ({
      team: teamName(g.key),
      teamId: g.key,
      responses: g.responses,
      figures: plan.shown.includes(g.key) ? figuresOf(byGroup.get(g.key)!, threshold) : null,
      merged: plan.merged.includes(g.key),
    }))
    .sort((a, b) => a.team.localeCompare(b.team));
  const leftOver = final
    ? plan.merged
    : counts.filter((g) => g.key === OTHER || g.key === SHARED).map((g) => g.key);
  if (leftOver.length > 0) {
    const rows = leftOver.flatMap((key) => byGroup.get(key) ?? []);
    if (rows.length > 0)
      groups.push({
        team: input.otherLabel,
        teamId: null,
        responses: rows.length,
        figures: plan.otherShown ? figuresOf(rows, threshold) : null,
        merged: false,
      });
  }
  const overall = plan.totalShown ? figuresOf(responses, threshold) : null;
  const heatmap = Object.fromEntries(
    layers.map((layer) => [
      layer,
      Object.fromEntries(
        phasesOfChange.map((phase) => {
          // A cell needs its phase's count to be shown: the same plan, so no cell can be subtracted out.
          if (!overall || overall.phases[phase] === null || overall.phases[phase] === 0) return [phase, null];
          const inPhase = responses.filter((r) => r.phase === phase);
          return [
            phase,
            average(inPhase.map((r) => scale(r.answers, layer)).filter((x): x is number => x !== null)),
          ];
        }),
      ),
    ]),
  ) as Heatmap;
  const comments = plan.totalShown
    ? responses
        .map((r) => String(r.answers.comment ?? "").trim())
        .filter(Boolean)
        .sort((a, b) => a.localeCompare(b))
    : [];
  const tied = responses.filter(isTied).length;
  const peopleInPhase = overall
    ? Object.fromEntries(phasesOfChange.map((p) => [p, overall.phases[p] ?? 0]))
    : {};
  return {
    threshold,
    responses: responses.length,
    sharedLinkResponses: responses.length - tied,
    invited: input.invited,
    responseRate: input.invited > 0 ? round1((100 * tied) / input.invited) : null,
    heldUntilClose: !final,
    groups,
    heatmap,
    overall,
    comments,
    recommendations: overall ? recommend(heatmap, peopleInPhase, overall.preconditions) : [],
  };
}
