/**
 * The canonical tracker fields (RULES.md section 3).
 *
 * A team's tracker uses its own headers; the column mapper matches them to these names.
 * `kind` says how a cell is read; `local` fields (names, IDs, workers, free text) never
 * leave the workbook: they are not part of the service's wire format.
 */

export type FieldKind =
  /** who the row is: read only by the summary sheets, never by a rule, never sent */
  | 'text'
  /** a calendar date */
  | 'date'
  /** a date of birth: a month without a day is accepted (assume the 15th) */
  | 'dateOfBirth'
  /** Y/N, Yes/No, True/False, 1/0, ticks and crosses */
  | 'yesNo'
  /** yes/no, but any other non-empty text (an NI number, "passport seen") also counts as yes */
  | 'document'
  /** whether a text cell is filled in (personal adviser): travels to the service as yes/no */
  | 'presence'
  | 'integer'
  | 'placementType'
  | 'eetStatus'
  | 'leavingCareStatus';

export interface FieldSpec {
  readonly name: string;
  readonly kind: FieldKind;
  /** the header we show, and write, for this field */
  readonly label: string;
  /** header synonyms: matched ignoring case, spaces, dots, punctuation and word order */
  readonly synonyms: readonly string[];
  /** a date that records something done: after the as-of date it is Check data (RULES.md section 2) */
  readonly completion?: boolean;
  readonly min?: number;
  readonly max?: number;
}

const f = <N extends string, K extends FieldKind>(
  name: N,
  kind: K,
  label: string,
  synonyms: string[],
  extra: Partial<Pick<FieldSpec, 'completion' | 'min' | 'max'>> = {},
) => ({ name, kind, label, synonyms, ...extra }) as const;

