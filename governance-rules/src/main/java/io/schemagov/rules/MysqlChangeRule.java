package io.schemagov.rules;

import io.schemagov.model.SchemaChangeEvent;
import io.schemagov.model.TableSnapshot;
import java.util.List;
import java.util.Optional;

/**
 * The shape of most MariaDB/MySQL change rules: an ALTER TABLE (or index statement) on a table, judged from the
 * statement text and the table's size; the severity follows the size.
 */
abstract class MysqlChangeRule implements ChangeRule {

    @Override
    public final List<Finding> evaluate(SchemaChangeEvent event, RuleSettings settings) {
        Optional<String> statement = MysqlRules.alterStatement(event);
        if (statement.isEmpty()) {
            return List.of();
        }
        Optional<TableSnapshot> table = MysqlRules.table(event);
        if (table.isEmpty()) {
            return List.of();
        }
        return problem(statement.get(), table.get(), settings).map(message -> List.of(info().finding(
                severity(table.get(), settings), table.get().getSchemaName(), table.get().getTableName(),
                Names.of(table.get()), message))).orElse(List.of());
    }

    /** What is wrong with this statement on this table, as the finding's message; empty when nothing is. */
    abstract Optional<String> problem(String statement, TableSnapshot table, RuleSettings settings);

    /** By default from the table's size: what blocks or copies a big table hurts more. */
    Severity severity(TableSnapshot table, RuleSettings settings) {
        return TableSize.of(table).severity(settings);
    }
}
