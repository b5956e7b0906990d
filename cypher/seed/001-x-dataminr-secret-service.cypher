// Dataflow Atlas seed: the founding case (shared/seed/article.txt).
// X sells real-time "firehose" access to Dataminr, whose First Alert product passes it to the
// US Secret Service and dozens of other law-enforcement customers, although X's own terms forbid
// that use unless X approves it in writing.
//
// Rules for this file:
//  * Model only what the article says; every quote below is copied from it verbatim (typos included).
//  * Every statement stands alone (no variables shared between statements), so the file runs
//    unchanged in Neo4j Browser, in `cypher-shell -f` and through `dataflow-atlas load`.
//  * MERGE on ids everywhere: running the file twice changes nothing.
//  * Dates: the article gives "last summer" for July 2023, so it was written in 2024, and the
//    Supreme Court's refusal "in January" is January 2024. Nothing more precise is claimed.

// ---------------------------------------------------------------------------------------------
// Sources
// ---------------------------------------------------------------------------------------------
MERGE (s:Source {id: 'seed-article'})
SET s.title = 'X continues to sell real-time user data used by law enforcement (seed article)',
    s.kind = 'NEWS_REPORT',
    s.published = '2024',
    s.description = 'The news article Dataflow Atlas began with, reporting The Intercept’s findings. Its own publisher and address are not given in the text.';

MERGE (o:Organization {id: 'the-intercept'})
SET o:Publisher, o.name = 'The Intercept', o.aliases = [],
    o.description = 'News publication that obtained the emails between Dataminr and the US Secret Service.';

MERGE (s:Source {id: 'intercept-x-dataminr-report'})
SET s.title = 'The Intercept’s report on X data reaching law enforcement through Dataminr',
    s.kind = 'NEWS_REPORT',
    s.published = '2024',
    s.description = 'Report based on emails obtained by The Intercept; known here through the seed article.'
WITH s
MATCH (p:Organization {id: 'the-intercept'})
MERGE (s)-[:PUBLISHED_BY]->(p);

MERGE (s:Source {id: 'dataminr-secret-service-emails'})
SET s.title = 'Emails between Dataminr and the US Secret Service, obtained by The Intercept',
    s.kind = 'EMAIL',
    s.published = '2023',
    s.description = 'Emails from summer 2023 ("as of last summer"), including Dataminr’s July 2023 confirmation to the Secret Service.';

MERGE (s:Source {id: 'x-supreme-court-petition'})
SET s.title = 'X’s petition to the US Supreme Court in its surveillance-disclosure case',
    s.kind = 'COURT_FILING',
    s.description = 'Petition by X’s lawyers asking the Supreme Court to consider whether X could publicly disclose how often federal law enforcement seeks information about users for national security investigations.';

MATCH (article:Source {id: 'seed-article'}), (report:Source {id: 'intercept-x-dataminr-report'})
MERGE (article)-[:CITES]->(report);

MATCH (report:Source {id: 'intercept-x-dataminr-report'}), (emails:Source {id: 'dataminr-secret-service-emails'})
MERGE (report)-[:CITES]->(emails);

MATCH (article:Source {id: 'seed-article'}), (petition:Source {id: 'x-supreme-court-petition'})
MERGE (article)-[:CITES]->(petition);

// ---------------------------------------------------------------------------------------------
// Organizations and people
// ---------------------------------------------------------------------------------------------
MERGE (o:Organization {id: 'x'})
SET o:Platform, o.name = 'X', o.aliases = ['Twitter'],
    o.description = 'Social media platform, formerly Twitter.';

MERGE (o:Organization {id: 'dataminr'})
SET o:Vendor, o.name = 'Dataminr', o.aliases = [],
    o.description = 'Company offering the First Alert programme to law enforcement agencies.';

MERGE (o:Organization {id: 'us-secret-service'})
SET o:Agency, o.name = 'US Secret Service', o.aliases = ['Secret Service'],
    o.country = 'US', o.jurisdiction = 'FEDERAL',
    o.description = 'Protects US political leaders and the country’s financial infrastructure.';