export const FIELDS = [
  f('childId', 'text', 'Child ID', [
    'ID',
    'Child ID',
    'LCS ID',
    'Mosaic ID',
    'CHILD',
    'Case number',
    'Case no',
    'Ref',
  ]),
  f('name', 'text', 'Name', [
    'Name',
    'Child name',
    'Young person',
    'Young person name',
    'Full name',
    'Forename',
  ]),
  f('socialWorker', 'text', 'Social worker', [
    'SW',
    'Social worker',
    'Allocated worker',
    'Worker',
    'Allocated SW',
  ]),
  f('team', 'text', 'Team', ['Team', 'Locality']),
  f('dateOfBirth', 'dateOfBirth', 'Date of birth', ['DOB', 'D.O.B.', 'Date of birth', 'Birth date']),
  f('careStartDate', 'date', 'Date became looked after', [
    'Date became looked after',
    'DECOM',
    'LAC start',
    'Date into care',
    'CLA start',
    'Care start',
    'Date looked after',
    'Became looked after',
    'Date became LAC',
    'Date became CLA',
  ]),
  f('careEndDate', 'date', 'Date ceased to be looked after', [
    'Date ceased to be looked after',
    'DEC',
    'Left care',
    'CLA end',
    'LAC end',
    'Care end',
    'Date left care',
  ]),
  f('placementType', 'placementType', 'Placement type', ['Placement type', 'PLACE', 'Placement']),
  f('placementStartDate', 'date', 'Placement start', [
    'Placement start',
    'Current placement start',
    'Placement start date',
    'Date of placement',
  ]),
  f('placementUntil18', 'yesNo', 'Long-term placement', [
    'Long-term placement',
    'Permanence',
    'Long term match',
    'Long term placement',
    'Placement until 18',
  ]),
  f(
    'firstReviewDate',
    'date',
    'First review',
    ['First review', 'Date of first LAC review', 'First LAC review', 'First CLA review'],
    { completion: true },
  ),
  f('reviewsHeld', 'integer', 'Reviews held', ['Number of reviews', 'Reviews held', 'No of reviews'], {
    min: 0,
  }),
  f(
    'lastReviewDate',
    'date',
    'Last review',
    ['Last review', 'Last LAC review', 'Last CLA review', 'IRO review', 'Last IRO review', 'Review date'],
    { completion: true },
  ),
  f(
    'lastVisitDate',
    'date',
    'Last visit',
    ['Last visit', 'Last statutory visit', 'Last SW visit', 'Statutory visit', 'Visit date'],
    { completion: true },
  ),
  f(
    'initialHealthAssessmentDate',
    'date',
    'Initial health assessment',
    ['IHA', 'Initial health assessment', 'IHA date'],
    { completion: true },
  ),
  f(
    'lastHealthAssessmentDate',
    'date',
    'Review health assessment',
    [
      'RHA',
      'Review health assessment',
      'Last health assessment',
      'Health check',
      'Health assessment',
      'RHA date',
    ],
    { completion: true },
  ),
  f(
    'lastDentalCheckDate',
    'date',
    'Dental check',
    ['Dental check', 'Teeth check', 'Last dentist visit', 'Last dental check'],
    { completion: true },
  ),
  f('immunisationsUpToDate', 'yesNo', 'Immunisations up to date', [
    'Immunisations',
    'Imms up to date',
    'Immunisations up to date',
    'Imms',
  ]),
  f('gpRegistered', 'yesNo', 'Registered with GP', ['GP', 'GP registered', 'Registered with GP']),
  f('dentistRegistered', 'yesNo', 'Registered with dentist', [
    'Dentist',
    'Registered with dentist',
    'Dentist registered',
  ]),
  f('lastSdqDate', 'date', 'Last SDQ', ['SDQ date', 'Last SDQ', 'Last SDQ date'], { completion: true }),
  f('sdqScore', 'integer', 'SDQ score', ['SDQ score', 'SDQ total', 'SDQ'], { min: 0, max: 40 }),
  f(
    'camhsReferralDate',
    'date',
    'CAMHS referral',
    ['CAMHS referral', 'SCAYT+ consultation', 'MH referral', 'CAMHS', 'SCAYT consultation'],
    { completion: true },
  ),
  f('lastPepDate', 'date', 'Last PEP', ['PEP', 'Last PEP', 'PEP date', 'Last PEP date'], {
    completion: true,
  }),
  f(
    'ncYearOverride',
    'integer',
    'NC year',
    ['NC year', 'School year', 'National curriculum year', 'Year group'],
    {
      min: -1,
      max: 13,
    },
  ),
  f(
    'pathwayPlanDate',
    'date',
    'Pathway plan',
    ['Pathway plan', 'Pathway plan completed', 'PP date', 'Needs assessment', 'Pathway plan date'],
    { completion: true },
  ),
  f(
    'lastPathwayReviewDate',
    'date',
    'Pathway plan review',
    [
      'Pathway plan review',
      'Last PP review',
      'Last pathway plan review',
      'PP review',
      'Pathway review',
      'Last pathway review',
    ],
    { completion: true },
  ),
  f('paReferralDate', 'date', 'PA referral', ['PA referral', 'PA referral date', 'Referral for PA'], {
    completion: true,
  }),
  f('personalAdviser', 'presence', 'Personal adviser', [
    'PA',
    'Personal adviser',
    'Personal advisor',
    'PA name',
  ]),
  f('additionalNeeds', 'yesNo', 'Additional needs', ['Additional needs', 'SEND', 'EHCP', 'Disability']),
  f(
    'adultTransitionsReferralDate',
    'date',
    'Adult transitions referral',
    ['Adult transitions referral', 'Transitions referral', 'Adult transitions'],
    { completion: true },
  ),
  f('housingRegisterDate', 'date', 'Housing register', ['Housing register', 'Housing application'], {
    completion: true,
  }),
  f(
    'housingOptionsMeetingDate',
    'date',
    'Housing options meeting',
    ['Housing options meeting', 'Housing options'],
    {
      completion: true,
    },
  ),
  f(
    'stayingPutDiscussedDate',
    'date',
    'Staying Put discussed',
    ['Staying Put discussed', 'Staying Put conversation', 'Staying Put'],
    { completion: true },
  ),
  f('niNumber', 'document', 'NI number', ['NI number', 'National insurance number', 'NI no', 'NINO']),
  f('photoId', 'document', 'Photo ID', ['Photo ID', 'Passport', 'ID document']),
  f('bankAccount', 'document', 'Bank account', ['Bank account']),
  f('juniorIsaInfo', 'document', 'Junior ISA', ['Junior ISA', 'JISA', 'Junior ISA information']),
  f('cicaConsidered', 'document', 'CICA considered', ['CICA', 'CICA considered']),
  f('recordsAccessInfo', 'document', 'Access to records', [
    'Access to records',
    'Records access',
    'Access to records info',
  ]),
  f('healthPassportDate', 'date', 'Health passport', ['Health passport', 'Health passport date'], {
    completion: true,
  }),
  f(
    'leavingCareTransferDate',
    'date',
    'Transfer to leaving care team',
    ['Transfer to leaving care team', 'LC team invited to review', 'Leaving care transfer', 'LC transfer'],
    { completion: true },
  ),
  f('secureStartDate', 'date', 'Secure/custody start', [
    'Secure/custody start',
    'Secure start',
    'Custody start',
    'Secure custody start',
  ]),
  f('secureEndDate', 'date', 'Secure/custody end', [
    'Secure/custody end',
    'Secure end',
    'Custody end',
    'Secure custody end',
  ]),
  f(
    'unregulatedApprovalDate',
    'date',
    'Senior manager approval',
    ['Senior manager approval', 'Unregulated approval', 'SM approval'],
    { completion: true },
  ),
  f('lastPaContactDate', 'date', 'Last PA contact', ['Last PA contact', 'PA contact', 'PA contact date'], {
    completion: true,
  }),
  f('eetStatus', 'eetStatus', 'EET', ['EET', 'Education employment training', 'ACTIV', 'EET status', 'NEET']),
  f('leavingCareStatus', 'leavingCareStatus', 'Leaving care status', [
    'Leaving care status',
    'LC status',
    'Care leaver status',
  ]),
  f('supportTo25', 'yesNo', 'Support to 25', ['Support to 25', 'PA to 25', 'Support until 25']),
] as const;

