package org.dataflowatlas.graph;

import java.util.Locale;
import java.util.regex.Pattern;
import org.dataflowatlas.InvalidInputException;

/** Stable ids are slugs: lower-case letters and digits in words joined by hyphens, e.g. us-secret-service. */
public final class Ids {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    public static final int MAX_LENGTH = 120;

    private Ids() {}

    public static String checkSlug(String field, String id) {
        if (id.length() > MAX_LENGTH || !SLUG.matcher(id).matches()) {
            throw new InvalidInputException(field + " '" + Texts.abbreviate(id) + "' is not a valid id: use lower-case"
                    + " letters and digits in words joined by single hyphens (e.g. us-secret-service), at most "
                    + MAX_LENGTH + " characters.");
        }
        return id;
    }

    /** Turns free text into a slug (for ids derived from other ids). */
    public static String slugify(String text) {
        var slug = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return slug.length() > MAX_LENGTH ? slug.substring(0, MAX_LENGTH).replaceAll("-+$", "") : slug;
    }
}
