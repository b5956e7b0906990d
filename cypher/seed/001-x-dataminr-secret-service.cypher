// Dataflow Atlas seed: the founding case, as one news article reports it (docs/seed-article.txt).
// X sells real-time "firehose" access to Dataminr, whose First Alert product passes it to the
// US Secret Service and dozens of other law-enforcement customers, although X's own terms forbid
// that use unless X approves it in writing.
//
// Rules for this file:
//  * Model only what the article says. The project holds the article's text and nothing else, so
//    every quote below is a passage of the article, copied verbatim (typos included), attached to the
//    article's own Source. The sources the article relies on (The Intercept's report, the emails, X's
//    petition) are modelled as sources it CITES, with no quotes: we have never read them.
//  * Nothing is CONFIRMED: no primary document is held, only credible reporting (REPORTED).
//  * Whatever the article does not state itself is marked inferred, with the reasoning: the names
//    of the fields in `inferred` (the GraphQL field names, or `fact` for the whole fact) and, in the
//    same order, why in `inferredBecause`.
//  * Every statement stands alone (no variables shared between statements), so the file runs
//    unchanged in Neo4j Browser, in `cypher-shell -f` and through `dataflow-atlas load`.
//  * MERGE on ids everywhere: running the file twice changes nothing.

// ---------------------------------------------------------------------------------------------
// Sources
// ---------------------------------------------------------------------------------------------
// The article's full text is kept on its Source (`text`, identical to docs/seed-article.txt), so any
// database holding the seed can check that each quote is a passage of the source it is attached to.
MERGE (s:Source {id: 'seed-article'})
SET s.title = 'X continues to sell real-time user data used by law enforcement (seed article)',
    s.kind = 'NEWS_REPORT',
    s.published = '2024',
    s.description = 'The news article Dataflow Atlas began with, reporting The Intercept’s findings. Its own publisher and address are not given in the text.',
    s.text = 'Social media platform X, formerly Twitter, continues to sell real-time user data to law-enforcement agencies under new owner Elon Musk, according to a report by The Intercept.\nThe data is used for law-enforcement purposes, according to emails obtained by the publication, in spite of terms which prohibit third-parties from using the data in this way – although those terms include allow such porposes if “explicitly approved by X in writing”.\nThe report comes after the US Supreme Court in January rejected a request by X to consider whether the firm could publicly disclose how often federal law enforcement seks information about users for national security investigations.\nThe long-running case, launched in 2014 in the wake of Edward Snowden’s revelations of the extent of US government surveillance of citizens, was framed as a stand against government surveillance.\n“History demonstrates that the surveillance of electronic communications is both a fertile ground for government abuse and a lightning-rod political topic of intense concern to the public,” X’s lawyers wrote in their petition to the Supreme Court.\nMusk said in a post on X that it was “disappointing that the Supreme Court declined to hear this matter”.\nThe company has been taken to task in the past for what critics have called double standards as it profits from the sale of user information, to tools used by law-enforcement agencies to monitor activists and protesters, including a 2016 investigation into such uses by the American Civil Liberties Union (ACLU).\nX has said in the past that the First Alert programme offered to law enforcement agencies by Dataminr, in which the company formerly held a stake, does not constitute surveillance because the information it draws on has been shared publicly by users.\nThe tool has been shown to be usd by police to monitor online political speech and real-world protests, according to The Intercept.\nFirst Alert uses privileged access to X’s “firehose” of all data published by users in real-time.\nIt was unclear whether X would continue to provide this data for government use via Dataminr under Musk’s ownership, but emails between Dataminr and the US Secret Service, which protects US political leaders and the country’s financial infrastructure, show that the arrangement was still in place as of last summer, The Intercept said.\nDataminr confirmed to the Secret Service in July 2023 that its contract with X gives it “real-time access to the full stream of all publicly available Tweets” and that it had “dozens” of customers who were “responsible for law enforcement whether at the local, state or federal level”.\nAn email from the Secret Service to Dataminr confirmed that the “whole point of this contract is to use the information for law enforcement purposes”.\nIn spite of its protests over government surveillance, “X turns around and sells Dataminr fire-hose access to users’ posts, which Dataminr then passes through to the government”, ACLU surveillance and cybersecurity counsel Jennifer Granick told the publication.\nPlatforms “must not provide special services, like real-time access to the full stream of public-facing posts, to surveillance vendors who share this information with police departments”, said Electronic Frontier Foundation privacy litigation director Adam Schwartz.\n',
    s.inferred = ['published'],
    s.inferredBecause = ['The article gives no date. It calls July 2023 “last summer” and reports a Supreme Court ruling “in January”, so it was written after the summer of 2023, most likely in 2024.'];

