// First: starts the telemetry distro before the app's modules load (see hosted-telemetry.ts).
import './hosted-telemetry';
import { getSettings } from '../config';
import { createApp, type PortalApp } from './create-app';

let hosted: PortalApp | undefined;

/**
 * The app of a Functions host process, built by createApp from the validated environment on the
 * first invocation (a configuration error then fails that invocation with every bad setting named,
 * rather than the worker's indexing). Only the functions/ registrations call this.
 */
export function hostedApp(): PortalApp {
  hosted ??= createApp(getSettings());
  return hosted;
}
