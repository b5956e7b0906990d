package org.dataflowatlas.graph;

import org.dataflowatlas.InvalidInputException;
import org.jspecify.annotations.Nullable;

/** Checks on free text sent by callers: present where required, of a sane length, no control characters. */
public final class Texts {

    private Texts() {}

    public static String required(String field, @Nullable String text, int maxLength) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field + " is required and must not be blank.");
        }
        return optional(field, text, maxLength);
    }

    public static @Nullable String optional(String field, @Nullable String text, int maxLength) {
        if (text == null) {
            return null;
        }
        if (text.length() > maxLength) {
            throw new InvalidInputException(
                    field + " is " + text.length() + " characters long; at most " + maxLength + " are allowed.");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r') {
                throw new InvalidInputException(field + " contains a control character (code " + (int) c
                        + ") at position " + i + "; remove it.");
            }
        }
        return text.strip();
    }

    public static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
