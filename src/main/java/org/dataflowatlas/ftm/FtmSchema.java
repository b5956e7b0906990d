package org.dataflowatlas.ftm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The FollowTheMoney schemata this product writes or reads, with the properties each defines and
 * the schemata it extends, as in FtM's {@code followthemoney/schema/*.yaml}. A property's type
 * matters here only when it references another entity ({@code type: entity}, with its
 * {@code range}) or holds a date. Every other FtM schema is known by name, so an import can tell an
 * FtM entity it leaves aside from a schema that does not exist.
 */
public final class FtmSchema {

    /** A property: its name, the schema a referenced entity must be (entity properties), whether it is a date. */
    public record Property(String name, @Nullable String range, boolean date) {}

    private record Definition(List<String> parents, boolean isAbstract, Map<String, Property> own) {}

    private static final Map<String, Definition> SCHEMATA = new LinkedHashMap<>();

    static {
        define(
                "Thing",
                List.of(),
                true,
                "name summary description country alias previousName weakAlias sourceUrl publisher publisherUrl"
                        + " alephUrl wikipediaUrl wikidataId keywords topics address program notes indexText",
                "modifiedAt retrievedAt",
                "addressEntity:Address proof:Document");
        define(
                "LegalEntity",
                List.of("Thing"),
                true,
                "email phone website legalForm taxStatus status sector classification registrationNumber idNumber"
                        + " taxNumber vatCode jurisdiction mainCountry opencorporatesUrl bvdId icijId okpoCode innCode"
                        + " dunsCode swiftBic leiCode uniqueEntityId npiCode",
                "incorporationDate dissolutionDate",
                "parent:LegalEntity subsidiaries:LegalEntity passport:Passport");
        define("Organization", List.of("LegalEntity"), false, "cageCode permId imoNumber giiNumber", "", "");
        define("Value", List.of(), true, "amount currency amountUsd amountEur", "", "");
        define("Asset", List.of("Thing", "Value"), true, "", "", "");
        define(
                "Company",
                List.of("Organization", "Asset"),
                false,
                "jurisdiction registrationNumber capital voenCode coatoCode irsCode ipoCode cikCode jibCode mbsCode"
                        + " ibcRuc caemCode kppCode okvedCode okopfCode fnsCode fssCode ogrnCode bikCode pfrNumber"
                        + " oksmCode",
                "",
                "");
        define("PublicBody", List.of("Organization"), false, "", "", "");
        define(
                "Person",
                List.of("LegalEntity"),
                false,
                "title firstName secondName middleName fatherName motherName lastName birthPlace position"
                        + " nationality gender passportNumber citizenship birthCountry deathPlace ethnicity religion"
                        + " political education spokenLanguage",
                "birthDate deathDate",
                "");
        define(
                "Document",
                List.of("Thing"),
                false,
                "contentHash title author generator crawler fileSize fileName extension encoding messageId mimeType"
                        + " language namesMentioned",
                "date authoredAt publishedAt",
                "parent:Folder ancestors:Folder");
        define("PlainText", List.of("Document"), false, "bodyText", "", "");
        define(
                "Interval",
                List.of(),
                true,
                "summary description recordId sourceUrl publisher publisherUrl alephUrl namesMentioned indexText",
                "startDate endDate date modifiedAt retrievedAt",
                "");
        define("Interest", List.of("Interval"), true, "role status", "", "");
        define(
                "Analyzable",
                List.of(),
                true,
                "detectedLanguage detectedCountry namesMentioned peopleMentioned companiesMentioned ibanMentioned"
                        + " ipMentioned locationMentioned phoneMentioned emailMentioned",
                "",
                "");
        define(
                "Event",
                List.of("Interval", "Analyzable", "Thing"),
                false,
                "location country important",
                "",
                "organizer:LegalEntity involved:LegalEntity");
        define(
                "Ownership",
                List.of("Interest"),
                false,
                "percentage sharesCount sharesValue sharesCurrency sharesType legalBasis ownershipType",
                "",
                "owner:LegalEntity asset:Asset");
        define(
                "Directorship",
                List.of("Interest"),
                false,
                "secretary",
                "",
                "director:LegalEntity organization:Organization");
        define("Membership", List.of("Interest"), false, "", "", "member:LegalEntity organization:Organization");
        define("Documentation", List.of("Interest"), false, "", "", "document:Document entity:Thing");
        define("UnknownLink", List.of("Interest"), false, "", "", "subject:Thing object:Thing");
        define("Representation", List.of("Interest"), false, "", "", "agent:LegalEntity client:LegalEntity");
    }