MERGE (o:Organization {id: 'the-intercept'})
SET o:Publisher, o.name = 'The Intercept', o.aliases = [],
    o.description = 'News publication that obtained the emails between Dataminr and the US Secret Service.';

MERGE (s:Source {id: 'intercept-x-dataminr-report'})
SET s.title = 'The Intercept’s report on X data reaching law enforcement through Dataminr',
    s.kind = 'NEWS_REPORT',
    s.published = '2024',
    s.description = 'Report based on emails obtained by The Intercept. Known here only through the seed article, which cites it; the project holds none of its text.',
    s.inferred = ['published'],
    s.inferredBecause = ['The article says the report “comes after” the Supreme Court’s ruling “in January” and calls July 2023 “last summer”; the year is reasoned from these, not stated.']
WITH s
MATCH (p:Organization {id: 'the-intercept'})
MERGE (s)-[:PUBLISHED_BY]->(p);

MERGE (s:Source {id: 'dataminr-secret-service-emails'})
SET s.title = 'Emails between Dataminr and the US Secret Service, obtained by The Intercept',
    s.kind = 'EMAIL',
    s.published = '2023',
    s.description = 'Emails showing the arrangement “as of last summer”, among them one from the Secret Service to Dataminr. Known here only through the seed article, which cites them; the project holds none of their text.',
    s.inferred = ['published'],
    s.inferredBecause = ['The article says the emails show the arrangement “as of last summer” and dates Dataminr’s confirmation to the Secret Service July 2023; the year of the emails is reasoned from these, not stated.'];

MERGE (s:Source {id: 'x-supreme-court-petition'})
SET s.title = 'X’s petition to the US Supreme Court in its surveillance-disclosure case',
    s.kind = 'COURT_FILING',
    s.description = 'Petition by X’s lawyers asking the Supreme Court to consider whether X could publicly disclose how often federal law enforcement seeks information about users for national security investigations. Known here only through the seed article, which quotes one sentence of it.';

MATCH (article:Source {id: 'seed-article'}), (report:Source {id: 'intercept-x-dataminr-report'})
MERGE (article)-[:CITES]->(report);

MATCH (article:Source {id: 'seed-article'}), (emails:Source {id: 'dataminr-secret-service-emails'})
MERGE (article)-[:CITES]->(emails);

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
    o.description = 'Protects US political leaders and the country’s financial infrastructure.',
    o.inferred = ['jurisdiction'],
    o.inferredBecause = ['The article says it protects US political leaders and the country’s financial infrastructure, a national remit; it does not call it federal.'];

// "dozens" of customers "responsible for law enforcement whether at the local, state or federal level":
// a group organization, since the article names none of them.
MERGE (o:Organization {id: 'dataminr-law-enforcement-customers'})
SET o:Agency, o.name = 'Dataminr’s law-enforcement customers (unnamed)', o.aliases = [],
    o.group = true, o.estimatedSize = 'dozens', o.country = 'US',
    o.jurisdictions = ['LOCAL', 'STATE', 'FEDERAL'],
    o.description = 'The “dozens” of Dataminr customers “responsible for law enforcement whether at the local, state or federal level”.',
    o.inferred = ['country'],
    o.inferredBecause = ['The article does not say where the customers are; “local, state or federal level” and Dataminr’s dealings with the US Secret Service point to the US.'];

