package io.schemagov.ingest.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PositionsTest {

    @Test
    void logSequenceNumbersAreZeroPaddedHexThatSortsAsText() {
        assertThat(Positions.formatLsn(0x16B3748L)).isEqualTo("00000000/016B3748");
        assertThat(Positions.formatLsn(0x2_0000_0001L)).isEqualTo("00000002/00000001");
        assertThat(Positions.formatLsn(-1L)).isEqualTo("FFFFFFFF/FFFFFFFF");
        assertThat(Positions.formatLsn(0L)).isEqualTo("00000000/00000000");
    }

    @Test
    void logSequenceNumbersReadAsPostgresqlWritesThem() {
        SplittableRandom random = new SplittableRandom(8);
        for (int i = 0; i < 10_000; i++) {
            long lsn = random.nextLong();
            assertThat(Positions.formatLsn(lsn))
                    .isEqualTo(String.format("%08X/%08X", lsn >>> 32, lsn & 0xFFFFFFFFL));
        }
    }
}