    /**
     * FtM schemata this product neither writes nor reads: an import leaves entities of these aside
     * (and counts them) instead of calling them unknown.
     */
    private static final Set<String> OTHER_SCHEMATA = Set.of(
            "Address",
            "Airplane",
            "Article",
            "Assessment",
            "Associate",
            "Audio",
            "BankAccount",
            "Call",
            "CallForTenders",
            "Concession",
            "Contract",
            "ContractAward",
            "CourtCase",
            "CourtCaseParty",
            "CryptoWallet",
            "Debt",
            "EconomicActivity",
            "Email",
            "Employment",
            "Family",
            "Folder",
            "HyperText",
            "Identification",
            "Image",
            "Land",
            "License",
            "Mention",
            "Message",
            "Note",
            "Occupancy",
            "Package",
            "Page",
            "Pages",
            "Passport",
            "Payment",
            "Position",
            "Post",
            "Project",
            "ProjectParticipant",
            "RealEstate",
            "Sanction",
            "Security",
            "Similar",
            "Succession",
            "Table",
            "TaxRoll",
            "Trip",
            "UserAccount",
            "Vehicle",
            "Vessel",
            "Video",
            "Workbook");

    private FtmSchema() {}

    private static void define(
            String name, List<String> parents, boolean isAbstract, String texts, String dates, String entities) {
        var own = new LinkedHashMap<String, Property>();
        for (var property : words(texts)) {
            own.put(property, new Property(property, null, false));
        }
        for (var property : words(dates)) {
            own.put(property, new Property(property, null, true));
        }
        for (var property : words(entities)) {
            var parts = property.split(":");
            own.put(parts[0], new Property(parts[0], parts[1], false));
        }
        SCHEMATA.put(name, new Definition(parents, isAbstract, own));
    }

    private static List<String> words(String text) {
        return text.isBlank() ? List.of() : List.of(text.trim().split("\\s+"));
    }

    /** Whether this product knows the schema's properties (it writes or reads entities of it). */
    public static boolean isDescribed(String schema) {
        return SCHEMATA.containsKey(schema);
    }

    /** Whether FtM has a schema of that name at all. */
    public static boolean exists(String schema) {
        return SCHEMATA.containsKey(schema) || OTHER_SCHEMATA.contains(schema);
    }

    public static boolean isAbstract(String schema) {
        var definition = SCHEMATA.get(schema);
        return definition != null && definition.isAbstract();
    }

    /** The schema and every schema it extends, nearest first. */
    public static List<String> lineage(String schema) {
        var seen = new LinkedHashSet<String>();
        var queue = new ArrayList<>(List.of(schema));
        while (!queue.isEmpty()) {
            var next = queue.removeFirst();
            var definition = SCHEMATA.get(next);
            if (definition != null && seen.add(next)) {
                queue.addAll(definition.parents());
            }
        }
        return List.copyOf(seen);
    }

    /** Whether an entity of {@code schema} may stand where {@code range} is asked for. */
    public static boolean isA(String schema, String range) {
        return lineage(schema).contains(range);
    }

    /** The schemata (of those described here) that define a property of that name. */
    public static List<String> definedBy(String name) {
        return SCHEMATA.entrySet().stream()
                .filter(entry -> entry.getValue().own().containsKey(name))
                .map(Map.Entry::getKey)
                .toList();
    }

    /** The property as the schema (or a schema it extends) defines it. */
    public static Optional<Property> property(String schema, String name) {
        for (var ancestor : lineage(schema)) {
            var property = SCHEMATA.get(ancestor).own().get(name);
            if (property != null) {
                return Optional.of(property);
            }
        }
        return Optional.empty();
    }
}