MERGE (o:Organization {id: 'us-supreme-court'})
SET o:Court, o.name = 'US Supreme Court', o.aliases = ['Supreme Court'], o.country = 'US', o.jurisdiction = 'FEDERAL',
    o.inferred = ['jurisdiction'],
    o.inferredBecause = ['The article names the US Supreme Court; that it is a federal court is not stated.'];

MERGE (o:Organization {id: 'aclu'})
SET o:Advocacy, o.name = 'American Civil Liberties Union', o.aliases = ['ACLU'], o.country = 'US',
    o.inferred = ['country'],
    o.inferredBecause = ['Read from its name, American Civil Liberties Union; the article does not say where it is based.'];

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
    c.description = 'What Dataminr’s First Alert passes on, drawn from X users’ public posts.',
    c.inferred = ['name'],
    c.inferredBecause = ['The article says First Alert draws on X users’ public posts through the firehose; that what it passes on are alerts is read from the programme’s name, not stated.']
WITH c
MATCH (posts:DataCategory {id: 'x-public-posts'})
MERGE (c)-[:DERIVED_FROM]->(posts);

// ---------------------------------------------------------------------------------------------
// Agreements and X's policy
// ---------------------------------------------------------------------------------------------
MERGE (a:Agreement {id: 'x-dataminr-contract'})
SET a.title = 'Contract between X and Dataminr for real-time access to public posts'
WITH a
MATCH (x:Organization {id: 'x'}), (d:Organization {id: 'dataminr'}), (s:Source {id: 'seed-article'})
MERGE (x)-[:PARTY_TO]->(a)
MERGE (d)-[:PARTY_TO]->(a)
MERGE (a)-[:EVIDENCED_BY {quote: 'Dataminr confirmed to the Secret Service in July 2023 that its contract with X gives it “real-time access to the full stream of all publicly available Tweets”'}]->(s);

// The Secret Service's email speaks of "this contract"; who is party to it is our reading.
MERGE (a:Agreement {id: 'dataminr-secret-service-contract'})
SET a.title = 'Contract between Dataminr and the US Secret Service',
    a.inferred = ['parties'],
    a.inferredBecause = ['The Secret Service’s email to Dataminr speaks of “this contract” without naming its parties; that they are Dataminr and the Secret Service is inferred from who wrote to whom.']
WITH a
MATCH (d:Organization {id: 'dataminr'}), (u:Organization {id: 'us-secret-service'}), (s:Source {id: 'seed-article'})
MERGE (d)-[:PARTY_TO]->(a)
MERGE (u)-[:PARTY_TO]->(a)
MERGE (a)-[:EVIDENCED_BY {quote: 'An email from the Secret Service to Dataminr confirmed that the “whole point of this contract is to use the information for law enforcement purposes”.'}]->(s);

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
// Each flow rests on the article's passages; the sources the article attributes it to are linked
// as evidence without a quote, since we have not read them.

// X -> Dataminr: the firehose, under their contract.
MERGE (f:DataFlow {id: 'x-to-dataminr-firehose'})
SET f.purpose = 'COMMERCIAL', f.accessMethod = 'FIREHOSE', f.realTime = true, f.confidence = 'REPORTED',
    f.description = 'X sells Dataminr real-time access to the full stream of publicly available posts.'
WITH f
MATCH (x:Organization {id: 'x'}), (d:Organization {id: 'dataminr'}), (c:DataCategory {id: 'x-public-posts'}),
      (p:Product {id: 'x-firehose'}), (a:Agreement {id: 'x-dataminr-contract'})
MERGE (x)-[:SENDS]->(f)
MERGE (f)-[:TO]->(d)
MERGE (f)-[:CARRIES]->(c)
MERGE (f)-[:VIA]->(p)
MERGE (f)-[:UNDER]->(a);

MATCH (f:DataFlow {id: 'x-to-dataminr-firehose'}), (s:Source {id: 'seed-article'})
MERGE (f)-[:EVIDENCED_BY {quote: 'Dataminr confirmed to the Secret Service in July 2023 that its contract with X gives it “real-time access to the full stream of all publicly available Tweets”'}]->(s);

