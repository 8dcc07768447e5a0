package io.schemagov.analyzer.elasticsearch;

import io.schemagov.model.SchemaChangeEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/** The fields that say where, when and by whom a schema change happened, shared by findings and schema history. */
public final class ChangeFields {

    private ChangeFields() {
    }

    public static void put(Map<String, Object> doc, SchemaChangeEvent event) {
        doc.put("database", event.getSource().getDatabase());
        doc.put("sourceKind", event.getSource().getKind().name());
        doc.put("commandTag", event.getCommandTag());
        doc.put("statement", event.getStatement());
        Map<String, Object> actor = new LinkedHashMap<>();
        actor.put("role", event.getActor().getRole());
        actor.put("application", event.getActor().getApplication());
        actor.put("clientAddress", event.getActor().getClientAddress());
        doc.put("actor", actor);
        doc.put("position", event.getSource().getPosition());
        doc.put("transactionId", event.getSource().getTransactionId());
        doc.put("eventTime", event.getEventTime().toString());
    }
}
