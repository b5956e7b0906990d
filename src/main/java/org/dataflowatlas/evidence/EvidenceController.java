package org.dataflowatlas.evidence;

import static org.dataflowatlas.graph.Batches.byParent;
import static org.dataflowatlas.graph.Batches.ids;

import java.util.List;
import java.util.Map;
import org.dataflowatlas.graph.Ids;
import org.dataflowatlas.security.Editors;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** Sources, events and statements: how we know. */
@Controller
class EvidenceController {

    private final EvidenceService evidence;

    EvidenceController(EvidenceService evidence) {
        this.evidence = evidence;
    }

    @QueryMapping
    @Nullable
    Source source(@Argument String id) {
        return evidence.source(Ids.checkSlug("id", id)).orElse(null);
    }

    @QueryMapping
    @Nullable
    Event event(@Argument String id) {
        return evidence.event(Ids.checkSlug("id", id)).orElse(null);
    }

    @QueryMapping
    @Nullable
    Statement statement(@Argument String id) {
        return evidence.statement(Ids.checkSlug("id", id)).orElse(null);
    }

    @MutationMapping
    @PreAuthorize(Editors.ONLY)
    Event recordEvent(@Argument EventInput input) {
        return evidence.recordEvent(input);
    }

    @MutationMapping
    @PreAuthorize(Editors.ONLY)
    Event retractEvent(@Argument String id, @Argument String reason, @Argument List<EvidenceInput> evidence) {
        return this.evidence.retractEvent(id, reason, evidence);
    }

    @MutationMapping
    @PreAuthorize(Editors.ONLY)
    Statement recordStatement(@Argument StatementInput input) {
        return evidence.recordStatement(input);
    }

    @MutationMapping
    @PreAuthorize(Editors.ONLY)
    Statement retractStatement(@Argument String id, @Argument String reason, @Argument List<EvidenceInput> evidence) {
        return this.evidence.retractStatement(id, reason, evidence);
    }

    @MutationMapping
    @PreAuthorize(Editors.ONLY)
    Source recordCitation(@Argument String source, @Argument List<String> cites) {
        return evidence.recordCitation(source, cites);
    }

    @MutationMapping
    @PreAuthorize(Editors.ONLY)
    RetractedLink retractCitation(
            @Argument String source,
            @Argument String cited,
            @Argument String reason,
            @Argument List<EvidenceInput> evidence) {
        return this.evidence.retractCitation(source, cited, reason, evidence);
    }

    @MutationMapping
    @PreAuthorize(Editors.ONLY)
    Source addSource(@Argument SourceInput input) {
        return evidence.addSource(input);
    }

    @MutationMapping
    @PreAuthorize(Editors.ONLY)
    Object addEvidence(@Argument String target, @Argument List<EvidenceInput> evidence) {
        return this.evidence.addEvidence(target, evidence);
    }

    @BatchMapping
    Map<Source, List<Source>> cites(List<Source> sources) {
        return byParent(sources, Source::id, evidence.cites(ids(sources, Source::id)), List.of());
    }

    @BatchMapping
    Map<Source, List<Source>> citedBy(List<Source> sources) {
        return byParent(sources, Source::id, evidence.citedBy(ids(sources, Source::id)), List.of());
    }

    @BatchMapping
    Map<Source, List<EvidencedFact>> evidences(List<Source> sources) {
        return byParent(sources, Source::id, evidence.evidenced(ids(sources, Source::id)), List.of());
    }

    @BatchMapping
    Map<Source, List<Statement>> statements(List<Source> sources) {
        return byParent(sources, Source::id, evidence.statementsIn(ids(sources, Source::id)), List.of());
    }

    @BatchMapping(typeName = "Event", field = "evidence")
    Map<Event, List<Evidence>> eventEvidence(List<Event> events) {
        return byParent(events, Event::id, evidence.forEvents(ids(events, Event::id)), List.of());
    }

    @BatchMapping(typeName = "Event", field = "retraction")
    Map<Event, Retraction> eventRetraction(List<Event> events) {
        var retracted = events.stream().filter(Event::retracted).toList();
        return byParent(events, Event::id, evidence.eventRetractions(ids(retracted, Event::id)), null);
    }

    @BatchMapping(typeName = "Statement", field = "evidence")
    Map<Statement, List<Evidence>> statementEvidence(List<Statement> statements) {
        return byParent(statements, Statement::id, evidence.forStatements(ids(statements, Statement::id)), List.of());
    }

    @BatchMapping(typeName = "Statement", field = "retraction")
    Map<Statement, Retraction> statementRetraction(List<Statement> statements) {
        var retracted = statements.stream().filter(Statement::retracted).toList();
        return byParent(statements, Statement::id, evidence.statementRetractions(ids(retracted, Statement::id)), null);
    }

    @BatchMapping(typeName = "Event")
    Map<Event, List<Object>> involves(List<Event> events) {
        return byParent(events, Event::id, evidence.involved(ids(events, Event::id)), List.of());
    }

    @BatchMapping(typeName = "Statement")
    Map<Statement, Object> by(List<Statement> statements) {
        return byParent(statements, Statement::id, evidence.speakers(ids(statements, Statement::id)), null);
    }

    @BatchMapping(typeName = "Statement")
    Map<Statement, List<Object>> about(List<Statement> statements) {
        return byParent(statements, Statement::id, evidence.about(ids(statements, Statement::id)), List.of());
    }

    @BatchMapping(typeName = "Statement")
    Map<Statement, List<Source>> reportedIn(List<Statement> statements) {
        return byParent(statements, Statement::id, evidence.reportedIn(ids(statements, Statement::id)), List.of());
    }
}
