import { eq, sql } from "drizzle-orm";
import { hashPassword } from "../../modules/auth/passwords.ts";
import type { Db } from "../client.ts";
import { seedDemoCultureScan } from "./demo-culture-scan.ts";
import { createStarterOrganisation } from "./demo-starter.ts";
import { seedDemoImpact } from "./demo-impact.ts";
import { seedDemoLearning } from "./demo-learning.ts";
import type { TrajectoryDocument } from "../../../common/schemas/trajectories.ts";
import { withActivityIds } from "../../modules/trajectories/activity-ids.ts";
import { trajectoryTemplates } from "../../modules/trajectories/templates/index.ts";
import { renderTemplate } from "../../modules/trajectories/templates/template.ts";
import { membersOf } from "../../modules/organisations/index.ts";
import {
  cohortParticipants,
  cohorts,
  organisations,
  personRoles,
  persons,
  teamMemberships,
  teams,
  trajectories,
} from "../schema/index.ts";
import { Tenant } from "../tenant.ts";
import { addDays } from "../../../common/dates.ts";

/** Demo data only: a real organisation never gets a default password. */
export const DEMO_PASSWORD = "beklijf-demo";
export const DEMO_ORGANISATION = "Van Dijk Installatietechniek";

type DemoRole = "coordinator" | "designer" | "manager" | "learner" | "coach";

interface DemoTeam {
  name: string;
  manager: { name: string; email?: string; roles?: DemoRole[] };
  members: string[];
}

// An installation company of about 40 people in 4 teams, as in many Dutch SMEs.
const demoTeams: DemoTeam[] = [
  {
    name: "Service & Onderhoud",
    manager: { name: "Marco de Vries", email: "manager@demo.beklijf.nl", roles: ["manager", "coach"] },
    members: [
      "Sanne Jansen",
      "Daan Bakker",
      "Ahmed El Amrani",
      "Kevin Visser",
      "Lotte Smit",
      "Ruben Meijer",
      "Joost van der Berg",
      "Thijs Mulder",
      "Fatima Bouzid",
      "Pieter de Boer",
      "Niels Dekker",
    ],
  },
  {
    name: "Montage",
    // A second manager who can sign in, and who does not manage the demo learner's team.
    manager: { name: "Henk Brouwer", email: "henk.brouwer@demo.beklijf.nl" },
    members: [
      "Bram Hendriks",
      "Jeroen van Leeuwen",
      "Stefan Kok",
      "Mehmet Yilmaz",
      "Wouter de Graaf",
      "Dennis Vos",
      "Rick Peters",
      "Sven Willems",
      "Tom Jacobs",
    ],
  },
  {
    name: "Werkvoorbereiding & Planning",
    manager: { name: "Ingrid Koster" },
    members: [
      "Eva van Dam",
      "Mark Schouten",
      "Lisa Hermans",
      "Bas Verhoeven",
      "Anouk Prins",
      "Youssef Haddad",
      "Femke Bos",
    ],
  },
  {
    name: "Kantoor & Verkoop",
    manager: { name: "Karin Vermeulen" },
    members: [
      "Monique Huisman",
      "Jasper van Wijk",
      "Nadia Ramdin",
      "Erik Kuipers",
      "Sophie Claes",
      "Gert Maas",
      "Linda Postma",
    ],
  },
];

function demoEmail(name: string): string {
  const local = name
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z ]/g, "")
    .trim()
    .replace(/\s+/g, ".");
  return `${local}@demo.beklijf.nl`;
}

/** Days between the service team's practice day and the first start: the cohort is in its "after" weeks. */
const SERVICE_DAYS_AGO = 16;
/** A finished cohort: its competence proof and the survey a few weeks on are behind it. */
const FINISHED_DAYS_AGO = 70;

interface DemoTrajectory {
  id: string;
  document: TrajectoryDocument;
}

/** A cohort of the members of `teamIds`, with what the learning and impact seeds need to know of it. */
async function insertCohort(
  tenant: Tenant,
  trajectory: DemoTrajectory,
  values: { name: string; practiceDay: string; teamIds: string[]; createdBy: string },
) {
  const [cohort] = await tenant.db
    .insert(cohorts)
    .values(
      tenant.row({
        trajectoryId: trajectory.id,
        name: values.name,
        sessionDates: [values.practiceDay],
        createdBy: values.createdBy,
      }),
    )
    .returning({ id: cohorts.id });
  const members = await membersOf(tenant, values.teamIds);
  await tenant.db
    .insert(cohortParticipants)
    .values(tenant.rows(members.map((m) => ({ cohortId: cohort!.id, personId: m.personId }))));
  return {
    trajectoryId: trajectory.id,
    document: trajectory.document,
    cohortId: cohort!.id,
    practiceDay: values.practiceDay,
    participantIds: members.map((m) => m.personId),
  };
}

/**
 * The three templates as the demo's own trajectories (in Dutch); the service team is a few weeks past
 * its practice day on the customer-conversations trajectory (so the demo learner has work and practice
 * due), and the assembly team has a practice day on working at height three weeks ahead.
 */
