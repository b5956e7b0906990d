// Filters used by flow listings and traces (purpose, confidence, dates).
CREATE INDEX data_flow_purpose IF NOT EXISTS FOR (n:DataFlow) ON (n.purpose);
CREATE INDEX data_flow_confidence IF NOT EXISTS FOR (n:DataFlow) ON (n.confidence);
CREATE INDEX data_flow_since IF NOT EXISTS FOR (n:DataFlow) ON (n.since);
CREATE INDEX data_flow_until IF NOT EXISTS FOR (n:DataFlow) ON (n.until);
// Listings by name and kind-specific filters.
CREATE INDEX organization_name IF NOT EXISTS FOR (n:Organization) ON (n.name);
CREATE INDEX organization_country IF NOT EXISTS FOR (n:Organization) ON (n.country);
CREATE INDEX organization_jurisdiction IF NOT EXISTS FOR (n:Organization) ON (n.jurisdiction);
CREATE INDEX source_published IF NOT EXISTS FOR (n:Source) ON (n.published);
CREATE INDEX event_date IF NOT EXISTS FOR (n:Event) ON (n.date);