// "dozens" of customers "responsible for law enforcement whether at the local, state or federal level":
// a group organization, since the article names none of them.
MERGE (o:Organization {id: 'dataminr-law-enforcement-customers'})
SET o:Agency, o.name = 'Dataminr’s law-enforcement customers (unnamed)', o.aliases = [],
    o.group = true, o.estimatedSize = 'dozens', o.country = 'US',
    o.jurisdictions = ['LOCAL', 'STATE', 'FEDERAL'],
    o.description = 'The “dozens” of Dataminr customers “responsible for law enforcement whether at the local, state or federal level”.';

MERGE (o:Organization {id: 'us-supreme-court'})
SET o:Court, o.name = 'US Supreme Court', o.aliases = ['Supreme Court'], o.country = 'US', o.jurisdiction = 'FEDERAL';

MERGE (o:Organization {id: 'aclu'})
SET o:Advocacy, o.name = 'American Civil Liberties Union', o.aliases = ['ACLU'], o.country = 'US';

MERGE (o:Organization {id: 'eff'})
SET o:Advocacy, o.name = 'Electronic Frontier Foundation', o.aliases = ['EFF'];

MERGE (p:Person {id: 'elon-musk'})
SET p.name = 'Elon Musk';

MERGE (p:Person {id: 'jennifer-granick'})
SET p.name = 'Jennifer Granick';

MERGE (p:Person {id: 'adam-schwartz'})
SET p.name = 'Adam Schwartz';

// Relationship facts carry their evidence as properties: `sources` (Source ids) and `quote`.
MATCH (p:Person {id: 'elon-musk'}), (x:Organization {id: 'x'})
MERGE (p)-[r:OWNS]->(x)
SET r.sources = ['seed-article'],
    r.quote = 'Social media platform X, formerly Twitter, continues to sell real-time user data to law-enforcement agencies under new owner Elon Musk';

MATCH (x:Organization {id: 'x'}), (d:Organization {id: 'dataminr'})
MERGE (x)-[r:OWNS]->(d)
SET r.former = true,
    r.sources = ['seed-article'],
    r.quote = 'the First Alert programme offered to law enforcement agencies by Dataminr, in which the company formerly held a stake';

MATCH (p:Person {id: 'jennifer-granick'}), (o:Organization {id: 'aclu'})
MERGE (p)-[r:ROLE]->(o)
SET r.title = 'surveillance and cybersecurity counsel',
    r.sources = ['seed-article'],
    r.quote = 'ACLU surveillance and cybersecurity counsel Jennifer Granick told the publication';

MATCH (p:Person {id: 'adam-schwartz'}), (o:Organization {id: 'eff'})
MERGE (p)-[r:ROLE]->(o)
SET r.title = 'privacy litigation director',
    r.sources = ['seed-article'],
    r.quote = 'said Electronic Frontier Foundation privacy litigation director Adam Schwartz';

// ---------------------------------------------------------------------------------------------
// Products and data categories
// ---------------------------------------------------------------------------------------------
MERGE (p:Product {id: 'x-firehose'})
SET p.name = 'X firehose',
    p.description = 'Privileged, real-time access to the “firehose” of all data published by X users.'
WITH p
MATCH (x:Organization {id: 'x'})
MERGE (x)-[:OFFERS]->(p);

MERGE (p:Product {id: 'first-alert'})
SET p.name = 'First Alert',
    p.description = 'Dataminr programme offered to law enforcement agencies; it uses privileged access to X’s firehose.'
WITH p
MATCH (d:Organization {id: 'dataminr'})
MERGE (d)-[:OFFERS]->(p);

MERGE (c:DataCategory {id: 'x-public-posts'})
SET c.name = 'X public posts', c.origin = 'x',
    c.description = 'All data published by X users in real time: “the full stream of all publicly available Tweets”.';

MERGE (c:DataCategory {id: 'first-alert-alerts'})
SET c.name = 'First Alert alerts', c.origin = 'x',
    c.description = 'Alerts that Dataminr’s First Alert draws from X users’ public posts.'
WITH c
MATCH (posts:DataCategory {id: 'x-public-posts'})
MERGE (c)-[:DERIVED_FROM]->(posts);

// ---------------------------------------------------------------------------------------------
// Agreements and X's policy
// ---------------------------------------------------------------------------------------------
MERGE (a:Agreement {id: 'x-dataminr-contract'})
SET a.title = 'Contract between X and Dataminr for real-time access to public posts'
WITH a
MATCH (x:Organization {id: 'x'}), (d:Organization {id: 'dataminr'})
MERGE (x)-[:PARTY_TO]->(a)
MERGE (d)-[:PARTY_TO]->(a);

