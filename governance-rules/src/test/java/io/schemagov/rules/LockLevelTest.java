package io.schemagov.rules;

import static io.schemagov.rules.LockLevel.ACCESS_EXCLUSIVE;
import static io.schemagov.rules.LockLevel.ACCESS_SHARE;
import static io.schemagov.rules.LockLevel.EXCLUSIVE;
import static io.schemagov.rules.LockLevel.ROW_EXCLUSIVE;
import static io.schemagov.rules.LockLevel.ROW_SHARE;
import static io.schemagov.rules.LockLevel.SHARE;
import static io.schemagov.rules.LockLevel.SHARE_ROW_EXCLUSIVE;
import static io.schemagov.rules.LockLevel.SHARE_UPDATE_EXCLUSIVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The lock levels against PostgreSQL's "Conflicting Lock Modes" table (Explicit Locking, 13.3.1). */
class LockLevelTest {

    static Stream<Arguments> documentedConflicts() {
        return Stream.of(
                arguments(ACCESS_SHARE, EnumSet.of(ACCESS_EXCLUSIVE)),
                arguments(ROW_SHARE, EnumSet.of(EXCLUSIVE, ACCESS_EXCLUSIVE)),
                arguments(ROW_EXCLUSIVE, EnumSet.of(SHARE, SHARE_ROW_EXCLUSIVE, EXCLUSIVE, ACCESS_EXCLUSIVE)),
                arguments(SHARE_UPDATE_EXCLUSIVE, EnumSet.of(SHARE_UPDATE_EXCLUSIVE, SHARE, SHARE_ROW_EXCLUSIVE,
                        EXCLUSIVE, ACCESS_EXCLUSIVE)),
                arguments(SHARE, EnumSet.of(ROW_EXCLUSIVE, SHARE_UPDATE_EXCLUSIVE, SHARE_ROW_EXCLUSIVE, EXCLUSIVE,
                        ACCESS_EXCLUSIVE)),
                arguments(SHARE_ROW_EXCLUSIVE, EnumSet.of(ROW_EXCLUSIVE, SHARE_UPDATE_EXCLUSIVE, SHARE,
                        SHARE_ROW_EXCLUSIVE, EXCLUSIVE, ACCESS_EXCLUSIVE)),
                arguments(EXCLUSIVE, EnumSet.complementOf(EnumSet.of(ACCESS_SHARE))),
                arguments(ACCESS_EXCLUSIVE, EnumSet.allOf(LockLevel.class)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documentedConflicts")
    void conflictsAsDocumented(LockLevel level, Set<LockLevel> conflicting) {
        for (LockLevel other : LockLevel.values()) {
            assertThat(level.conflictsWith(other)).as("%s vs %s", level, other)
                    .isEqualTo(conflicting.contains(other));
            assertThat(other.conflictsWith(level)).as("symmetric: %s vs %s", other, level)
                    .isEqualTo(conflicting.contains(other));
        }
    }

    static Stream<Arguments> whatEachBlocks() {
        return Stream.of(
                arguments(SHARE, "blocks INSERT, UPDATE and DELETE", true, false),
                arguments(SHARE_UPDATE_EXCLUSIVE, "blocks other DDL and VACUUM", false, false),
                arguments(SHARE_ROW_EXCLUSIVE, "blocks writes", true, false),
                arguments(EXCLUSIVE, "blocks writes and SELECT FOR UPDATE/SHARE; only plain reads continue", true,
                        false),
                arguments(ACCESS_EXCLUSIVE, "blocks reads and writes", true, true),
                arguments(ROW_EXCLUSIVE, "blocks CREATE INDEX without CONCURRENTLY and most DDL", false, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("whatEachBlocks")
    void saysWhatItBlocks(LockLevel level, String blocks, boolean blocksWrites, boolean blocksReads) {
        assertThat(level.blocks()).isEqualTo(blocks);
        assertThat(level.blocksWrites()).isEqualTo(blocksWrites);
        assertThat(level.blocksReads()).isEqualTo(blocksReads);
    }

    @Test
    void namesLocksAsPostgresDoes() {
        assertThat(SHARE_ROW_EXCLUSIVE.sqlName()).isEqualTo("SHARE ROW EXCLUSIVE");
        assertThat(ACCESS_EXCLUSIVE.withArticle()).isEqualTo("an ACCESS EXCLUSIVE lock");
        assertThat(SHARE.withArticle()).isEqualTo("a SHARE lock");
        assertThat(LockLevel.strongest(SHARE, SHARE_UPDATE_EXCLUSIVE)).isEqualTo(SHARE);
    }
}
