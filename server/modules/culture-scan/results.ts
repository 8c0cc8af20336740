import type { ScanAnswers } from "../../db/schema/culture-scan.ts";
import { planGroups } from "./anonymity.ts";
import { type Layer, layers, type Precondition, preconditions } from "./interventions.ts";
import { type Heatmap, recommend, type Recommendation } from "./recommend.ts";
import { type PhaseOfChange, phasesOfChange } from "./staging.ts";

export interface ResponseRow {
  teamId: string | null;
  answers: ScanAnswers;
  phase: string;
}

export interface GroupFigures {
  phases: Record<PhaseOfChange, number>;
  layers: Record<Layer, number | null>;
  preconditions: Record<Precondition, number | null>;
}

export interface ScanResults {
  threshold: number;
  responses: number;
  invited: number;
  responseRate: number | null;
  groups: {
    team: string;
    teamId: string | null;
    responses: number;
    figures: GroupFigures | null;
    merged: boolean;
  }[];
  /** Layers × phases: average support (1–5); null where the phase has fewer people than the threshold. */
  heatmap: Heatmap;
  overall: GroupFigures | null;
  comments: string[];
  recommendations: Recommendation[];
}

const OTHER = "other";
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

export function figuresOf(rows: ResponseRow[]): GroupFigures {
  const phases = Object.fromEntries(
    phasesOfChange.map((p) => [p, rows.filter((r) => r.phase === p).length]),
  ) as Record<PhaseOfChange, number>;
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
 * them), heatmap cells need the threshold too, and comments appear only above it, in sorted order.
 */
export function computeResults(input: {
  responses: ResponseRow[];
  teams: { id: string; name: string }[];
  invited: number;
  threshold: number;
  otherLabel: string;
}): ScanResults {
  const { responses, threshold } = input;
  const byGroup = new Map<string, ResponseRow[]>();
  for (const row of responses) {
    const key = row.teamId && input.teams.some((t) => t.id === row.teamId) ? row.teamId : OTHER;
    byGroup.set(key, [...(byGroup.get(key) ?? []), row]);
  }
  const counts = [...byGroup.entries()].map(([key, rows]) => ({ key, responses: rows.length }));
  const plan = planGroups(counts, threshold);
  const teamName = (key: string) => input.teams.find((t) => t.id === key)?.name ?? input.otherLabel;
  const groups: ScanResults["groups"] = counts
    .filter((g) => g.key !== OTHER)
    .map((g) => ({
      team: teamName(g.key),
      teamId: g.key,
      responses: g.responses,
      figures: plan.shown.includes(g.key) ? figuresOf(byGroup.get(g.key)!) : null,
      merged: plan.merged.includes(g.key),
    }))
    .sort((a, b) => a.team.localeCompare(b.team));
  if (plan.merged.length > 0) {
    const rows = plan.merged.flatMap((key) => byGroup.get(key) ?? []);
    groups.push({
      team: input.otherLabel,
      teamId: null,
      responses: rows.length,
      figures: plan.otherShown ? figuresOf(rows) : null,
      merged: false,
    });
  }
  const overall = plan.totalShown ? figuresOf(responses) : null;
  const heatmap = Object.fromEntries(
    layers.map((layer) => [
      layer,
      Object.fromEntries(
        phasesOfChange.map((phase) => {
          const inPhase = responses.filter((r) => r.phase === phase);
          if (inPhase.length < Math.max(3, threshold)) return [phase, null];
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
  return {
    threshold,
    responses: responses.length,
    invited: input.invited,
    responseRate: input.invited > 0 ? round1((100 * responses.length) / input.invited) : null,
    groups,
    heatmap,
    overall,
    comments,
    recommendations: overall ? recommend(heatmap, overall.phases, overall.preconditions) : [],
  };
}