MERGE (a:Agreement {id: 'dataminr-secret-service-contract'})
SET a.title = 'Contract between Dataminr and the US Secret Service'
WITH a
MATCH (d:Organization {id: 'dataminr'}), (s:Organization {id: 'us-secret-service'})
MERGE (d)-[:PARTY_TO]->(a)
MERGE (s)-[:PARTY_TO]->(a);

MERGE (p:Policy {id: 'x-third-party-data-terms'})
SET p.title = 'X terms on third-party use of X data',
    p.prohibitedPurposes = ['LAW_ENFORCEMENT'],
    p.exception = 'explicitly approved by X in writing',
    p.description = 'Terms which prohibit third parties from using X data for law-enforcement purposes unless X approves it in writing.'
WITH p
MATCH (x:Organization {id: 'x'})
MERGE (x)-[:PUBLISHES]->(p);

MATCH (p:Policy {id: 'x-third-party-data-terms'}), (s:Source {id: 'seed-article'})
MERGE (p)-[e:EVIDENCED_BY {quote: 'The data is used for law-enforcement purposes, according to emails obtained by the publication, in spite of terms which prohibit third-parties from using the data in this way – although those terms include allow such porposes if “explicitly approved by X in writing”.'}]->(s);

// ---------------------------------------------------------------------------------------------
// Data flows
// ---------------------------------------------------------------------------------------------
// X -> Dataminr: the firehose, under their contract.
MERGE (f:DataFlow {id: 'x-to-dataminr-firehose'})
SET f.purpose = 'COMMERCIAL', f.accessMethod = 'FIREHOSE', f.realTime = true, f.confidence = 'CONFIRMED',
    f.description = 'X sells Dataminr real-time access to the full stream of publicly available posts.'
WITH f
MATCH (x:Organization {id: 'x'}), (d:Organization {id: 'dataminr'}), (c:DataCategory {id: 'x-public-posts'}),
      (p:Product {id: 'x-firehose'}), (a:Agreement {id: 'x-dataminr-contract'})
MERGE (x)-[:SENDS]->(f)
MERGE (f)-[:TO]->(d)
MERGE (f)-[:CARRIES]->(c)
MERGE (f)-[:VIA]->(p)
MERGE (f)-[:UNDER]->(a);

MATCH (f:DataFlow {id: 'x-to-dataminr-firehose'}), (s:Source {id: 'dataminr-secret-service-emails'})
MERGE (f)-[:EVIDENCED_BY {quote: 'Dataminr confirmed to the Secret Service in July 2023 that its contract with X gives it “real-time access to the full stream of all publicly available Tweets”'}]->(s);

MATCH (f:DataFlow {id: 'x-to-dataminr-firehose'}), (s:Source {id: 'seed-article'})
MERGE (f)-[:EVIDENCED_BY {quote: 'First Alert uses privileged access to X’s “firehose” of all data published by users in real-time.'}]->(s);

MATCH (f:DataFlow {id: 'x-to-dataminr-firehose'}), (s:Source {id: 'intercept-x-dataminr-report'})
MERGE (f)-[:EVIDENCED_BY {quote: 'emails between Dataminr and the US Secret Service, which protects US political leaders and the country’s financial infrastructure, show that the arrangement was still in place as of last summer, The Intercept said.'}]->(s);

// Dataminr -> US Secret Service: First Alert, for law enforcement, under their contract.
MERGE (f:DataFlow {id: 'dataminr-to-us-secret-service-first-alert'})
SET f.purpose = 'LAW_ENFORCEMENT', f.accessMethod = 'ALERTS', f.realTime = true, f.confidence = 'CONFIRMED',
    f.description = 'Dataminr passes First Alert alerts drawn from X posts to the US Secret Service.'
WITH f
MATCH (d:Organization {id: 'dataminr'}), (s:Organization {id: 'us-secret-service'}), (c:DataCategory {id: 'first-alert-alerts'}),
      (p:Product {id: 'first-alert'}), (a:Agreement {id: 'dataminr-secret-service-contract'})
