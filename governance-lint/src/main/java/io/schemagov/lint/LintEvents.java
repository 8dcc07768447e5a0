package io.schemagov.lint;

import io.schemagov.lint.ScriptPart.Statement;
import io.schemagov.model.Actor;
import io.schemagov.model.ChangeKind;
import io.schemagov.model.SchemaChangeEvent;
import io.schemagov.model.SourceKind;
import io.schemagov.model.SourcePosition;
import java.time.Instant;

/**
 * The event the capture would record for one statement of a migration file, as far as the file tells: command,
 * object, statement text, transaction block and timeouts. No table snapshot, rewrite or dropped object: the lint
 * has no catalog, and the rules that need one stay silent without it.
 */
final class LintEvents {

    /** The source name lint events carry; rules-file suppressions limited to a database do not apply to them. */
    static final String SOURCE = "migration-lint";

    private LintEvents() {
    }

    /**
     * @param file the file's name, which with the line makes the event's position
     * @param now  when the lint runs: rules-file suppressions are judged on that day
     */
    static SchemaChangeEvent of(String file, Statement statement, DdlCommand command, Session session, Instant now) {
        String identity = command.objectIdentity();
        int dot = identity == null ? -1 : identity.lastIndexOf('.');
        return SchemaChangeEvent.newBuilder()
                .setSource(SourcePosition.newBuilder().setKind(SourceKind.POSTGRESQL).setDatabase(SOURCE)
                        .setPosition(file + ":" + statement.line()).build())
                .setKind(ChangeKind.DDL)
                .setCommandTag(command.commandTag())
                .setObjectType(command.objectType())
                .setSchemaName(dot < 0 ? null : identity.substring(0, dot))
                .setObjectIdentity(identity)
                .setStatement(statement.text())
                .setActor(Actor.newBuilder().build())
                .setInTransactionBlock(session.inTransactionBlock())
                .setLockTimeoutMs(session.timeoutMs(Session.LOCK_TIMEOUT))
                .setStatementTimeoutMs(session.timeoutMs(Session.STATEMENT_TIMEOUT))
                .setEventTime(now)
                .build();
    }
}
