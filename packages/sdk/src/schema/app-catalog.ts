import * as z from 'zod/mini';
import { App } from './app.js';

/**
 * `GET /apps`: the apps the caller may connect (seed 000: "link apps directly while building an automation"), with
 * their auth mode and managed auth config state, so a catalog can say before the click what connecting will ask for.
 */
export const AppList = z.object({ data: z.array(App) });
export type AppList = z.infer<typeof AppList>;
