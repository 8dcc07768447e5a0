package io.schemagov.analyzer.compliance;

import io.schemagov.analyzer.config.ComplianceProperties;
import io.schemagov.model.ChangeKind;
import io.schemagov.model.DataChangeEvent;
import io.schemagov.model.Globs;
import io.schemagov.model.Operation;
import io.schemagov.model.SchemaChangeEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Checks data changes and DDL against the compliance settings. A data change is judged per transaction and table:
 * all rows of one transaction on one table make at most one finding per rule. Counting rows of a transaction keeps
 * a bounded memory of recent transactions; it is exact when one analyzer instance consumes the data changes (the
 * default), and a lower bound when several share the partitions. A record consumed again (its batch rewound after a
 * failed write) is not counted twice: each count remembers the last Kafka offset it took.
 */
@Component
public class ComplianceRules {

    private static final int REMEMBERED_TRANSACTIONS = 10_000;

    private final ComplianceProperties properties;
    private final ChangeWindows windows;
    private final List<Pattern> sensitive;
    private final List<Pattern> appendOnly;
    private final List<Pattern> actorRequired;
    private final Map<String, RowCount> rowsPerTransaction = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RowCount> eldest) {
            return size() > REMEMBERED_TRANSACTIONS;
        }
    };

    public ComplianceRules(ComplianceProperties properties) {
        this.properties = properties;
        this.windows = new ChangeWindows(properties.changeWindows());
        this.sensitive = properties.sensitiveTables().stream().map(Globs::compile).toList();
        this.appendOnly = properties.appendOnlyTables().stream().map(Globs::compile).toList();
        this.actorRequired = properties.actorRequiredTables().stream().map(Globs::compile).toList();
    }

    /** The findings about one row change that was not consumed from Kafka (counted every time). */
    public List<ComplianceFinding> evaluate(DataChangeEvent event) {
        return evaluate(event, -1, -1);
    }

    /**
     * The findings about one row change read from this Kafka partition and offset; a row whose offset its count has
     * taken already adds nothing (the data loop is single-threaded; the counters are not shared).
     */
    public synchronized List<ComplianceFinding> evaluate(DataChangeEvent event, int partition, long offset) {
        List<ComplianceFinding> findings = new ArrayList<>();
        String table = event.getSchemaName() + "." + event.getTableName();
        String transaction = event.getSource().getTransactionId() == null ? "position " + event.getSource().getPosition()
                : "transaction " + event.getSource().getTransactionId();
        String key = transaction + " " + table;
        Operation operation = event.getOperation();
        Instant when = event.getSource().getCommitTime() != null ? event.getSource().getCommitTime() : event.getEventTime();
        if ((operation == Operation.DELETE || operation == Operation.UPDATE) && event.getSource().getTransactionId() != null) {
            RowCount count = rowsPerTransaction.computeIfAbsent(event.getSource().getDatabase() + " " + key + " "
                    + operation, k -> new RowCount());
            long rows = count.add(partition, offset);
            // Reported when the threshold is reached, then each time the count doubles: one finding, a growing count.
            if (rows > 0 && rows >= properties.bulkChangeRows() && Long.bitCount(rows / properties.bulkChangeRows()) == 1
                    && rows % properties.bulkChangeRows() == 0) {
                ComplianceRule rule = operation == Operation.DELETE ? ComplianceRule.BULK_DELETE : ComplianceRule.BULK_UPDATE;
                findings.add(finding(rule, event, key, "at least " + rows + " rows of " + table + " "
                        + (operation == Operation.DELETE ? "deleted" : "updated") + " by " + transaction
                        + " (threshold " + properties.bulkChangeRows() + ")"));
            }
        }
        if (operation == Operation.DELETE && event.getBefore() != null
                && properties.softDeleteColumns().stream().anyMatch(event.getBefore()::containsKey)) {
            findings.add(finding(ComplianceRule.HARD_DELETE_IN_SOFT_DELETE_TABLE, event, key, table
                    + " marks deletions in a soft-delete column, but " + transaction + " deleted rows for good"));
        }
        if (operation != Operation.INSERT && operation != Operation.SNAPSHOT && matches(appendOnly, table)) {
            findings.add(finding(ComplianceRule.APPEND_ONLY_TABLE_MODIFIED, event, key, transaction + " ran "
                    + operation + " on " + table + ", an append-only audit or history table"));
        }
        if (matches(actorRequired, table) && (event.getActor() == null || event.getActor().getDeclared() == null)) {
            findings.add(finding(ComplianceRule.UNATTRIBUTED_CHANGE, event, key, transaction + " changed " + table
                    + " without declaring who acts" + (event.getActor() == null ? " (no actor was recorded at all)"
                            : " (session role " + event.getActor().getRole() + ")")));
        }
        if (matches(sensitive, table) && windows.configured() && !windows.contains(when)) {
            findings.add(finding(ComplianceRule.SENSITIVE_CHANGE_OUTSIDE_WINDOW, event, key, transaction + " changed "
                    + "the sensitive table " + table + " at " + when + ", outside the change windows " + windows));
        }
        return findings;
    }

    /** The findings about one DDL statement; a baseline is not a change and is never judged. */
    public List<ComplianceFinding> evaluate(SchemaChangeEvent event) {
        if (event.getKind() == ChangeKind.BASELINE) {
            return List.of();
        }
        List<ComplianceFinding> findings = new ArrayList<>();
        String role = event.getActor() == null ? null : event.getActor().getRole();
        String what = event.getCommandTag() + (event.getObjectIdentity() == null ? "" : " " + event.getObjectIdentity());
        String key = "ddl " + event.getSource().getPosition() + " " + event.getCommandTag() + " " + event.getObjectIdentity();
        if (!properties.ddlRoles().isEmpty() && !properties.ddlRoles().contains(role)) {
            findings.add(new ComplianceFinding(ComplianceRule.DDL_ROLE_NOT_ALLOWED, ComplianceRule.DDL_ROLE_NOT_ALLOWED.severity(),
                    event.getSchemaName(), null, key, what + " was run by role " + role + ", which is not among the "
                            + "roles allowed to run DDL " + properties.ddlRoles()));
        }
        if (properties.ddlOnlyInWindows() && windows.configured() && !windows.contains(event.getEventTime())) {
            findings.add(new ComplianceFinding(ComplianceRule.DDL_OUTSIDE_WINDOW, ComplianceRule.DDL_OUTSIDE_WINDOW.severity(),
                    event.getSchemaName(), null, key, what + " ran at " + event.getEventTime()
                            + ", outside the change windows " + windows));
        }
        return findings;
    }

    /** The rows counted for one transaction, table and operation, and the last Kafka record counted. */
    private static final class RowCount {
        private long rows;
        private int partition = -1;
        private long offset = -1;

        /** The count with this row, or 0 when this record was counted before. */
        long add(int recordPartition, long recordOffset) {
            if (recordOffset >= 0 && recordPartition == partition && recordOffset <= offset) {
                return 0;
            }
            partition = recordPartition;
            offset = recordOffset;
            return ++rows;
        }
    }

    private static ComplianceFinding finding(ComplianceRule rule, DataChangeEvent event, String key, String message) {
        return new ComplianceFinding(rule, rule.severity(), event.getSchemaName(), event.getTableName(), key, message);
    }

    private static boolean matches(List<Pattern> patterns, String table) {
        return patterns.stream().anyMatch(p -> p.matcher(table).matches());
    }
}