async function seedDemoTrajectories(
  tenant: Tenant,
  coordinatorId: string,
  teamIds: string[],
  demo: { learnerId: string; managerId: string },
): Promise<void> {
  const saved: DemoTrajectory[] = [];
  for (const template of trajectoryTemplates) {
    const document = withActivityIds(renderTemplate(template, "nl"));
    const [row] = await tenant.db
      .insert(trajectories)
      .values(
        tenant.row({ title: document.title, document, createdBy: coordinatorId, updatedBy: coordinatorId }),
      )
      .returning({ id: trajectories.id });
    saved.push({ id: row!.id, document });
  }
  const [customerConversations, workingAtHeight] = [saved[0]!, saved[2]!];
  const now = new Date();
  const today = now.toISOString().slice(0, 10);
  const createdBy = coordinatorId;
  const service = await insertCohort(tenant, customerConversations, {
    name: "Serviceteam, klantgesprekken",
    practiceDay: addDays(today, -SERVICE_DAYS_AGO),
    teamIds: [teamIds[0]!],
    createdBy,
  });
  await seedDemoLearning(tenant, {
    ...service,
    demoLearnerId: demo.learnerId,
    serviceManagerId: demo.managerId,
    now,
  });
  const finished = await insertCohort(tenant, customerConversations, {
    name: "Kantoor en planning, klantgesprekken (voorjaar)",
    practiceDay: addDays(today, -FINISHED_DAYS_AGO),
    teamIds: [teamIds[2]!, teamIds[3]!],
    createdBy,
  });
  await seedDemoImpact(tenant, { ...finished, coordinatorId, now });
  await insertCohort(tenant, workingAtHeight, {
    name: "Montage, veilig werken op hoogte",
    practiceDay: addDays(today, 21),
    teamIds: [teamIds[1]!],
    createdBy,
  });
}

/**
 * Creates the demo organisation once. Safe to call at every start: it does nothing when the demo
 * exists, and an advisory lock keeps two starting processes on one server from both creating it.
 */
export async function seedDemo(db: Db): Promise<boolean> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(724011002)`);
    const [existing] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.isDemo, true))
      .limit(1);
    if (existing) return false;
    await createDemoOrganisation(tx as unknown as Db, passwordHash, null);
    await createStarterOrganisation(tx as unknown as Db, passwordHash);
    return true;
  });
}

/**
 * One copy of the demo organisation. Copies (for benchmarks on scaled-up data) get a numbered name and
 * addresses like learner+7@demo.beklijf.nl, so every copy's people can sign in.
 */
export async function createDemoOrganisation(
  db: Db,
  passwordHash: string,
  copy: number | null,
): Promise<void> {
  const address = (email: string) => (copy === null ? email : email.replace("@", `+${copy}@`));
  const [org] = await db
    .insert(organisations)
    .values({
      name: copy === null ? DEMO_ORGANISATION : `${DEMO_ORGANISATION} ${copy}`,
      defaultLocale: "nl",
      isDemo: copy === null,
    })
    .returning({ id: organisations.id });
  const tenant = new Tenant(db, org!.id);

  const addPerson = async (name: string, email: string, roles: DemoRole[], withPassword: boolean) => {
    const [person] = await tenant.db
      .insert(persons)
      .values(
        tenant.row({
          name,
          email: address(email),
          status: "active" as const,
          passwordHash: withPassword ? passwordHash : null,
        }),
      )
      .returning({ id: persons.id });
    await tenant.db
      .insert(personRoles)
      .values(tenant.rows(roles.map((role) => ({ personId: person!.id, role }))));
    return person!.id;
  };

  const coordinatorId = await addPerson(
    "Carla Verbeek",
    "coordinator@demo.beklijf.nl",
    ["coordinator", "designer"],
    true,
  );
  const teamIds: string[] = [];
  let demoLearnerId: string | undefined;
  let serviceManagerId: string | undefined;
  for (const [index, team] of demoTeams.entries()) {
    const [created] = await tenant.db
      .insert(teams)
      .values(tenant.row({ name: team.name }))
      .returning({ id: teams.id });
    teamIds.push(created!.id);
    const managerEmail = team.manager.email ?? demoEmail(team.manager.name);
    const managerId: string = await addPerson(
      team.manager.name,
      managerEmail,
      team.manager.roles ?? ["manager"],
      Boolean(team.manager.email),
    );
    await tenant.db
      .insert(teamMemberships)
      .values(tenant.row({ teamId: created!.id, personId: managerId, isManager: true }));
    if (index === 0) serviceManagerId = managerId;
    const members = index === 0 ? ["Femke de Wit", ...team.members] : team.members;
    for (const [memberIndex, name] of members.entries()) {
      const isDemoLearner = index === 0 && memberIndex === 0;
      const id = await addPerson(
        name,
        isDemoLearner ? "learner@demo.beklijf.nl" : demoEmail(name),
        ["learner"],
        isDemoLearner,
      );
      if (isDemoLearner) demoLearnerId = id;
      await tenant.db.insert(teamMemberships).values(tenant.row({ teamId: created!.id, personId: id }));
    }
  }
  await seedDemoTrajectories(tenant, coordinatorId, teamIds, {
    learnerId: demoLearnerId!,
    managerId: serviceManagerId!,
  });
  await seedDemoCultureScan(tenant, coordinatorId, teamIds);
}
