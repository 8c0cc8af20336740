/**
 * The home screen composes other modules (people, cohorts, impact, culture scan), so it is a module of
 * its own above them: in organisations it would make a loop (impact → cohorts → organisations).
 */
export {};
