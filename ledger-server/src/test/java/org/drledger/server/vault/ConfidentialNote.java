package org.drledger.server.vault;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * Test-only aggregate (test sources, found by the application's component scan): an entry whose payload carries a
 * committed field, standing in for the workflow events that will carry inspectors' ID numbers and phones.
 */
@Aggregate(type = "ConfidentialNote")
public class ConfidentialNote {
    public record RecordConfidentialNote(@TargetAggregateIdentifier String noteId, String subject, ObjectNode phone) {
    }

    public record ConfidentialNoteRecorded(String noteId, String subject, ObjectNode phone) {
    }

    @AggregateIdentifier
    private String noteId;

    protected ConfidentialNote() {
    }

    @CommandHandler
    ConfidentialNote(RecordConfidentialNote c) {
        apply(new ConfidentialNoteRecorded(c.noteId(), c.subject(), c.phone()));
    }

    @EventSourcingHandler
    void on(ConfidentialNoteRecorded e) {
        noteId = e.noteId();
    }
}