MERGE (d)-[:SENDS]->(f)
MERGE (f)-[:TO]->(s)
MERGE (f)-[:CARRIES]->(c)
MERGE (f)-[:VIA]->(p)
MERGE (f)-[:UNDER]->(a);

MATCH (f:DataFlow {id: 'dataminr-to-us-secret-service-first-alert'}), (s:Source {id: 'dataminr-secret-service-emails'})
MERGE (f)-[:EVIDENCED_BY {quote: 'An email from the Secret Service to Dataminr confirmed that the “whole point of this contract is to use the information for law enforcement purposes”.'}]->(s);

MATCH (f:DataFlow {id: 'dataminr-to-us-secret-service-first-alert'}), (s:Source {id: 'intercept-x-dataminr-report'})
MERGE (f)-[:EVIDENCED_BY {quote: 'emails between Dataminr and the US Secret Service, which protects US political leaders and the country’s financial infrastructure, show that the arrangement was still in place as of last summer, The Intercept said.'}]->(s);

MATCH (f:DataFlow {id: 'dataminr-to-us-secret-service-first-alert'}), (s:Source {id: 'seed-article'})
MERGE (f)-[:EVIDENCED_BY {quote: '“X turns around and sells Dataminr fire-hose access to users’ posts, which Dataminr then passes through to the government”, ACLU surveillance and cybersecurity counsel Jennifer Granick told the publication.'}]->(s);

// Dataminr -> its "dozens" of law-enforcement customers: reported, not documented customer by customer.
MERGE (f:DataFlow {id: 'dataminr-to-law-enforcement-customers-first-alert'})
SET f.purpose = 'LAW_ENFORCEMENT', f.accessMethod = 'ALERTS', f.realTime = true, f.confidence = 'REPORTED',
    f.description = 'Dataminr offers First Alert to “dozens” of local, state and federal law-enforcement customers.'
WITH f
MATCH (d:Organization {id: 'dataminr'}), (g:Organization {id: 'dataminr-law-enforcement-customers'}),
      (c:DataCategory {id: 'first-alert-alerts'}), (p:Product {id: 'first-alert'})
MERGE (d)-[:SENDS]->(f)
MERGE (f)-[:TO]->(g)
MERGE (f)-[:CARRIES]->(c)
MERGE (f)-[:VIA]->(p);

MATCH (f:DataFlow {id: 'dataminr-to-law-enforcement-customers-first-alert'}), (s:Source {id: 'dataminr-secret-service-emails'})
MERGE (f)-[:EVIDENCED_BY {quote: 'it had “dozens” of customers who were “responsible for law enforcement whether at the local, state or federal level”.'}]->(s);

MATCH (f:DataFlow {id: 'dataminr-to-law-enforcement-customers-first-alert'}), (s:Source {id: 'seed-article'})
MERGE (f)-[:EVIDENCED_BY {quote: 'the First Alert programme offered to law enforcement agencies by Dataminr'}]->(s);

// ---------------------------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------------------------
MERGE (e:Event {id: 'x-surveillance-disclosure-case-launched'})
SET e.title = 'Twitter (now X) launches its case to disclose how often federal law enforcement seeks user information for national security investigations',
    e.date = '2014',
    e.description = 'Launched in the wake of Edward Snowden’s revelations and framed as a stand against government surveillance.'
WITH e
MATCH (x:Organization {id: 'x'}), (s:Source {id: 'seed-article'})
MERGE (e)-[:INVOLVES]->(x)
MERGE (e)-[:EVIDENCED_BY {quote: 'The long-running case, launched in 2014 in the wake of Edward Snowden’s revelations of the extent of US government surveillance of citizens, was framed as a stand against government surveillance.'}]->(s);

MERGE (e:Event {id: 'supreme-court-declines-x-petition'})
SET e.title = 'US Supreme Court rejects X’s request to consider whether it could disclose national-security request counts',
    e.date = '2024-01'
WITH e
MATCH (x:Organization {id: 'x'}), (c:Organization {id: 'us-supreme-court'}), (s:Source {id: 'seed-article'})
MERGE (e)-[:INVOLVES]->(x)
MERGE (e)-[:INVOLVES]->(c)
MERGE (e)-[:EVIDENCED_BY {quote: 'the US Supreme Court in January rejected a request by X to consider whether the firm could publicly disclose how often federal law enforcement seks information about users for national security investigations.'}]->(s);

