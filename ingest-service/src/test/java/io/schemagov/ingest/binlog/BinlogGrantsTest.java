package io.schemagov.ingest.binlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class BinlogGrantsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // grant lines (;-separated)                                                                              | missing
        "GRANT ALL PRIVILEGES ON *.* TO `root`@`localhost` WITH GRANT OPTION                                        | ''",
        "GRANT RELOAD, REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO `cdc`@`%`;GRANT SELECT ON `shop`.* TO `cdc`@`%` | ''",
        "GRANT SELECT, RELOAD, REPLICATION SLAVE, BINLOG MONITOR ON *.* TO `cdc`@`%` IDENTIFIED BY PASSWORD '*AB'      | ''",
        "GRANT LOCK TABLES, REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO `cdc`@`%`;GRANT ALL PRIVILEGES ON `shop`.* TO `cdc`@`%` | ''",
        "GRANT USAGE ON *.* TO `app`@`%`;GRANT SELECT, INSERT ON `shop`.* TO `app`@`%`                               | REPLICATION SLAVE,REPLICATION CLIENT,RELOAD",
        "GRANT REPLICATION SLAVE, REPLICATION CLIENT, RELOAD ON *.* TO `cdc`@`%`;GRANT SELECT ON `other`.* TO `cdc`@`%` | SELECT",
        "GRANT ALL PRIVILEGES ON `shop`.* TO `cdc`@`%`                                                              | REPLICATION SLAVE,REPLICATION CLIENT,RELOAD",
        "GRANT SELECT (id, name) ON `shop`.`t` TO `cdc`@`%`                                                         | REPLICATION SLAVE,REPLICATION CLIENT,RELOAD,SELECT",
    })
    void tellsWhichPrivilegesTheConnectorLacks(String grants, String missing) {
        Optional<List<String>> result = BinlogGrants.missing(List.of(grants.split(";")), "shop");
        if (missing.isEmpty()) {
            assertThat(result).isEmpty();
        } else {
            assertThat(result).contains(List.of(missing.split(",")));
        }
    }

    @Test
    void grantStatementsNameTheUserAndTheDatabase() {
        assertThat(BinlogGrants.grantStatements("cdc", "shop")).isEqualTo(
                "GRANT REPLICATION SLAVE, REPLICATION CLIENT, RELOAD ON *.* TO 'cdc'@'%'; GRANT SELECT ON `shop`.* TO 'cdc'@'%';");
    }
}
