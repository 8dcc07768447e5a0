package io.schemagov.ingest.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.schemagov.model.DataActor;
import io.schemagov.model.DataChangeEvent;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The actors of recent transactions, as the source's actor trigger reported them (message prefix
 * {@code schemagov.actor}, emitted before each statement's rows), attached to the rows of the same transaction.
 * A transaction without such a message keeps no actor: the record then says the actor is unknown.
 */
final class TransactionActors {

    static final String PREFIX = "schemagov.actor";
    private static final int REMEMBERED = 1_000;

    private final ObjectMapper json = new ObjectMapper();
    private final Map<Long, DataActor> byTransaction = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, DataActor> eldest) {
            return size() > REMEMBERED;
        }
    };

    /**
     * Notes who runs the transaction's next statement.
     *
     * @throws IOException when the message is not the trigger's JSON
     */
    void remember(Long transactionId, byte[] content) throws IOException {
        JsonNode root = json.readTree(content);
        if (root == null || !root.isObject()) {
            throw new IOException("not a JSON object");
        }
        if (transactionId != null) {
            byTransaction.put(transactionId, DataActor.newBuilder().setDeclared(text(root, "declared"))
                    .setRole(text(root, "role")).setApplication(text(root, "application"))
                    .setClientAddress(text(root, "clientAddress")).build());
        }
    }

    DataChangeEvent attach(DataChangeEvent event) {
        Long transaction = event.getSource().getTransactionId();
        DataActor actor = transaction == null ? null : byTransaction.get(transaction);
        if (actor != null) {
            event.setActor(actor); // on the event the reader has just made, instead of a copy of every row
        }
        return event;
    }

    private static String text(JsonNode root, String field) {
        JsonNode value = root.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