MERGE (e:Event {id: 'aclu-2016-investigation'})
SET e.title = 'ACLU investigation into law-enforcement tools used to monitor activists and protesters',
    e.date = '2016'
WITH e
MATCH (a:Organization {id: 'aclu'}), (x:Organization {id: 'x'}), (s:Source {id: 'seed-article'})
MERGE (e)-[:INVOLVES]->(a)
MERGE (e)-[:INVOLVES]->(x)
MERGE (e)-[:EVIDENCED_BY {quote: 'The company has been taken to task in the past for what critics have called double standards as it profits from the sale of user information, to tools used by law-enforcement agencies to monitor activists and protesters, including a 2016 investigation into such uses by the American Civil Liberties Union (ACLU).'}]->(s);

MERGE (e:Event {id: 'dataminr-confirms-firehose-access'})
SET e.title = 'Dataminr confirms to the Secret Service its real-time access to all public X posts and its dozens of law-enforcement customers',
    e.date = '2023-07'
WITH e
MATCH (d:Organization {id: 'dataminr'}), (x:Organization {id: 'x'}), (u:Organization {id: 'us-secret-service'}),
      (s:Source {id: 'dataminr-secret-service-emails'})
MERGE (e)-[:INVOLVES]->(d)
MERGE (e)-[:INVOLVES]->(x)
MERGE (e)-[:INVOLVES]->(u)
MERGE (e)-[:EVIDENCED_BY {quote: 'Dataminr confirmed to the Secret Service in July 2023 that its contract with X gives it “real-time access to the full stream of all publicly available Tweets” and that it had “dozens” of customers who were “responsible for law enforcement whether at the local, state or federal level”.'}]->(s);

MERGE (e:Event {id: 'police-use-first-alert-to-monitor-speech-and-protests'})
SET e.title = 'Police shown to use First Alert to monitor online political speech and real-world protests'
WITH e
MATCH (p:Product {id: 'first-alert'}), (d:Organization {id: 'dataminr'}), (g:Organization {id: 'dataminr-law-enforcement-customers'}),
      (s:Source {id: 'intercept-x-dataminr-report'})
MERGE (e)-[:INVOLVES]->(p)
MERGE (e)-[:INVOLVES]->(d)
MERGE (e)-[:INVOLVES]->(g)
MERGE (e)-[:EVIDENCED_BY {quote: 'The tool has been shown to be usd by police to monitor online political speech and real-world protests, according to The Intercept.'}]->(s);

MERGE (e:Event {id: 'intercept-reports-x-data-still-reaches-law-enforcement'})
SET e.title = 'The Intercept reports that X still sells real-time user data that reaches law enforcement under Elon Musk',
    e.date = '2024'
WITH e
MATCH (i:Organization {id: 'the-intercept'}), (x:Organization {id: 'x'}), (d:Organization {id: 'dataminr'}),
      (s:Source {id: 'seed-article'})
MERGE (e)-[:INVOLVES]->(i)
MERGE (e)-[:INVOLVES]->(x)
MERGE (e)-[:INVOLVES]->(d)
MERGE (e)-[:EVIDENCED_BY {quote: 'Social media platform X, formerly Twitter, continues to sell real-time user data to law-enforcement agencies under new owner Elon Musk, according to a report by The Intercept.'}]->(s);

// ---------------------------------------------------------------------------------------------
// Statements
// ---------------------------------------------------------------------------------------------
MERGE (st:Statement {id: 'x-petition-surveillance-history'})
SET st.text = 'History demonstrates that the surveillance of electronic communications is both a fertile ground for government abuse and a lightning-rod political topic of intense concern to the public'
WITH st
MATCH (x:Organization {id: 'x'}), (e:Event {id: 'supreme-court-declines-x-petition'}),
      (petition:Source {id: 'x-supreme-court-petition'}), (article:Source {id: 'seed-article'})
MERGE (x)-[:STATED]->(st)
MERGE (st)-[:ABOUT]->(e)
MERGE (st)-[:REPORTED_IN]->(petition)
MERGE (st)-[:REPORTED_IN]->(article);

MERGE (st:Statement {id: 'musk-supreme-court-disappointing'})
SET st.text = 'disappointing that the Supreme Court declined to hear this matter',
    st.date = '2024-01',
    st.description = 'Elon Musk in a post on X.'