MATCH (f:DataFlow {id: 'x-to-dataminr-firehose'}), (s:Source {id: 'seed-article'})
MERGE (f)-[:EVIDENCED_BY {quote: 'First Alert uses privileged access to X’s “firehose” of all data published by users in real-time.'}]->(s);

MATCH (f:DataFlow {id: 'x-to-dataminr-firehose'}), (s:Source {id: 'seed-article'})
MERGE (f)-[:EVIDENCED_BY {quote: 'emails between Dataminr and the US Secret Service, which protects US political leaders and the country’s financial infrastructure, show that the arrangement was still in place as of last summer, The Intercept said.'}]->(s);

MATCH (f:DataFlow {id: 'x-to-dataminr-firehose'}), (report:Source {id: 'intercept-x-dataminr-report'}),
      (emails:Source {id: 'dataminr-secret-service-emails'})
MERGE (f)-[:EVIDENCED_BY]->(report)
MERGE (f)-[:EVIDENCED_BY]->(emails);

// Dataminr -> US Secret Service, for law enforcement. The article says Dataminr passes X users'
// posts "through to the government" and that the Secret Service's contract is for law enforcement;
// how, through which product and under which contract is our reading, marked inferred.
MERGE (f:DataFlow {id: 'dataminr-to-us-secret-service-first-alert'})
SET f.purpose = 'LAW_ENFORCEMENT', f.accessMethod = 'ALERTS', f.realTime = true, f.confidence = 'REPORTED',
    f.description = 'Dataminr passes data drawn from X users’ posts to the US Secret Service, which uses it for law enforcement.',
    f.inferred = ['via', 'accessMethod', 'realTime', 'categories', 'agreements'],
    f.inferredBecause = [
      'The article names First Alert as Dataminr’s programme offered to law enforcement agencies, but not the product the Secret Service receives.',
      'The article does not say how the Secret Service receives the data; ALERTS is read from First Alert being the programme Dataminr offers law enforcement agencies.',
      'The article says First Alert uses the firehose in real time, not that the Secret Service receives the data in real time.',
      'Granick says Dataminr passes users’ posts “through to the government”; that the Secret Service receives First Alert’s output derived from them is inferred.',
      'The Secret Service’s email says the point of “this contract” is law-enforcement use of “the information”; that this flow runs under that contract is inferred.']
WITH f
MATCH (d:Organization {id: 'dataminr'}), (s:Organization {id: 'us-secret-service'}), (c:DataCategory {id: 'first-alert-alerts'}),
      (p:Product {id: 'first-alert'}), (a:Agreement {id: 'dataminr-secret-service-contract'})
MERGE (d)-[:SENDS]->(f)
MERGE (f)-[:TO]->(s)
MERGE (f)-[:CARRIES]->(c)
MERGE (f)-[:VIA]->(p)
MERGE (f)-[:UNDER]->(a);

MATCH (f:DataFlow {id: 'dataminr-to-us-secret-service-first-alert'}), (s:Source {id: 'seed-article'})
MERGE (f)-[:EVIDENCED_BY {quote: 'An email from the Secret Service to Dataminr confirmed that the “whole point of this contract is to use the information for law enforcement purposes”.'}]->(s);

MATCH (f:DataFlow {id: 'dataminr-to-us-secret-service-first-alert'}), (s:Source {id: 'seed-article'})
MERGE (f)-[:EVIDENCED_BY {quote: 'emails between Dataminr and the US Secret Service, which protects US political leaders and the country’s financial infrastructure, show that the arrangement was still in place as of last summer, The Intercept said.'}]->(s);

MATCH (f:DataFlow {id: 'dataminr-to-us-secret-service-first-alert'}), (s:Source {id: 'seed-article'})
MERGE (f)-[:EVIDENCED_BY {quote: '“X turns around and sells Dataminr fire-hose access to users’ posts, which Dataminr then passes through to the government”, ACLU surveillance and cybersecurity counsel Jennifer Granick told the publication.'}]->(s);

