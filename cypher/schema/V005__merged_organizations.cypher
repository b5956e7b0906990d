// An organization recorded twice and merged into another stays as a MergedOrganization pointing to
// the one kept ([:MERGED_INTO]); its id is looked up whenever an id names no Organization, and stays unique.
CREATE CONSTRAINT merged_organization_id IF NOT EXISTS FOR (n:MergedOrganization) REQUIRE n.id IS UNIQUE;