export type FieldName = (typeof FIELDS)[number]['name'];

/** Fields that identify or describe a person: they stay in the workbook. */
export type LocalFieldName = Extract<(typeof FIELDS)[number], { kind: 'text' }>['name'];

/** Fields the rules read: the only ones that may travel to the service. */
export type RuleFieldName = Exclude<FieldName, LocalFieldName>;

export const FIELD_BY_NAME: Readonly<Record<FieldName, FieldSpec>> = Object.fromEntries(
  FIELDS.map((spec) => [spec.name, spec]),
) as unknown as Record<FieldName, FieldSpec>;

export const FIELD_NAMES: readonly FieldName[] = FIELDS.map((spec) => spec.name);

export const RULE_FIELD_NAMES: readonly RuleFieldName[] = FIELDS.filter((spec) => spec.kind !== 'text').map(
  (spec) => spec.name as RuleFieldName,
);

export const DOCUMENT_FIELDS = [
  'niNumber',
  'photoId',
  'bankAccount',
  'juniorIsaInfo',
  'cicaConsidered',
  'recordsAccessInfo',
] as const satisfies readonly FieldName[];

export function isFieldName(name: string): name is FieldName {
  return Object.prototype.hasOwnProperty.call(FIELD_BY_NAME, name);
}

export function isRuleField(name: string): name is RuleFieldName {
  return isFieldName(name) && FIELD_BY_NAME[name].kind !== 'text';
}

/** The enums of RULES.md sections 3 and 4. */
export const PLACEMENT_TYPES = [
  'foster',
  'residential',
  'secure',
  'custody',
  'supported',
  'unregulated',
  'parents',
  'independent',
  'adoption',
  'other',
] as const;
export type PlacementType = (typeof PLACEMENT_TYPES)[number];

export const EET_STATUSES = ['EET', 'NEET'] as const;
export type EetStatus = (typeof EET_STATUSES)[number];

export const LEAVING_CARE_STATUSES = [
  'Eligible',
  'Relevant',
  'Former relevant',
  'Not yet eligible',
  'Not eligible',
  'Unknown',
] as const;
export type LeavingCareStatus = (typeof LEAVING_CARE_STATUSES)[number];
