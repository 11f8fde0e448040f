// The words the bot uses for things, with the plain-English label shown to people.

export const PLATFORMS = ['slack', 'teams'] as const;
export type Platform = (typeof PLATFORMS)[number];

export const CLIENT_GROUPS = ['adults', 'children', 'both'] as const;
export type ClientGroup = (typeof CLIENT_GROUPS)[number];
export const SUBSCRIPTION_GROUPS = ['adults', 'children', 'all'] as const;
export type SubscriptionGroup = (typeof SUBSCRIPTION_GROUPS)[number];

export const SERVICE_TYPES = [
  'care-home',
  'nursing-home',
  'domiciliary-care',
  'supported-living',
  'day-service',
  'childrens-home',
  'unregulated-placement',
  'other',
] as const;
export const SERVICE_TYPE_LABELS: Record<(typeof SERVICE_TYPES)[number], string> = {
  'care-home': 'Care home',
  'nursing-home': 'Nursing home',
  'domiciliary-care': 'Home care agency',
  'supported-living': 'Supported living',
  'day-service': 'Day service',
  'childrens-home': "Children's home",
  'unregulated-placement': 'Unregulated placement',
  other: 'Other',
};

export const CQC_RATINGS = ['Outstanding', 'Good', 'Requires improvement', 'Inadequate', 'No published rating'] as const;

export const INTELLIGENCE_SOURCES = [
  'cq1',
  'complaint',
  'compliment',
  'safeguarding',
  'whistleblowing',
  'cqc-report',
  'other-council',
  'healthwatch',
  'professional-feedback',
  'contract-monitoring',
  'visit',
  'police',
  'health',
  'other',
] as const;
export type IntelligenceSource = (typeof INTELLIGENCE_SOURCES)[number];
export const SOURCE_LABELS: Record<IntelligenceSource, string> = {
  cq1: 'CQ1 concern report',
  complaint: 'Complaint',
  compliment: 'Compliment',
  safeguarding: 'Safeguarding concern',
  whistleblowing: 'Whistleblowing',
  'cqc-report': 'CQC report',
  'other-council': 'Another council',
  healthwatch: 'Healthwatch',
  'professional-feedback': 'Professional feedback',
  'contract-monitoring': 'Contract monitoring',
  visit: 'Visit',
  police: 'Police',
  health: 'Health partner',
  other: 'Other',
};

export const SENTIMENTS = ['adverse', 'positive'] as const;
export type Sentiment = (typeof SENTIMENTS)[number];
export const SENTIMENT_LABELS: Record<Sentiment, string> = { adverse: 'Adverse (a concern)', positive: 'Positive' };

export const URGENCIES = ['routine', 'urgent', 'immediate-risk'] as const;
export type Urgency = (typeof URGENCIES)[number];
export const URGENCY_LABELS: Record<Urgency, string> = {
  routine: 'Routine',
  urgent: 'Urgent: look at it this week',
  'immediate-risk': 'Immediate risk to someone',
};

export const THEMES = [
  'medication',
  'staffing',
  'nutrition-hydration',
  'moving-handling',
  'record-keeping',
  'leadership',
  'infection-control',
  'safeguarding',
  'dignity-respect',
  'environment',
  'communication',
  'other',
] as const;
export type Theme = (typeof THEMES)[number];
export const THEME_LABELS: Record<Theme, string> = {
  medication: 'Medication',
  staffing: 'Staffing',
  'nutrition-hydration': 'Nutrition and hydration',
  'moving-handling': 'Moving and handling',
  'record-keeping': 'Record keeping',
  leadership: 'Leadership',
  'infection-control': 'Infection control',
  safeguarding: 'Safeguarding',
  'dignity-respect': 'Dignity and respect',
  environment: 'Environment',
  communication: 'Communication',
  other: 'Other',
};

export const CQ1_OUTCOMES = ['pending', 'upheld', 'partly-upheld', 'not-liable'] as const;
export type Cq1Outcome = (typeof CQ1_OUTCOMES)[number];
export const OUTCOME_LABELS: Record<Cq1Outcome, string> = {
  pending: 'still being looked into',
  upheld: 'upheld',
  'partly-upheld': 'partly upheld',
  'not-liable': 'provider not liable',
};

export const EVENT_KINDS = ['intelligence', 'rating-changes', 'restrictions', 'actions', 'meetings'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const ROLES = [
  'social-worker',
  'quality-officer',
  'srm',
  'service-manager',
  'head-of-commissioning',
  'chair',
  'service-director',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = {
  'social-worker': 'Social worker',
  'quality-officer': 'Care quality officer',
  srm: 'Supplier relationship manager',
  'service-manager': 'Service manager',
  'head-of-commissioning': 'Head of Commissioning',
  chair: 'Meeting chair',
  'service-director': 'Service director',
  admin: 'Bot admin',
};

/** The form each command opens: which sources it offers. */
export const FORM_KINDS = ['cq1', 'intel', 'feedback'] as const;
export type FormKind = (typeof FORM_KINDS)[number];
export const FORM_TITLES: Record<FormKind, string> = {
  cq1: 'Log a CQ1 concern',
  intel: 'Log intelligence',
  feedback: 'Log feedback',
};
export const FORM_SOURCES: Record<FormKind, readonly IntelligenceSource[]> = {
  cq1: ['cq1'],
  feedback: ['professional-feedback', 'compliment', 'complaint'],
  intel: INTELLIGENCE_SOURCES,
};
