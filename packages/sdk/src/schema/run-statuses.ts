// The run statuses as plain values, apart from the zod schemas in run.ts, so the SDK's run rules (rules/runs.ts) can
// use them without bringing zod into the module graph a host loads up front.

export const RUN_STATUSES = ['running', 'paused', 'waiting', 'completed', 'failed', 'cancelled'] as const;

/** Replay is offered only for these (seed 002). */
export const TERMINAL_RUN_STATUSES = ['completed', 'failed', 'cancelled'] as const satisfies readonly (typeof RUN_STATUSES)[number][];