WITH st
MATCH (p:Person {id: 'elon-musk'}), (e:Event {id: 'supreme-court-declines-x-petition'}), (article:Source {id: 'seed-article'})
MERGE (p)-[:STATED]->(st)
MERGE (st)-[:ABOUT]->(e)
MERGE (st)-[:REPORTED_IN]->(article);

// The article paraphrases this claim; it quotes no words of X's.
MERGE (st:Statement {id: 'x-first-alert-not-surveillance'})
SET st.text = 'X has said in the past that the First Alert programme offered to law enforcement agencies by Dataminr, in which the company formerly held a stake, does not constitute surveillance because the information it draws on has been shared publicly by users.',
    st.paraphrase = true
WITH st
MATCH (x:Organization {id: 'x'}), (p:Product {id: 'first-alert'}), (article:Source {id: 'seed-article'})
MERGE (x)-[:STATED]->(st)
MERGE (st)-[:ABOUT]->(p)
MERGE (st)-[:REPORTED_IN]->(article);

MERGE (st:Statement {id: 'granick-x-sells-firehose-to-dataminr'})
SET st.text = 'X turns around and sells Dataminr fire-hose access to users’ posts, which Dataminr then passes through to the government'
WITH st
MATCH (p:Person {id: 'jennifer-granick'}), (x:Organization {id: 'x'}), (d:Organization {id: 'dataminr'}),
      (f1:DataFlow {id: 'x-to-dataminr-firehose'}), (f2:DataFlow {id: 'dataminr-to-us-secret-service-first-alert'}),
      (report:Source {id: 'intercept-x-dataminr-report'}), (article:Source {id: 'seed-article'})
MERGE (p)-[:STATED]->(st)
MERGE (st)-[:ABOUT]->(x)
MERGE (st)-[:ABOUT]->(d)
MERGE (st)-[:ABOUT]->(f1)
MERGE (st)-[:ABOUT]->(f2)
MERGE (st)-[:REPORTED_IN]->(report)
MERGE (st)-[:REPORTED_IN]->(article);

MERGE (st:Statement {id: 'schwartz-platforms-must-not-serve-surveillance-vendors'})
SET st.text = 'must not provide special services, like real-time access to the full stream of public-facing posts, to surveillance vendors who share this information with police departments',
    st.description = 'Said of platforms in general, in the context of X and Dataminr.'
WITH st
MATCH (p:Person {id: 'adam-schwartz'}), (x:Organization {id: 'x'}), (article:Source {id: 'seed-article'})
MERGE (p)-[:STATED]->(st)
MERGE (st)-[:ABOUT]->(x)
MERGE (st)-[:REPORTED_IN]->(article);

MERGE (st:Statement {id: 'secret-service-whole-point-law-enforcement'})
SET st.text = 'whole point of this contract is to use the information for law enforcement purposes'
WITH st
MATCH (u:Organization {id: 'us-secret-service'}), (a:Agreement {id: 'dataminr-secret-service-contract'}),
      (emails:Source {id: 'dataminr-secret-service-emails'}), (article:Source {id: 'seed-article'})
MERGE (u)-[:STATED]->(st)
MERGE (st)-[:ABOUT]->(a)
MERGE (st)-[:REPORTED_IN]->(emails)
MERGE (st)-[:REPORTED_IN]->(article);

MERGE (st:Statement {id: 'dataminr-full-stream-and-dozens-of-customers'})
SET st.text = 'real-time access to the full stream of all publicly available Tweets … “dozens” of customers who were “responsible for law enforcement whether at the local, state or federal level”',
    st.date = '2023-07'
WITH st
MATCH (d:Organization {id: 'dataminr'}), (a:Agreement {id: 'x-dataminr-contract'}), (g:Organization {id: 'dataminr-law-enforcement-customers'}),
      (emails:Source {id: 'dataminr-secret-service-emails'}), (article:Source {id: 'seed-article'})
MERGE (d)-[:STATED]->(st)
MERGE (st)-[:ABOUT]->(a)
MERGE (st)-[:ABOUT]->(g)
MERGE (st)-[:REPORTED_IN]->(emails)
MERGE (st)-[:REPORTED_IN]->(article);
