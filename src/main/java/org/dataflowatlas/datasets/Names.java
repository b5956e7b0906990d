package org.dataflowatlas.datasets;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Names compared as people read them: case, accents, punctuation, a leading "The" and "&" do not count. */
final class Names {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9]+");

    /**
     * Legal forms, which differ between registrations of the same company ("Acxiom LLC", "ACXIOM
     * CORPORATION"). "Holdings" is not one: a holding company is another company than its business.
     */
    private static final Set<String> LEGAL_FORMS = Set.of(
            "inc",
            "incorporated",
            "llc",
            "l",
            "c",
            "ltd",
            "limited",
            "corp",
            "corporation",
            "co",
            "company",
            "lp",
            "llp",
            "plc",
            "pllc",
            "pc",
            "sa",
            "ag",
            "gmbh",
            "bv",
            "nv",
            "srl",
            "pty",
            "holdings");

    private Names() {}

    /** The comparison key of a name: "The Intercept" and "the  intercept." give the same key. */
    static String key(String name) {
        var plain =
                MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFKD)).replaceAll("");
        var words = NOT_WORD.matcher(plain.toLowerCase(Locale.ROOT)
                        .replace("&", " and ")
                        .replace("'", "")
                        .replace("’", "")
                        .replace(".", ""))
                .replaceAll(" ")
                .strip();
        return words.startsWith("the ") ? words.substring(4) : words;
    }

    /** Whether the name is nothing but a legal form ("Inc", "L.L.C."), as a list split at its commas leaves one. */
    static boolean isLegalForm(String name) {
        return Arrays.stream(key(name).split(" ")).allMatch(LEGAL_FORMS::contains);
    }

    /** The key of a company name without its legal form, so registrations of one company meet. */
    static String companyKey(String name) {
        var words = key(name).split(" ");
        int end = words.length;
        while (end > 1 && LEGAL_FORMS.contains(words[end - 1])) {
            end--;
        }
        return String.join(" ", Arrays.asList(words).subList(0, end));
    }
}