MATCH (f:DataFlow {id: 'dataminr-to-us-secret-service-first-alert'}), (report:Source {id: 'intercept-x-dataminr-report'}),
      (emails:Source {id: 'dataminr-secret-service-emails'})
MERGE (f)-[:EVIDENCED_BY]->(report)
MERGE (f)-[:EVIDENCED_BY]->(emails);

// Dataminr -> its "dozens" of law-enforcement customers: reported, not documented customer by customer.
MERGE (f:DataFlow {id: 'dataminr-to-law-enforcement-customers-first-alert'})
SET f.purpose = 'LAW_ENFORCEMENT', f.accessMethod = 'ALERTS', f.realTime = true, f.confidence = 'REPORTED',
    f.description = 'Dataminr passes data drawn from X users’ posts to its “dozens” of local, state and federal law-enforcement customers.',
    f.inferred = ['via', 'accessMethod', 'realTime', 'categories'],
    f.inferredBecause = [
      'The article says Dataminr offers First Alert to law enforcement agencies and has “dozens” of law-enforcement customers, but not that these customers receive First Alert.',
      'The article does not say how the customers receive the data; ALERTS is read from First Alert being the programme Dataminr offers law enforcement agencies.',
      'The article says First Alert uses the firehose in real time, not that the customers receive the data in real time.',
      'That the customers receive First Alert’s output derived from X users’ posts is inferred from First Alert drawing on X’s firehose.']
WITH f
MATCH (d:Organization {id: 'dataminr'}), (g:Organization {id: 'dataminr-law-enforcement-customers'}),
      (c:DataCategory {id: 'first-alert-alerts'}), (p:Product {id: 'first-alert'})
MERGE (d)-[:SENDS]->(f)
MERGE (f)-[:TO]->(g)
MERGE (f)-[:CARRIES]->(c)
MERGE (f)-[:VIA]->(p);

MATCH (f:DataFlow {id: 'dataminr-to-law-enforcement-customers-first-alert'}), (s:Source {id: 'seed-article'})
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
    e.date = '2024-01',
    e.inferred = ['date'],
    e.inferredBecause = ['The article says “in January” without a year; 2024 is reasoned from the article calling July 2023 “last summer”.']
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
      (s:Source {id: 'seed-article'})
MERGE (e)-[:INVOLVES]->(d)
MERGE (e)-[:INVOLVES]->(x)
MERGE (e)-[:INVOLVES]->(u)
MERGE (e)-[:EVIDENCED_BY {quote: 'Dataminr confirmed to the Secret Service in July 2023 that its contract with X gives it “real-time access to the full stream of all publicly available Tweets” and that it had “dozens” of customers who were “responsible for law enforcement whether at the local, state or federal level”.'}]->(s);

MERGE (e:Event {id: 'police-use-first-alert-to-monitor-speech-and-protests'})
SET e.title = 'Police shown to use First Alert to monitor online political speech and real-world protests',
    e.inferred = ['involves'],
    e.inferredBecause = ['The article says police use First Alert; that they are among Dataminr’s law-enforcement customers is inferred.']
WITH e
MATCH (p:Product {id: 'first-alert'}), (d:Organization {id: 'dataminr'}), (g:Organization {id: 'dataminr-law-enforcement-customers'}),
      (s:Source {id: 'seed-article'}), (report:Source {id: 'intercept-x-dataminr-report'})
MERGE (e)-[:INVOLVES]->(p)
MERGE (e)-[:INVOLVES]->(d)
MERGE (e)-[:INVOLVES]->(g)
MERGE (e)-[:EVIDENCED_BY {quote: 'The tool has been shown to be usd by police to monitor online political speech and real-world protests, according to The Intercept.'}]->(s)
MERGE (e)-[:EVIDENCED_BY]->(report);

