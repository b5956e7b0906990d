// The GraphQL documents the explorer sends, each in one place. Every one of them can be pasted into
// GraphiQL as is (the report and "Open in GraphiQL" show them with their variables).

const ORGANIZATION = 'id name kind group estimatedSize jurisdiction jurisdictions country';

const FLOW = `id from { id } to { id } purpose accessMethod realTime since until confidence
      via { id name } categories { id name }
      evidence { quote source { id title kind url published } }`;

// The enum values and their descriptions come from the schema, so the controls follow it.
export const SETUP = `query explorerSetup {
  flowDates { earliest latest ongoing }
  __schema { types { name enumValues { name description } } }
}`;

export const TRACE = `query explorerTrace($from: ID!, $direction: Direction, $mode: TraceMode, $maxHops: Int,
    $activeOn: Date, $asKnownOn: Date, $recordedAsOf: DateTime, $purposes: [Purpose!],
    $minConfidence: Confidence, $categories: [ID!], $toKinds: [OrgKind!], $limit: Int, $maxPaths: Int,
    $downstream: Boolean!) {
  trace(from: $from, direction: $direction, mode: $mode, maxHops: $maxHops, activeOn: $activeOn,
        asKnownOn: $asKnownOn, recordedAsOf: $recordedAsOf, purposes: $purposes,
        minConfidence: $minConfidence, categories: $categories, toKinds: $toKinds, limit: $limit,
        maxPaths: $maxPaths) {
    origin { ${ORGANIZATION} }
    direction mode truncated undatedLeftOut
    reached { hops organization { ${ORGANIZATION} } }
    paths { organizations { ${ORGANIZATION} } flows { ${FLOW} } }
  }
  policyConflicts(platform: $from, activeOn: $activeOn, asKnownOn: $asKnownOn, recordedAsOf: $recordedAsOf,
                  maxHops: $maxHops) @include(if: $downstream) {
    flow { id } purpose approval
    policy { id title exception prohibitedPurposes }
    agreements { id title approvedPurposes }
  }
}`;

export const PATHS = `query explorerPaths($from: ID!, $to: ID!, $maxHops: Int, $k: Int, $activeOn: Date,
    $asKnownOn: Date, $recordedAsOf: DateTime) {
  origin: organization(id: $from) { ${ORGANIZATION} }
  target: organization(id: $to) { ${ORGANIZATION} }
  paths(from: $from, to: $to, maxHops: $maxHops, k: $k, activeOn: $activeOn, asKnownOn: $asKnownOn,
        recordedAsOf: $recordedAsOf) {
    length
    organizations { ${ORGANIZATION} }
    flows { ${FLOW} }
  }
  policyConflicts(platform: $from, activeOn: $activeOn, asKnownOn: $asKnownOn, recordedAsOf: $recordedAsOf,
                  maxHops: $maxHops) {
    flow { id } purpose approval
    policy { id title exception prohibitedPurposes }
    agreements { id title approvedPurposes }
  }
}`;

export const FLOW_DETAILS = `query explorerFlow($id: ID!) {
  flow(id: $id) {
    id purpose accessMethod realTime since until confidence description retracted
    from { id name } to { id name }
    via { id name description }
    categories { id name origin description derivedFrom { id name derivedFrom { id name } } }
    agreements { id title signed expires approvedPurposes description parties { id name } }
    evidence { quote source { id title kind url published description publisher { id name } } }
  }
}`;

// The timeline is read at the same known and recorded time as the answer it sits beside.
export const ORGANIZATION_DETAILS = `query explorerOrganization($id: ID!, $asKnownOn: Date, $recordedAsOf: DateTime) {
  organization(id: $id) {
    ${ORGANIZATION} aliases description
    policies { id title prohibitedPurposes exception effective }
  }
  timeline(entity: $id, asKnownOn: $asKnownOn, recordedAsOf: $recordedAsOf) { date kind title }
}`;

export const SEARCH = `query explorerSearch($text: String!) {
  search(text: $text, first: 12) {
    score quote
    source { id title }
    entity {
      __typename
      ... on Organization { id name kind }
      ... on DataFlow { id purpose from { id name } to { id name } }
      ... on Event { id title date involves { __typename ... on Organization { id name } } }
      ... on Source { id title publisher { id name } }
      ... on Statement { id text by { __typename ... on Organization { id name } } }
      ... on Policy { id title publisher { id name } }
      ... on Agreement { id title parties { id name } }
      ... on Product { id name }
      ... on Person { id name }
      ... on DataCategory { id name origin }
    }
  }
}`;
