import { z } from 'zod';

export const SCIM_USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const SCIM_GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const SCIM_ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const SCIM_LIST = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
export const SCIM_PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const SCIM_ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';
export const SCIM_CONTENT_TYPE = 'application/scim+json';

/** RFC 7644 §3.12: the error body every SCIM refusal has. */
export const ScimError = z.object({
  schemas: z.tuple([z.literal(SCIM_ERROR)]),
  status: z.string(),
  scimType: z.string().optional(),
  detail: z.string(),
});
export type ScimError = z.infer<typeof ScimError>;

const MultiValued = z.looseObject({
  value: z.string().max(512).optional(),
  type: z.string().max(64).optional(),
  primary: z.boolean().optional(),
  display: z.string().max(256).optional(),
});

/** Entra ID has sent booleans as "True"/"False" strings; both are read as booleans. */
export const ScimBoolean = z.union([
  z.boolean(),
  z
    .string()
    .regex(/^(true|false)$/i)
    .transform((s) => s.toLowerCase() === 'true'),
]);

/**
 * A User as Entra ID and Okta send it (RFC 7643 §4.1 and the enterprise extension). Attributes outside
 * the schema are refused (strict), so a typo or a client's private attribute is an error, not lost data.
 * `password` is accepted (Okta may send one) and never stored: Curbside has no passwords.
 */
export const ScimUserInput = z
  .object({
    schemas: z.array(z.string()).min(1),
    id: z.string().optional(),
    externalId: z.string().max(256).optional(),
    userName: z.string().trim().min(1).max(256),
    name: z
      .object({
        formatted: z.string().max(256).optional(),
        familyName: z.string().max(128).optional(),
        givenName: z.string().max(128).optional(),
        middleName: z.string().max(128).optional(),
        honorificPrefix: z.string().max(64).optional(),
        honorificSuffix: z.string().max(64).optional(),
      })
      .strict()
      .optional(),
    displayName: z.string().max(256).optional(),
    nickName: z.string().max(128).optional(),
    profileUrl: z.string().max(512).optional(),
    title: z.string().max(256).optional(),
    userType: z.string().max(64).optional(),
    preferredLanguage: z.string().max(64).optional(),
    locale: z.string().max(64).optional(),
    timezone: z.string().max(64).optional(),
    active: ScimBoolean.optional(),
    password: z.string().max(1024).optional(),
    emails: z.array(MultiValued).max(10).optional(),
    phoneNumbers: z.array(MultiValued).max(10).optional(),
    addresses: z.array(z.looseObject({})).max(10).optional(),
    roles: z.array(MultiValued).max(50).optional(),
    groups: z.array(MultiValued).max(200).optional(),
    meta: z.looseObject({}).optional(),
    [SCIM_ENTERPRISE]: z
      .object({
        employeeNumber: z.string().max(128).optional(),
        costCenter: z.string().max(128).optional(),
        organization: z.string().max(256).optional(),
        division: z.string().max(256).optional(),
        department: z.string().max(256).optional(),
        manager: z.looseObject({ value: z.string().optional() }).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type ScimUserInput = z.infer<typeof ScimUserInput>;

export const ScimMember = z.looseObject({ value: z.string().min(1).max(128), display: z.string().optional() });

export const ScimGroupInput = z
  .object({
    schemas: z.array(z.string()).min(1),
    id: z.string().optional(),
    externalId: z.string().max(256).optional(),
    displayName: z.string().trim().min(1).max(256),
    members: z.array(ScimMember).max(1000).optional(),
    meta: z.looseObject({}).optional(),
  })
  .strict();
export type ScimGroupInput = z.infer<typeof ScimGroupInput>;

export const ScimPatchOp = z.object({
  schemas: z.array(z.literal(SCIM_PATCH)).min(1),
  Operations: z
    .array(
      z.object({
        op: z.string().regex(/^(add|remove|replace)$/i),
        path: z.string().max(512).optional(),
        value: z.unknown().optional(),
      }),
    )
    .min(1)
    .max(100),
});
export type ScimPatchOp = z.infer<typeof ScimPatchOp>;

export const ScimListQuery = z.object({
  filter: z.string().max(512).optional(),
  startIndex: z.coerce.number().int().min(1).default(1).catch(1),
  count: z.coerce.number().int().min(0).max(200).default(100).catch(100),
  excludedAttributes: z.string().max(256).optional(),
  attributes: z.string().max(256).optional(),
});
export type ScimListQuery = z.infer<typeof ScimListQuery>;

export const ScimMeta = z.object({
  resourceType: z.enum(['User', 'Group']),
  created: z.string(),
  lastModified: z.string(),
  location: z.string(),
});

/** A User as Curbside returns it: the stored attributes (never a password) with id, active and meta. */
export const ScimUser = ScimUserInput.omit({ password: true }).extend({
  id: z.string(),
  active: z.boolean(),
  meta: ScimMeta,
});
export type ScimUser = z.infer<typeof ScimUser>;

export const ScimGroup = ScimGroupInput.extend({ id: z.string(), meta: ScimMeta });
export type ScimGroup = z.infer<typeof ScimGroup>;

export const ScimListResponse = <T extends z.ZodType>(item: T) =>
  z.object({
    schemas: z.tuple([z.literal(SCIM_LIST)]),
    totalResults: z.number().int(),
    startIndex: z.number().int(),
    itemsPerPage: z.number().int(),
    Resources: z.array(item),
  });