MERGE (e:Event {id: 'intercept-reports-x-data-still-reaches-law-enforcement'})
SET e.title = 'The Intercept reports that X still sells real-time user data that reaches law enforcement under Elon Musk',
    e.date = '2024',
    e.inferred = ['date'],
    e.inferredBecause = ['The article gives no date for the report; it says the report “comes after” the Supreme Court’s ruling “in January” and calls July 2023 “last summer”.']
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
// `text` holds only the speaker's words as the article quotes them (paraphrase: true when the words
// are the article's own). Each is REPORTED_IN the article with the passage that reports it; where
// the article says the words first appeared (a petition, an email, an interview) is in `description`.
MERGE (st:Statement {id: 'x-petition-surveillance-history'})
SET st.text = 'History demonstrates that the surveillance of electronic communications is both a fertile ground for government abuse and a lightning-rod political topic of intense concern to the public',
    st.description = 'Written by X’s lawyers in their petition to the Supreme Court.'
WITH st
MATCH (x:Organization {id: 'x'}), (e:Event {id: 'x-surveillance-disclosure-case-launched'}), (article:Source {id: 'seed-article'})
MERGE (x)-[:STATED]->(st)
MERGE (st)-[:ABOUT]->(e)
MERGE (st)-[:REPORTED_IN {quote: '“History demonstrates that the surveillance of electronic communications is both a fertile ground for government abuse and a lightning-rod political topic of intense concern to the public,” X’s lawyers wrote in their petition to the Supreme Court.'}]->(article);

MERGE (st:Statement {id: 'musk-supreme-court-disappointing'})
SET st.text = 'disappointing that the Supreme Court declined to hear this matter',
    st.description = 'Elon Musk in a post on X; the article gives no date.'
WITH st
MATCH (p:Person {id: 'elon-musk'}), (e:Event {id: 'supreme-court-declines-x-petition'}), (article:Source {id: 'seed-article'})
MERGE (p)-[:STATED]->(st)
MERGE (st)-[:ABOUT]->(e)
MERGE (st)-[:REPORTED_IN {quote: 'Musk said in a post on X that it was “disappointing that the Supreme Court declined to hear this matter”.'}]->(article);

// The article paraphrases this claim; it quotes no words of X's.
MERGE (st:Statement {id: 'x-first-alert-not-surveillance'})
SET st.text = 'X has said in the past that the First Alert programme offered to law enforcement agencies by Dataminr, in which the company formerly held a stake, does not constitute surveillance because the information it draws on has been shared publicly by users.',
    st.paraphrase = true
WITH st
MATCH (x:Organization {id: 'x'}), (p:Product {id: 'first-alert'}), (article:Source {id: 'seed-article'})
MERGE (x)-[:STATED]->(st)
MERGE (st)-[:ABOUT]->(p)
MERGE (st)-[:REPORTED_IN {quote: 'X has said in the past that the First Alert programme offered to law enforcement agencies by Dataminr, in which the company formerly held a stake, does not constitute surveillance because the information it draws on has been shared publicly by users.'}]->(article);

MERGE (st:Statement {id: 'granick-x-sells-firehose-to-dataminr'})
SET st.text = 'X turns around and sells Dataminr fire-hose access to users’ posts, which Dataminr then passes through to the government',
    st.description = 'Told The Intercept (“the publication”).',
    st.inferred = ['about'],
    st.inferredBecause = ['She speaks of X selling firehose access to Dataminr and of “the government”; that the government includes the Secret Service flow is inferred.']
WITH st
MATCH (p:Person {id: 'jennifer-granick'}), (x:Organization {id: 'x'}), (d:Organization {id: 'dataminr'}),
      (f1:DataFlow {id: 'x-to-dataminr-firehose'}), (f2:DataFlow {id: 'dataminr-to-us-secret-service-first-alert'}),
      (article:Source {id: 'seed-article'})
