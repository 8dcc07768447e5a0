package io.schemagov.dashboard.tables;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SnapshotDiffTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private static final String BASE = "{'kind':'table','rowSecurity':false,"
            + "'columns':[{'name':'id','position':1,'dataType':'bigint','notNull':true},"
            + "{'name':'email','position':2,'dataType':'text','notNull':false}],"
            + "'constraints':[{'name':'t_pkey','type':'PRIMARY_KEY','definition':'PRIMARY KEY (id)'}],"
            + "'indexes':[{'name':'t_pkey','definition':'CREATE UNIQUE INDEX t_pkey ON t (id)','valid':true}]}";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("nothing changed", BASE, BASE, List.of()),
                Arguments.of("column added", BASE, BASE.replace("'notNull':false}]",
                        "'notNull':false},{'name':'note','position':3,'dataType':'text','notNull':false}]"),
                        List.of("column note added")),
                Arguments.of("column type changed", BASE, BASE.replace("'dataType':'text'", "'dataType':'varchar(200)'"),
                        List.of("column email changed")),
                Arguments.of("column dropped, a later one moves up: only the drop", BASE.replace("'notNull':false}]",
                        "'notNull':false},{'name':'note','position':3,'dataType':'text','notNull':false}]"),
                        BASE.replace("{'name':'email','position':2,'dataType':'text','notNull':false}",
                                "{'name':'note','position':2,'dataType':'text','notNull':false}"),
                        List.of("column email removed")),
                Arguments.of("index became invalid", BASE, BASE.replace("'valid':true", "'valid':false"),
                        List.of("index t_pkey changed")),
                Arguments.of("constraint removed", BASE, BASE.replace(
                        "{'name':'t_pkey','type':'PRIMARY_KEY','definition':'PRIMARY KEY (id)'}", ""),
                        List.of("constraint t_pkey removed")),
                Arguments.of("row security enabled", BASE, BASE.replace("'rowSecurity':false", "'rowSecurity':true"),
                        List.of("table rowSecurity changed")),
                Arguments.of("MariaDB table moved to another engine and collation",
                        BASE.replace("{'kind'", "{'engine':'MyISAM','collation':'latin1_swedish_ci','kind'"),
                        BASE.replace("{'kind'", "{'engine':'InnoDB','collation':'utf8mb4_general_ci','kind'"),
                        List.of("table engine changed", "table collation changed")),
                Arguments.of("PostgreSQL's null engine is no change", BASE.replace("{'kind'", "{'engine':null,'kind'"),
                        BASE, List.of()),
                Arguments.of("table dropped", BASE, null, List.of("column id removed", "column email removed",
                        "constraint t_pkey removed", "index t_pkey removed", "table kind changed",
                        "table rowSecurity changed")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsWhatChanged(String name, String before, String after, List<String> expected) {
        List<SnapshotDiff.Change> changes = SnapshotDiff.between(json(before), after == null ? null : json(after));

        assertThat(changes).extracting(c -> c.part() + " " + c.name() + " " + c.change())
                .containsExactlyElementsOf(expected);
    }
}
