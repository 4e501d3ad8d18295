// The API's enums as the panel lists them: every value of each schema enum (a value the API adds fails the build
// until it is listed here, and messages.ts must then name it in both languages).
import type { components } from "../api/schema";

type Schemas = components["schemas"];
export type AccountStatus = Schemas["AccountStatus"];
export type AccountStage = Schemas["AccountStage"];
export type MemberRole = Schemas["MemberRole"];
export type ProductStatus = Schemas["ProductStatus"];
export type SelfRegistration = Schemas["SelfRegistration"];
export type MessageMode = Schemas["MessageMode"];
export type InvitationLinkState = Schemas["InvitationLinkState"];

/** The keys of an object that names each value of T exactly once, in its order. */
const valuesOf = <T extends string>(all: Record<T, true>) => Object.keys(all) as T[];

export const accountStatuses = valuesOf<AccountStatus>({
  pendingApproval: true,
  active: true,
  disabled: true,
  deletionRequested: true,
  deleted: true,
});
export const accountStages = valuesOf<AccountStage>({ preparation: true, trial: true, active: true, trialEnd: true, deleted: true });
export const productStatuses = valuesOf<ProductStatus>({
  notActivated: true,
  trial: true,
  active: true,
  paused: true,
  trialEnd: true,
  deleted: true,
});
export const selfRegistrationModes = valuesOf<SelfRegistration>({ disabled: true, open: true, approvalRequired: true });
