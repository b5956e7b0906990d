package org.dataflowatlas.organization;

import java.util.List;
import org.dataflowatlas.evidence.Evidence;
import org.dataflowatlas.evidence.Retraction;
import org.jspecify.annotations.Nullable;

/** A role a person holds or held at an organization; one per person, organization and title. */
public record Role(
        Person person,
        Organization organization,
        String title,
        @Nullable String since,
        @Nullable String until,
        List<Evidence> evidence,
        boolean retracted,
        @Nullable Retraction retraction) {}