MERGE (p)-[:STATED]->(st)
MERGE (st)-[:ABOUT]->(x)
MERGE (st)-[:ABOUT]->(d)
MERGE (st)-[:ABOUT]->(f1)
MERGE (st)-[:ABOUT]->(f2)
MERGE (st)-[:REPORTED_IN {quote: 'In spite of its protests over government surveillance, “X turns around and sells Dataminr fire-hose access to users’ posts, which Dataminr then passes through to the government”, ACLU surveillance and cybersecurity counsel Jennifer Granick told the publication.'}]->(article);

MERGE (st:Statement {id: 'schwartz-platforms-must-not-serve-surveillance-vendors'})
SET st.text = 'must not provide special services, like real-time access to the full stream of public-facing posts, to surveillance vendors who share this information with police departments',
    st.description = 'Said of platforms in general, in the context of X and Dataminr.',
    st.inferred = ['about'],
    st.inferredBecause = ['He speaks of platforms in general; that he means X is inferred from the article’s context.']
WITH st
MATCH (p:Person {id: 'adam-schwartz'}), (x:Organization {id: 'x'}), (article:Source {id: 'seed-article'})
MERGE (p)-[:STATED]->(st)
MERGE (st)-[:ABOUT]->(x)
MERGE (st)-[:REPORTED_IN {quote: 'Platforms “must not provide special services, like real-time access to the full stream of public-facing posts, to surveillance vendors who share this information with police departments”, said Electronic Frontier Foundation privacy litigation director Adam Schwartz.'}]->(article);

MERGE (st:Statement {id: 'secret-service-whole-point-law-enforcement'})
SET st.text = 'whole point of this contract is to use the information for law enforcement purposes',
    st.description = 'In an email from the Secret Service to Dataminr.'
WITH st
MATCH (u:Organization {id: 'us-secret-service'}), (a:Agreement {id: 'dataminr-secret-service-contract'}),
      (article:Source {id: 'seed-article'})
MERGE (u)-[:STATED]->(st)
MERGE (st)-[:ABOUT]->(a)
MERGE (st)-[:REPORTED_IN {quote: 'An email from the Secret Service to Dataminr confirmed that the “whole point of this contract is to use the information for law enforcement purposes”.'}]->(article);

// Dataminr's own words, as the article quotes them: one statement per quoted phrase about one thing.
MERGE (st:Statement {id: 'dataminr-contract-gives-full-stream'})
SET st.text = 'real-time access to the full stream of all publicly available Tweets',
    st.date = '2023-07',
    st.description = 'Dataminr to the Secret Service, of what its contract with X gives it.'
WITH st
MATCH (d:Organization {id: 'dataminr'}), (a:Agreement {id: 'x-dataminr-contract'}), (article:Source {id: 'seed-article'})
MERGE (d)-[:STATED]->(st)
MERGE (st)-[:ABOUT]->(a)
MERGE (st)-[:REPORTED_IN {quote: 'Dataminr confirmed to the Secret Service in July 2023 that its contract with X gives it “real-time access to the full stream of all publicly available Tweets”'}]->(article);

// The article reports this one in its own words around Dataminr's quoted ones ("dozens", "responsible
// for ..."): a paraphrase, so the article's words are not presented as Dataminr's.
MERGE (st:Statement {id: 'dataminr-dozens-of-law-enforcement-customers'})
SET st.text = 'it had “dozens” of customers who were “responsible for law enforcement whether at the local, state or federal level”',
    st.paraphrase = true,
    st.date = '2023-07',
    st.description = 'Dataminr to the Secret Service; the words in quotation marks are Dataminr’s.'
WITH st
MATCH (d:Organization {id: 'dataminr'}), (g:Organization {id: 'dataminr-law-enforcement-customers'}),
      (article:Source {id: 'seed-article'})
MERGE (d)-[:STATED]->(st)
MERGE (st)-[:ABOUT]->(g)
MERGE (st)-[:REPORTED_IN {quote: 'Dataminr confirmed to the Secret Service in July 2023 that its contract with X gives it “real-time access to the full stream of all publicly available Tweets” and that it had “dozens” of customers who were “responsible for law enforcement whether at the local, state or federal level”.'}]->(article);
